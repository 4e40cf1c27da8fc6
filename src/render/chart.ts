/**
 * The trend chart of the job summary (Mermaid `xychart-beta`, which GitHub renders) and its text twin,
 * a Unicode sparkline for places Mermaid does not reach. Honest axes: the y-axis starts at 0, and the
 * points sit on a fixed time grid, so a missed run or an irregular schedule does not bend the slope.
 *
 * The grid, counted back from `now` (the current reading): one point an hour while the history spans up
 * to 36 hours, else one every 24 hours over the last 30 days (29 days back to now). Each point is the
 * balance as last known at its time (the newest reading at or before it), so a gap holds the balance
 * flat and every step of the line is the same length of time. The x-axis is numeric (hours or days
 * before the last reading, exactly), so Mermaid places its own ticks (d3's, about ten) and their
 * labels never crowd; an hourly chart of under 7 hours gets half-hour ticks (-4.5).
 */
import type { CreditType } from '../logic/balance.js'
import { DAY_MS, HOUR_MS, formatAmount, sortReadings, type Reading } from '../logic/trend.js'
import { LABELS } from './messages.js'

export interface ChartOptions {
  readonly creditType: CreditType
  readonly minimumCredits: number
  /** The current reading's time: the grid's last point. */
  readonly now: number
}

/**
 * The balance line's colour and the minimum's: each contrasts 3:1 or more with the chart's background
 * under Mermaid's default (white) and dark (#333) themes and GitHub's dark page (#0d1117): the orange
 * 3.58, 3.53 and 5.29 to 1, the grey 3.32, 3.80 and 5.70 to 1. No one colour reaches more than 3.55 to 1
 * against both white and #333, so the orange is close to the best there is.
 */
export const LINE_COLOURS = ['#e8590c', '#868e96'] as const
export const DAILY_POINTS = 30
const HOURLY_UP_TO_MS = 36 * HOUR_MS

export interface Grid {
  readonly unit: 'hour' | 'day'
  /** The time each point stands for, oldest first: `now` and whole steps before it. */
  readonly times: readonly number[]
  /** The gated balance as last known at each time. */
  readonly values: readonly number[]
}

/**
 * The readings on the time grid; undefined until they span a whole step (an hour): before that, the
 * grid has one point.
 */
export function timeGrid(readings: readonly Reading[], options: ChartOptions): Grid | undefined {
  const sorted = sortReadings(readings.filter(r => r.at <= options.now))
  if (sorted.length < 2) return undefined
  const spanMs = options.now - sorted[0].at
  const unit = spanMs <= HOURLY_UP_TO_MS ? 'hour' : 'day'
  const step = unit === 'hour' ? HOUR_MS : DAY_MS
  const steps = Math.min(Math.floor(spanMs / step), unit === 'day' ? DAILY_POINTS - 1 : Infinity)
  if (steps < 1) return undefined
  const times: number[] = []
  const values: number[] = []
  let next = 0
  let value = sorted[0].values[options.creditType]
  for (let k = steps; k >= 0; k--) {
    const time = options.now - k * step
    while (next < sorted.length && sorted[next].at <= time) value = sorted[next++].values[options.creditType]
    times.push(time)
    values.push(value)
  }
  return { unit, times, values }
}

/** A round upper bound for the y-axis: 1, 2, 2.5 or 5 times a power of ten, above the highest value. */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1
  const power = 10 ** Math.floor(Math.log10(value))
  const step = [1, 2, 2.5, 5, 10].find(f => f * power >= value * 1.05) ?? 10
  return step * power
}

function date(at: number): string {
  return new Date(at).toISOString().slice(0, 10)
}

function time(at: number): string {
  return new Date(at).toISOString().slice(11, 16)
}

/** "2026-11-11 to 2026-11-25", "2026-11-25 02:10 to 07:10", "2026-11-24 20:10 to 2026-11-25 07:10". */
function dateRange(unit: Grid['unit'], first: number, last: number): string {
  if (unit === 'day') return `${date(first)} to ${date(last)}`
  return date(first) === date(last)
    ? `${date(first)} ${time(first)} to ${time(last)}`
    : `${date(first)} ${time(first)} to ${date(last)} ${time(last)}`
}

function quoted(text: string): string {
  return `"${text.replace(/"/g, "'")}"`
}

/**
 * The Markdown of the trend chart: a Mermaid block with the balance (and the minimum, when above 0, as a
 * flat grey line named in the y-axis title) on the grid; while the readings span less than an hour,
 * one sentence saying when the chart appears.
 */
export function trendChart(readings: readonly Reading[], options: ChartOptions): string {
  const grid = timeGrid(readings, options)
  if (!grid) {
    const first = sortReadings(readings.filter(r => r.at <= options.now))[0]?.at ?? options.now
    const from = first + HOUR_MS
    return `_The trend chart appears once the history spans an hour, with the first reading from ${date(from)} ${time(from)} UTC on._`
  }
  const { unit, times, values } = grid
  const steps = times.length - 1
  const minimum = options.minimumCredits > 0 ? formatAmount(options.minimumCredits) : undefined
  const top = niceCeiling(Math.max(...values, options.minimumCredits))
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: LINE_COLOURS.join(', ') } } })}}%%`,
    'xychart-beta',
    `  title ${quoted(`${LABELS[options.creditType]} credits, ${dateRange(unit, times[0], times[steps])} (UTC)`)}`,
    `  x-axis ${quoted(unit === 'day' ? 'Days before the last reading' : 'Hours before the last reading')} ${-steps} --> 0`,
    `  y-axis ${quoted(minimum === undefined ? 'Credits' : `Credits (grey line: the minimum, ${minimum})`)} 0 --> ${top}`,
    `  line [${values.map(formatAmount).join(', ')}]`,
    ...(minimum === undefined ? [] : [`  line [${values.map(() => minimum).join(', ')}]`]),
    '```'
  ].join('\n')
}

const BARS = '▁▂▃▄▅▆▇█'

/**
 * The same points as one line of text, scaled from 0 like the chart: "Total credits over 4 days, daily: 125 ▇▇▆▅▄ 75".
 * Undefined with fewer than two readings.
 */
export function sparkline(readings: readonly Reading[], options: ChartOptions): string | undefined {
  const grid = timeGrid(readings, options)
  if (!grid) return undefined
  const top = Math.max(...grid.values)
  const bars = grid.values
    .map(v => BARS[top > 0 ? Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1)))) : 0])
    .join('')
  const steps = grid.values.length - 1
  const span = `${steps} ${grid.unit}${steps === 1 ? '' : 's'}, ${grid.unit === 'day' ? 'daily' : 'hourly'}`
  const first = formatAmount(grid.values[0])
  const last = formatAmount(grid.values[steps])
  return `${LABELS[options.creditType]} credits over ${span}: ${first} ${bars} ${last}`
}
