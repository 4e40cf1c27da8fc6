/**
 * The policy: pure decisions over a balance and what the history shows. It alone decides the outcome:
 * which finding fails the job, which ones warn, and whether an outage fails it. No I/O, no toolkit.
 */
import type { Balance, CreditType } from './balance.js'
import { isBillable } from './credit-flow.js'
import type { FailureKind } from './errors.js'
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

/** What the history adds to the decision; undefined without a history. */
export interface Tracked {
  /** Days until the gated balance reaches the minimum; undefined while unknown. */
  readonly daysRemaining?: number
  /** Set when the history could not be read, so that the runway and the budget cannot be checked. */
  readonly unreadable?: boolean
  readonly spentThisMonth?: number
  readonly forecastThisMonth?: number
  /** The runaway-spend alarm: true, false, or undefined while the usual rate is not known. */
  readonly spendSpike?: boolean
}

/**
 * Every finding, in the order the outcome ranks them. The first three fail the job (the first that
 * applies is its error); `history-unreadable` fails it only when a gate needs the history.
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
] as const
export type Finding = (typeof FINDINGS)[number]

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
  const gated = balance.values[policy.creditType]
  const days = tracked?.daysRemaining
  const budget = policy.monthlyBudget
  const spent = tracked?.spentThisMonth
  const forecast = tracked?.forecastThisMonth
  const findings: Record<Finding, boolean> = {
    'below-minimum': gated < policy.minimumCredits,
    'history-unreadable':
      tracked?.unreadable === true && (policy.minimumDaysRemaining !== undefined || budget !== undefined),
    'short-of-runway':
      policy.minimumDaysRemaining !== undefined && days !== undefined && days < policy.minimumDaysRemaining,
    // Money compares with a tolerance of a millionth of a credit, never on raw float sums.
    'over-budget': budget !== undefined && spent !== undefined && exceeds(spent, budget),
    'forecast-over-budget': budget !== undefined && forecast !== undefined && exceeds(forecast, budget),
    'spend-spike': tracked?.spendSpike === true,
    'below-warning': policy.warningCredits !== undefined && gated < policy.warningCredits,
    'not-billable': !isBillable(balance.values.total)
  }
  return {
    belowMinimum: findings['below-minimum'],
    overBudget: budget === undefined || spent === undefined ? undefined : findings['over-budget'],
    billable: !findings['not-billable'],
    nextCreditType: nextCreditType(balance),
    outcome: decide(findings)
  }
}

const FAILING: readonly Finding[] = ['below-minimum', 'history-unreadable', 'short-of-runway', 'over-budget']

/** Ranks the findings: the first failing one is the error; warnings that the error already says are left out. */
export function decide(findings: Readonly<Record<Finding, boolean>>): Outcome {
  const failure = FAILING.find(finding => findings[finding])
  const warnings = FINDINGS.filter(finding => {
    if (!findings[finding] || FAILING.includes(finding)) return false
    if (finding === 'forecast-over-budget') return !findings['over-budget']
    if (finding === 'below-warning' || finding === 'not-billable') return !findings['below-minimum']
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
