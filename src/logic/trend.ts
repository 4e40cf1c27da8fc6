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
/** A fall smaller than this is rounding, not spending. */
export const SPEND_EPSILON = 0.000001

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
  /** Days until the gated balance reaches the minimum at that rate; 0 only when it is already there. */
  readonly daysRemaining?: number
  /** The UTC date (YYYY-MM-DD) the forecast lands on. */
  readonly depletionDate?: string
  /** How many readings, the current one included, the burn rate is computed over. */
  readonly windowReadings: number
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
  return spent < SPEND_EPSILON ? 0 : spent
}

/**
 * The spend per day of `type` over a window: the falls between consecutive readings, rises left
 * out, divided by the window's days. Undefined while the window spans less than MIN_WINDOW_MS.
 */
export function burnRate(window: readonly Reading[], type: CreditType): number | undefined {
  if (window.length < 2) return undefined
  const spanMs = window[window.length - 1].at - window[0].at
  if (spanMs < MIN_WINDOW_MS) return undefined
  let spent = 0
  for (let i = 1; i < window.length; i++) spent += fall(window[i - 1].values[type], window[i].values[type])
  return spent / (spanMs / DAY_MS)
}

/** The UTC date `days` after `from`; undefined beyond MAX_FORECAST_DAYS. */
export function dateAfter(from: number, days: number): string | undefined {
  if (!(days <= MAX_FORECAST_DAYS)) return undefined
  return new Date(from + days * DAY_MS).toISOString().slice(0, 10)
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

  let daysRemaining: number | undefined
  const left = gated(current) - minimumCredits
  if (left <= 0) daysRemaining = 0
  else if (burnRatePerDay !== undefined && burnRatePerDay > 0 && left / burnRatePerDay <= MAX_FORECAST_DAYS) {
    daysRemaining = left / burnRatePerDay
  }
  const depletionDate = daysRemaining === undefined ? undefined : dateAfter(current.at, daysRemaining)
  return { usedSinceLast, burnRatePerDay, daysRemaining, depletionDate, windowReadings: window.length }
}

/** Oldest first; readings with the same time keep their order. */
export function sortReadings(readings: readonly Reading[]): Reading[] {
  return [...readings].sort((a, b) => a.at - b.at)
}

/** A number for an output: at most 4 decimals, without the float noise of a subtraction. */
export function formatAmount(value: number): string {
  return String(Math.round(value * 10_000) / 10_000)
}
