/**
 * The history's lock: a file beside it, created exclusively, holding its run's token. One holder at a
 * time: a lock is taken over only when it is older than the staleness limit, by renaming it to a
 * unique name and checking that what was moved is the very file found stale (a lock another run has
 * just taken is put back); a run removes only its own lock. Time and sleep are parameters, and so is
 * the file system, so that tests neither wait nor need a fault that root would defeat.
 */
import { randomBytes } from 'node:crypto'
import * as realFs from 'node:fs'
import type { Stats } from 'node:fs'
import { LOCK_STALE_MS, LOCK_WAIT_MS, LOCK_WAIT_TOTAL_MS } from '../logic/lock-times.js'

export { LOCK_STALE_MS, LOCK_WAIT_MS, LOCK_WAIT_TOTAL_MS } from '../logic/lock-times.js'

/** The calls the history makes of the file system: node:fs, or a test's stand-in for it. */
export type HistoryFs = Pick<
  typeof realFs,
  | 'chmodSync'
  | 'closeSync'
  | 'fstatSync'
  | 'ftruncateSync'
  | 'linkSync'
  | 'lstatSync'
  | 'mkdirSync'
  | 'openSync'
  | 'readFileSync'
  | 'readSync'
  | 'readdirSync'
  | 'renameSync'
  | 'rmSync'
  | 'statSync'
  | 'unlinkSync'
  | 'writeFileSync'
  | 'writeSync'
>

export interface Clock {
  /** ms since the epoch */
  now(): number
  sleep(ms: number): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
}

export interface LockOptions {
  readonly fs?: HistoryFs
  readonly clock?: Clock
  readonly waitMs?: number
  readonly staleMs?: number
}

export interface Lock {
  /** True while the lock file at the path is still this run's. */
  ours(): boolean
  /** Removes the lock if it is still this run's; a reason when that failed (the run goes on). */
  release(): Promise<string | undefined>
}

/** Errors a file system gives for a moment (an antivirus or indexer holding the file on Windows). */
export const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY'])
/** The waits between tries of a call refused for a moment: about 0.6 s in all, then the refusal stands. */
export const RETRY_WAITS_MS = [20, 40, 80, 160, 320]

export function code(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code
}

export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

/** Calls `f`, again after each of RETRY_WAITS_MS while it fails with a transient error. */
export async function retrying<T>(f: () => T, clock: Clock): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return f()
    } catch (error) {
      if (i >= RETRY_WAITS_MS.length || !TRANSIENT.has(code(error) ?? '')) throw error
      await clock.sleep(RETRY_WAITS_MS[i])
    }
  }
}

/**
 * Takes the lock at `lockPath`. Waits while another run holds it: up to `waitMs` for any one holder
 * (the wait starts again whenever the lock changes hands, so that twenty runs queueing for a lock each
 * holds for milliseconds all get it), at most LOCK_WAIT_TOTAL_MS in all. A lock file older than
 * `staleMs` is a dead run's and is taken over; anything else at the path (a directory, a dangling
 * link) waits out the deadline. 'busy' when it could not be had in time; a reason when it cannot be
 * made at all (a read-only folder), so that the history is read, not saved.
 */
export async function acquireLock(
  lockPath: string,
  { fs = realFs, clock = systemClock, waitMs = LOCK_WAIT_MS, staleMs = LOCK_STALE_MS }: LockOptions = {}
): Promise<Lock | 'busy' | { reason: string }> {
  const started = clock.now()
  let since = started
  let seen: string | undefined
  for (;;) {
    const token = `${process.pid} ${new Date(clock.now()).toISOString()} ${randomBytes(8).toString('hex')}\n`
    let fd = -1
    try {
      fd = fs.openSync(lockPath, 'wx')
    } catch (error) {
      if (code(error) !== 'EEXIST') return { reason: describe(error) }
    }
    if (fd >= 0) {
      let ino: number | undefined
      try {
        ino = fs.fstatSync(fd).ino
        fs.writeSync(fd, token)
      } catch {
        // A full disk: the lock is held all the same (it is known by its inode too).
      } finally {
        fs.closeSync(fd)
      }
      return heldLock(lockPath, token, ino, fs, clock)
    }
    let lock: Stats | undefined
    try {
      lock = fs.lstatSync(lockPath)
    } catch (error) {
      if (code(error) === 'ENOENT') continue // released between the two calls: try again at once
    }
    // The lock itself, not what it may point at: only a file is a run's lock and can be taken over.
    if (lock?.isFile()) {
      if (clock.now() - lock.mtimeMs > staleMs) {
        if (takeOver(lockPath, lock, fs)) continue
      }
      const identity = `${lock.ino} ${lock.mtimeMs} ${lock.size}`
      if (identity !== seen) {
        seen = identity
        since = clock.now()
      }
    }
    const now = clock.now()
    if (now - since >= waitMs || now - started >= LOCK_WAIT_TOTAL_MS) return 'busy'
    await clock.sleep(5 + Math.random() * 20)
  }
}

/**
 * Moves the stale lock found at `lockPath` out of the way: renamed to a unique name, then removed if
 * it is the file that was found stale. When another run took the lock in between, what was moved is
 * its fresh lock: it is put back (a link, which never replaces a file). True when the path is free
 * to try again.
 */
function takeOver(lockPath: string, stale: Stats, fs: HistoryFs): boolean {
  const aside = `${lockPath}.stale-${process.pid}-${randomBytes(6).toString('hex')}`
  try {
    fs.renameSync(lockPath, aside)
  } catch (error) {
    return code(error) === 'ENOENT'
  }
  let moved: Stats | undefined
  try {
    moved = fs.lstatSync(aside)
  } catch {
    return true
  }
  const same = moved.ino === stale.ino && moved.mtimeMs === stale.mtimeMs && moved.size === stale.size
  if (!same) {
    try {
      fs.linkSync(aside, lockPath)
    } catch {
      // Someone holds the path already; the run whose lock this was no longer holds it, and finds so
      // before it writes (Lock.ours) or removes anything (Lock.release).
    }
  }
  try {
    fs.unlinkSync(aside)
  } catch {
    // A leftover under a name of its own: it is no lock.
  }
  return same
}

function heldLock(lockPath: string, token: string, ino: number | undefined, fs: HistoryFs, clock: Clock): Lock {
  const ours = (): boolean => {
    try {
      const stats = fs.lstatSync(lockPath)
      if (!stats.isFile() || (ino !== undefined && stats.ino !== ino)) return false
      const content = fs.readFileSync(lockPath, 'utf8')
      return content === token || content === ''
    } catch {
      return false
    }
  }
  return {
    ours,
    async release() {
      if (!ours()) return undefined // taken over (this run was taken for dead): not this run's to remove
      try {
        await retrying(() => fs.unlinkSync(lockPath), clock)
        return undefined
      } catch (error) {
        return code(error) === 'ENOENT' ? undefined : describe(error)
      }
    }
  }
}
