/**
 * Consumption arithmetic over the balance history: pure functions, no I/O, no clock.
 */
import type { CreditType } from './balance.js'

export const DAY_MS = 86_400_000
export const HOUR_MS = 3_600_000
/** The burn rate looks back this far. */
export const WINDOW_DAYS = 7
/** A burn rate needs a window at least this long: minutes of data are noise, not a rate. */
export const MIN_WINDOW_MS = HOUR_MS
/** A forecast further away than this is no depletion. */
export const MAX_FORECAST_DAYS = 36_500
/**
 * Money's tolerance, in credits: a fall smaller than this is rounding, not spending, and an amount
 * exceeds a limit only by more than this (sums of float balances carry noise far below it).
 */
export const SPEND_EPSILON = 0.000001

/** Whether `amount` is above `limit` by more than SPEND_EPSILON: 100.00000000000011 is not above 100. */
export function exceeds(amount: number, limit: number): boolean {
  return amount - limit > SPEND_EPSILON
}

export interface Reading {
  /** Milliseconds since the epoch (UTC). */
  readonly at: number
  readonly values: Readonly<Record<CreditType, number>>
}

export interface Trend {
  /** How much the gated balance fell since the previous reading; 0 after a top-up. */
  readonly usedSinceLast?: number
  /** The gated balance's spend per day over the window; undefined while the window spans under an hour. */
  readonly burnRatePerDay?: number
  /**
   * Days until the gated balance reaches the minimum at that rate; 0 only when it is already there;
   * undefined without a rate, without spend, or beyond MAX_FORECAST_DAYS.
   */
  readonly daysRemaining?: number
  /** The UTC date (YYYY-MM-DD) the forecast lands on; today at or below the minimum. */
  readonly depletionDate?: string
  /** How many readings, the current one included, the burn rate is computed over. */
  readonly windowReadings: number
  /** How many readings the history holds up to the current one, the current one included. */
  readonly readings: number
  /** How long those readings span, in ms: from the oldest to the current one; 0 for the first reading. */
  readonly spanMs: number
}

/** The readings up to the current one, oldest first, the current one last. */
export function seriesTo(readings: readonly Reading[], current: Reading): Reading[] {
  return [...sortReadings(readings.filter(r => r !== current && r.at <= current.at)), current]
}

/**
 * The burn-rate window of a series ending with the current reading: from the newest reading at least
 * 7 days old (else the oldest) to the current one.
 */
export function burnWindow(series: readonly Reading[]): readonly Reading[] {
  const current = series[series.length - 1]
  const cutoff = current.at - WINDOW_DAYS * DAY_MS
  let start = 0
  for (let i = 0; i < series.length - 1; i++) if (series[i].at <= cutoff) start = i
  return series.slice(start)
}

/** How much a balance fell from one reading to the next: 0 for a rise (a top-up) or a rounding. */
export function fall(before: number, after: number): number {
  const spent = before - after
  // A fall of exactly a millionth may come out of the subtraction a hair under it.
  return spent >= SPEND_EPSILON - 1e-12 ? spent : 0
}

/**
 * The spend per day of `type` over a window: the falls between consecutive readings, rises left
 * out, divided by the window's days. Undefined while the window spans less than MIN_WINDOW_MS.
 */
export function burnRate(window: readonly Reading[], type: CreditType): number | undefined {
  const spanMs = spanOf(window)
  if (!(spanMs >= MIN_WINDOW_MS)) return undefined
  let spent = 0
  for (let i = 1; i < window.length; i++) spent += fall(window[i - 1].values[type], window[i].values[type])
  return spent / (spanMs / DAY_MS)
}

/** The UTC date `days` after `from`; undefined beyond MAX_FORECAST_DAYS. */
export function dateAfter(from: number, days: number): string | undefined {
  if (!(days >= 0 && days <= MAX_FORECAST_DAYS)) return undefined
  const date = new Date(from + days * DAY_MS)
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10)
}

/** The span of a series oldest first, in ms: from its first reading to its last. */
export function spanOf(series: readonly Reading[]): number {
  return series.length < 2 ? 0 : series[series.length - 1].at - series[0].at
}

/**
 * The trend at the `current` reading, from `readings` (any order; the current one may or may not be
 * among them). Readings after the current one, such as ones a skewed clock wrote, are ignored.
 */
export function computeTrend(
  readings: readonly Reading[],
  current: Reading,
  creditType: CreditType,
  minimumCredits: number
): Trend {
  const series = seriesTo(readings, current)
  const gated = (r: Reading) => r.values[creditType]
  const previous = series.length > 1 ? series[series.length - 2] : undefined
  const usedSinceLast = previous === undefined ? undefined : fall(gated(previous), gated(current))
  const window = burnWindow(series)
  const burnRatePerDay = burnRate(window, creditType)

  const { daysRemaining, depletionDate } = forecast(gated(current) - minimumCredits, burnRatePerDay, current.at)
  return {
    usedSinceLast,
    burnRatePerDay,
    daysRemaining,
    depletionDate,
    windowReadings: window.length,
    readings: series.length,
    spanMs: spanOf(series)
  }
}

/**
 * When `left` credits run out at `ratePerDay` from `now`: 0 days (today) when none are left; nothing
 * without spending, or beyond MAX_FORECAST_DAYS.
 */
export function forecast(
  left: number,
  ratePerDay: number | undefined,
  now: number
): { daysRemaining?: number; depletionDate?: string } {
  if (left <= 0) return { daysRemaining: 0, depletionDate: dateAfter(now, 0) }
  if (ratePerDay === undefined || !(ratePerDay > 0)) return {}
  const days = left / ratePerDay
  const date = dateAfter(now, days)
  return date === undefined ? {} : { daysRemaining: days, depletionDate: date }
}

/** Oldest first; readings with the same time keep their order. */
export function sortReadings(readings: readonly Reading[]): Reading[] {
  return [...readings].sort((a, b) => a.at - b.at)
}

/**
 * `value` rounded to `decimals` decimals, as plain text (no exponent), without the float noise of a
 * subtraction; a value that is not 0 never shows as 0: one too small for `decimals` keeps two
 * significant digits instead (0.0000099999 days is 0.00001, not 0).
 */
export function roundedText(value: number, decimals: number): string {
  const scale = 10 ** decimals
  const rounded = Math.round(value * scale) / scale
  if (rounded !== 0 || value === 0 || !Number.isFinite(value)) return String(rounded === 0 ? 0 : rounded)
  const places = Math.min(20, Math.ceil(-Math.log10(Math.abs(value))) + 1)
  return value.toFixed(places).replace(/\.?0+$/, '')
}

/** A number for an output: at most 4 decimals, more only for a value that would show as 0 (roundedText). */
export function formatAmount(value: number): string {
  return roundedText(value, 4)
}
