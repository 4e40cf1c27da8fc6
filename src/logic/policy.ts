/**
 * The balance policy: pure decisions over a Balance. No I/O, no toolkit.
 */
import type { Balance, CreditType } from './balance.js'
import type { Trend } from './trend.js'

/** Credits are spent free first, then referral, then regular (purchased) last. */
export const SPENDING_ORDER = ['free', 'referral', 'regular'] as const satisfies readonly CreditType[]
export type SpentType = (typeof SPENDING_ORDER)[number]

export interface Policy {
  /** Which balance the thresholds apply to. */
  readonly creditType: CreditType
  /** The job fails when the gated balance is below it; equal passes. */
  readonly minimumCredits: number
  /** Below it, a warning; undefined for none. */
  readonly warningCredits?: number
  /** The job fails when the forecast is known and shorter; undefined for no such check. */
  readonly minimumDaysRemaining?: number
}

export interface Verdict {
  readonly creditType: CreditType
  /** The gated balance. */
  readonly gated: number
  readonly belowMinimum: boolean
  readonly belowWarning: boolean
  /** The forecast (from the trend) is known and shorter than minimumDaysRemaining. */
  readonly shortOfRunway: boolean
  /** The type the next charge is taken from, `none` when every spendable type is empty. */
  readonly nextCreditType: SpentType | 'none'
}

/** The verdict on a balance, and on its trend when the history is tracked. */
export function evaluate(balance: Balance, policy: Policy, trend?: Trend): Verdict {
  const gated = balance.values[policy.creditType]
  const days = trend?.daysRemaining
  return {
    creditType: policy.creditType,
    gated,
    belowMinimum: gated < policy.minimumCredits,
    belowWarning: policy.warningCredits !== undefined && gated < policy.warningCredits,
    shortOfRunway:
      policy.minimumDaysRemaining !== undefined && days !== undefined && days < policy.minimumDaysRemaining,
    nextCreditType: nextCreditType(balance)
  }
}

export function nextCreditType(balance: Balance): SpentType | 'none' {
  return SPENDING_ORDER.find(type => balance.values[type] > 0) ?? 'none'
}
