/**
 * Where the credits go: the spend of each credit type, and the dates on which the free credits and
 * the billable balance run out. Swarms spends free credits first, then the regular balance (purchased
 * and referral credits together), and refuses billable requests at or below 1.00 total credits.
 */
import { CREDIT_TYPES, type CreditType } from './balance.js'
import { burnRate, burnWindow, dateAfter, seriesTo, type Reading } from './trend.js'

/** At or below this many total credits, the API answers billable requests with HTTP 402. */
export const BILLABLE_FLOOR = 1

export function isBillable(totalCredits: number): boolean {
  return totalCredits > BILLABLE_FLOOR
}

export interface CreditFlow {
  /** The spend per day of each type over the burn-rate window; undefined while the window is too short. */
  readonly burnRates?: Readonly<Record<CreditType, number>>
  /** The UTC date free credits run out at the total burn rate; undefined with none left or no spend. */
  readonly freeDepletionDate?: string
  /** The UTC date the total falls to the floor at the total burn rate; today when already there. */
  readonly billableDepletionDate?: string
}

export function creditFlow(readings: readonly Reading[], current: Reading): CreditFlow {
  const window = burnWindow(seriesTo(readings, current))
  const total = burnRate(window, 'total')
  const burnRates =
    total === undefined
      ? undefined
      : (Object.fromEntries(CREDIT_TYPES.map(type => [type, burnRate(window, type) ?? 0])) as Record<
          CreditType,
          number
        >)
  const { free, total: balance } = current.values
  const spending = total !== undefined && total > 0
  const freeDepletionDate = spending && free > 0 ? dateAfter(current.at, free / total) : undefined
  const billableDepletionDate = !isBillable(balance)
    ? dateAfter(current.at, 0)
    : spending
      ? dateAfter(current.at, (balance - BILLABLE_FLOOR) / total)
      : undefined
  return { burnRates, freeDepletionDate, billableDepletionDate }
}
