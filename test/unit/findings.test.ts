import { describe, expect, it } from 'vitest'
import { FINDINGS, type Finding, type FindingKind } from '../../src/logic/policy.js'
import { findingWords } from '../../src/render/findings.js'
import { balanceOf } from './fixtures.js'

// One finding of each kind, with figures no other part of the words could produce.
const SAMPLES: { readonly [K in FindingKind]: Extract<Finding, { kind: K }> } = {
  'below-minimum': { kind: 'below-minimum', creditType: 'free', minimum: 33, billable: false },
  'history-unreadable': { kind: 'history-unreadable', gates: ['minimum-days-remaining', 'monthly-budget'] },
  'short-of-runway': {
    kind: 'short-of-runway',
    creditType: 'total',
    minimumDays: 14,
    daysRemaining: 3.14,
    burnRatePerDay: 7.25,
    depletionDate: '2031-04-05'
  },
  'over-budget': { kind: 'over-budget', spent: 412.5, budget: 400 },
  'forecast-over-budget': { kind: 'forecast-over-budget', spent: 123.45, forecast: 456.78, budget: 300 },
  'spend-spike': { kind: 'spend-spike', spent: 61.5, overMs: 2 * 3_600_000, times: 12.5 },
  'below-warning': { kind: 'below-warning', creditType: 'regular', warning: 77 },
  'not-billable': { kind: 'not-billable' }
}

const FIGURES: { readonly [K in FindingKind]: readonly string[] } = {
  'below-minimum': ['20', '33', '0.5'],
  'history-unreadable': ['/h/history.jsonl', 'EACCES', 'minimum-days-remaining', 'monthly-budget'],
  'short-of-runway': ['3.1', '7.25', '2031-04-05', '14'],
  'over-budget': ['412.5', '400'],
  'forecast-over-budget': ['123.45', '456.78', '300'],
  'spend-spike': ['61.5', '2 hours', '12.5'],
  'below-warning': ['0.25', '77'],
  'not-billable': ['0.5', '1.00']
}

describe('the words of each finding', () => {
  const balance = balanceOf(0.25, 20, 0, 0.5)
  const history = { path: '/h/history.jsonl', unreadable: 'EACCES: permission denied' }

  it.each(FINDINGS)('%s: an annotation and a verdict clause with its figures, each on one line', kind => {
    const words = findingWords(SAMPLES[kind], { balance, history })
    for (const text of [words.annotation, words.verdict]) {
      expect(text.trim()).not.toBe('')
      expect(text).not.toMatch(/\n|undefined|NaN/)
    }
    for (const figure of FIGURES[kind]) expect(words.annotation).toContain(figure)
  })

  it('gives a runway without a known rate no rate', () => {
    const words = findingWords(
      { ...SAMPLES['short-of-runway'], burnRatePerDay: undefined, daysRemaining: 0 },
      { balance }
    )
    expect(words.annotation).not.toMatch(/credits? a day/)
    expect(words.annotation).toContain('2031-04-05')
  })

  it('refuses a finding it does not know, rather than rendering nothing', () => {
    expect(() => findingWords({ kind: 'unknown' } as unknown as Finding, { balance })).toThrow(/unknown/)
  })
})
