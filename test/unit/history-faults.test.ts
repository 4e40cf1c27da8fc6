// The history file's faults that a real file system rarely shows, made to happen through the fs seam:
// what else than a file the open finds, a file too large to read, a file that shrinks while it is read,
// a failed append. Each is said, and no reading that was there is lost.
import * as fs from 'node:fs'
import { mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { HISTORY_MAX_BYTES, HistoryReadError, recordReading, type HistoryFs } from '../../src/io/history.js'
import type { Reading } from '../../src/logic/trend.js'

const NOW = Date.parse('2026-11-24T06:00:00.000Z')
const DAY = 86_400_000

function reading(at: number, total: number): Reading {
  return { at, values: { total, regular: total, free: 0, referral: 0 } }
}

function line(at: number, total: number): string {
  return `{"at":"${new Date(at).toISOString()}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
}

/** A history of two daily readings in a fresh folder. */
function seeded(): { dir: string; path: string; text: string } {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'history-faults-')))
  const path = join(dir, 'history.jsonl')
  const text = line(NOW - 2 * DAY, 120) + line(NOW - DAY, 110)
  writeFileSync(path, text)
  return { dir, path, text }
}

function withFs(overrides: Partial<HistoryFs>): HistoryFs {
  return { ...fs, ...overrides } as HistoryFs
}

/** fstat as the file's own, but of another kind (or size). */
function statAs(change: Partial<Record<keyof fs.Stats, unknown>>): Partial<HistoryFs> {
  return {
    fstatSync: ((fd: number) => {
      const stats = fs.fstatSync(fd)
      const fake = Object.create(stats) as Record<string, unknown>
      for (const [name, value] of Object.entries(change)) fake[name] = typeof value === 'function' ? value : value
      return fake as unknown as fs.Stats
    }) as HistoryFs['fstatSync']
  }
}

const no = () => false
const yes = () => true

describe('what the open finds', () => {
  it.each([
    ['a FIFO', { isFile: no, isDirectory: no, isFIFO: yes }],
    ['a character device', { isFile: no, isDirectory: no, isFIFO: no, isCharacterDevice: yes }],
    ['a block device', { isFile: no, isDirectory: no, isFIFO: no, isCharacterDevice: no, isBlockDevice: yes }],
    ['a socket', { isFile: no, isDirectory: no, isFIFO: no, isCharacterDevice: no, isBlockDevice: no, isSocket: yes }],
    [
      'not a regular file',
      { isFile: no, isDirectory: no, isFIFO: no, isCharacterDevice: no, isBlockDevice: no, isSocket: no }
    ]
  ])('is unreadable when it is %s, and left as it was', async (kind, change) => {
    const { path, text } = seeded()
    const error = await recordReading(path, reading(NOW, 100), 1000, { fs: withFs(statAs(change)) }).catch(
      (e: unknown) => e
    )
    expect(error).toBeInstanceOf(HistoryReadError)
    expect((error as Error).message).toContain(kind)
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('moves a file larger than the limit aside, unread, and starts afresh with this reading', async () => {
    const { dir, path, text } = seeded()
    const recorded = await recordReading(path, reading(NOW, 100), 1000, {
      fs: withFs(statAs({ size: HISTORY_MAX_BYTES + 1 }))
    })
    expect(recorded.movedAside?.reason).toMatch(/larger than 32 MiB/)
    expect(recorded.readings.map(r => r.values.total)).toEqual([100])
    const aside = readdirSync(dir).find(name => name.includes('.corrupt-'))
    expect(aside && readFileSync(join(dir, aside), 'utf8')).toBe(text)
  })
})

describe('reading and writing', () => {
  it('is unreadable when the file shrinks while it is read, and keeps it', async () => {
    const { path, text } = seeded()
    const shrinking = withFs({ readSync: (() => 0) as unknown as HistoryFs['readSync'] })
    const error = await recordReading(path, reading(NOW, 100), 1000, { fs: shrinking }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(HistoryReadError)
    expect((error as Error).message).toMatch(/changed while it was read/)
    expect(readFileSync(path, 'utf8')).toBe(text)
  })

  it('says the reading was not saved when the append fails, and leaves the file as it was', async () => {
    const { path, text } = seeded()
    const full = withFs({
      writeSync: (() => {
        throw Object.assign(new Error('ENOSPC: no space left on device (injected)'), { code: 'ENOSPC' })
      }) as unknown as HistoryFs['writeSync']
    })
    const recorded = await recordReading(path, reading(NOW, 100), 1000, { fs: full })
    expect(recorded.notSaved).toMatch(/ENOSPC/)
    expect(recorded.readings.map(r => r.values.total)).toEqual([120, 110, 100])
    expect(readFileSync(path, 'utf8')).toBe(text)
  })
})
