import { describe, expect, it } from 'vitest'
import {
  HistoryFormatError,
  dueForTrim,
  parseHistory,
  serializeHistory,
  trimSlack
} from '../../src/logic/history-lines.js'
import type { Reading } from '../../src/logic/trend.js'

function reading(iso: string, total: number): Reading {
  return { at: Date.parse(iso), values: { total, regular: total, free: 0, referral: 0 } }
}

const a = reading('2026-11-20T06:00:00.000Z', 100)
const b = reading('2026-11-21T06:00:00.000Z', 90)

describe('reading a history', () => {
  it('reads any field order, a zone offset and CRLF line ends as the documented line', () => {
    const left =
      '{"total_credits":100,"at":"2026-11-20T08:00:00+02:00","credit":100,"free_credit":0,"referral_credits":0}\r\n'
    expect(parseHistory(left + serializeHistory([b]))).toEqual([a, b])
  })

  it('names the line of a bad line', () => {
    expect(() => parseHistory(`${serializeHistory([b])}oops\n`)).toThrow(new HistoryFormatError('line 2: not JSON'))
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
