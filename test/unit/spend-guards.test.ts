import { describe, expect, it } from 'vitest'
import { checkSpike, forecastThisMonth, monthBounds, spentThisMonth } from '../../src/logic/spend-guards.js'
import type { Reading } from '../../src/logic/trend.js'

function at(iso: string, total: number): Reading {
  return { at: Date.parse(iso), values: { total, regular: total, free: 0, referral: 0 } }
}

describe('spentThisMonth', () => {
  it('sums the falls whose later reading is in this UTC month, the fall across the boundary included', () => {
    const current = at('2026-11-10T00:00:00Z', 60)
    const readings = [
      at('2026-10-30T00:00:00Z', 120),
      at('2026-10-31T23:00:00Z', 100),
      at('2026-11-01T01:00:00Z', 90),
      current
    ]
    expect(spentThisMonth(readings, current)).toBe(40) // 100 → 90 → 60; 120 → 100 was October's
  })

  it('leaves top-ups out, also across the boundary', () => {
    const current = at('2026-11-03T00:00:00Z', 180)
    const readings = [at('2026-10-31T12:00:00Z', 10), at('2026-11-01T12:00:00Z', 200), current]
    expect(spentThisMonth(readings, current)).toBe(20)
  })

  it('is 0 on the first reading, and counts a first reading of the month against the last of the one before', () => {
    const only = at('2026-11-15T00:00:00Z', 50)
    expect(spentThisMonth([only], only)).toBe(0)
    const first = at('2026-12-01T00:00:00Z', 40)
    expect(spentThisMonth([at('2026-11-30T18:00:00Z', 50), first], first)).toBe(10)
  })

  it('knows leap years', () => {
    expect(monthBounds(Date.parse('2028-02-29T23:59:59Z')).end).toBe(Date.parse('2028-03-01T00:00:00Z'))
    const leapDay = at('2028-02-29T12:00:00Z', 90)
    expect(spentThisMonth([at('2028-02-28T12:00:00Z', 100), leapDay], leapDay)).toBe(10)
    expect(forecastThisMonth(10, 10, leapDay.at)).toBe(15) // half a day left
  })
})

describe('forecastThisMonth', () => {
  it('adds the burn rate times the days left until 00:00 UTC on the 1st', () => {
    expect(forecastThisMonth(120, 10, Date.parse('2026-11-21T00:00:00Z'))).toBe(220)
    expect(forecastThisMonth(120, undefined, Date.parse('2026-11-21T00:00:00Z'))).toBeUndefined()
  })
})

describe('checkSpike', () => {
  const week = Array.from({ length: 8 }, (_, day) =>
    at(`2026-11-${String(10 + day).padStart(2, '0')}T00:00:00Z`, 1000 - day * 24)
  )

  it('raises a spike right after a quiet week: the recent rate against the usual', () => {
    const current = at('2026-11-17T06:00:00Z', 832 - 60) // 60 in 6 hours: 10 an hour against 1
    const spike = checkSpike([...week, current], current, 3)
    expect(spike).toEqual({ spike: true, spent: 60, overMs: 6 * 3_600_000, times: 10 })
    expect(checkSpike([...week, current], current, 12)?.spike).toBe(false)
  })

  it('stays silent on a flat week, and until the readings before this one span a day', () => {
    const flat = Array.from({ length: 8 }, (_, day) => at(`2026-11-${10 + day}T00:00:00Z`, 500))
    const current = at('2026-11-18T01:00:00Z', 400)
    expect(checkSpike([...flat, current], current, 3)?.spike).toBe(false)
    const young = [at('2026-11-17T00:00:00Z', 100), at('2026-11-17T20:00:00Z', 90)]
    const now = at('2026-11-17T21:00:00Z', 10)
    expect(checkSpike([...young, now], now, 3)).toBeUndefined()
  })
})
