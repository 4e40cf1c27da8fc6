import * as fs from 'node:fs'
import { mkdtempSync, readFileSync, readdirSync, realpathSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it } from 'vitest'
import {
  FUTURE_TOLERANCE_MS,
  acquireLock,
  checkHistoryPath,
  historyTarget,
  parseHistory,
  recordReading,
  removeStaleTemporaries,
  serializeHistory,
  type Clock,
  type HistoryFs
} from '../../src/io/history.js'
import { DAY_MS, type Reading } from '../../src/logic/trend.js'

const NOW = Date.parse('2026-11-24T06:00:00.000Z')
const LINE = '{"at":"2026-11-20T06:00:00.000Z","credit":50,"free_credit":20,"referral_credits":5,"total_credits":75}\n'
let dir: string
let path: string

beforeEach(() => {
  // Real: on macOS the temporary folder is under /var, a link to /private/var, and the history names its target.
  dir = realpathSync(mkdtempSync(join(tmpdir(), 'history-')))
  path = join(dir, 'history.jsonl')
})

function reading(at: number | string, total: number): Reading {
  return { at: typeof at === 'string' ? Date.parse(at) : at, values: { total, regular: total, free: 0, referral: 0 } }
}

/** `days` daily readings ending a day before NOW, 1000 falling by 1 a day. */
function daily(days: number): Reading[] {
  return Array.from({ length: days }, (_, i) => reading(NOW - (days - i) * DAY_MS, 1000 - i))
}

/** A clock that never waits: sleeping moves it on. */
function fakeClock(start = NOW): Clock & { t: number; slept: number[] } {
  const clock = {
    t: start,
    slept: [] as number[],
    now: () => clock.t,
    sleep: async (ms: number) => {
      clock.slept.push(ms)
      clock.t += ms
    }
  }
  return clock
}

/** node:fs with some calls replaced: faults that root would otherwise defeat. */
function faulty(overrides: Partial<HistoryFs>): HistoryFs {
  return { ...fs, ...overrides } as HistoryFs
}

function fault(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: injected`), { code })
}

const totals = () => parseHistory(readFileSync(path, 'utf8')).map(r => r.values.total)

describe('the history format', () => {
  it('reads and writes the documented line, fields in their order', () => {
    const readings = parseHistory(LINE)
    expect(readings).toEqual([
      { at: Date.parse('2026-11-20T06:00:00.000Z'), values: { regular: 50, free: 20, referral: 5, total: 75 } }
    ])
    expect(serializeHistory(readings)).toBe(LINE)
  })

  it.each([
    ['not JSON', 'line 2: not JSON'],
    ['[1]', 'line 2: not a JSON object'],
    ['{"at":"yesterday","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}', 'line 2: "at" is not'],
    [
      '{"at":"2027-03-19T06:00:00","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "at" is not'
    ],
    ['{"at":"2027-03-19","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}', 'line 2: "at" is not'],
    [
      '{"at":"2025-02-30T00:00:00Z","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "at" is not'
    ],
    ['{"at":"2026-11-21T00:00:00Z","credit":1,"free_credit":0,"referral_credits":0}', 'line 2: "total_credits" is not'],
    [
      '{"at":"2026-11-21T00:00:00Z","credit":1.7e308,"free_credit":0,"referral_credits":0,"total_credits":1}',
      'line 2: "credit" is not'
    ]
  ])('names the first bad line: %s', (bad, message) => {
    expect(() => parseHistory(`${LINE}${bad}\n`)).toThrow(message)
  })

  it('reads a line as written by the action and the same reading written otherwise alike', () => {
    const canonical =
      '{"at":"2026-11-20T06:00:00.000Z","credit":50.25,"free_credit":0,"referral_credits":0,"total_credits":1e3}'
    const other =
      '{ "total_credits": 1000, "credit": 50.25, "free_credit": 0.0, "referral_credits": 0, "at": "2026-11-20T06:00:00Z" }'
    expect(parseHistory(canonical)).toEqual(parseHistory(other))
    expect(parseHistory(canonical)[0].values).toEqual({ total: 1000, regular: 50.25, free: 0, referral: 0 })
    for (const bad of [
      canonical.replace('2026-11-20', '2025-02-30'),
      canonical.replace('1e3', '2e15'),
      canonical.replace('.000Z', '.000')
    ]) {
      expect(() => parseHistory(bad)).toThrow(/line 1: "(at|total_credits)" is not/)
    }
  })

  it('reads a time with an offset as that instant, and a byte order mark and CRLF as if absent', () => {
    const offset = LINE.replace('2026-11-20T06:00:00.000Z', '2026-11-20T08:00:00+02:00')
    expect(parseHistory(offset)[0].at).toBe(Date.parse('2026-11-20T06:00:00.000Z'))
    expect(parseHistory(`\uFEFF${LINE.replace('\n', '\r\n')}${LINE.replace('\n', '\r\n')}`)).toHaveLength(2)
    expect(() => parseHistory(`${LINE}\uFEFF${LINE}`)).toThrow('line 2: not JSON')
  })
})

describe('appending', () => {
  it('starts a history, folder and all, and appends one line a run without rewriting the file', async () => {
    const deep = join(dir, 'deep', 'er', 'history.jsonl')
    await recordReading(deep, reading(NOW - DAY_MS, 80), 1000)
    const inode = statSync(deep).ino
    const recorded = await recordReading(deep, reading(NOW, 75), 1000)
    expect(statSync(deep).ino).toBe(inode)
    expect(readFileSync(deep, 'utf8')).toBe(serializeHistory([reading(NOW - DAY_MS, 80), reading(NOW, 75)]))
    expect(recorded.readings.map(r => r.values.total)).toEqual([80, 75])
    expect(recorded.extent).toEqual({ count: 2, oldestAt: NOW - DAY_MS })
    expect(readdirSync(join(dir, 'deep', 'er'))).toEqual(['history.jsonl'])
  })

  it('drops an incomplete last line (a killed append) and says so; the readings before it are kept', async () => {
    const torn = '{"at":"2026-11-23T06:00:00.000Z","cre'
    writeFileSync(path, serializeHistory(daily(3)) + torn)
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.tornLine).toBe(torn.length)
    expect(recorded.movedAside).toBeUndefined()
    expect(totals()).toEqual([1000, 999, 998, 75])
  })

  it('drops an incomplete last line cut in the middle of a character, to the byte', async () => {
    const cut = Buffer.from('{"note":"é', 'utf8').subarray(0, -1) // half of é
    writeFileSync(path, Buffer.concat([Buffer.from(serializeHistory(daily(2))), cut]))
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.tornLine).toBe(cut.length)
    expect(readFileSync(path, 'utf8')).toBe(serializeHistory([...daily(2), reading(NOW, 75)]))
  })

  it('ends a complete last line without a line end before appending', async () => {
    writeFileSync(path, serializeHistory(daily(2)).trimEnd())
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.tornLine).toBeUndefined()
    expect(totals()).toEqual([1000, 999, 75])
  })

  it('reads only the tail the figures need, and counts the whole history', async () => {
    const history = daily(400)
    writeFileSync(path, serializeHistory(history))
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    // 35 days back from the newest reading, and the newest reading before that.
    expect(recorded.readings[0].at).toBe(NOW - 37 * DAY_MS)
    expect(recorded.readings).toHaveLength(38)
    expect(recorded.extent).toEqual({ count: 401, oldestAt: history[0].at })
  })

  it('keeps readings of runs beside this one, dated minutes after it, without counting them before it', async () => {
    writeFileSync(path, serializeHistory([...daily(2), reading(NOW + 60_000, 74)]))
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.clockBehind).toBeUndefined()
    expect(recorded.extent.count).toBe(3)
    expect(totals()).toEqual([1000, 999, 74, 75])
  })

  it('undoes a write that failed half-way, leaving the file as it was', async () => {
    writeFileSync(path, LINE)
    const halfWrite = faulty({
      writeSync: ((fd: number, data: Uint8Array) => {
        fs.writeSync(fd, data.subarray(0, data.length >> 1))
        throw fault('ENOSPC')
      }) as unknown as HistoryFs['writeSync']
    })
    const recorded = await recordReading(path, reading(NOW, 70), 1000, { fs: halfWrite })
    expect(recorded.notSaved).toMatch(/ENOSPC/)
    expect(recorded.readings.map(r => r.values.total)).toEqual([75, 70])
    expect(readFileSync(path, 'utf8')).toBe(LINE)
  })

  it('warns when the history is read-only, still giving the figures', async () => {
    writeFileSync(path, serializeHistory(daily(3)))
    const before = readFileSync(path, 'utf8')
    const readOnly = faulty({
      openSync: ((p: fs.PathLike, flags: number, mode?: number) => {
        if (typeof flags === 'number' && flags & fs.constants.O_WRONLY) throw fault('EACCES')
        return fs.openSync(p, flags, mode)
      }) as HistoryFs['openSync']
    })
    const recorded = await recordReading(path, reading(NOW, 75), 1000, { fs: readOnly })
    expect(recorded.notSaved).toMatch(/EACCES/)
    expect(recorded.readings).toHaveLength(4)
    expect(readFileSync(path, 'utf8')).toBe(before)
  })

  it('twenty writers at once keep twenty readings', async () => {
    const runs = Array.from({ length: 20 }, (_, i) => recordReading(path, reading(NOW + i, 100 - i), 100_000))
    const recorded = await Promise.all(runs)
    expect(recorded.every(r => r.notSaved === undefined)).toBe(true)
    expect(totals().sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => 81 + i))
    expect(fs.existsSync(`${path}.lock`)).toBe(false)
  })

  it('twenty writers with a stale lock present keep twenty readings', async () => {
    writeFileSync(`${path}.lock`, '1 long ago\n')
    utimesSync(`${path}.lock`, new Date(0), new Date(0))
    const runs = Array.from({ length: 20 }, (_, i) => recordReading(path, reading(NOW + i, 100 - i), 1000))
    await Promise.all(runs)
    expect(totals()).toHaveLength(20)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
  })
})

describe('a clock behind the history', () => {
  it('keeps the history byte for byte, adds nothing, and gives the figures as of its newest reading', async () => {
    const ahead = daily(30).map(r => ({ ...r, at: r.at + 365 * DAY_MS }))
    writeFileSync(path, serializeHistory(ahead))
    const before = readFileSync(path, 'utf8')
    const recorded = await recordReading(path, reading(NOW, 900), 1000)
    const newest = ahead[ahead.length - 1].at
    expect(recorded.clockBehind).toBe(newest)
    expect(recorded.current).toEqual(reading(newest, 900))
    expect(recorded.readings).toHaveLength(31)
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
  })

  it('takes a reading within the tolerance as a run beside this one', async () => {
    writeFileSync(path, serializeHistory([reading(NOW + FUTURE_TOLERANCE_MS, 80)]))
    expect((await recordReading(path, reading(NOW, 75), 1000)).clockBehind).toBeUndefined()
    expect(totals()).toEqual([80, 75])
  })
})

describe('a bad line', () => {
  it('in the tail moves the file aside, never overwriting it, and starts fresh', async () => {
    writeFileSync(path, `${LINE}{"at":\n`)
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.movedAside).toEqual({ to: `${path}.corrupt-20261124T060000000Z`, reason: 'line 2: not JSON' })
    expect(readFileSync(recorded.movedAside!.to, 'utf8')).toBe(`${LINE}{"at":\n`)
    expect(totals()).toEqual([75])
  })

  it('in the first line is found on every run', async () => {
    writeFileSync(
      path,
      `{"at":"2026-01-01T00:00:00","credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}\n${serializeHistory(daily(100))}`
    )
    const recorded = await recordReading(path, reading(NOW, 75), 1000)
    expect(recorded.movedAside?.reason).toMatch(/^line 1: "at" is not an ISO 8601 time with a zone/)
  })

  it('deep in the file, outside the tail, is found by the next trim, which moves the file aside', async () => {
    const lines = serializeHistory(daily(200)).split('\n')
    lines[50] = 'not a reading'
    writeFileSync(path, lines.join('\n'))
    const quiet = await recordReading(path, reading(NOW, 75), 1000)
    expect(quiet.movedAside).toBeUndefined()
    expect(quiet.extent.count).toBe(201)
    const trimming = await recordReading(path, reading(NOW + 1000, 74), 150)
    expect(trimming.movedAside?.reason).toBe('line 51: not JSON')
    expect(totals()).toEqual([74])
  })

  it('names the line when it is found in the tail of a long file', async () => {
    const lines = serializeHistory(daily(2000)).split('\n')
    lines[1990] = '[1]'
    writeFileSync(path, lines.join('\n'))
    expect((await recordReading(path, reading(NOW, 75), 100_000)).movedAside?.reason).toBe(
      'line 1991: not a JSON object'
    )
  })
})

describe('trimming', () => {
  it('lets the file hold up to a tenth over history-limit, then trims it to the newest history-limit', async () => {
    writeFileSync(path, serializeHistory(daily(10)))
    // limit 10: a tenth over is 1, so 11 readings stay, the 12th trims.
    const first = await recordReading(path, reading(NOW, 75), 10)
    expect(first.trimmed).toBeUndefined()
    expect(totals()).toHaveLength(11)
    const second = await recordReading(path, reading(NOW + 1000, 74), 10)
    expect(second.trimmed).toBe(2)
    expect(totals()).toEqual([998, 997, 996, 995, 994, 993, 992, 991, 75, 74])
    expect(second.extent).toEqual({ count: 10, oldestAt: NOW - 8 * DAY_MS })
  })

  it('a trim sorts the readings and drops an incomplete last line', async () => {
    writeFileSync(
      path,
      `${serializeHistory([reading(NOW - 1000, 2), reading(NOW - 3000, 1), reading(NOW - 2000, 3)])}{"at`
    )
    const recorded = await recordReading(path, reading(NOW, 0), 2)
    expect(recorded.tornLine).toBe(4)
    expect(totals()).toEqual([2, 0])
  })

  it('a trim killed before its rename leaves the history readable as it was; a later trim clears the leftover', async () => {
    writeFileSync(path, serializeHistory(daily(20)))
    const before = readFileSync(path, 'utf8')
    const killed = faulty({
      renameSync: (() => {
        throw fault('EIO')
      }) as HistoryFs['renameSync'],
      rmSync: (() => undefined) as HistoryFs['rmSync'] // the run dies before it can clean up
    })
    const recorded = await recordReading(path, reading(NOW, 75), 10, { fs: killed })
    expect(recorded.notSaved).toMatch(/EIO/)
    expect(readFileSync(path, 'utf8')).toBe(before)
    const leftover = readdirSync(dir).find(n => n.endsWith('.tmp'))!
    expect(leftover).toMatch(/^\.history\.jsonl\.\d+\.[0-9a-f]+\.tmp$/)
    const old = new Date(Date.now() - 11 * 60_000)
    utimesSync(join(dir, leftover), old, old)
    await recordReading(path, reading(NOW + 1000, 74), 10)
    expect(readdirSync(dir)).toEqual(['history.jsonl'])
    expect(totals()).toHaveLength(10)
  })

  it('retries a rename refused for a moment, and warns when it stays refused', async () => {
    writeFileSync(path, serializeHistory(daily(20)))
    let refusals = 2
    const flaky = faulty({
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        if (refusals-- > 0) throw fault('EBUSY')
        fs.renameSync(from, to)
      }) as HistoryFs['renameSync']
    })
    const clock = fakeClock()
    const recorded = await recordReading(path, reading(NOW, 75), 10, { fs: flaky, clock })
    expect(recorded.notSaved).toBeUndefined()
    expect(totals()).toHaveLength(10)
    expect(clock.slept.slice(-2)).toEqual([20, 40])

    writeFileSync(path, serializeHistory(daily(20)))
    const refused = faulty({
      renameSync: (() => {
        throw fault('EPERM')
      }) as HistoryFs['renameSync']
    })
    const stays = await recordReading(path, reading(NOW, 75), 10, { fs: refused, clock: fakeClock() })
    expect(stays.notSaved).toMatch(/EPERM/)
    expect(totals()).toHaveLength(20)
  })
})

describe('the lock', () => {
  it('holds the lock exclusively, waits for it without waiting on the wall clock, and takes over a stale one', async () => {
    const lock = join(dir, 'h.lock')
    const clock = fakeClock(Date.now())
    const held = await acquireLock(lock, { clock })
    expect(typeof held).toBe('object')
    expect(await acquireLock(lock, { clock, waitMs: 10_000 })).toBe('busy')
    expect(clock.t - Date.now()).toBeGreaterThanOrEqual(10_000 - 1000) // the fake clock waited, not the test
    utimesSync(lock, new Date(0), new Date(0))
    const taken = await acquireLock(lock, { clock })
    expect(taken).toHaveProperty('ours')
    expect((taken as { ours(): boolean }).ours()).toBe(true)
    expect((held as { ours(): boolean }).ours()).toBe(false)
  })

  it('waits on while the lock passes from run to run, longer than the wait for any one holder', async () => {
    const lock = join(dir, 'h.lock')
    writeFileSync(lock, 'run 0\n')
    const start = Date.now()
    let handovers = 0
    // Other runs hold the lock for 5 s each, one after another, for 30 s; then it is free.
    const clock: Clock & { t: number } = {
      t: start,
      now: () => clock.t,
      sleep: async ms => {
        clock.t += ms
        const due = Math.floor((clock.t - start) / 5000)
        if (clock.t - start >= 30_000) fs.rmSync(lock, { force: true })
        else if (due > handovers) {
          handovers = due
          fs.unlinkSync(lock)
          writeFileSync(lock, `run ${due}\n`)
          utimesSync(lock, new Date(clock.t), new Date(clock.t))
        }
      }
    }
    const held = await acquireLock(lock, { clock, waitMs: 10_000 })
    expect(held).toHaveProperty('ours')
    expect(handovers).toBe(5)
    expect(clock.t - start).toBeGreaterThanOrEqual(30_000)
    // One holder that keeps it: given up after 10 s of it.
    const stuck = fakeClock(Date.now())
    expect(await acquireLock(lock, { clock: stuck, waitMs: 10_000 })).toBe('busy')
  })

  it.skipIf(process.platform === 'win32')(
    'waits out a lock path that is no lock of a run (a directory, a dangling link), never taking it over',
    async () => {
      const clock = fakeClock(Date.now())
      const directory = join(dir, 'dir.lock')
      fs.mkdirSync(directory)
      utimesSync(directory, new Date(0), new Date(0))
      expect(await acquireLock(directory, { clock, waitMs: 100 })).toBe('busy')
      expect(fs.statSync(directory).isDirectory()).toBe(true)
      const dangling = join(dir, 'dangling.lock')
      fs.symlinkSync(join(dir, 'nowhere'), dangling)
      expect(await acquireLock(dangling, { clock, waitMs: 100 })).toBe('busy')
      expect(fs.lstatSync(dangling).isSymbolicLink()).toBe(true)
    }
  )

  it('taking over a stale lock never removes a lock another run has just taken: it is put back', async () => {
    const lock = join(dir, 'h.lock')
    writeFileSync(lock, 'dead run\n')
    utimesSync(lock, new Date(0), new Date(0))
    // Between this run's look at the stale lock and its rename, another run takes the lock over first.
    let raced = false
    const racing = faulty({
      renameSync: ((from: fs.PathLike, to: fs.PathLike) => {
        if (!raced && from === lock) {
          raced = true
          fs.unlinkSync(lock)
          writeFileSync(lock, 'the other run\n', { flag: 'wx' })
        }
        fs.renameSync(from, to)
      }) as HistoryFs['renameSync']
    })
    const clock = fakeClock(Date.now())
    expect(await acquireLock(lock, { fs: racing, clock, waitMs: 1000 })).toBe('busy')
    expect(readFileSync(lock, 'utf8')).toBe('the other run\n')
    expect(readdirSync(dir)).toEqual(['h.lock'])
  })

  it('removes only its own lock', async () => {
    const lock = join(dir, 'h.lock')
    const held = await acquireLock(lock)
    if (typeof held !== 'object' || !('release' in held)) throw new Error('not held')
    fs.unlinkSync(lock)
    writeFileSync(lock, 'another run\n')
    expect(await held.release()).toBeUndefined()
    expect(readFileSync(lock, 'utf8')).toBe('another run\n')
  })

  it('a lock that cannot be removed is a warning naming it, after brief retries; the reading is kept', async () => {
    const stuck = faulty({
      unlinkSync: ((p: fs.PathLike) => {
        if (String(p).endsWith('.lock')) throw fault('EBUSY')
        fs.unlinkSync(p)
      }) as HistoryFs['unlinkSync']
    })
    const clock = fakeClock()
    const recorded = await recordReading(path, reading(NOW, 75), 1000, { fs: stuck, clock })
    expect(recorded.lockNotRemoved).toMatch(new RegExp(`^${path}\\.lock: EBUSY`))
    expect(clock.slept).toEqual([20, 40, 80, 160, 320])
    expect(totals()).toEqual([75])
  })

  it('reports a lock that cannot be made at all, so that the history is read but not saved', async () => {
    writeFileSync(path, LINE)
    const readOnlyFolder = faulty({
      openSync: ((p: fs.PathLike, flags: string | number, mode?: number) => {
        if (String(p).endsWith('.lock')) throw fault('EROFS')
        return fs.openSync(p, flags, mode)
      }) as HistoryFs['openSync']
    })
    const recorded = await recordReading(path, reading(NOW, 70), 1000, { fs: readOnlyFolder })
    expect(recorded.notSaved).toMatch(/EROFS/)
    expect(recorded.readings).toHaveLength(2)
    expect(readFileSync(path, 'utf8')).toBe(LINE)
  })

  it('gives up on a lock held too long, as a read error, without waiting on the wall clock', async () => {
    writeFileSync(`${path}.lock`, 'another run\n')
    const clock = fakeClock(Date.now())
    await expect(recordReading(path, reading(NOW, 70), 1000, { clock })).rejects.toThrow(/held for over 10 s/)
  })
})

describe('the leftovers and the path', () => {
  it('removes only its own temporary files, and only stale ones', () => {
    const names = [
      '.history.jsonl.1.abc123.tmp',
      '.history.jsonl.2.def456.tmp',
      '.other.jsonl.3.abc123.tmp',
      'notes.tmp'
    ]
    for (const name of names) writeFileSync(join(dir, name), '')
    const old = new Date(Date.now() - 11 * 60_000)
    for (const name of [names[0], names[2], names[3]]) utimesSync(join(dir, name), old, old)
    removeStaleTemporaries(path)
    expect(readdirSync(dir).sort()).toEqual([names[1], names[2], names[3]].sort())
  })

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
      // A Windows path is shown as written, its backslashes not doubled.
      const windowsLike = join(dir, 'C:\\credits')
      fs.mkdirSync(windowsLike)
      expect(() => checkHistoryPath(windowsLike)).toThrow(`is "${windowsLike}", which is a directory`)
    }
  )
})
