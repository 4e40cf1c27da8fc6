/**
 * The history's lines, as pure functions: one reading a line (JSON Lines), parsed strictly, written in
 * the documented field order; the union of two histories; how far back the figures look; when a file
 * has outgrown its limit. No I/O, no clock.
 */
import { API_FIELDS, CREDIT_TYPES, isCredits, type CreditType } from './balance.js'
import { DAY_MS, type Reading } from './trend.js'

export class HistoryFormatError extends Error {}

/**
 * How far back from the previous reading the figures look: the 30-day chart, the calendar month
 * (up to 31 days), the 7-day burn rate and the spike check's usual rate at the previous reading need
 * at most 32 days; 3 more days allow for readings a little out of order. The newest reading older than
 * this is kept too (the balance as last known before the window).
 */
export const FIGURES_WINDOW_MS = 35 * DAY_MS

/** How many readings over `history-limit` a file may hold before it is trimmed: a tenth, at least 1. */
export function trimSlack(limit: number): number {
  return Math.max(1, Math.ceil(limit / 10))
}

/** True when a file of `count` readings is due to be trimmed back to `limit`. */
export function dueForTrim(count: number, limit: number): boolean {
  return count > limit + trimSlack(limit)
}

/** One line (without its line end) as a reading; throws an Error saying what is wrong with it. */
export function parseReading(line: string): Reading {
  let object: unknown
  try {
    object = JSON.parse(line)
  } catch {
    throw new Error('not JSON')
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) throw new Error('not a JSON object')
  const record = object as Record<string, unknown>
  const at = typeof record.at === 'string' ? isoTime(record.at) : Number.NaN
  if (Number.isNaN(at)) throw new Error('"at" is not an ISO 8601 time with a zone (Z or ±hh:mm)')
  const values = {} as Record<CreditType, number>
  for (const type of CREDIT_TYPES) {
    const value = record[API_FIELDS[type]]
    if (typeof value !== 'number' || !isCredits(value)) throw new Error(`"${API_FIELDS[type]}" is not a balance`)
    values[type] = value
  }
  return { at, values }
}

/**
 * An ISO 8601 time with its zone as ms since the epoch; NaN for anything else: a time without a zone
 * (which Date.parse would read as the runner's local time) and a day that does not exist included.
 */
export function isoTime(text: string): number {
  const date = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/.exec(text)
  const at = date ? Date.parse(text) : Number.NaN
  if (Number.isNaN(at) || !date) return Number.NaN
  // Date.parse rolls 2025-02-30 over to March 2; the date as written must be the date it means.
  const [year, month, day] = date.slice(1, 4).map(Number)
  const probe = new Date(0)
  probe.setUTCFullYear(year, month - 1, day)
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
  return real ? at : Number.NaN
}

/** Parses a history's text, in file order; throws HistoryFormatError naming the first bad line. */
export function parseHistory(text: string): Reading[] {
  const readings: Reading[] = []
  const lines = text.replace(/^\uFEFF/, '').split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '')
    if (line.trim() === '') continue
    try {
      readings.push(parseReading(line))
    } catch (error) {
      throw new HistoryFormatError(`line ${i + 1}: ${(error as Error).message}`)
    }
  }
  return readings
}

/** The documented field order of a line: credit, free_credit, referral_credits, total_credits. */
const LINE_ORDER: readonly CreditType[] = ['regular', 'free', 'referral', 'total']

/** One reading as its line, line end included. */
export function serializeReading(r: Reading): string {
  const fields = LINE_ORDER.map(type => `,"${API_FIELDS[type]}":${JSON.stringify(r.values[type])}`).join('')
  return `{"at":"${new Date(r.at).toISOString()}"${fields}}\n`
}

export function serializeHistory(readings: readonly Reading[]): string {
  return readings.map(serializeReading).join('')
}
