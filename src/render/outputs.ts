/**
 * The step outputs, by name, as strings: what later steps read. Empty strings where a value cannot be
 * known (yet); the key is redacted from anything that came from the API.
 */
import type { Answer } from '../model.js'
import { CREDIT_TYPES } from '../logic/balance.js'
import type { Verdict } from '../logic/policy.js'
import type { Tracking } from '../logic/tracking.js'
import { formatAmount } from '../logic/trend.js'

const amount = (value: number | undefined) => (value === undefined ? '' : formatAmount(value))
const whole = (value: number | undefined) => (value === undefined ? '' : String(value))
const flag = (value: boolean | undefined) => (value === undefined ? '' : String(value))

/** The outputs of a balance that was read. */
export function balanceOutputs(answer: Answer, verdict: Verdict): Record<string, string> {
  const { balance, rateLimit } = answer
  return {
    'total-credits': balance.texts.total,
    'regular-credits': balance.texts.regular,
    'free-credits': balance.texts.free,
    'referral-credits': balance.texts.referral,
    'below-minimum': String(verdict.belowMinimum),
    'next-credit-type': verdict.nextCreditType,
    billable: String(verdict.billable),
    'balance-json': balance.json,
    'rate-limit-tier': rateLimit.tier ?? '',
    'requests-remaining-minute': whole(rateLimit.remainingMinute),
    'requests-remaining-day': whole(rateLimit.remainingDay)
  }
}

/** The consumption outputs' names: trackingOutputs sets each, and no other. */
export const TRACKING_OUTPUTS = [
  'credits-used-since-last',
  'burn-rate-per-day',
  'days-remaining',
  'depletion-date',
  'burn-rates-json',
  'free-depletion-date',
  'billable-depletion-date',
  'spent-this-month',
  'forecast-this-month',
  'over-budget',
  'spend-spike'
] as const
export type TrackingOutput = (typeof TRACKING_OUTPUTS)[number]

/** The consumption outputs, with a history. */
export function trackingOutputs(tracking: Tracking, verdict: Verdict): Record<TrackingOutput, string> {
  const { trend, burnRates } = tracking
  return {
    'credits-used-since-last': amount(trend.usedSinceLast),
    'burn-rate-per-day': amount(trend.burnRatePerDay),
    'days-remaining': amount(trend.daysRemaining),
    'depletion-date': trend.depletionDate ?? '',
    'burn-rates-json': burnRates
      ? JSON.stringify(Object.fromEntries(CREDIT_TYPES.map(type => [type, Number(formatAmount(burnRates[type]))])))
      : '',
    'free-depletion-date': tracking.freeDepletionDate ?? '',
    'billable-depletion-date': tracking.billableDepletionDate ?? '',
    'spent-this-month': amount(tracking.spentThisMonth),
    'forecast-this-month': amount(tracking.forecastThisMonth),
    'over-budget': flag(verdict.overBudget),
    'spend-spike': flag(tracking.spike?.spike)
  }
}

/** The same outputs, empty: set when tracking is on but the history could not be read. */
export function emptyTrackingOutputs(): Record<TrackingOutput, string> {
  return Object.fromEntries(TRACKING_OUTPUTS.map(name => [name, ''])) as Record<TrackingOutput, string>
}
