import { describe, expect, it } from 'vitest'
import {
  decide,
  evaluate,
  failsTheJob,
  nextCreditType,
  type Finding,
  type FindingKind,
  type Tracked
} from '../../src/logic/policy.js'
import { spentThisMonth } from '../../src/logic/spend-guards.js'
import { balanceOf } from './fixtures.js'

describe('evaluate', () => {
  const balance = balanceOf(50, 20, 5) // total 75

  it('passes a balance equal to the minimum and fails one just below it', () => {
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 75 }).belowMinimum).toBe(false)
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 75.01 }).belowMinimum).toBe(true)
  })

  it('gates the chosen credit type only', () => {
    expect(evaluate(balance, { creditType: 'free', minimumCredits: 21 }).belowMinimum).toBe(true)
    expect(evaluate(balance, { creditType: 'regular', minimumCredits: 21 }).belowMinimum).toBe(false)
    expect(evaluate(balance, { creditType: 'referral', minimumCredits: 5 }).belowMinimum).toBe(false)
  })

  it('warns below the warning threshold, and not without one', () => {
    expect(
      evaluate(balance, { creditType: 'total', minimumCredits: 10, warningCredits: 100 }).outcome.warnings.map(
        f => f.kind
      )
    ).toContain('below-warning')
    expect(
      evaluate(balance, { creditType: 'total', minimumCredits: 10, warningCredits: 75 }).outcome.warnings.map(
        f => f.kind
      )
    ).not.toContain('below-warning')
    expect(
      evaluate(balance, { creditType: 'total', minimumCredits: 10 }).outcome.warnings.map(f => f.kind)
    ).not.toContain('below-warning')
  })

  it('is short of runway only when the forecast is known and below minimum-days-remaining', () => {
    const policy = { creditType: 'total', minimumCredits: 0, minimumDaysRemaining: 7 } as const
    const forecast = (daysRemaining?: number): Tracked => ({
      runway:
        daysRemaining === undefined ? undefined : { daysRemaining, burnRatePerDay: 1, depletionDate: '2026-12-01' }
    })
    expect(evaluate(balance, policy, forecast(6.9)).outcome.failure).toEqual({
      kind: 'short-of-runway',
      creditType: 'total',
      minimumDays: 7,
      daysRemaining: 6.9,
      burnRatePerDay: 1,
      depletionDate: '2026-12-01'
    })
    expect(evaluate(balance, policy, forecast(7)).outcome.failure).toBeUndefined()
    expect(evaluate(balance, policy, forecast(undefined)).outcome.failure).toBeUndefined()
    expect(evaluate(balance, policy).outcome.failure).toBeUndefined()
    expect(
      evaluate(balance, { ...policy, minimumDaysRemaining: undefined }, forecast(1)).outcome.failure
    ).toBeUndefined()
  })

  it('a zero minimum never fails a zero balance', () => {
    expect(evaluate(balanceOf(0, 0, 0), { creditType: 'total', minimumCredits: 0 }).belowMinimum).toBe(false)
  })
})

describe('nextCreditType', () => {
  it.each([
    [balanceOf(50, 20, 5), 'free'],
    [balanceOf(50, 0, 5), 'regular'],
    [balanceOf(0, 0, 5), 'regular'],
    [balanceOf(50, 0, 0), 'regular'],
    [balanceOf(0, 0, 0), 'none'],
    [balanceOf(0, 0.01, 0), 'free'],
    [balanceOf(0, -1, 3), 'regular']
  ] as const)('spends free, then the regular balance (purchased and referral): %#', (balance, expected) => {
    expect(nextCreditType(balance)).toBe(expected)
  })
})

describe('the outcome', () => {
  const sample: { readonly [K in FindingKind]: Extract<Finding, { kind: K }> } = {
    'below-minimum': { kind: 'below-minimum', creditType: 'total', minimum: 10, billable: true },
    'history-unreadable': { kind: 'history-unreadable', gates: ['monthly-budget'] },
    'short-of-runway': {
      kind: 'short-of-runway',
      creditType: 'total',
      minimumDays: 7,
      daysRemaining: 2,
      burnRatePerDay: 1,
      depletionDate: '2026-12-01'
    },
    'over-budget': { kind: 'over-budget', spent: 110, budget: 100 },
    'forecast-over-budget': { kind: 'forecast-over-budget', spent: 50, forecast: 110, budget: 100 },
    'spend-spike': { kind: 'spend-spike', spent: 30, overMs: 3_600_000, times: 10 },
    'below-warning': { kind: 'below-warning', creditType: 'total', warning: 20 },
    'not-billable': { kind: 'not-billable' }
  }
  const none: Finding[] = []
  const only = (...kinds: FindingKind[]): Finding[] => kinds.map(kind => sample[kind])
  const kinds = (findings: readonly Finding[]) => findings.map(finding => finding.kind)

  it('fails on the first of below the minimum, an unreadable history, short of runway, over budget', () => {
    expect(decide(only('over-budget', 'short-of-runway', 'below-minimum')).failure?.kind).toBe('below-minimum')
    expect(decide(only('over-budget', 'short-of-runway')).failure?.kind).toBe('short-of-runway')
    expect(decide(only('over-budget', 'history-unreadable')).failure?.kind).toBe('history-unreadable')
    expect(decide(only('over-budget')).failure?.kind).toBe('over-budget')
    expect(decide(none)).toEqual({ failure: undefined, warnings: [] })
  })

  it('warns on the forecast over budget, a spike, the warning threshold and the billable floor, in that order', () => {
    expect(
      kinds(decide(only('not-billable', 'below-warning', 'spend-spike', 'forecast-over-budget')).warnings)
    ).toEqual(['forecast-over-budget', 'spend-spike', 'below-warning', 'not-billable'])
  })

  it('leaves out the warnings that the error already says', () => {
    expect(kinds(decide(only('below-minimum', 'below-warning', 'not-billable', 'spend-spike')).warnings)).toEqual([
      'spend-spike'
    ])
    expect(decide(only('over-budget', 'forecast-over-budget')).warnings).toEqual([])
  })

  it('says billable above 1.00 total credits only, and warns at the floor', () => {
    const policy = { creditType: 'total', minimumCredits: 0 } as const
    expect(evaluate(balanceOf(1.01, 0, 0), policy).billable).toBe(true)
    expect(evaluate(balanceOf(1, 0, 0), policy)).toMatchObject({
      billable: false,
      outcome: { warnings: [{ kind: 'not-billable' }] }
    })
    expect(evaluate(balanceOf(0.5, 0, 0), { ...policy, minimumCredits: 5 }).outcome).toEqual({
      failure: { kind: 'below-minimum', creditType: 'total', minimum: 5, billable: false },
      warnings: []
    })
  })

  it('fails closed when a gate needs a history that cannot be read, and only then', () => {
    const policy = { creditType: 'total', minimumCredits: 0 } as const
    const unreadable = { unreadable: true }
    expect(evaluate(balanceOf(50, 0, 0), { ...policy, minimumDaysRemaining: 7 }, unreadable).outcome.failure).toEqual({
      kind: 'history-unreadable',
      gates: ['minimum-days-remaining']
    })
    expect(evaluate(balanceOf(50, 0, 0), { ...policy, monthlyBudget: 100 }, unreadable).outcome.failure).toEqual({
      kind: 'history-unreadable',
      gates: ['monthly-budget']
    })
    expect(evaluate(balanceOf(50, 0, 0), policy, unreadable).outcome.failure).toBeUndefined()
  })

  it('compares money with a tolerance of a millionth: float noise in a sum is not over budget', () => {
    const policy = { creditType: 'total', minimumCredits: 0, monthlyBudget: 100 } as const
    const noisy = { spentThisMonth: 100.00000000000011, forecastThisMonth: 100.00000000000011 }
    const verdict = evaluate(balanceOf(50, 0, 0), policy, noisy)
    expect(verdict.overBudget).toBe(false)
    expect(verdict.outcome).toEqual({ failure: undefined, warnings: [] })
    // The balances an account reports on its way from 1027.15 to 927.15: exactly 100.00 spent.
    const current = {
      at: Date.parse('2026-11-20T00:00:00Z'),
      values: { total: 927.15, regular: 0, free: 0, referral: 0 }
    }
    const readings = [1027.15, 1017.15, 1007.15, 997.15, 987.15, 977.15, 967.15, 957.15, 947.15, 937.15].map(
      (total, i) => ({
        at: Date.parse('2026-11-02T00:00:00Z') + i * 86_400_000,
        values: { total, regular: 0, free: 0, referral: 0 }
      })
    )
    const spent = spentThisMonth([...readings, current], current)
    expect(evaluate(balanceOf(50, 0, 0), policy, { spentThisMonth: spent }).overBudget).toBe(false)
    const over = { spentThisMonth: 100.0000011, forecastThisMonth: 100.0000011 }
    expect(evaluate(balanceOf(50, 0, 0), policy, over).overBudget).toBe(true)
    expect(evaluate(balanceOf(50, 0, 0), policy, { forecastThisMonth: 100.0000011 }).outcome.warnings).toEqual([
      { kind: 'forecast-over-budget', spent: undefined, forecast: 100.0000011, budget: 100 }
    ])
  })

  it('is over budget above the budget, with over-budget undefined without one', () => {
    const policy = { creditType: 'total', minimumCredits: 0, monthlyBudget: 100 } as const
    expect(evaluate(balanceOf(50, 0, 0), policy, { spentThisMonth: 100 }).overBudget).toBe(false)
    expect(evaluate(balanceOf(50, 0, 0), policy, { spentThisMonth: 100.5 }).overBudget).toBe(true)
    expect(
      evaluate(balanceOf(50, 0, 0), { ...policy, monthlyBudget: undefined }, { spentThisMonth: 500 }).overBudget
    ).toBeUndefined()
  })

  it('fails the job on any failure to read, except an outage under fail-on-api-error: false', () => {
    expect(failsTheJob('outage', false)).toBe(false)
    expect(failsTheJob('outage', true)).toBe(true)
    expect(failsTheJob('outage', undefined)).toBe(true)
    expect(failsTheJob('rejected', false)).toBe(true)
    expect(failsTheJob('input', false)).toBe(true)
  })
})
