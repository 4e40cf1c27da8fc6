import { describe, expect, it } from 'vitest'
import { BILLABLE_FLOOR, creditFlow, isBillable } from '../../src/logic/credit-flow.js'
import { DAY_MS, type Reading } from '../../src/logic/trend.js'

const NOW = Date.parse('2026-11-24T00:00:00.000Z')

function at(daysAgo: number, regular: number, free: number, referral = 0): Reading {
  return { at: NOW - daysAgo * DAY_MS, values: { regular, free, referral, total: regular + free + referral } }
}

describe('creditFlow', () => {
  it('computes each type as the gated burn rate: falls only, over the window', () => {
    const current = at(0, 50, 20, 5)
    const flow = creditFlow([at(2, 60, 60, 5), at(1, 55, 40, 5), current], current)
    expect(flow.burnRates).toEqual({ total: 25, free: 20, regular: 5, referral: 0 })
    expect(flow.freeDepletionDate).toBe('2026-11-24') // 20 at 25 a day: 0.8 days
    expect(flow.billableDepletionDate).toBe('2026-11-26') // 74 above the floor: 2.96 days
  })

  it('leaves a top-up out of the rate of its type, and of the total', () => {
    const current = at(0, 100, 0) // 20 free spent, 90 regular bought: the total rose
    expect(creditFlow([at(1, 10, 20), current], current).burnRates).toEqual({
      total: 0,
      free: 20,
      regular: 0,
      referral: 0
    })
  })

  it('gives no rates from too short a history, and no dates when nothing is spent', () => {
    const current = at(0, 50, 20)
    expect(creditFlow([current], current)).toEqual({
      burnRates: undefined,
      freeDepletionDate: undefined,
      billableDepletionDate: undefined
    })
    const flat = creditFlow([at(1, 50, 20), current], current)
    expect(flat.burnRates?.total).toBe(0)
    expect(flat.freeDepletionDate).toBeUndefined()
    expect(flat.billableDepletionDate).toBeUndefined()
  })

  it('says today for the billable date at or below the floor, and no free date without free credits', () => {
    const current = at(0, 1, 0)
    const flow = creditFlow([at(1, 5, 0), current], current)
    expect(flow.billableDepletionDate).toBe('2026-11-24')
    expect(flow.freeDepletionDate).toBeUndefined()
  })

  it('is billable above 1.00 total credits only', () => {
    expect(BILLABLE_FLOOR).toBe(1)
    expect([isBillable(1.01), isBillable(1), isBillable(0)]).toEqual([true, false, false])
  })
})
