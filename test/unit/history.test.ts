import * as fs from 'node:fs'
import { mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import {
  HistoryReadError,
  LOCK_WAIT_MS,
  acquireLock,
  checkHistoryPath,
  historyTarget,
  loadHistory,
  parseHistory,
  recordReading,
  removeStaleTemporaries,
  saveHistory,
  serializeHistory
} from '../../src/io/history.js'
import type { Reading } from '../../src/logic/trend.js'

// writeFileSync, as the real one, unless a test makes it die after writing half of what it was given.
const failWrites = vi.hoisted(() => ({ on: false }))
vi.mock('node:fs', async original => {
  const real = await original<typeof import('node:fs')>()
  return {
    ...real,
    writeFileSync: (path: fs.PathOrFileDescriptor, data: string, ...rest: []) => {
      if (!failWrites.on) return real.writeFileSync(path, data, ...rest)
      real.writeFileSync(path, data.slice(0, data.length >> 1))
      throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
    }
  }
})

const NOW = Date.parse('2026-11-24T06:00:00.000Z')
const LINE = '{"at":"2026-11-20T06:00:00.000Z","credit":50,"free_credit":20,"referral_credits":5,"total_credits":75}\n'
let dir: string

beforeEach(() => {
  // Real: on macOS the temporary folder is under /var, a link to /private/var, and the history names its target.
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'history-')))
  failWrites.on = false
})

function reading(iso: string, total: number): Reading {
  return { at: Date.parse(iso), values: { total, regular: total, free: 0, referral: 0 } }
}

describe('the history format', () => {
  it('reads and writes the documented line, fields in their order', () => {
    const readings = parseHistory(LINE)
    expect(readings).toEqual([
      { at: Date.parse('2026-11-20T06:00:00.000Z'), values: { regular: 50, free: 20, referral: 5, total: 75 } }
    ])
    expect(serializeHistory(readings)).toBe(LINE)
  })

  it('skips blank lines', () => {
    const text = `${serializeHistory([reading('2026-11-22T00:00:00Z', 2)])}\n${serializeHistory([reading('2026-11-21T00:00:00Z', 1)])}`
    expect(parseHistory(text).map(r => r.values.total)).toEqual([2, 1])
  })

  it.each([
    ['not JSON', 'line 2: not JSON'],
    ['[1]', 'line 2: not a JSON object'],
    [
      '{"at":"yesterday","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "at" is not an ISO 8601 time'
    ],
    [
      '{"at":"2026-11-21T00:00:00Z","credit":1,"free_credit":0,"referral_credits":0}',
      'line 2: "total_credits" is not a balance'
    ],
    [
      '{"at":"2025-02-30T00:00:00Z","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "at" is not an ISO 8601 time'
    ],
    [
      '{"at":"2026-11-21T00:00:00Z","credit":1.7e308,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "credit" is not a balance'
    ],
    [
      '{"at":"2026-11-21T00:00:00Z","credit":"1","free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "credit" is not a balance'
    ]
  ])('names the first bad line: %s', (bad, message) => {
    expect(() => parseHistory(`${LINE}${bad}\n`)).toThrow(message)
  })

  it('reads a byte order mark and CRLF line ends as if absent', () => {
    expect(parseHistory(`\uFEFF${LINE.replace('\n', '\r\n')}${LINE.replace('\n', '\r\n')}`)).toHaveLength(2)
    expect(() => parseHistory(`${LINE}\uFEFF${LINE}`)).toThrow('line 2: not JSON')
  })
})

describe('the history file', () => {
  it('starts fresh when the file, or its folder, is missing, and creates both', async () => {
    const path = join(dir, 'deep', 'er', 'history.jsonl')
    expect(loadHistory(path, NOW)).toEqual({ readings: [] })
    const saved = await recordReading(path, reading('2026-11-24T06:00:00Z', 75), 1000)
    expect(saved.readings).toHaveLength(1)
    expect(readFileSync(path, 'utf8')).toBe(
      '{"at":"2026-11-24T06:00:00.000Z","credit":75,"free_credit":0,"referral_credits":0,"total_credits":75}\n'
    )
  })

  it('appends, and keeps only the newest history-limit readings', async () => {
    const path = join(dir, 'history.jsonl')
    for (let day = 20; day <= 24; day++) await recordReading(path, reading(`2026-11-${day}T06:00:00Z`, 100 - day), 3)
    expect(parseHistory(readFileSync(path, 'utf8')).map(r => r.values.total)).toEqual([78, 77, 76])
  })

  it('saves the readings sorted by time, dropping those dated well after the current one', async () => {
    const path = join(dir, 'history.jsonl')
    writeFileSync(
      path,
      serializeHistory([
        reading('2026-11-23T00:00:00Z', 4),
        reading('2026-11-22T00:04:00Z', 3),
        reading('2026-11-21T00:00:00Z', 1)
      ])
    )
    const saved = await recordReading(path, reading('2026-11-22T00:00:00Z', 2), 1000)
    expect(saved.droppedFuture).toBe(1) // a day ahead: a skewed clock; four minutes ahead: a run beside this one
    expect(parseHistory(readFileSync(path, 'utf8')).map(r => r.values.total)).toEqual([1, 2, 3])
  })

  it('moves a corrupt file aside, never overwriting it, and starts fresh', async () => {
    const path = join(dir, 'history.jsonl')
    writeFileSync(path, `${LINE}{"at":\n`)
    const saved = await recordReading(path, reading('2026-11-24T06:00:00Z', 75), 1000)
    expect(saved.movedAside).toEqual({ to: `${path}.corrupt-20261124T060000000Z`, reason: 'line 2: not JSON' })
    expect(readFileSync(saved.movedAside!.to, 'utf8')).toBe(`${LINE}{"at":\n`)
    expect(parseHistory(readFileSync(path, 'utf8'))).toHaveLength(1)
  })

  it('replaces the file by a rename, leaving no temporary file', () => {
    const path = join(dir, 'history.jsonl')
    writeFileSync(path, LINE)
    const before = statSync(path).ino
    saveHistory(path, [reading('2026-11-24T06:00:00Z', 75)])
    expect(statSync(path).ino).not.toBe(before)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
  })

  it('gives the readings, the current one included, when the history is read but cannot be saved', async () => {
    const path = join(dir, 'history.jsonl')
    writeFileSync(path, LINE)
    failWrites.on = true
    const saved = await recordReading(path, reading('2026-11-24T06:00:00Z', 70), 1000)
    expect(saved.notSaved).toMatch(/ENOSPC/)
    expect(saved.readings.map(r => r.values.total)).toEqual([75, 70])
    failWrites.on = false
    expect(readFileSync(path, 'utf8')).toBe(LINE)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
  })

  it('leaves the old file byte for byte when a write dies half-way', () => {
    const path = join(dir, 'history.jsonl')
    writeFileSync(path, LINE)
    failWrites.on = true
    expect(() => saveHistory(path, [reading('2026-11-24T06:00:00Z', 75), reading('2026-11-25T06:00:00Z', 70)])).toThrow(
      'ENOSPC'
    )
    expect(readFileSync(path, 'utf8')).toBe(LINE)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
  })
})

describe('the lock and the leftovers', () => {
  it('holds the lock exclusively, waits for it, and takes over a stale one', async () => {
    const lock = join(dir, 'h.lock')
    expect(await acquireLock(lock, 0)).toBe('held')
    expect(await acquireLock(lock, 100)).toBe('busy')
    fs.utimesSync(lock, new Date(0), new Date(0))
    expect(await acquireLock(lock, 0)).toBe('held')
  })

  it.skipIf(process.platform === 'win32')(
    'waits out a lock path that is no lock of a run (a directory, a dangling link), never taking it over',
    async () => {
      const directory = join(dir, 'dir.lock')
      fs.mkdirSync(directory)
      fs.utimesSync(directory, new Date(0), new Date(0))
      expect(await acquireLock(directory, 100)).toBe('busy')
      expect(fs.statSync(directory).isDirectory()).toBe(true)
      const dangling = join(dir, 'dangling.lock')
      fs.symlinkSync(join(dir, 'nowhere'), dangling)
      expect(await acquireLock(dangling, 100)).toBe('busy')
      expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true)
    }
  )

  it('gives up on a lock another run holds past the wait: the history is unreadable and left alone', async () => {
    // The wait runs on a fake clock: no real 10-second wait.
    const path = join(dir, 'history.jsonl')
    writeFileSync(path, LINE)
    writeFileSync(`${path}.lock`, 'another run\n')
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'] })
    try {
      const recorded = recordReading(
        path,
        { at: Date.now(), values: { total: 1, regular: 1, free: 0, referral: 0 } },
        10
      )
      const settled = recorded.then(
        () => 'resolved',
        (error: unknown) => error
      )
      await vi.advanceTimersByTimeAsync(LOCK_WAIT_MS - 200)
      expect(await Promise.race([settled, Promise.resolve('pending')])).toBe('pending')
      await vi.advanceTimersByTimeAsync(400)
      const error = await settled
      expect(error).toBeInstanceOf(HistoryReadError)
      expect((error as Error).message).toContain(`${path}.lock`)
    } finally {
      vi.useRealTimers()
    }
    expect(readFileSync(path, 'utf8')).toBe(LINE)
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe('another run\n')
  })

  it('reports a lock that cannot be made at all, so that the history is read but not saved', async () => {
    expect(await acquireLock(join(dir, 'no-such-folder', 'h.lock'), 0)).toEqual({
      reason: expect.stringContaining('ENOENT')
    })
  })

  it('removes only its own temporary files, and only stale ones', () => {
    const target = join(dir, 'history.jsonl')
    const names = [
      '.history.jsonl.1.abc123.tmp',
      '.history.jsonl.2.def456.tmp',
      '.other.jsonl.3.abc123.tmp',
      'notes.tmp'
    ]
    for (const name of names) writeFileSync(join(dir, name), '')
    const old = new Date(Date.now() - 11 * 60_000)
    for (const name of [names[0], names[2], names[3]]) fs.utimesSync(join(dir, name), old, old)
    removeStaleTemporaries(target)
    expect(readdirSync(dir).sort()).toEqual([names[1], names[2], names[3]].sort())
  })
})

describe('the history path', () => {
  // Windows: symbolic links need a privilege, and there is no /dev/null.
  it.skipIf(process.platform === 'win32')(
    'accepts nothing, a file, and a link (even a dangling one), and names anything else',
    () => {
      const file = join(dir, 'h.jsonl')
      expect(() => checkHistoryPath(file)).not.toThrow()
      writeFileSync(file, LINE)
      expect(() => checkHistoryPath(file)).not.toThrow()
      fs.symlinkSync(join(dir, 'missing.jsonl'), join(dir, 'dangling'))
      expect(() => checkHistoryPath(join(dir, 'dangling'))).not.toThrow()
      expect(historyTarget(join(dir, 'dangling'))).toBe(join(dir, 'missing.jsonl'))
      expect(() => checkHistoryPath(dir)).toThrow(/`history-file` is ".*", which is a directory/)
      expect(() => checkHistoryPath('/dev/null')).toThrow(/which is a character device/)
    }
  )
})
