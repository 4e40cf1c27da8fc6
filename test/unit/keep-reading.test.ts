// keepReading: the one call both steps make to add a reading, and the notes it gives for the warnings.
import * as fs from 'node:fs'
import { mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { HistoryFs } from '../../src/io/history.js'
import { keepReading } from '../../src/io/keep-reading.js'
import type { Reading } from '../../src/logic/trend.js'

const NOW = Date.parse('2026-11-24T06:00:00.000Z')
const DAY = 86_400_000

function reading(at: number, total: number): Reading {
  return { at, values: { total, regular: total, free: 0, referral: 0 } }
}

function line(at: number, total: number): string {
  return `{"at":"${new Date(at).toISOString()}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
}

function store(path: string) {
  return { historyFile: path, historyLimit: 1000 }
}

function workspace(): string {
  return join(realpathSync(mkdtempSync(join(tmpdir(), 'keep-'))), 'history.jsonl')
}

describe('keepReading', () => {
  it('adds the reading and gives the history with no note of trouble', async () => {
    const path = workspace()
    writeFileSync(path, line(NOW - DAY, 100))
    const { recorded, notes } = await keepReading(store(path), reading(NOW, 90))
    expect(recorded?.readings.map(r => r.values.total)).toEqual([100, 90])
    expect(notes).toEqual({ path, onBranch: false })
    expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(2)
  })

  it('says the runner clock is behind, with both times, and keeps the history as it was', async () => {
    const path = workspace()
    const history = line(NOW - DAY, 100) + line(NOW + 30 * DAY, 80)
    writeFileSync(path, history)
    const { recorded, notes } = await keepReading(store(path), reading(NOW, 90))
    expect(notes.clockBehind).toEqual({ now: NOW, newest: NOW + 30 * DAY })
    expect(recorded?.current.at).toBe(NOW + 30 * DAY)
    expect(readFileSync(path, 'utf8')).toBe(history)
  })

  it('gives no history, only why, when the file cannot be read; nothing is written', async () => {
    const path = workspace()
    writeFileSync(path, line(NOW - DAY, 100))
    const denied = {
      ...fs,
      openSync: ((target: fs.PathLike, flags: number, mode?: fs.Mode) => {
        const reads = (flags & (fs.constants.O_WRONLY | fs.constants.O_RDWR)) === 0
        if (String(target) === path && reads)
          throw Object.assign(new Error('EACCES: permission denied (injected)'), { code: 'EACCES' })
        return fs.openSync(target, flags, mode)
      }) as HistoryFs['openSync']
    } as HistoryFs
    const { recorded, notes } = await keepReading(store(path), reading(NOW, 90), { history: { fs: denied } })
    expect(recorded).toBeUndefined()
    expect(notes.path).toBe(path)
    expect(notes.unreadable).toMatch(/EACCES/)
    expect(readFileSync(path, 'utf8')).toBe(line(NOW - DAY, 100))
  })
})
