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
}

export interface Verdict {
  readonly creditType: CreditType
  /** The gated balance. */
  readonly gated: number
  readonly belowMinimum: boolean
  readonly belowWarning: boolean
  /** The type the next charge is taken from, `none` when every spendable type is empty. */
  readonly nextCreditType: SpentType | 'none'
}

export function evaluate(balance: Balance, policy: Policy): Verdict {
  const gated = balance.values[policy.creditType]
  return {
    creditType: policy.creditType,
    gated,
    belowMinimum: gated < policy.minimumCredits,
    belowWarning: policy.warningCredits !== undefined && gated < policy.warningCredits,
    nextCreditType: nextCreditType(balance)
  }
}

export function nextCreditType(balance: Balance): SpentType | 'none' {
  return SPENDING_ORDER.find(type => balance.values[type] > 0) ?? 'none'
}

/** True when the forecast is known and shorter than the minimum number of days. */
export function runwayTooShort(trend: Trend, minimumDaysRemaining: number | undefined): boolean {
  return minimumDaysRemaining !== undefined && trend.daysRemaining !== undefined && trend.daysRemaining < minimumDaysRemaining
}
