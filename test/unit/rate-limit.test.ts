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
      reset: 1764050460
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
    expect(parseRateLimit({})).toEqual({})
    expect(
      parseRateLimit({
        'x-ratelimit-remaining-minute': '+5',
        'x-ratelimit-remaining-day': '1,000',
        'x-ratelimit-limit-minute': '1e3',
        'x-ratelimit-limit-day': '0x10',
        'x-ratelimit-reset': '-1764050460'
      })
    ).toEqual({})
    expect(parseRateLimit({ 'x-ratelimit-reset': 'Tue, 25 Nov 2025 06:01:00 GMT' }).reset).toBeUndefined()
  })

  it('keeps the tier as sent, trimmed, and the counts with spaces around them', () => {
    expect(
      parseRateLimit({
        'x-ratelimit-tier': '  Premium Plus ',
        'x-ratelimit-remaining-minute': ' 0 ',
        'x-ratelimit-limit-day': '1200'
      })
    ).toEqual({ tier: 'Premium Plus', remainingMinute: 0, limitDay: 1200 })
    expect(parseRateLimit({ 'x-ratelimit-tier': 'free ![x](y)' }).tier).toBe('free ![x](y)')
    expect(parseRateLimit({ 'x-ratelimit-tier': 'free\u0000' }).tier).toBeUndefined()
  })

  it('takes a tier of printable ASCII only: no C1 control, no no-break space, no DEL', () => {
    for (const tier of ['free\u0085', '\u009bfree', 'free\u00a0plus', 'fr\u007fee', 'prémium', 'free\u200b'])
      expect(parseRateLimit({ 'x-ratelimit-tier': tier }).tier).toBeUndefined()
    expect(parseRateLimit({ 'x-ratelimit-tier': 'Premium-Plus_2 (beta)~' }).tier).toBe('Premium-Plus_2 (beta)~')
  })

  it('takes the first of repeated headers', () => {
    expect(
      parseRateLimit({ 'x-ratelimit-tier': ['free', 'premium'], 'x-ratelimit-remaining-day': ['7', '8'] })
    ).toEqual({
      tier: 'free',
      remainingDay: 7
    })
    expect(parseRateLimit({ 'x-ratelimit-tier': [] })).toEqual({})
  })

  it('reads a reset with a fraction of a second to the millisecond', () => {
    expect(parseRateLimit({ 'x-ratelimit-reset': '1764050460.25' }).reset).toBe(1764050460.25)
    expect(parseRateLimit({ 'x-ratelimit-reset': '1764050460.' }).reset).toBeUndefined()
  })
})

describe('waitUntilResetMs', () => {
  it('waits until the reset, never a negative time, and nothing without a reset', () => {
    const now = 1_764_050_400_000
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050412' }, now)).toBe(12_000)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050000' }, now)).toBe(0)
    expect(waitUntilResetMs({}, now)).toBeUndefined()
    expect(waitUntilResetMs({ 'x-ratelimit-reset': 'soon' }, now)).toBeUndefined()
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050400' }, now)).toBe(0)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1764050400.5' }, now)).toBe(500)
  })

  it('reads a small number as seconds from now, not as a time in 1970', () => {
    const now = 1_764_050_400_000
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '60' }, now)).toBe(60_000)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '0.5' }, now)).toBe(500)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '999999999' }, now)).toBe(999_999_999_000)
    expect(waitUntilResetMs({ 'x-ratelimit-reset': '1000000000' }, now)).toBe(0)
  })
})
