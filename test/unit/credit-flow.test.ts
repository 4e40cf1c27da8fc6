import { describe, expect, it } from 'vitest'
import { creditFlow, isBillable } from '../../src/logic/credit-flow.js'
import { DAY_MS, HOUR_MS, type Reading } from '../../src/logic/trend.js'
import { creditFlowMarkdown, creditTimeline } from '../../src/render/credit-flow.js'

const NOW = Date.parse('2026-11-24T00:00:00.000Z')

function at(daysAgo: number, regular: number, free: number, referral = 0): Reading {
  return { at: NOW - daysAgo * DAY_MS, values: { regular, free, referral, total: regular + free + referral } }
}

/** 25 a day, all free so far: 50 free, 50 purchased and 5 referral left. */
const current = at(0, 50, 50, 5)
const spending = [at(2, 50, 100, 5), at(1, 50, 75, 5), current]

describe('creditFlow', () => {
  it('computes each type as the gated burn rate: falls only, over the window', () => {
    const now = at(0, 50, 20, 5)
    const flow = creditFlow([at(2, 60, 60, 5), at(1, 55, 40, 5), now], now)
    expect(flow.burnRates).toEqual({ total: 25, free: 20, regular: 5, referral: 0 })
    expect(flow.freeDepletionDate).toBe('2026-11-24') // 20 at 25 a day: 0.8 days
    expect(flow.billableDepletionDate).toBe('2026-11-26') // 74 above the floor: 2.96 days
  })

  it('leaves free-depletion-date empty for a free-only account: the floor stops it with free credits left', () => {
    const now = at(0, 0, 20)
    const flow = creditFlow([at(1, 0, 30), now], now)
    expect(flow).toMatchObject({ freeOutlastsFloor: true, freeDepletionDate: undefined })
    expect(flow.billableDepletionDate).toBe('2026-11-25') // 19 above the floor at 10 a day
  })

  it('compares the regular balance with the floor within the money tolerance, not on float noise', () => {
    // 2.07 total beside 1.07 free leaves exactly 1.00 (0.9999999999999998 in floats): free credits run out
    // as the total reaches the floor, so both dates are the same day.
    const now = { at: NOW, values: { regular: 1, free: 1.07, referral: 0, total: 2.07 } }
    const before = { at: NOW - DAY_MS, values: { regular: 1, free: 2.07, referral: 0, total: 3.07 } }
    const flow = creditFlow([before, now], now)
    expect(flow.freeOutlastsFloor).toBe(false)
    expect(flow.freeDepletionDate).toBe(flow.billableDepletionDate)
  })

  it('leaves a top-up out of the rate of its type, and of the total', () => {
    const now = at(0, 100, 0) // 20 free spent, 90 regular bought: the total rose
    expect(creditFlow([at(1, 10, 20), now], now).burnRates).toEqual({
      total: 0,
      free: 20,
      regular: 0,
      referral: 0
    })
  })

  it('runs the free credits out at the total rate, then the regular balance down to the floor', () => {
    const flow = creditFlow(spending, current)
    expect(flow).toMatchObject({
      freeDepletionDate: '2026-11-26', // 50 at 25 a day
      billableDepletionDate: '2026-11-28', // 104 above the floor: 4.16 days
      freeOutlastsFloor: false,
      regularBalance: 55
    })
    expect(flow.rows).toEqual([
      { type: 'free', balance: 50, spentPerDay: 25, runsOut: '2026-11-26' },
      { type: 'regular', balance: 50, spentPerDay: 0, runsOut: '2026-11-28' },
      { type: 'referral', balance: 5, spentPerDay: 0, runsOut: '2026-11-28' },
      { type: 'total', balance: 105, spentPerDay: 25, runsOut: '2026-11-28' }
    ])
  })

  it('gives no rates from too short a history, and no dates when nothing is spent', () => {
    const now = at(0, 50, 20)
    expect(creditFlow([now], now)).toMatchObject({
      burnRates: undefined,
      freeDepletionDate: undefined,
      billableDepletionDate: undefined
    })
    expect(creditFlow([now], now).rows.map(row => [row.spentPerDay, row.runsOut])).toEqual([
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined],
      [undefined, undefined]
    ])
    const minutes = { ...at(0, 60, 20), at: NOW - HOUR_MS / 2 }
    expect(creditFlow([minutes, now], now).burnRates).toBeUndefined()
    const flat = creditFlow([at(1, 50, 20), now], now)
    expect(flat.burnRates?.total).toBe(0)
    expect(flat.freeDepletionDate).toBeUndefined()
    expect(flat.billableDepletionDate).toBeUndefined()
  })

  it('says today for the billable date at or below the floor, and no free date without free credits', () => {
    const now = at(0, 1, 0)
    const flow = creditFlow([at(1, 5, 0), now], now)
    expect(flow.billableDepletionDate).toBe('2026-11-24')
    expect(flow.freeDepletionDate).toBeUndefined()
    expect(creditFlow([now], now).billableDepletionDate).toBe('2026-11-24') // even before a rate is known
    expect(flow.rows.map(row => row.runsOut)).toEqual([undefined, undefined, undefined, '2026-11-24'])
  })

  it('gives no free date when the total reaches the floor before the free credits run out', () => {
    const now = at(0, 0.5, 10) // 10.5: the API stops at 1.00 with 0.5 free credits left
    const flow = creditFlow([at(1, 0.5, 11), now], now)
    expect(flow).toMatchObject({
      freeOutlastsFloor: true,
      freeDepletionDate: undefined,
      billableDepletionDate: '2026-12-03' // 9.5 days at 1 a day
    })
    expect(flow.rows.map(row => row.runsOut)).toEqual([undefined, undefined, undefined, '2026-12-03'])
    // A regular balance of exactly the floor: the free credits and the billable balance end together.
    const even = at(0, 1, 10)
    expect(creditFlow([at(1, 1, 12), even], even)).toMatchObject({
      freeOutlastsFloor: false,
      freeDepletionDate: '2026-11-29',
      billableDepletionDate: '2026-11-29'
    })
  })

  it('dates nothing beyond 36,500 days', () => {
    const now = at(0, 1e6, 1e6)
    const flow = creditFlow([at(7, 1e6, 1e6 + 0.07), now], now) // 0.01 a day
    expect(flow.burnRates?.total).toBeCloseTo(0.01, 9)
    expect(flow).toMatchObject({ freeDepletionDate: undefined, billableDepletionDate: undefined })
    expect(flow.rows.every(row => row.runsOut === undefined)).toBe(true)
  })

  it('is billable above 1.00 total credits only', () => {
    expect([isBillable(1.01), isBillable(1), isBillable(0), isBillable(-3)]).toEqual([true, false, false, false])
  })
})

// The sentences themselves are in test/unit/__snapshots__/credit-flow.test.ts.snap: a change of wording
// is a snapshot diff to review. The figures and dates they carry are asserted here.
describe('creditTimeline', () => {
  /** The numbers and dates a sentence carries, in order. */
  const figures = (text: string) => text.match(/\d{4}-\d\d-\d\d|\d+(\.\d+)?/g)

  it('tells the free credits, then the regular balance, then the floor', () => {
    const text = creditTimeline(creditFlow(spending, current))
    expect(figures(text)).toEqual(['25', '2026-11-26', '55', '2026-11-28', '1.00'])
    expect(text).toMatchSnapshot()
  })

  it('starts at the regular balance without free credits', () => {
    const now = at(0, 50, 0, 5)
    const text = creditTimeline(creditFlow([at(1, 75, 0, 5), now], now))
    expect(figures(text)).toEqual(['25', '55', '2026-11-26', '1.00'])
    expect(text).toMatchSnapshot()
  })

  it('says when the floor comes before the free credits run out', () => {
    const now = at(0, 0.5, 10)
    const text = creditTimeline(creditFlow([at(1, 0.5, 11), now], now))
    expect(figures(text)).toEqual(['1', '1.00', '2026-12-03', '0.5'])
    expect(text).toMatchSnapshot()
  })

  it('says so at the floor, without a rate, without spend, and beyond 100 years', () => {
    const floor = at(0, 0.4, 0.6)
    const rich = at(0, 1e6, 0)
    const texts = {
      atTheFloor: creditTimeline(creditFlow([floor], floor)),
      noRate: creditTimeline(creditFlow([current], current)),
      noSpend: creditTimeline(creditFlow([at(1, 50, 50, 5), current], current)),
      beyond: creditTimeline(creditFlow([at(7, 1e6 + 0.07, 0), rich], rich))
    }
    expect(figures(texts.atTheFloor)).toEqual(['1', '1.00'])
    expect(figures(texts.noRate)).toBeNull()
    expect(figures(texts.noSpend)).toBeNull()
    expect(figures(texts.beyond)).toEqual(['0.01', '100'])
    expect(new Set(Object.values(texts)).size).toBe(4)
    expect(texts).toMatchSnapshot()
  })
})

describe('creditFlowMarkdown', () => {
  it('tabulates balance, spend a day and run-out date, the balances as the API wrote them', () => {
    const texts = { free: '50.0', regular: '50.0', referral: '5.0', total: '105.0' }
    expect(creditFlowMarkdown(creditFlow(spending, current), texts)).toBe(
      [
        '#### Where the credits go',
        '',
        '| Credit type | Balance | Spent a day | Runs out |',
        '| --- | ---: | ---: | --- |',
        '| Free | 50.0 | 25 | 2026-11-26 |',
        '| Regular (purchased) | 50.0 | 0 | 2026-11-28 |',
        '| Referral | 5.0 | 0 | 2026-11-28 |',
        '| Total | 105.0 | 25 | 2026-11-28 |',
        '',
        creditTimeline(creditFlow(spending, current)),
        ''
      ].join('\n')
    )
    expect(creditFlowMarkdown(creditFlow(spending, current))).toContain('| Total | 105 | 25 | 2026-11-28 |')
  })

  it('is empty while the burn rate is not known', () => {
    expect(creditFlowMarkdown(creditFlow([current], current))).toBe('')
  })
})
