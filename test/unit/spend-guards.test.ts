import { describe, expect, it } from 'vitest'
import {
  SPIKE_FLOOR_PER_HOUR,
  SPIKE_MIN_WINDOW_MS,
  USUAL_RATE_MIN_SPAN_MS,
  checkSpike,
  forecastThisMonth,
  monthBounds,
  spentThisMonth
} from '../../src/logic/spend-guards.js'
import type { Reading } from '../../src/logic/trend.js'

function at(iso: string, total: number): Reading {
  return { at: Date.parse(iso), values: { total, regular: total, free: 0, referral: 0 } }
}

describe('spentThisMonth', () => {
  it('sums the falls in this UTC month, the fall across the boundary pro rata by time', () => {
    const current = at('2026-11-10T00:00:00Z', 60)
    const readings = [
      at('2026-10-30T00:00:00Z', 120),
      at('2026-10-31T23:00:00Z', 100),
      at('2026-11-01T01:00:00Z', 90),
      current
    ]
    // 100 → 90 over 2 hours, 1 of them in November: 5; then 90 → 60: 30; 120 → 100 was October's.
    expect(spentThisMonth(readings, current)).toBe(35)
  })

  it('charges a gap of months to this month only for its part in this month', () => {
    const current = at('2027-04-01T06:00:00Z', 100)
    const last = at('2027-01-15T00:00:00Z', 1000)
    const gap = current.at - last.at
    const spent = spentThisMonth([last, current], current)
    expect(spent).toBeCloseTo((900 * 6 * 3_600_000) / gap, 9)
    expect(spent).toBeLessThan(3)
  })

  it('counts an exact 1 credit a day across a gap as the days of this month it covers', () => {
    const current = at('2026-11-11T00:00:00Z', 980)
    const last = at('2026-10-22T00:00:00Z', 1000) // 20 days, 10 of them in November
    expect(spentThisMonth([last, current], current)).toBe(10)
  })

  it('leaves top-ups out, also across the boundary', () => {
    const current = at('2026-11-03T00:00:00Z', 180)
    const readings = [at('2026-10-31T12:00:00Z', 10), at('2026-11-01T12:00:00Z', 200), current]
    expect(spentThisMonth(readings, current)).toBe(20)
  })

  it('is 0 on the first reading, and counts a first reading of the month against the last of the one before', () => {
    const only = at('2026-11-15T00:00:00Z', 50)
    expect(spentThisMonth([only], only)).toBe(0)
    const first = at('2026-12-01T06:00:00Z', 40)
    expect(spentThisMonth([at('2026-11-30T18:00:00Z', 50), first], first)).toBe(5) // 6 of its 12 hours
  })

  it('crosses the year boundary: a fall that ends at 00:00 on the 1st belongs to the old month', () => {
    const newYear = at('2027-01-01T00:00:00Z', 70)
    const readings = [at('2026-12-31T00:00:00Z', 100), at('2026-12-31T23:59:59Z', 80), newYear]
    expect(spentThisMonth(readings, newYear)).toBe(0)
    const later = at('2027-01-02T00:00:00Z', 65)
    expect(spentThisMonth([...readings, later], later)).toBe(5)
    expect(monthBounds(Date.parse('2026-12-31T23:59:59.999Z'))).toEqual({
      start: Date.parse('2026-12-01T00:00:00Z'),
      end: Date.parse('2027-01-01T00:00:00Z')
    })
  })

  it('ignores readings dated after the current one, and rounding', () => {
    const current = at('2026-11-10T00:00:00Z', 60)
    const readings = [at('2026-11-09T00:00:00Z', 70), at('2026-11-12T00:00:00Z', 0), current]
    expect(spentThisMonth(readings, current)).toBe(10)
    const noise = at('2026-11-11T00:00:00Z', 60)
    expect(spentThisMonth([current, { ...noise, values: { ...noise.values, total: 60.0000000001 } }], noise)).toBe(0)
  })

  it('knows leap years', () => {
    expect(monthBounds(Date.parse('2028-02-29T23:59:59Z')).end).toBe(Date.parse('2028-03-01T00:00:00Z'))
    const leapDay = at('2028-02-29T12:00:00Z', 90)
    expect(spentThisMonth([at('2028-02-28T12:00:00Z', 100), leapDay], leapDay)).toBe(10)
    expect(forecastThisMonth(10, 10, leapDay.at)).toBe(15) // half a day left
    const march = at('2028-03-01T06:00:00Z', 84)
    expect(spentThisMonth([at('2028-02-28T12:00:00Z', 100), leapDay, march], march)).toBe(2) // 6 of 18 hours
    expect(monthBounds(Date.parse('2027-02-15T00:00:00Z')).end).toBe(Date.parse('2027-03-01T00:00:00Z'))
    expect(forecastThisMonth(0, 1, Date.parse('2028-02-01T00:00:00Z'))).toBe(29)
    expect(forecastThisMonth(0, 1, Date.parse('2100-02-01T00:00:00Z'))).toBe(28) // not a leap year
  })
})

describe('forecastThisMonth', () => {
  it('adds the burn rate times the days left until 00:00 UTC on the 1st', () => {
    expect(forecastThisMonth(120, 10, Date.parse('2026-11-21T00:00:00Z'))).toBe(220)
    expect(forecastThisMonth(120, undefined, Date.parse('2026-11-21T00:00:00Z'))).toBeUndefined()
    expect(forecastThisMonth(120, 0, Date.parse('2026-11-21T00:00:00Z'))).toBe(120)
    expect(forecastThisMonth(0, 2, Date.parse('2026-11-01T00:00:00Z'))).toBe(60) // the whole month
  })
})

describe('checkSpike', () => {
  const week = Array.from({ length: 8 }, (_, day) =>
    at(`2026-11-${String(10 + day).padStart(2, '0')}T00:00:00Z`, 1000 - day * 24)
  )

  it('raises a spike right after a quiet week: the recent rate against the usual', () => {
    const current = at('2026-11-17T06:00:00Z', 832 - 60) // 60 in 6 hours: 10 an hour against 1
    const spike = checkSpike([...week, current], current, 3)
    expect(spike).toEqual({
      spike: true,
      spent: 60,
      overMs: 6 * 3_600_000,
      times: 10
    })
    expect(checkSpike([...week, current], current, 12)?.spike).toBe(false)
  })

  it('stays silent on a flat week, and until the readings before this one span a day', () => {
    const flat = Array.from({ length: 8 }, (_, day) => at(`2026-11-${10 + day}T00:00:00Z`, 500))
    const current = at('2026-11-18T01:00:00Z', 499.5)
    expect(checkSpike([...flat, current], current, 3)?.spike).toBe(false)
    const young = [at('2026-11-17T00:00:00Z', 100), at('2026-11-17T20:00:00Z', 90)]
    const now = at('2026-11-17T21:00:00Z', 10)
    expect(checkSpike([...young, now], now, 3)).toBeUndefined()
  })

  it('reports a flat week as 0 times the usual rate; after it, spend above the floor is a spike', () => {
    const flat = Array.from({ length: 8 }, (_, day) => at(`2026-11-${10 + day}T00:00:00Z`, 500))
    const still = at('2026-11-18T01:00:00Z', 500)
    expect(checkSpike([...flat, still], still, 3)).toEqual({
      spike: false,
      spent: 0,
      overMs: 25 * 3_600_000,
      times: 0
    })
    const spend = at('2026-11-18T01:00:00Z', 400) // 4 an hour, on an account that spends nothing
    expect(checkSpike([...flat, spend], spend, 3)).toMatchObject({ spike: true, spent: 100, times: Infinity })
  })

  it('raises a runaway on a quiet account: two flat weeks, then 800 in the last hour', () => {
    const flat = Array.from({ length: 15 }, (_, day) =>
      at(`2026-11-${String(1 + day).padStart(2, '0')}T00:00:00Z`, 1000)
    )
    const hourBefore = at('2026-11-15T05:00:00Z', 1000)
    const now = at('2026-11-15T06:00:00Z', 200)
    expect(checkSpike([...flat, hourBefore, now], now, 3)).toEqual({
      spike: true,
      spent: 800,
      overMs: 3_600_000,
      times: Infinity
    })
  })

  it('never calls spend at or under the absolute floor a spike, whatever the usual rate', () => {
    const flat = Array.from({ length: 8 }, (_, day) => at(`2026-11-${10 + day}T00:00:00Z`, 500))
    const floor = at('2026-11-18T02:00:00Z', 500 - 26 * SPIKE_FLOOR_PER_HOUR) // the floor exactly, for 26 hours
    expect(checkSpike([...flat, floor], floor, 3)).toMatchObject({ spike: false, times: Infinity })
    // 0.24 a day usually (0.01 an hour), then 0.5 in an hour: 50 times, but under the floor.
    const trickle = Array.from({ length: 8 }, (_, day) => at(`2026-11-${10 + day}T00:00:00Z`, 500 - day * 0.24))
    const cents = at('2026-11-17T01:00:00Z', 500 - 7 * 0.24 - 0.5)
    expect(checkSpike([...trickle, cents], cents, 3)).toMatchObject({ spike: false })
    expect(checkSpike([...trickle, cents], cents, 3)?.times).toBeCloseTo(50, 6)
  })

  it('judges no window shorter than an hour: a reading seconds after the previous one is measured from an hour back', () => {
    // Hourly readings at 1 credit an hour for two days, then one 10 s after the last with a fall of 0.1.
    const hourly = Array.from({ length: 49 }, (_, h) => ({
      at: Date.parse('2026-11-15T00:00:00Z') + h * 3_600_000,
      values: { total: 1000 - h, regular: 1000 - h, free: 0, referral: 0 }
    }))
    const last = hourly[hourly.length - 1]
    const now = { at: last.at + 10_000, values: { total: 951.9, regular: 951.9, free: 0, referral: 0 } }
    const check = checkSpike([...hourly, now], now, 3)
    expect(check?.spike).toBe(false)
    expect(check?.overMs).toBe(SPIKE_MIN_WINDOW_MS + 10_000)
    expect(check?.spent).toBeCloseTo(1.1, 9)
    expect(check?.times).toBeLessThan(1.2)
  })

  it('needs the readings before this one to span 24 hours, no more', () => {
    const first = at('2026-11-16T00:00:00Z', 124)
    const previous = { ...at('2026-11-17T00:00:00Z', 100), at: first.at + USUAL_RATE_MIN_SPAN_MS - 1 }
    const now = at('2026-11-17T01:00:00Z', 90)
    expect(checkSpike([first, previous, now], now, 3)).toBeUndefined()
    const dayLater = at('2026-11-17T00:00:00Z', 100)
    expect(checkSpike([first, dayLater, now], now, 3)).toEqual({
      spike: true,
      spent: 10,
      overMs: 3_600_000,
      times: 10
    })
  })

  it('measures the usual rate without the newest reading, and ignores readings after it', () => {
    const current = at('2026-11-17T06:00:00Z', 832 - 60)
    const future = at('2026-11-20T00:00:00Z', 0)
    expect(checkSpike([...week, future, current], current, 3)).toMatchObject({ spike: true, times: 10 })
  })

  it('is no spike after a top-up, and measures a reading at the same time as the last from the one before', () => {
    const topUp = at('2026-11-17T06:00:00Z', 5000)
    expect(checkSpike([...week, topUp], topUp, 3)).toMatchObject({ spike: false, spent: 0, times: 0 })
    const same = at('2026-11-17T00:00:00Z', 832 - 200) // the week's last reading, 832, at the same time
    expect(checkSpike([...week, same], same, 3)).toMatchObject({ spike: true, spent: 224, overMs: 86_400_000 })
  })

  it('compares above the factor only: exactly the factor is no spike', () => {
    const current = at('2026-11-17T06:00:00Z', 832 - 18) // 3 an hour against 1
    expect(checkSpike([...week, current], current, 3)).toMatchObject({ spike: false, times: 3 })
    expect(checkSpike([...week, current], current, 2.9)?.spike).toBe(true)
  })
})
