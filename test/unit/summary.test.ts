// The summary's sentences in the cases the scenarios do not reach: each case's words are snapshotted
// (a change of wording is a diff to review); the figures they carry are asserted.
import { describe, expect, it } from 'vitest'
import type { Trend } from '../../src/logic/trend.js'
import { forecastText, rateLimitText, verdictText } from '../../src/render/summary.js'
import { evaluate } from '../../src/logic/policy.js'
import { figures } from '../support/figures.js'
import { balanceOf, inputsWith } from './fixtures.js'

const DAY = 86_400_000

function trend(overrides: Partial<Trend>): Trend {
  return { windowReadings: 3, readings: 3, spanMs: 2 * DAY, ...overrides }
}

describe('forecastText', () => {
  it('says when the gated balance is already at the minimum, or empty', () => {
    const atMinimum = forecastText(balanceOf(10, 0, 0), trend({}), inputsWith({ minimumCredits: 10 }))
    const empty = forecastText(balanceOf(0, 0, 0), trend({}), inputsWith())
    expect(figures(atMinimum)).toEqual(['10'])
    expect(figures(empty)).toEqual([])
    expect(atMinimum).not.toBe(empty)
    expect({ atMinimum, empty }).toMatchSnapshot()
  })

  it('says there is no depletion in sight beyond 100 years, and without spend', () => {
    const slow = forecastText(balanceOf(75, 0, 0), trend({ burnRatePerDay: 0.001 }), inputsWith())
    const none = forecastText(balanceOf(75, 0, 0), trend({ burnRatePerDay: 0, windowReadings: 4 }), inputsWith())
    expect(figures(slow)).toEqual(['0.001', '100'])
    expect(figures(none)).toEqual(['4'])
    expect({ slow, none }).toMatchSnapshot()
  })

  it('counts the credits above the minimum when there is one', () => {
    const text = forecastText(
      balanceOf(75, 0, 0),
      trend({ burnRatePerDay: 25, daysRemaining: 2.6, depletionDate: '2026-11-27' }),
      inputsWith({ minimumCredits: 10 })
    )
    expect(figures(text)).toEqual(['25', '65', '10', '2.6', '2026-11-27'])
    expect(text).toMatchSnapshot()
  })
})

describe('rateLimitText', () => {
  it('names limits without a tier, and the tier alone', () => {
    const untiered = rateLimitText({ remainingMinute: 5, limitMinute: 10 })
    expect(figures(untiered)).toEqual(['5', '10'])
    expect({ untiered, tierOnly: rateLimitText({ tier: 'pro' }) }).toMatchSnapshot()
  })
})

describe('verdictText', () => {
  it('gives the verdict below the warning, and with the history unreadable', () => {
    const balance = balanceOf(50, 0, 0)
    const warned = verdictText(
      balance,
      evaluate(balance, { creditType: 'total', minimumCredits: 0, warningCredits: 60 }),
      inputsWith({ warningCredits: 60 })
    )
    expect(figures(warned)).toEqual(expect.arrayContaining(['50', '60']))
    const unreadable = evaluate(
      balance,
      { creditType: 'total', minimumCredits: 0, monthlyBudget: 10 },
      { unreadable: true }
    )
    const blind = verdictText(balance, unreadable, inputsWith({ monthlyBudget: 10 }))
    expect({ warned, blind }).toMatchSnapshot()
  })
})
