/**
 * Consumption arithmetic over the balance history: pure functions, no I/O.
 */
import type { CreditType } from './balance.js'

export const DAY_MS = 86_400_000
/** The burn rate looks back this far. */
export const WINDOW_DAYS = 7

export interface Reading {
  /** Milliseconds since the epoch (UTC). */
  readonly at: number
  readonly values: Readonly<Record<CreditType, number>>
}

export interface Trend {
  /** How much the gated balance fell since the previous reading; 0 after a top-up. */
  readonly usedSinceLast?: number
  /** The gated balance's spend per day over the window. */
  readonly burnRatePerDay?: number
  /** Days until the gated balance reaches the minimum at that rate; 0 when it is already there. */
  readonly daysRemaining?: number
  /** The UTC date (YYYY-MM-DD) the forecast lands on. */
  readonly depletionDate?: string
  /** How many readings, the current one included, the burn rate is computed over. */
  readonly windowReadings: number
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
  const past = sortReadings(readings.filter(r => r !== current && r.at <= current.at))
  const series = [...past, current]
  const gated = (r: Reading) => r.values[creditType]
  const previous = past.at(-1)
  const usedSinceLast = previous === undefined ? undefined : Math.max(0, gated(previous) - gated(current))

  // The window starts at the newest reading at least 7 days old, else at the oldest one.
  const cutoff = current.at - WINDOW_DAYS * DAY_MS
  let start = 0
  for (let i = 0; i < past.length; i++) if (past[i].at <= cutoff) start = i
  const window = series.slice(start)
  const days = (current.at - window[0].at) / DAY_MS
  let burnRatePerDay: number | undefined
  if (window.length >= 2 && days > 0) {
    let spent = 0
    for (let i = 1; i < window.length; i++) spent += Math.max(0, gated(window[i - 1]) - gated(window[i]))
    burnRatePerDay = spent / days
  }

  let daysRemaining: number | undefined
  const left = gated(current) - minimumCredits
  if (left <= 0) daysRemaining = 0
  else if (burnRatePerDay !== undefined && burnRatePerDay > 0) daysRemaining = left / burnRatePerDay
  const depletionDate =
    daysRemaining === undefined ? undefined : new Date(current.at + daysRemaining * DAY_MS).toISOString().slice(0, 10)
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
