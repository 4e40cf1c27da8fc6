/**
 * The policy: pure decisions over a balance and what the history shows. It alone decides the outcome:
 * which finding fails the job, which ones warn, and whether an outage fails it. No I/O, no toolkit.
 */
import type { Balance, CreditType } from './balance.js'
import { isBillable } from './credit-flow.js'
import type { FailureKind } from './errors.js'
import type { SpikeCheck } from './spend-guards.js'
import { exceeds } from './trend.js'

/** Swarms spends free credits first, then the regular balance, which combines purchased and referral credits. */
export type SpentType = Extract<CreditType, 'free' | 'regular'>

export interface Policy {
  /** Which balance the thresholds apply to. */
  readonly creditType: CreditType
  /** The job fails when the gated balance is below it; equal passes. */
  readonly minimumCredits: number
  /** Below it, a warning; undefined for none. */
  readonly warningCredits?: number
  /** The job fails when the forecast is known and shorter; undefined for no such check. */
  readonly minimumDaysRemaining?: number
  /** The job fails when this month's spend is above it (by more than SPEND_EPSILON); undefined for no budget. */
  readonly monthlyBudget?: number
}

/** The forecast of the gated balance, when it is known: days until it reaches the minimum, and that day. */
export interface Runway {
  readonly daysRemaining: number
  /** The UTC date (YYYY-MM-DD) the forecast lands on; today at or below the minimum. */
  readonly depletionDate: string
  /** The gated balance's spend per day; undefined when it is already at the minimum before a rate is known. */
  readonly burnRatePerDay?: number
}

/** What the history adds to the decision; undefined without a history. */
export interface Tracked {
  /** Undefined while the forecast is not known. */
  readonly runway?: Runway
  /** Set when the history could not be read, so that the runway and the budget cannot be checked. */
  readonly unreadable?: boolean
  readonly spentThisMonth?: number
  readonly forecastThisMonth?: number
  /** The runaway-spend alarm's check; undefined without one, or while the usual rate is not known. */
  readonly spike?: SpikeCheck
}

/** The inputs a gate needs the history for, named as the user sets them. */
export type HistoryGate = 'minimum-days-remaining' | 'monthly-budget'

/** A finding, with the figures it was found on: what the report puts in words. */
export type Finding =
  | {
      readonly kind: 'below-minimum'
      readonly creditType: CreditType
      readonly minimum: number
      /** False when the total is also at or below the API's billable floor. */
      readonly billable: boolean
    }
  | { readonly kind: 'history-unreadable'; readonly gates: readonly HistoryGate[] }
  | ({ readonly kind: 'short-of-runway'; readonly creditType: CreditType; readonly minimumDays: number } & Runway)
  | { readonly kind: 'over-budget'; readonly spent: number; readonly budget: number }
  | {
      readonly kind: 'forecast-over-budget'
      /** Undefined when the month's spend is not known (only the forecast is). */
      readonly spent?: number
      readonly forecast: number
      readonly budget: number
    }
  | { readonly kind: 'spend-spike'; readonly spent: number; readonly overMs: number; readonly times: number }
  | { readonly kind: 'below-warning'; readonly creditType: CreditType; readonly warning: number }
  | { readonly kind: 'not-billable' }

export type FindingKind = Finding['kind']

/**
 * Every kind of finding, in the order the outcome ranks them. The first four fail the job (the first
 * that applies is its error); `history-unreadable` fails it only when a gate needs the history.
 */
export const FINDINGS = [
  'below-minimum',
  'history-unreadable',
  'short-of-runway',
  'over-budget',
  'forecast-over-budget',
  'spend-spike',
  'below-warning',
  'not-billable'
] as const satisfies readonly FindingKind[]

export interface Outcome {
  /** The finding that fails the job; undefined when it passes. */
  readonly failure?: Finding
  /** The findings that warn, in order. */
  readonly warnings: readonly Finding[]
}

export interface Verdict {
  readonly belowMinimum: boolean
  /** This month's spend is above the budget; undefined without a budget or its figures. */
  readonly overBudget?: boolean
  /** Billable requests are accepted: total credits above the API's floor. */
  readonly billable: boolean
  /** The type the next charge is taken from, `none` when nothing is left to spend. */
  readonly nextCreditType: SpentType | 'none'
  readonly outcome: Outcome
}

/** The verdict on a balance, and on what the history shows when it is tracked. */
export function evaluate(balance: Balance, policy: Policy, tracked?: Tracked): Verdict {
  const { creditType } = policy
  const gated = balance.values[creditType]
  const runway = tracked?.runway
  const budget = policy.monthlyBudget
  const spent = tracked?.spentThisMonth
  const forecast = tracked?.forecastThisMonth
  const spike = tracked?.spike
  const billable = isBillable(balance.values.total)
  const gates: HistoryGate[] = []
  if (policy.minimumDaysRemaining !== undefined) gates.push('minimum-days-remaining')
  if (budget !== undefined) gates.push('monthly-budget')
  const findings: Finding[] = []
  if (gated < policy.minimumCredits)
    findings.push({ kind: 'below-minimum', creditType, minimum: policy.minimumCredits, billable })
  if (tracked?.unreadable === true && gates.length) findings.push({ kind: 'history-unreadable', gates })
  if (policy.minimumDaysRemaining !== undefined && runway && runway.daysRemaining < policy.minimumDaysRemaining)
    findings.push({ kind: 'short-of-runway', creditType, minimumDays: policy.minimumDaysRemaining, ...runway })
  // Money compares with a tolerance of a millionth of a credit, never on raw float sums.
  const overBudget = budget !== undefined && spent !== undefined ? exceeds(spent, budget) : undefined
  if (overBudget && budget !== undefined && spent !== undefined) findings.push({ kind: 'over-budget', spent, budget })
  if (budget !== undefined && forecast !== undefined && exceeds(forecast, budget))
    findings.push({ kind: 'forecast-over-budget', spent, forecast, budget })
  if (spike?.spike) findings.push({ kind: 'spend-spike', spent: spike.spent, overMs: spike.overMs, times: spike.times })
  if (policy.warningCredits !== undefined && gated < policy.warningCredits)
    findings.push({ kind: 'below-warning', creditType, warning: policy.warningCredits })
  if (!billable) findings.push({ kind: 'not-billable' })
  return {
    belowMinimum: gated < policy.minimumCredits,
    overBudget,
    billable,
    nextCreditType: nextCreditType(balance),
    outcome: decide(findings)
  }
}

const FAILING: readonly FindingKind[] = ['below-minimum', 'history-unreadable', 'short-of-runway', 'over-budget']

/** Ranks the findings: the first failing one is the error; warnings that the error already says are left out. */
export function decide(findings: readonly Finding[]): Outcome {
  const has = (kind: FindingKind) => findings.some(finding => finding.kind === kind)
  const ranked = FINDINGS.flatMap(kind => findings.filter(finding => finding.kind === kind))
  const failure = ranked.find(finding => FAILING.includes(finding.kind))
  const warnings = ranked.filter(finding => {
    if (FAILING.includes(finding.kind)) return false
    if (finding.kind === 'forecast-over-budget') return !has('over-budget')
    if (finding.kind === 'below-warning' || finding.kind === 'not-billable') return !has('below-minimum')
    return true
  })
  return { failure, warnings }
}

/** Free credits are spent first, then the regular balance (purchased and referral credits together). */
export function nextCreditType(balance: Balance): SpentType | 'none' {
  if (balance.values.free > 0) return 'free'
  if (balance.values.regular > 0 || balance.values.referral > 0) return 'regular'
  return 'none'
}

/** A failure to read the balance fails the job, except an outage under `fail-on-api-error: false`. */
export function failsTheJob(kind: FailureKind, failOnApiError: boolean | undefined): boolean {
  return !(kind === 'outage' && failOnApiError === false)
}
