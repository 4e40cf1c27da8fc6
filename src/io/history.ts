/**
 * The history file: JSON Lines, one reading a line, oldest first (src/logic/history-lines.ts reads and
 * writes a line). Only a regular file (or nothing) is a history; a symbolic link is followed and stays
 * a link. A run costs the same whatever the history's length:
 *
 * - it reads only the tail the figures need (FIGURES_WINDOW_MS back from the newest reading, and the
 *   newest reading before that), backwards in chunks, and counts the lines before it without parsing
 *   them (the first line is read for the history's start);
 * - it appends its reading (one write of one line, O_APPEND) under the lock;
 * - it trims the file to `history-limit` only when the file holds more than a tenth over it (an atomic
 *   rewrite: a temporary file, then a rename), and that run reads the whole file.
 *
 * A bad line found when read (in the tail, the first line, or anywhere at a trim) moves the file aside,
 * never overwriting it. An incomplete last line (a run killed while appending) is dropped, and said so.
 * A reading of this run dated well before the history's newest (this runner's clock is behind) is not
 * appended, and nothing is dropped: the figures are the history's. Temporary files a killed trim left
 * behind are removed on a later trim.
 */
import { randomBytes } from 'node:crypto'
import * as realFs from 'node:fs'
import { constants, lstatSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { ActionError } from '../logic/errors.js'
import {
  FIGURES_WINDOW_MS,
  HistoryFormatError,
  dueForTrim,
  parseHistory,
  parseReading,
  serializeHistory,
  serializeReading
} from '../logic/history-lines.js'
import { sortReadings, type Reading } from '../logic/trend.js'
import {
  LOCK_STALE_MS,
  LOCK_WAIT_MS,
  acquireLock,
  code,
  describe,
  retrying,
  systemClock,
  type Clock,
  type HistoryFs
} from './lock.js'
import { historyReasons as reasons, notAHistoryMessage } from '../render/history-messages.js'

export { HistoryFormatError, parseHistory, serializeHistory } from '../logic/history-lines.js'
export { LOCK_STALE_MS, LOCK_WAIT_MS, acquireLock, type Clock, type HistoryFs } from './lock.js'

/** A larger file is not read into memory: it is moved aside like a corrupt one. */
export const HISTORY_MAX_BYTES = 32 * 1024 * 1024
/** Temporary files of the action's own naming older than this were left by a killed run. */
export const TEMPORARY_STALE_MS = 10 * 60_000
/**
 * A history whose newest reading is dated more than this after the current one is ahead of this run's
 * clock. Nearer ones are runs that read the balance at about the same time and saved first.
 */
export const FUTURE_TOLERANCE_MS = 5 * 60_000
/** The tail is read backwards in chunks of this size. */
const CHUNK_BYTES = 64 * 1024
/** win32 has no O_NONBLOCK (no FIFOs to block on either): 0 there, said so rather than left to chance. */
const O_NONBLOCK = process.platform === 'win32' ? 0 : (constants.O_NONBLOCK ?? 0)

/** The history could not be read (permission denied, a lock that could not be had): no trend is known. */
export class HistoryReadError extends Error {}

export interface HistoryOptions {
  readonly fs?: HistoryFs
  readonly clock?: Clock
  readonly lockWaitMs?: number
  readonly lockStaleMs?: number
}

export interface Recorded {
  /** What the figures need, oldest first, the current reading among them. */
  readonly readings: Reading[]
  /**
   * The reading the figures are computed at: this run's balance, at this run's time; or, when this
   * run's clock is behind the history, at the time of the history's newest reading.
   */
  readonly current: Reading
  /** The whole history up to the current reading, the current one included: how many, since when. */
  readonly extent: { readonly count: number; readonly oldestAt: number }
  /** Set when the file could not be read as a history and was moved aside. */
  readonly movedAside?: { readonly to: string; readonly reason: string }
  /** Set when the history's newest reading is dated well after this run's time: that reading's time. */
  readonly clockBehind?: number
  /** The length in bytes of an incomplete last line (a run killed while appending), dropped. */
  readonly tornLine?: number
  /** How many of the oldest readings a trim dropped to keep `history-limit`. */
  readonly trimmed?: number
  /** Set when the history was read but this reading not saved: why. */
  readonly notSaved?: string
  /** Set when this run's lock could not be removed: why. */
  readonly lockNotRemoved?: string
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
  return new ActionError('input', notAHistoryMessage(path, kind))
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

/**
 * Adds the current reading to the history at `path` and gives what the figures need, all under the
 * lock. Throws HistoryReadError when the history cannot be read; a history read but not saved comes
 * back with `notSaved`.
 */
export async function recordReading(
  path: string,
  current: Reading,
  limit: number,
  options: HistoryOptions = {}
): Promise<Recorded> {
  const fs = options.fs ?? realFs
  const clock = options.clock ?? systemClock
  const target = historyTarget(path)
  try {
    fs.mkdirSync(dirname(target), { recursive: true })
  } catch {
    // A folder that cannot be made: nothing to read, and the save below says why it failed.
  }
  const lockPath = `${target}.lock`
  const waitMs = options.lockWaitMs ?? LOCK_WAIT_MS
  const lock = await acquireLock(lockPath, { fs, clock, waitMs, staleMs: options.lockStaleMs })
  if (lock === 'busy') {
    throw new HistoryReadError(reasons.lockBusy(lockPath, waitMs, options.lockStaleMs ?? LOCK_STALE_MS))
  }
  const held = 'ours' in lock ? lock : undefined
  let recorded: Recorded | undefined
  try {
    recorded = await keep({
      target,
      current,
      limit,
      fs,
      clock,
      lock: held,
      readOnly: 'reason' in lock ? lock.reason : undefined
    })
  } finally {
    const notRemoved = held ? await held.release() : undefined
    if (notRemoved && recorded) recorded = { ...recorded, lockNotRemoved: `${lockPath}: ${notRemoved}` }
  }
  return recorded
}

interface Keeping {
  readonly target: string
  readonly current: Reading
  readonly limit: number
  readonly fs: HistoryFs
  readonly clock: Clock
  /** Undefined when the lock could not be made at all. */
  readonly lock?: { ours(): boolean }
  /** Why the history can be read but not written. */
  readonly readOnly?: string
}

async function keep(k: Keeping): Promise<Recorded> {
  const { target, current, fs, clock } = k
  let tail = readTail(target, fs)
  let movedAside: Recorded['movedAside']
  if ('corrupt' in tail) {
    movedAside = await moveAside(target, tail.corrupt, current.at, fs, clock)
    tail = EMPTY
  }
  const newest = tail.readings.reduce((max, r) => Math.max(max, r.at), -Infinity)
  if (newest > current.at + FUTURE_TOLERANCE_MS) {
    // This run's clock is behind the history: keep the history whole, add nothing, and compute the
    // figures as of the history's newest reading with this run's balance.
    const shown: Reading = { at: newest, values: current.values }
    return { ...figures(tail, shown), movedAside, clockBehind: newest }
  }
  const base = { ...figures(tail, current), movedAside }
  if (k.readOnly !== undefined) return { ...base, notSaved: k.readOnly }
  try {
    if (dueForTrim(tail.count + 1, k.limit)) return { ...base, ...(await trim(k, tail)) }
    appendReading(target, current, tail, fs)
    return { ...base, tornLine: tail.torn?.bytes }
  } catch (error) {
    if (error instanceof HistoryReadError) throw error
    return { ...base, notSaved: describe(error) }
  }
}

/** The figures' readings and the history's extent, from the tail and the current reading. */
function figures(tail: Tail, current: Reading): Pick<Recorded, 'readings' | 'current' | 'extent'> {
  const after = tail.readings.filter(r => r.at > current.at).length
  return {
    readings: sortReadings([...tail.readings, current]),
    current,
    extent: { count: tail.count - after + 1, oldestAt: Math.min(tail.oldestAt ?? current.at, current.at) }
  }
}

/** What the tail read found. */
interface Tail {
  /** The readings of the tail, newest first in file order (the figures sort them). */
  readonly readings: Reading[]
  /** How many readings the whole file holds (its lines that are not blank). */
  readonly count: number
  /** The first line's time, or the tail's oldest: when the history starts. */
  readonly oldestAt?: number
  /** False when the last line has no line end (an append must add one first). */
  readonly endsWithNewline: boolean
  /** An incomplete last line (a killed append): where it starts and how long it is. */
  readonly torn?: { readonly offset: number; readonly bytes: number }
}

const EMPTY: Tail = { readings: [], count: 0, endsWithNewline: true }

/**
 * Reads the history's tail at `target` (already resolved); a missing file is an empty history. A bad
 * line, or a file too large to be a history, comes back as `corrupt` (the reason). Opening does not
 * block (a FIFO swapped in after the check is refused).
 */
function readTail(target: string, fs: HistoryFs): Tail | { corrupt: string } {
  let fd: number
  try {
    fd = fs.openSync(target, constants.O_RDONLY | O_NONBLOCK)
  } catch (error) {
    if (code(error) === 'ENOENT') return EMPTY
    throw new HistoryReadError(describe(error))
  }
  try {
    const stats = fs.fstatSync(fd)
    const kind = kindOf(stats)
    if (kind) throw new HistoryReadError(reasons.notAFile(kind))
    if (stats.size > HISTORY_MAX_BYTES) return { corrupt: reasons.tooLarge(HISTORY_MAX_BYTES) }
    return scanTail(fd, stats.size, fs)
  } catch (error) {
    if (error instanceof HistoryReadError) throw error
    throw new HistoryReadError(describe(error))
  } finally {
    fs.closeSync(fd)
  }
}

function readFully(fd: number, buffer: Buffer, position: number, fs: HistoryFs): number {
  let done = 0
  while (done < buffer.length) {
    const n = fs.readSync(fd, buffer, done, buffer.length - done, position + done)
    if (n === 0) break
    done += n
  }
  return done
}

/** A line's text: a byte order mark at the file's start and a CR before the line end read as absent. */
function lineText(bytes: Buffer, offset: number): string {
  let text = bytes.toString('utf8')
  if (offset === 0) text = text.replace(/^\uFEFF/, '')
  return text.endsWith('\r') ? text.slice(0, -1) : text
}

/**
 * Reads lines backwards from the end, in chunks, until it has a reading dated FIGURES_WINDOW_MS before
 * the newest it has seen; then counts the lines before the tail without parsing them, and parses the
 * first line for the history's start.
 */
function scanTail(fd: number, size: number, fs: HistoryFs): Tail | { corrupt: string } {
  const readings: Reading[] = []
  let newest = -Infinity
  let endsWithNewline = true
  let torn: Tail['torn']
  let first = true // the next line is the file's last (after its final line end, maybe empty)
  let stoppedAt: number | undefined // where the tail's oldest line starts, when the tail is not the whole file
  let carry = Buffer.alloc(0) // the start of a line that begins in an earlier chunk
  let pos = size
  const badLine = (offset: number, error: unknown) => ({
    corrupt: reasons.badLine(countLines(fd, offset, fs) + 1, (error as Error).message)
  })
  outer: while (pos > 0 || first) {
    const from = Math.max(0, pos - CHUNK_BYTES)
    const chunk = Buffer.allocUnsafe(pos - from)
    const n = readFully(fd, chunk, from, fs)
    if (n !== chunk.length) throw new HistoryReadError(reasons.changedWhileRead)
    const buffer = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk
    // The whole lines of this chunk, decoded at once: they start after a line end (or at the file's
    // start) and end at one (or at the file's end), so no character is cut.
    const cut = from > 0 ? buffer.indexOf(0x0a) : -1
    if (from > 0 && cut < 0) {
      carry = buffer
      pos = from
      continue
    }
    const lines = buffer.toString('utf8', cut + 1).split('\n')
    let end = from + buffer.length // the byte after the line under way
    for (let i = lines.length - 1; i >= 0; i--) {
      const raw = lines[i]
      const last = first
      first = false
      // The file's last line is measured in bytes exactly (it may be cut off); the others as decoded.
      const offset = last ? from + buffer.lastIndexOf(0x0a) + 1 : end - Buffer.byteLength(raw)
      const bytes = end - offset
      end = offset - 1
      const text = lineString(raw, offset)
      if (text.trim() === '') continue
      let reading: Reading | undefined
      try {
        reading = parseReading(text)
      } catch (error) {
        if (!last) return badLine(offset, error)
        torn = { offset, bytes } // the last line, unended and unreadable: a killed append
      }
      if (last) endsWithNewline = false
      if (reading) {
        readings.push(reading)
        newest = Math.max(newest, reading.at)
        if (reading.at < newest - FIGURES_WINDOW_MS) {
          stoppedAt = offset
          break outer
        }
      }
    }
    if (from === 0) break
    carry = Buffer.from(buffer.subarray(0, cut))
    pos = from
  }
  if (stoppedAt === undefined || stoppedAt === 0) {
    const oldest = readings.reduce((min, r) => Math.min(min, r.at), Infinity)
    return { readings, count: readings.length, oldestAt: readings.length ? oldest : undefined, endsWithNewline, torn }
  }
  const start = firstReading(fd, stoppedAt, fs)
  if ('corrupt' in start) return start
  const oldest = readings.reduce((min, r) => Math.min(min, r.at), start.at ?? Infinity)
  return { readings, count: readings.length + countLines(fd, stoppedAt, fs), oldestAt: oldest, endsWithNewline, torn }
}

/** A line's text: a byte order mark at the file's start and a CR before the line end read as absent. */
function lineString(raw: string, offset: number): string {
  const text = offset === 0 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw
  return text.endsWith('\r') ? text.slice(0, -1) : text
}

/** The first reading of the file, read from its first lines (before `end`); a bad one is a bad line. */
function firstReading(fd: number, end: number, fs: HistoryFs): { at?: number } | { corrupt: string } {
  const head = Buffer.allocUnsafe(Math.min(end, CHUNK_BYTES))
  const n = readFully(fd, head, 0, fs)
  let offset = 0
  for (let line = 1; offset < n; line++) {
    const newline = head.indexOf(0x0a, offset)
    const stop = newline < 0 || newline >= n ? n : newline
    const text = lineText(head.subarray(offset, stop), offset)
    if (text.trim() !== '') {
      try {
        return { at: parseReading(text).at }
      } catch (error) {
        return { corrupt: reasons.badLine(line, (error as Error).message) }
      }
    }
    offset = stop + 1
  }
  return {}
}

/** How many lines that are not blank lie before `end` (a line start), counted without parsing them. */
function countLines(fd: number, end: number, fs: HistoryFs): number {
  const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(end, 256 * 1024)))
  let count = 0
  let length = 0 // of the line under way
  let firstByte = 0
  for (let pos = 0; pos < end;) {
    const n = readFully(fd, buffer.subarray(0, Math.min(buffer.length, end - pos)), pos, fs)
    if (n === 0) break
    for (let i = 0; i < n;) {
      const newline = buffer.indexOf(0x0a, i)
      const stop = newline < 0 || newline >= n ? n : newline
      if (stop > i) {
        if (length === 0) firstByte = buffer[i]
        length += stop - i
      }
      if (stop < n) {
        if (length > 1 || (length === 1 && firstByte !== 0x0d)) count++
        length = 0
      }
      i = stop + 1
    }
    pos += n
  }
  if (length > 1 || (length === 1 && firstByte !== 0x0d)) count++
  return count
}

/** One write of one line at the file's end (O_APPEND); a write that fails is undone. */
function appendReading(target: string, current: Reading, tail: Tail, fs: HistoryFs): void {
  const fd = fs.openSync(target, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT, 0o666)
  try {
    const before = tail.torn ? tail.torn.offset : fs.fstatSync(fd).size
    if (tail.torn) fs.ftruncateSync(fd, tail.torn.offset)
    const data = Buffer.from(`${tail.endsWithNewline || tail.torn ? '' : '\n'}${serializeReading(current)}`)
    try {
      const written = fs.writeSync(fd, data)
      if (written !== data.length) throw new Error(reasons.shortWrite(written, data.length))
    } catch (error) {
      try {
        fs.ftruncateSync(fd, before)
      } catch {
        // The next run drops the incomplete line, and says so.
      }
      throw error
    }
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * Rewrites the file with its newest `limit` readings (sorted, the current one added): the one run in
 * many that reads the whole file. A bad line anywhere in it moves the file aside, and a fresh history
 * starts with the current reading.
 */
async function trim(k: Keeping, tail: Tail): Promise<Partial<Recorded>> {
  const { target, current, fs, clock } = k
  removeStaleTemporaries(target, clock.now(), fs)
  let bytes: Buffer
  try {
    bytes = fs.readFileSync(target)
  } catch (error) {
    throw new HistoryReadError(describe(error))
  }
  let all: Reading[]
  try {
    all = parseHistory(bytes.subarray(0, tail.torn?.offset ?? bytes.length).toString('utf8'))
  } catch (error) {
    if (!(error instanceof HistoryFormatError)) throw error
    const movedAside = await moveAside(target, error.message, current.at, fs, clock)
    await writeAtomic(target, serializeHistory([current]), k)
    return { movedAside, readings: [current], extent: { count: 1, oldestAt: current.at } }
  }
  const sorted = sortReadings([...all, current])
  const kept = sorted.slice(-k.limit)
  await writeAtomic(target, serializeHistory(kept), k)
  const upTo = kept.filter(r => r.at <= current.at)
  return {
    readings: kept.slice(-(tail.readings.length + 1)),
    extent: { count: upTo.length, oldestAt: Math.min(kept[0].at, current.at) },
    trimmed: sorted.length - kept.length,
    tornLine: tail.torn?.bytes
  }
}

const TEMPORARY = /^\..+\.\d+\.[0-9a-f]+\.tmp$/

function temporaryName(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`)
}

/**
 * Replaces the file in one step: a temporary file in the same folder, then a rename over it (retried
 * for a moment when refused), made only while this run still holds the lock. The file keeps its
 * permissions (a history kept private stays private).
 */
async function writeAtomic(target: string, text: string, k: Keeping): Promise<void> {
  const { fs, clock } = k
  const temporary = temporaryName(target)
  let mode: number | undefined
  try {
    mode = fs.statSync(target).mode & 0o7777
  } catch {
    // A new history: the default permissions.
  }
  try {
    fs.writeFileSync(temporary, text, { flag: 'wx', mode: mode ?? 0o666 })
    if (mode !== undefined) fs.chmodSync(temporary, mode)
    if (k.lock && !k.lock.ours()) throw new Error(reasons.lockTakenOver(`${target}.lock`))
    await retrying(() => fs.renameSync(temporary, target), clock)
  } catch (error) {
    try {
      fs.rmSync(temporary, { force: true })
    } catch {
      // Removed by a later trim once stale.
    }
    throw error
  }
}

/** Moves a file that is not a history aside, never overwriting it (the rename retried for a moment). */
async function moveAside(
  target: string,
  reason: string,
  now: number,
  fs: HistoryFs,
  clock: Clock
): Promise<{ to: string; reason: string }> {
  const to = `${target}.corrupt-${new Date(now).toISOString().replace(/[-:.]/g, '')}`
  try {
    await retrying(() => fs.renameSync(target, to), clock)
  } catch (error) {
    throw new HistoryReadError(reasons.moveAsideFailed(reason, describe(error)))
  }
  return { to, reason }
}

/** Removes this history's temporary files that a killed run left behind (older than 10 minutes). */
export function removeStaleTemporaries(target: string, now: number = Date.now(), fs: HistoryFs = realFs): void {
  const prefix = `.${basename(target)}.`
  let names: string[]
  try {
    names = fs.readdirSync(dirname(target))
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMPORARY.test(name)) continue
    const path = join(dirname(target), name)
    try {
      if (now - fs.lstatSync(path).mtimeMs > TEMPORARY_STALE_MS) fs.rmSync(path, { force: true })
    } catch {
      // Gone already, or another run's: not ours to insist on.
    }
  }
}
