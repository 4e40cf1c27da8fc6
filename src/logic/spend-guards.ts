/**
 * The spend guards, over the history of total credits: a monthly budget (what this UTC month has spent,
 * and where the month is heading) and a runaway-spend alarm (the recent spend, over at least an hour,
 * against the usual rate). Pure; time comes with the readings.
 */
import { DAY_MS, HOUR_MS, burnRate, burnWindow, fall, seriesTo, type Reading } from './trend.js'

/** The usual rate needs readings spanning at least this long; until then the alarm is silent. */
export const USUAL_RATE_MIN_SPAN_MS = 24 * HOUR_MS

/** 00:00 UTC on the 1st of the month `at` lies in, and of the next month. */
export function monthBounds(at: number): { start: number; end: number } {
  const date = new Date(at)
  return {
    start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
    end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
  }
}

/**
 * Total credits spent in the current reading's UTC month: the falls of `total_credits` between
 * consecutive readings, each counted for the part of its interval that lies in the month, pro rata by
 * time (a fall from a reading before the month to one in it counts only for the time since 00:00 UTC
 * on the 1st: a gap of months is not charged to this one); rises are top-ups, left out. 0 on the first
 * reading.
 */
export function spentThisMonth(readings: readonly Reading[], current: Reading): number {
  const series = seriesTo(readings, current)
  const { start } = monthBounds(current.at)
  let spent = 0
  for (let i = 1; i < series.length; i++) {
    const [before, after] = [series[i - 1], series[i]]
    if (after.at <= start) continue
    const spend = fall(before.values.total, after.values.total)
    spent += before.at >= start ? spend : (spend * (after.at - start)) / (after.at - before.at)
  }
  return spent
}

/**
 * The spend so far plus the total burn rate (trend's burnRate of `total`) times the days left until
 * 00:00 UTC on the 1st of the next month; undefined while the rate is not known.
 */
export function forecastThisMonth(
  spent: number,
  totalBurnRatePerDay: number | undefined,
  now: number
): number | undefined {
  if (totalBurnRatePerDay === undefined) return undefined
  return spent + totalBurnRatePerDay * ((monthBounds(now).end - now) / DAY_MS)
}

/**
 * The recent window is at least this long: it starts at the newest reading at least this long before
 * the current one. Seconds or minutes of data are noise, not a rate (as for the burn rate).
 */
export const SPIKE_MIN_WINDOW_MS = HOUR_MS

/**
 * The absolute floor, in total credits an hour: spending no faster than this is never a spike. It
 * decides for an account that usually spends nothing (any spend is infinitely many times 0), and keeps
 * an account that usually spends next to nothing from alarming on cents.
 */
export const SPIKE_FLOOR_PER_HOUR = 1

export interface SpikeCheck {
  /** True when the recent rate is above both factor × the usual rate and SPIKE_FLOOR_PER_HOUR. */
  readonly spike: boolean
  /** Total credits spent over the recent window (the falls, top-ups left out). */
  readonly spent: number
  /** How long the recent window is: at least SPIKE_MIN_WINDOW_MS. */
  readonly overMs: number
  /** The recent rate over the usual rate; Infinity when the usual rate is 0 and credits were spent. */
  readonly times: number
}

/**
 * The runaway-spend alarm: the total spend per hour over the recent window (from the newest reading at
 * least SPIKE_MIN_WINDOW_MS before the current one, to the current one) against the usual spend per
 * hour, the total burn rate over the burn-rate window as it stood at the start of the recent window.
 * Undefined while the usual rate is not known (the readings up to that start span under 24 hours).
 */
export function checkSpike(readings: readonly Reading[], current: Reading, factor: number): SpikeCheck | undefined {
  const series = seriesTo(readings, current)
  let start = series.length - 2
  while (start >= 0 && current.at - series[start].at < SPIKE_MIN_WINDOW_MS) start--
  if (start < 0) return undefined
  const before = series.slice(0, start + 1)
  const from = before[before.length - 1]
  if (from.at - before[0].at < USUAL_RATE_MIN_SPAN_MS) return undefined
  const usualPerDay = burnRate(burnWindow(before), 'total')
  if (usualPerDay === undefined) return undefined
  const overMs = current.at - from.at
  let spent = 0
  for (let i = start + 1; i < series.length; i++) spent += fall(series[i - 1].values.total, series[i].values.total)
  const recentPerHour = spent / (overMs / HOUR_MS)
  const usualPerHour = usualPerDay / 24
  const times = usualPerHour > 0 ? recentPerHour / usualPerHour : recentPerHour > 0 ? Infinity : 0
  const spike = recentPerHour > factor * usualPerHour && recentPerHour > SPIKE_FLOOR_PER_HOUR
  return { spike, spent, overMs, times }
}
