/**
 * The history file: JSON Lines, one reading a line, oldest first. Read leniently about order, strictly
 * about form: a file with any bad line is moved aside, never overwritten. Written atomically.
 */
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { API_FIELDS, CREDIT_TYPES, type CreditType } from '../logic/balance.js'
import { sortReadings, type Reading } from '../logic/trend.js'

export class HistoryFormatError extends Error {}

/** Parses the file's text, in file order; throws HistoryFormatError naming the first bad line. */
export function parseHistory(text: string): Reading[] {
  const readings: Reading[] = []
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === '') continue
    try {
      readings.push(parseReading(lines[i]))
    } catch (error) {
      throw new HistoryFormatError(`line ${i + 1}: ${(error as Error).message}`)
    }
  }
  return readings
}

function parseReading(line: string): Reading {
  let object: unknown
  try {
    object = JSON.parse(line)
  } catch {
    throw new Error('not JSON')
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) throw new Error('not a JSON object')
  const record = object as Record<string, unknown>
  const at = typeof record.at === 'string' && /^\d{4}-\d\d-\d\dT/.test(record.at) ? Date.parse(record.at) : Number.NaN
  if (Number.isNaN(at)) throw new Error('"at" is not an ISO 8601 time')
  const values = {} as Record<CreditType, number>
  for (const type of CREDIT_TYPES) {
    const value = record[API_FIELDS[type]]
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Error(`"${API_FIELDS[type]}" is not a number`)
    values[type] = value
  }
  return { at, values }
}

/** The documented field order of a line: credit, free_credit, referral_credits, total_credits. */
const LINE_ORDER: readonly CreditType[] = ['regular', 'free', 'referral', 'total']

export function serializeHistory(readings: readonly Reading[]): string {
  return readings
    .map(r => {
      const fields = LINE_ORDER.map(type => `,"${API_FIELDS[type]}":${JSON.stringify(r.values[type])}`).join('')
      return `{"at":"${new Date(r.at).toISOString()}"${fields}}\n`
    })
    .join('')
}

export interface LoadedHistory {
  readonly readings: Reading[]
  /** Set when the file could not be read as a history and was moved aside. */
  readonly movedAside?: { readonly to: string; readonly reason: string }
}

/** Reads the history; a missing file (or folder) is an empty history; a bad one is moved aside. */
export function loadHistory(path: string, now: Date): LoadedHistory {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { readings: [] }
    throw error
  }
  try {
    return { readings: parseHistory(text) }
  } catch (error) {
    if (!(error instanceof HistoryFormatError)) throw error
    const to = `${path}.corrupt-${now.toISOString().replace(/[-:.]/g, '')}`
    renameSync(path, to)
    return { readings: [], movedAside: { to, reason: error.message } }
  }
}

/** Replaces the file in one step: a temporary file in the same folder, then a rename over it. */
export function saveHistory(path: string, readings: readonly Reading[]): void {
  mkdirSync(dirname(path), { recursive: true })
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`)
  try {
    writeFileSync(temporary, serializeHistory(readings))
    renameSync(temporary, path)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** Appends the current reading, keeps the newest `limit`, and saves. Returns what was saved. */
export function recordReading(path: string, current: Reading, limit: number, now: Date): LoadedHistory {
  const loaded = loadHistory(path, now)
  const readings = sortReadings([...loaded.readings, current]).slice(-limit)
  saveHistory(path, readings)
  return { ...loaded, readings }
}
