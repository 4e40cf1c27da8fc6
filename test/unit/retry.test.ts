import { describe, expect, it } from 'vitest'
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffMs,
  isRetryableStatus,
  requestedWaitMs,
  retryWaitMs
} from '../../src/logic/retry.js'

describe('isRetryableStatus', () => {
  it('retries 408, 429 and 5xx only', () => {
    expect([408, 429, 500, 502, 503, 504, 599].every(isRetryableStatus)).toBe(true)
    expect([200, 301, 400, 401, 403, 404, 409, 422].some(isRetryableStatus)).toBe(false)
  })
})

describe('backoffMs', () => {
  it('doubles from 1 s, jittered up by at most the step, never under 1 s', () => {
    expect([1, 2, 3].map(n => backoffMs(n, () => 0))).toEqual([1000, 2000, 4000])
    expect([1, 2, 3].map(n => backoffMs(n, () => 0.999))).toEqual([1999, 3998, 7996])
    for (let n = 1; n <= 40; n++) expect(backoffMs(n, () => 0)).toBeGreaterThanOrEqual(BACKOFF_BASE_MS)
  })

  it('is capped', () => {
    expect(backoffMs(30, () => 1)).toBe(BACKOFF_CAP_MS)
  })
})

describe('retryWaitMs', () => {
  it('never waits less than the backoff, whatever the server asks', () => {
    const zero = () => 0
    expect(retryWaitMs(1, 0, zero)).toBe(1000)
    expect(retryWaitMs(1, undefined, zero)).toBe(1000)
    expect(retryWaitMs(3, 250, zero)).toBe(4000)
    expect(retryWaitMs(1, 7000, zero)).toBe(7000)
  })
})

describe('requestedWaitMs', () => {
  const now = Date.parse('2026-11-24T12:00:00Z')

  it('reads Retry-After in seconds and as an HTTP date', () => {
    expect(requestedWaitMs({ 'retry-after': '7' }, now)).toBe(7000)
    expect(requestedWaitMs({ 'retry-after': 'Tue, 24 Nov 2026 12:00:30 GMT' }, now)).toBe(30_000)
    expect(requestedWaitMs({ 'retry-after': 'Tue, 24 Nov 2026 11:00:00 GMT' }, now)).toBe(0)
  })

  it('prefers retry-after-ms', () => {
    expect(requestedWaitMs({ 'retry-after-ms': '1500', 'retry-after': '9' }, now)).toBe(1500)
  })

  it('ignores an absent or unreadable header', () => {
    expect(requestedWaitMs({}, now)).toBeUndefined()
    expect(requestedWaitMs({ 'retry-after': 'soon' }, now)).toBeUndefined()
    expect(requestedWaitMs({ 'retry-after': '-5' }, now)).toBeUndefined()
  })
})
