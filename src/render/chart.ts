/**
 * The trend chart of the job summary (Mermaid `xychart-beta`, which GitHub renders) and its text twin,
 * a Unicode sparkline for places Mermaid does not reach. Honest axes: the y-axis starts at 0, and the
 * points sit on a fixed time grid, so a missed run or an irregular schedule does not bend the slope.
 *
 * The grid: one point an hour while the history spans up to 36 hours, else one a UTC day over the
 * last 30 days. Each point is the last reading in its slot, carried forward through empty slots (the
 * balance as last known). The x-axis is numeric (hours or days before the last reading), so Mermaid
 * places its own few ticks and their labels never crowd.
 */
import type { CreditType } from '../logic/balance.js'
import { DAY_MS, HOUR_MS, formatAmount, sortReadings, type Reading } from '../logic/trend.js'

export interface ChartOptions {
  readonly creditType: CreditType
  readonly minimumCredits: number
  /** The current reading's time: the grid ends with its slot. */
  readonly now: number
}

/**
 * The balance line's colour and the minimum's: each contrasts 3:1 or more with the chart's background
 * under Mermaid's default (white) and dark (#333) themes and GitHub's dark page (#0d1117).
 */
export const LINE_COLOURS = ['#e8590c', '#868e96'] as const
export const DAILY_SLOTS = 30
const HOURLY_UP_TO_MS = 36 * HOUR_MS

const NAMES: Readonly<Record<CreditType, string>> = {
  total: 'Total',
  regular: 'Regular',
  free: 'Free',
  referral: 'Referral'
}

export interface Grid {
  readonly unit: 'hour' | 'day'
  /** The start of each slot, oldest first; the last one holds `now`. */
  readonly starts: readonly number[]
  /** The gated balance at the end of each slot. */
  readonly values: readonly number[]
}

/** The readings on the time grid; undefined while they fill fewer than two slots. */
export function timeGrid(readings: readonly Reading[], options: ChartOptions): Grid | undefined {
  const sorted = sortReadings(readings.filter(r => r.at <= options.now))
  if (sorted.length < 2) return undefined
  const spanMs = options.now - sorted[0].at
  const unit = spanMs <= HOURLY_UP_TO_MS ? 'hour' : 'day'
  const step = unit === 'hour' ? HOUR_MS : DAY_MS
  const slotOf = (at: number) => Math.floor(at / step) * step
  const last = slotOf(options.now)
  const first = Math.max(slotOf(sorted[0].at), unit === 'day' ? last - (DAILY_SLOTS - 1) * step : -Infinity)
  const starts: number[] = []
  const values: number[] = []
  let next = 0
  let value: number | undefined
  for (let start = first; start <= last; start += step) {
    while (next < sorted.length && sorted[next].at < start + step) value = sorted[next++].values[options.creditType]
    starts.push(start)
    values.push(value ?? sorted[0].values[options.creditType])
  }
  return starts.length < 2 ? undefined : { unit, starts, values }
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

function quoted(text: string): string {
  return `"${text.replace(/"/g, "'")}"`
}

/**
 * The Markdown of the trend chart: a Mermaid block with the balance (and the minimum, when above 0)
 * on the grid; with fewer than two readings, a sentence saying when the chart appears.
 */
export function trendChart(readings: readonly Reading[], options: ChartOptions): string {
  const grid = timeGrid(readings, options)
  if (!grid) {
    return '_The chart appears once the readings span more than an hour: keep the history file between runs (with actions/cache) and check again later._'
  }
  const { unit, starts, values } = grid
  const slots = starts.length - 1
  const top = niceCeiling(Math.max(...values, options.minimumCredits))
  const range =
    unit === 'day'
      ? `${date(starts[0])} to ${date(starts[slots])}`
      : `${new Date(starts[0]).toISOString().slice(0, 13).replace('T', ' ')}:00 to ${new Date(starts[slots]).toISOString().slice(0, 13).replace('T', ' ')}:00`
  return [
    '```mermaid',
    `%%{init: ${JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: LINE_COLOURS.join(', ') } } })}}%%`,
    'xychart-beta',
    `  title ${quoted(`${NAMES[options.creditType]} credits, ${range} (UTC)`)}`,
    `  x-axis ${quoted(unit === 'day' ? 'Days before the last reading' : 'Hours before the last reading')} ${-slots} --> 0`,
    `  y-axis "Credits" 0 --> ${top}`,
    `  line [${values.map(formatAmount).join(', ')}]`,
    ...(options.minimumCredits > 0
      ? [`  line [${values.map(() => formatAmount(options.minimumCredits)).join(', ')}]`]
      : []),
    '```'
  ].join('\n')
}

const BARS = '▁▂▃▄▅▆▇█'

/**
 * The same points as one line of text, scaled from 0 like the chart: "Total credits, 30 days: 125 ▇▇▆▅▄ 75".
 * Undefined with fewer than two readings.
 */
export function sparkline(readings: readonly Reading[], options: ChartOptions): string | undefined {
  const grid = timeGrid(readings, options)
  if (!grid) return undefined
  const top = Math.max(...grid.values)
  const bars = grid.values
    .map(v => BARS[top > 0 ? Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1)))) : 0])
    .join('')
  const count = grid.values.length
  const span = `${count} ${grid.unit === 'day' ? 'days' : 'hours'}`
  const first = formatAmount(grid.values[0])
  const last = formatAmount(grid.values[count - 1])
  return `${NAMES[options.creditType]} credits, ${span}: ${first} ${bars} ${last}`
}
