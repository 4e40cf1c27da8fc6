// The skip rule (test/support/skip.ts): under REQUIRE_ALL_TESTS=1 a skip fails, naming what was
// skipped, unless EXPECTED_SKIPS lists it.
import { describe, expect, it } from 'vitest'
import { skipRefusal } from '../support/skip.js'

describe('the skip rule', () => {
  it('allows a skip without REQUIRE_ALL_TESTS', () => {
    expect(skipRefusal({}, 'chromium', 'no Chromium')).toBeUndefined()
    expect(skipRefusal({ REQUIRE_ALL_TESTS: '0' }, 'chromium', 'no Chromium')).toBeUndefined()
  })

  it('refuses it under REQUIRE_ALL_TESTS=1, naming the skip and why', () => {
    const refusal = skipRefusal({ REQUIRE_ALL_TESTS: '1' }, 'chromium', 'no Chromium at /x')
    expect(refusal).toContain('(chromium)')
    expect(refusal).toContain('no Chromium at /x')
    expect(skipRefusal({ REQUIRE_ALL_TESTS: '1', EXPECTED_SKIPS: 'local-action' }, 'chromium', 'r')).toBeDefined()
  })

  it('allows only the skips EXPECTED_SKIPS lists, and refuses a list naming an unknown one', () => {
    const env = { REQUIRE_ALL_TESTS: '1', EXPECTED_SKIPS: 'local-action, ipv6' }
    expect(skipRefusal(env, 'local-action', 'r')).toBeUndefined()
    expect(skipRefusal(env, 'ipv6', 'r')).toBeUndefined()
    expect(skipRefusal({ EXPECTED_SKIPS: 'chromum' }, 'chromium', 'r')).toContain('chromum')
  })
})
