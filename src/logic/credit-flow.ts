/**
 * Where the credits go: the spend of each credit type, and the dates on which the free credits and
 * the billable balance run out. Swarms spends free credits first, then the regular balance (purchased
 * and referral credits together), and refuses billable requests at or below 1.00 total credits.
 * Pure: time comes with the readings.
 */
import { CREDIT_TYPES, SPENDING_ORDER, type CreditType } from './balance.js'
import { SPEND_EPSILON, burnRate, burnWindow, forecast, seriesTo, type Reading } from './trend.js'

/** At or below this many total credits, the API answers billable requests with HTTP 402. */
export const BILLABLE_FLOOR = 1

/** Whether the API still accepts billable requests at this total: above BILLABLE_FLOOR only. */
export function isBillable(totalCredits: number): boolean {
  return totalCredits > BILLABLE_FLOOR
}

/** The rows of the "Where the credits go" table, in this order. */
export const FLOW_ORDER = [...SPENDING_ORDER, 'total'] as const satisfies readonly CreditType[]

export interface FlowRow {
  readonly type: CreditType
  /** The balance at the current reading. */
  readonly balance: number
  /** The spend per day over the burn-rate window; undefined while the window is too short. */
  readonly spentPerDay?: number
  /**
   * The UTC date this balance stops being spent: free when it runs out at the total burn rate; regular
   * and referral, spent together after the free credits, and the total when the total falls to the
   * floor. Undefined for a balance of 0, one never reached before the floor, or no spend.
   */
  readonly runsOut?: string
}

export interface CreditFlow {
  /** The spend per day of each type over the burn-rate window; undefined while the window is too short. */
  readonly burnRates?: Readonly<Record<CreditType, number>>
  /**
   * The UTC date free credits run out at the total burn rate, after which charges come from the regular
   * balance; undefined with none left, no spend, beyond 36,500 days, or when the total reaches the
   * floor first (see freeOutlastsFloor): a date that will come, never one the floor stops the account
   * before (an account holding only free credits has none; billableDepletionDate says when it stops).
   */
  readonly freeDepletionDate?: string
  /** The UTC date the total falls to the floor at the total burn rate; today when already there. */
  readonly billableDepletionDate?: string
  /**
   * True when free credits are left but the total reaches the floor before they run out (the regular
   * balance is at or below the floor's worth): requests stop while free credits remain.
   */
  readonly freeOutlastsFloor: boolean
  /** The balance charges come from once the free credits are spent: purchased plus referral. */
  readonly regularBalance: number
  /** Free, regular, referral and total: the table "Where the credits go". */
  readonly rows: readonly FlowRow[]
}

export function creditFlow(readings: readonly Reading[], current: Reading): CreditFlow {
  const window = burnWindow(seriesTo(readings, current))
  const rate = burnRate(window, 'total')
  const burnRates =
    rate === undefined
      ? undefined
      : (Object.fromEntries(CREDIT_TYPES.map(type => [type, burnRate(window, type) ?? 0])) as Record<
          CreditType,
          number
        >)
  const { free, total, regular, referral } = current.values
  const regularBalance = regular + referral
  const billableDepletionDate = forecast(total - BILLABLE_FLOOR, rate, current.at).depletionDate
  // Free credits run out before the floor only when what is left beside them is above the floor; at the
  // floor exactly (within money's tolerance, not float noise) both come on the same day.
  const freeOutlastsFloor = free > 0 && total - free < BILLABLE_FLOOR - SPEND_EPSILON
  const freeDepletionDate = free > 0 && !freeOutlastsFloor ? forecast(free, rate, current.at).depletionDate : undefined
  // Regular and referral are spent together, in no documented order: both last until the floor, once
  // the free credits are gone.
  const sharedRunsOut = isBillable(total) && !freeOutlastsFloor ? billableDepletionDate : undefined
  const runsOut: Record<CreditType, string | undefined> = {
    free: freeDepletionDate,
    regular: regular > 0 ? sharedRunsOut : undefined,
    referral: referral > 0 ? sharedRunsOut : undefined,
    total: billableDepletionDate
  }
  const rows = FLOW_ORDER.map(type => ({
    type,
    balance: current.values[type],
    spentPerDay: burnRates?.[type],
    runsOut: runsOut[type]
  }))
  return { burnRates, freeDepletionDate, billableDepletionDate, freeOutlastsFloor, regularBalance, rows }
}
