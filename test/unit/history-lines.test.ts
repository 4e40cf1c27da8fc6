import { describe, expect, it } from 'vitest'
import {
  HistoryFormatError,
  dueForTrim,
  mergeHistoryTexts,
  mergeReadings,
  serializeHistory,
  trimSlack
} from '../../src/logic/history-lines.js'
import type { Reading } from '../../src/logic/trend.js'

function reading(iso: string, total: number): Reading {
  return { at: Date.parse(iso), values: { total, regular: total, free: 0, referral: 0 } }
}

const a = reading('2026-11-20T06:00:00.000Z', 100)
const b = reading('2026-11-21T06:00:00.000Z', 90)
const c = reading('2026-11-22T06:00:00.000Z', 80)
const d = reading('2026-11-22T06:00:00.000Z', 79) // the same time as c, another balance: another reading

describe('merging two histories', () => {
  it('gives their union, oldest first, each reading once', () => {
    expect(mergeReadings([c, a], [b, a, d])).toEqual([a, b, c, d])
    expect(mergeReadings([], [b, a])).toEqual([a, b])
  })

  it('keeps a reading as often as one side holds it (two runs at the same moment)', () => {
    expect(mergeReadings([a, a, b], [a, b, b])).toEqual([a, a, b, b])
  })

  it('merges text in the documented form, whatever the line ends and field order of each side', () => {
    const left =
      '{"total_credits":100,"at":"2026-11-20T08:00:00+02:00","credit":100,"free_credit":0,"referral_credits":0}\r\n'
    expect(mergeHistoryTexts(left, serializeHistory([b, a]))).toBe(serializeHistory([a, b]))
  })

  it('names the side and the line of a bad line', () => {
    expect(() => mergeHistoryTexts(serializeHistory([a]), `${serializeHistory([b])}oops\n`)).toThrow(
      new HistoryFormatError('second history, line 2: not JSON')
    )
  })
})

describe('trimming now and then', () => {
  it('lets a file hold a tenth over the limit, at least one', () => {
    expect([trimSlack(2), trimSlack(10), trimSlack(1000), trimSlack(100_000)]).toEqual([1, 1, 100, 10_000])
    expect([dueForTrim(1100, 1000), dueForTrim(1101, 1000), dueForTrim(3, 2), dueForTrim(4, 2)]).toEqual([
      false,
      true,
      false,
      true
    ])
  })
})
