import { describe, expect, it } from 'vitest'
import { parseRateLimit, waitUntilResetMs } from '../../src/logic/rate-limit.js'

describe('parseRateLimit', () => {
  it('reads the headers the API sends, the tier as sent', () => {
    expect(
      parseRateLimit({
        'x-ratelimit-tier': 'premium',
        'x-ratelimit-remaining-minute': '1994',
        'x-ratelimit-remaining-day': '99000',
        'x-ratelimit-limit-minute': '2000',
        'x-ratelimit-limit-day': '100000',
        'x-ratelimit-reset': '1764050460'
      })
    ).toEqual({
      tier: 'premium',
      remainingMinute: 1994,
      remainingDay: 99000,
      limitMinute: 2000,
      limitDay: 100000,
      resetAt: 1764050460000
    })
  })

  it('leaves absent and malformed values out', () => {
    expect(
      parseRateLimit({
        'x-ratelimit-tier': ' ',
        'x-ratelimit-remaining-minute': '-1',
        'x-ratelimit-remaining-day': '1.5',
        'x-ratelimit-limit-minute': 'lots',
        'x-ratelimit-reset': ''
      })
    ).toEqual({})
    expect(parseRateLimit({ 'x-ratelimit-tier': 'free ![x](y)' }).tier).toBeUndefined()
  })
})

describe('waitUntilResetMs', () => {
  it('waits until the reset, never a negative time, and nothing without a reset', () => {
    const now = 1_764_050_400_000
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050412' }, now)).toBe(12_000)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050000' }, now)).toBe(0)
    expect(waitUntilResetMs({}, now)).toBeUndefined()
  })
})
