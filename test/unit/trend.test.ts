import { describe, expect, it } from 'vitest'
import {
  DAY_MS,
  HOUR_MS,
  MAX_FORECAST_DAYS,
  burnRate,
  burnWindow,
  computeTrend,
  dateAfter,
  fall,
  forecast,
  formatAmount,
  seriesTo,
  type Reading
} from '../../src/logic/trend.js'

const NOW = Date.parse('2026-11-24T06:00:00.000Z')

/** A reading of `total` credits (all regular) `daysAgo` days before NOW. */
function at(daysAgo: number, total: number, free = 0): Reading {
  return { at: NOW - daysAgo * DAY_MS, values: { total, regular: total - free, free, referral: 0 } }
}

describe('computeTrend', () => {
  it('knows nothing but the balance from one reading', () => {
    const current = at(0, 75)
    expect(computeTrend([current], current, 'total', 0)).toEqual({
      usedSinceLast: undefined,
      burnRatePerDay: undefined,
      daysRemaining: undefined,
      depletionDate: undefined,
      windowReadings: 1,
      readings: 1,
      spanMs: 0
    })
  })

  it('spends 25 a day: 75 credits last 3 days, until 2026-11-27', () => {
    const current = at(0, 75)
    const trend = computeTrend([at(2, 125), at(1, 100), current], current, 'total', 0)
    expect(trend).toMatchObject({
      usedSinceLast: 25,
      burnRatePerDay: 25,
      daysRemaining: 3,
      depletionDate: '2026-11-27'
    })
  })

  it('counts only falls: a top-up between spends is left out of the burn rate', () => {
    // 100 → 90 (spend 10), top-up to 200, → 180 (spend 20): 30 spent over 3 days.
    const current = at(0, 180)
    const trend = computeTrend([at(3, 100), at(2, 90), at(1, 200), current], current, 'total', 0)
    expect(trend.burnRatePerDay).toBe(10)
    expect(trend.daysRemaining).toBe(18)
    expect(computeTrend([at(1, 100), current], current, 'total', 0).usedSinceLast).toBe(0)
  })

  it('counts down to the minimum, and is 0 when the balance is already there', () => {
    const current = at(0, 75)
    expect(computeTrend([at(1, 100), current], current, 'total', 25).daysRemaining).toBe(2)
    expect(computeTrend([at(1, 100), current], current, 'total', 80)).toMatchObject({
      daysRemaining: 0,
      depletionDate: '2026-11-24'
    })
  })

  it('sorts readings out of time order, and ignores ones after the current', () => {
    const current = at(0, 75)
    const trend = computeTrend([at(1, 100), at(-5, 1), current, at(2, 125)], current, 'total', 0)
    expect(trend).toMatchObject({ usedSinceLast: 25, burnRatePerDay: 25 })
  })

  it('tolerates duplicate times, and needs two different times for a rate', () => {
    const current = at(0, 75)
    const same = computeTrend([at(0, 80), current], current, 'total', 0)
    expect(same.usedSinceLast).toBe(5)
    expect(same.burnRatePerDay).toBeUndefined()
    expect(same.daysRemaining).toBeUndefined()
    const twice = computeTrend([at(1, 100), at(1, 100), current], current, 'total', 0)
    expect(twice.burnRatePerDay).toBe(25)
  })

  it('starts the window at the newest reading at least 7 days old', () => {
    // Spending was 100 a day long ago, 10 a day in the last 8 days.
    const current = at(0, 100)
    const readings = [at(30, 3000), at(20, 2000), at(8, 180), at(6, 160), current]
    const trend = computeTrend(readings, current, 'total', 0)
    expect(trend.windowReadings).toBe(3)
    expect(trend.burnRatePerDay).toBe(10)
  })

  it('uses the whole history when it is shorter than the window', () => {
    const current = at(0, 70)
    expect(computeTrend([at(3, 100), at(2, 90), current], current, 'total', 0)).toMatchObject({
      windowReadings: 3,
      burnRatePerDay: 10
    })
  })

  it('leaves the forecast empty on a flat balance', () => {
    const current = at(0, 75)
    const trend = computeTrend([at(2, 75), at(1, 75), current], current, 'total', 0)
    expect(trend).toMatchObject({
      usedSinceLast: 0,
      burnRatePerDay: 0,
      daysRemaining: undefined,
      depletionDate: undefined
    })
  })

  it('follows the gated credit type only', () => {
    const current = at(0, 100, 0)
    const trend = computeTrend([at(1, 100, 10), current], current, 'free', 0)
    expect(trend).toMatchObject({ usedSinceLast: 10, burnRatePerDay: 10, daysRemaining: 0 })
    expect(computeTrend([at(1, 100, 10), current], current, 'total', 0).burnRatePerDay).toBe(0)
  })
})

describe('formatAmount', () => {
  it('drops the float noise of a subtraction', () => {
    expect(formatAmount(75.3 - 75.2)).toBe('0.1')
    expect(formatAmount(10 / 3)).toBe('3.3333')
    expect(formatAmount(25)).toBe('25')
  })

  it('never shows a value that is not 0 as 0, and never in exponent form', () => {
    expect(formatAmount((10.00001 - 10) / 10)).toBe('0.000001')
    expect(formatAmount(0.00001234)).toBe('0.000012')
    expect(formatAmount(1e-7)).toBe('0.0000001')
    expect(formatAmount(-0.00001)).toBe('-0.00001')
    expect(formatAmount(0)).toBe('0')
    expect(formatAmount(0.00005)).toBe('0.0001')
  })
})

describe('forecasts it does not have', () => {
  it('gives no burn rate from a window under an hour', () => {
    const current = at(0, 75)
    const tenMinutes = { at: NOW - 10 * 60_000, values: { total: 100, regular: 100, free: 0, referral: 0 } }
    expect(computeTrend([tenMinutes, current], current, 'total', 0)).toMatchObject({
      usedSinceLast: 25,
      burnRatePerDay: undefined,
      daysRemaining: undefined,
      depletionDate: undefined
    })
    const anHour = { ...tenMinutes, at: NOW - 3_600_000 }
    expect(computeTrend([anHour, current], current, 'total', 0).burnRatePerDay).toBe(600)
  })

  it('says 0 days only at or below the minimum, and nothing beyond 36,500 days', () => {
    const current = at(0, 75)
    expect(computeTrend([current], current, 'total', 75).daysRemaining).toBe(0)
    expect(computeTrend([current], current, 'total', 74.9).daysRemaining).toBeUndefined()
    const slow = computeTrend([at(7, 75.01), current], current, 'total', 0) // 0.01 a week: 52,500 days
    expect(slow.burnRatePerDay).toBeGreaterThan(0)
    expect(slow).toMatchObject({ daysRemaining: undefined, depletionDate: undefined })
  })

  it('takes a fall under 0.000001 for rounding, not spending', () => {
    const current = at(0, 75)
    expect(computeTrend([at(1, 75.00000000001), current], current, 'total', 0)).toMatchObject({
      usedSinceLast: 0,
      burnRatePerDay: 0,
      daysRemaining: undefined
    })
  })
})

describe('how long the history spans', () => {
  it('counts the readings up to the current one and their span, for "37 readings over 9.2 days"', () => {
    const current = at(0, 70)
    const trend = computeTrend([at(9.25, 100), at(3, 90), at(-1, 1), current], current, 'total', 0)
    expect(trend).toMatchObject({ readings: 3, spanMs: 9.25 * DAY_MS, windowReadings: 3 })
  })

  it('says how short a history is when it gives no rate: "spans 10 minutes; a rate needs 1 hour"', () => {
    const current = at(0, 75)
    const early = { ...current, at: NOW - 10 * 60_000 }
    expect(computeTrend([early, current], current, 'total', 0)).toMatchObject({
      readings: 2,
      spanMs: 10 * 60_000,
      burnRatePerDay: undefined
    })
  })

  it('spans the whole history while the window spans the last 7 days or so', () => {
    const current = at(0, 100)
    const trend = computeTrend([at(30, 3000), at(8, 180), at(6, 160), current], current, 'total', 0)
    expect(trend).toMatchObject({ readings: 4, spanMs: 30 * DAY_MS, windowReadings: 3 })
  })
})

describe('the forecast at its edges', () => {
  it('gives 0 days, today, at or below the minimum whatever the history', () => {
    const current = at(0, 10)
    expect(computeTrend([at(1 / 24 / 6, 11), current], current, 'total', 10)).toMatchObject({
      burnRatePerDay: undefined,
      daysRemaining: 0,
      depletionDate: '2026-11-24'
    })
    expect(computeTrend([at(1, 100), current], current, 'total', 20).daysRemaining).toBe(0)
  })

  it('gives a small positive number of days, not 0, just above the minimum', () => {
    const current = at(0, 10.001)
    const trend = computeTrend([at(1, 110), current], current, 'total', 10)
    expect(trend.daysRemaining).toBeGreaterThan(0)
    expect(trend.daysRemaining).toBeLessThan(0.0001)
    expect(trend.depletionDate).toBe('2026-11-24')
  })

  it('does not throw on a balance that would last past the last date a Date can hold', () => {
    const current = at(0, 1e300)
    const trend = computeTrend([at(1, 1e300 + 1e285), current], current, 'total', 0)
    expect(trend.burnRatePerDay).toBeGreaterThan(0)
    expect(trend).toMatchObject({ daysRemaining: undefined, depletionDate: undefined })
  })

  it('forecasts up to 36,500 days and no further', () => {
    const current = at(0, MAX_FORECAST_DAYS)
    expect(computeTrend([at(1, MAX_FORECAST_DAYS + 1), current], current, 'total', 0)).toMatchObject({
      daysRemaining: MAX_FORECAST_DAYS,
      depletionDate: '2126-10-31'
    })
    const further = at(0, MAX_FORECAST_DAYS + 1)
    expect(computeTrend([at(1, MAX_FORECAST_DAYS + 2), further], further, 'total', 0).daysRemaining).toBeUndefined()
  })

  it('leaves rounding out of the rate but counts a real fall of a millionth', () => {
    const current = at(0, 75)
    const noise = computeTrend([at(2, 75.0000000001), at(1, 75.00000000005), current], current, 'total', 0)
    expect(noise.burnRatePerDay).toBe(0)
    expect(fall(75.000001, 75)).toBeCloseTo(0.000001, 12)
    expect(fall(75.0000009, 75)).toBe(0)
    expect(fall(75, 80)).toBe(0)
    expect(fall(Number.NaN, 75)).toBe(0)
  })
})

describe('the burn-rate arithmetic, for any credit type', () => {
  const current: Reading = { at: NOW, values: { total: 70, regular: 55, free: 10, referral: 5 } }
  const readings: Reading[] = [
    { at: NOW - 2 * DAY_MS, values: { total: 100, regular: 60, free: 30, referral: 10 } },
    { at: NOW - DAY_MS, values: { total: 120, regular: 90, free: 20, referral: 10 } }, // 40 bought
    current
  ]

  it('sums the falls of the type between consecutive readings, rises left out, over the window in days', () => {
    const window = burnWindow(seriesTo(readings, current))
    expect(burnRate(window, 'total')).toBe(25) // 120 → 70
    expect(burnRate(window, 'regular')).toBe(17.5) // 90 → 55
    expect(burnRate(window, 'free')).toBe(10) // 30 → 20 → 10
    expect(burnRate(window, 'referral')).toBe(2.5) // 10 → 5
  })

  it('needs a window of at least an hour', () => {
    const hourAgo = { ...readings[0], at: NOW - HOUR_MS + 1 }
    expect(burnRate([hourAgo, current], 'total')).toBeUndefined()
    expect(burnRate([{ ...hourAgo, at: NOW - HOUR_MS }, current], 'total')).toBe(720)
    expect(burnRate([current], 'total')).toBeUndefined()
  })

  it('dates a forecast in UTC, and none beyond the cap or from nonsense', () => {
    expect(dateAfter(Date.parse('2026-11-24T23:00:00Z'), 1 / 24)).toBe('2026-11-25')
    expect(dateAfter(NOW, MAX_FORECAST_DAYS + 0.001)).toBeUndefined()
    expect(dateAfter(NOW, Number.NaN)).toBeUndefined()
    expect(dateAfter(NOW, -1)).toBeUndefined()
    expect(forecast(10, 0, NOW)).toEqual({})
    expect(forecast(10, undefined, NOW)).toEqual({})
    expect(forecast(0, undefined, NOW)).toEqual({ daysRemaining: 0, depletionDate: '2026-11-24' })
    expect(forecast(10, 4, NOW)).toEqual({ daysRemaining: 2.5, depletionDate: '2026-11-26' })
  })
})
