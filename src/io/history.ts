/**
 * The history file: JSON Lines, one reading a line, oldest first. Only a regular file (or nothing) is a
 * history; a symbolic link is followed and stays a link. Read leniently about order, a byte order mark
 * and CRLF line ends, strictly about form: a file with any bad line, or too large to be one, is moved
 * aside, never overwritten. The read-modify-write runs under a lock file beside it and ends in an
 * atomic rename; temporary files a killed run left behind are removed on a later write.
 */
import { randomBytes } from 'node:crypto'
import {
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
  unlinkSync,
  type Stats
} from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { API_FIELDS, CREDIT_TYPES, isCredits, type CreditType } from '../logic/balance.js'
import { ActionError } from '../logic/errors.js'
import { sortReadings, type Reading } from '../logic/trend.js'

/** A larger file is not read into memory: it is moved aside like a corrupt one. */
export const HISTORY_MAX_BYTES = 32 * 1024 * 1024
/** How long a run waits for another run's lock, and when a lock is taken to be a dead run's. */
export const LOCK_WAIT_MS = 10_000
export const LOCK_STALE_MS = 60_000
/** Temporary files of the action's own naming older than this were left by a killed run. */
export const TEMPORARY_STALE_MS = 10 * 60_000
/**
 * Readings dated more than this after the current one come from a clock set ahead and are dropped.
 * Nearer ones are runs that read the balance at about the same time and saved first: they are kept.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000

export class HistoryFormatError extends Error {}

/** The history could not be read (permission denied, a lock that could not be had): no trend is known. */
export class HistoryReadError extends Error {}

/** Parses the file's text, in file order; throws HistoryFormatError naming the first bad line. */
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

function parseReading(line: string): Reading {
  let object: unknown
  try {
    object = JSON.parse(line)
  } catch {
    throw new Error('not JSON')
  }
  if (object === null || typeof object !== 'object' || Array.isArray(object)) throw new Error('not a JSON object')
  const record = object as Record<string, unknown>
  const at = typeof record.at === 'string' ? isoTime(record.at) : Number.NaN
  if (Number.isNaN(at)) throw new Error('"at" is not an ISO 8601 time')
  const values = {} as Record<CreditType, number>
  for (const type of CREDIT_TYPES) {
    const value = record[API_FIELDS[type]]
    if (typeof value !== 'number' || !isCredits(value)) throw new Error(`"${API_FIELDS[type]}" is not a balance`)
    values[type] = value
  }
  return { at, values }
}

/** An ISO 8601 UTC time as ms since the epoch; NaN for anything else, a day that does not exist included. */
function isoTime(text: string): number {
  const date = /^(\d{4})-(\d\d)-(\d\d)T/.exec(text)
  const at = date ? Date.parse(text) : Number.NaN
  if (Number.isNaN(at) || !date) return Number.NaN
  // Date.parse rolls 2025-02-30 over to March 2; the date as written must be the date it means.
  const [year, month, day] = date.slice(1).map(Number)
  const probe = new Date(0)
  probe.setUTCFullYear(year, month - 1, day)
  const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day
  return real ? at : Number.NaN
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

function kindOf(stats: Stats): string | undefined {
  if (stats.isFile()) return undefined
  if (stats.isDirectory()) return 'a directory'
  if (stats.isFIFO()) return 'a FIFO'
  if (stats.isCharacterDevice()) return 'a character device'
  if (stats.isBlockDevice()) return 'a block device'
  if (stats.isSocket()) return 'a socket'
  return 'not a regular file'
}

function notAHistory(path: string, kind: string): ActionError {
  return new ActionError(
    'input',
    `Input \`history-file\` is ${JSON.stringify(path)}, which is ${kind}: it must name a regular file, or nothing yet. Nothing there was touched.`
  )
}

/**
 * Before any request, without opening anything: the path holds a regular file, a link to one, or
 * nothing. Anything else is an input error naming the path. Other failures (permission) are left to
 * the read, which reports them.
 */
export function checkHistoryPath(path: string): void {
  let stats: Stats
  try {
    stats = statSync(path) // follows links; a dangling link is ENOENT, a history still to be made
  } catch {
    return
  }
  const kind = kindOf(stats)
  if (kind) throw notAHistory(path, kind)
}

/** The file a history path stands for: a symbolic link's target (resolved even when dangling). */
export function historyTarget(path: string): string {
  let current = resolve(path)
  for (let hops = 0; hops < 40; hops++) {
    try {
      if (!lstatSync(current).isSymbolicLink()) return current
    } catch {
      return current
    }
    try {
      return realpathSync(current)
    } catch {
      current = resolve(dirname(current), readlinkSync(current)) // dangling: follow by hand
    }
  }
  return current
}

export interface Recorded {
  /** The history with the current reading, oldest first: what the trend is computed from. */
  readonly readings: Reading[]
  /** Set when the file could not be read as a history and was moved aside. */
  readonly movedAside?: { readonly to: string; readonly reason: string }
  /** How many readings dated over FUTURE_TOLERANCE_MS after the current one (a skewed clock) were dropped. */
  readonly droppedFuture: number
  /** Set when the history was read but not saved: why. */
  readonly notSaved?: string
}

/**
 * Reads the history, adds the current reading, keeps the newest `limit`, drops readings dated well
 * after the current one, and saves it, all under the lock. Throws HistoryReadError when the history cannot
 * be read; a history read but not saved comes back with `notSaved`.
 */
export async function recordReading(path: string, current: Reading, limit: number): Promise<Recorded> {
  const target = historyTarget(path)
  try {
    mkdirSync(dirname(target), { recursive: true })
  } catch {
    // A folder that cannot be made: nothing to read, and the save below says why it failed.
  }
  const lock = await acquireLock(`${target}.lock`)
  if (lock === 'busy') {
    throw new HistoryReadError(
      `the lock ${target}.lock was held for over ${LOCK_WAIT_MS / 1000} s (a run's lock file is taken over after ${LOCK_STALE_MS / 1000} s; anything else there must be removed by hand)`
    )
  }
  try {
    const loaded = loadHistory(target, current.at)
    const kept = loaded.readings.filter(r => r.at <= current.at + FUTURE_TOLERANCE_MS)
    const readings = sortReadings([...kept, current]).slice(-limit)
    const recorded = { readings, movedAside: loaded.movedAside, droppedFuture: loaded.readings.length - kept.length }
    if (lock !== 'held') return { ...recorded, notSaved: lock.reason }
    try {
      removeStaleTemporaries(target)
      saveHistory(target, readings)
      return recorded
    } catch (error) {
      return { ...recorded, notSaved: describe(error) }
    }
  } finally {
    if (lock === 'held') rmSync(`${target}.lock`, { force: true })
  }
}

interface Loaded {
  readonly readings: Reading[]
  readonly movedAside?: { readonly to: string; readonly reason: string }
}

/**
 * Reads the history at `target` (already resolved); a missing file is an empty history; a bad or
 * oversized one is moved aside. Opening does not block (a FIFO swapped in after the check is refused).
 */
export function loadHistory(target: string, now: number): Loaded {
  let fd: number
  try {
    fd = openSync(target, constants.O_RDONLY | constants.O_NONBLOCK)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { readings: [] }
    throw new HistoryReadError(describe(error))
  }
  let text: string | undefined
  let reason: string | undefined
  try {
    const stats = fstatSync(fd)
    const kind = kindOf(stats)
    if (kind) throw new HistoryReadError(`it is ${kind}`)
    if (stats.size > HISTORY_MAX_BYTES) reason = `it is larger than ${HISTORY_MAX_BYTES / 1024 / 1024} MiB`
    else text = readFileSync(fd, 'utf8')
  } catch (error) {
    if (error instanceof HistoryReadError) throw error
    throw new HistoryReadError(describe(error))
  } finally {
    closeSync(fd)
  }
  if (text !== undefined) {
    try {
      return { readings: parseHistory(text) }
    } catch (error) {
      if (!(error instanceof HistoryFormatError)) throw error
      reason = error.message
    }
  }
  const to = `${target}.corrupt-${new Date(now).toISOString().replace(/[-:.]/g, '')}`
  try {
    renameSync(target, to)
  } catch (error) {
    throw new HistoryReadError(
      `it is not a balance history (${reason}), and moving it aside failed: ${describe(error)}`
    )
  }
  return { readings: [], movedAside: { to, reason: reason ?? 'unreadable' } }
}

const TEMPORARY = /^\..+\.\d+\.[0-9a-f]+\.tmp$/

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Replaces the file in one step: a temporary file in the same folder, then a rename over it. The file
 * keeps its permissions (a history kept private stays private).
 */
export function saveHistory(target: string, readings: readonly Reading[]): void {
  const temporary = temporaryName(target)
  let mode: number | undefined
  try {
    mode = statSync(target).mode & 0o7777
  } catch {
    // A new history: the default permissions.
  }
  try {
    writeFileSync(temporary, serializeHistory(readings), { flag: 'wx', mode: mode ?? 0o666 })
    if (mode !== undefined) chmodSync(temporary, mode)
    renameSync(temporary, target)
  } catch (error) {
    rmSync(temporary, { force: true })
    throw error
  }
}

/** Removes this history's temporary files that a killed run left behind (older than 10 minutes). */
export function removeStaleTemporaries(target: string, now: number = Date.now()): void {
  const prefix = `.${basename(target)}.`
  for (const name of readdirSync(dirname(target))) {
    if (!name.startsWith(prefix) || !TEMPORARY.test(name)) continue
    const path = join(dirname(target), name)
    try {
      if (now - lstatSync(path).mtimeMs > TEMPORARY_STALE_MS) rmSync(path, { force: true })
    } catch {
      // Gone already, or another run's: not ours to insist on.
    }
  }
}

/**
 * Takes the lock file, created exclusively. Waits up to LOCK_WAIT_MS for another run; a lock older
 * than LOCK_STALE_MS is a dead run's and is taken over. 'busy' when it could not be had in time; a
 * reason when it cannot be made at all (a read-only folder), so that the history is read, not saved.
 */
export async function acquireLock(
  lockPath: string,
  waitMs: number = LOCK_WAIT_MS
): Promise<'held' | 'busy' | { reason: string }> {
  const deadline = Date.now() + waitMs
  for (;;) {
    let fd: number
    try {
      fd = openSync(lockPath, 'wx')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return { reason: describe(error) }
      fd = -1
    }
    if (fd >= 0) {
      // Held from here on; who holds it is for a person reading the folder, so a failed write is no matter.
      try {
        writeSync(fd, `${process.pid} ${new Date().toISOString()}\n`)
      } catch {
        // A full disk: the lock is held all the same, and the save below says why it failed.
      } finally {
        closeSync(fd)
      }
      return 'held'
    }
    // The lock itself, not what it may point at: a dangling link or a directory there is no run's lock,
    // and only a file can be taken over; anything else waits out the deadline like a live lock.
    let retryNow = false
    try {
      const lock = lstatSync(lockPath)
      if (lock.isFile() && Date.now() - lock.mtimeMs > LOCK_STALE_MS) {
        unlinkSync(lockPath)
        retryNow = true
      }
    } catch (error) {
      retryNow = (error as NodeJS.ErrnoException).code === 'ENOENT' // released between the two calls
    }
    if (retryNow) continue // the path changed under us: open again, no wait
    if (Date.now() >= deadline) return 'busy'
    await new Promise(resolve => setTimeout(resolve, 25 + Math.random() * 50))
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
