import { describe, expect, it } from 'vitest'
import { sameReadings, unionReadings } from '../../src/logic/history-union.js'
import type { Reading } from '../../src/logic/trend.js'

const reading = (at: number, total: number): Reading => ({
  at,
  values: { total, regular: total, free: 0, referral: 0 }
})

describe('unionReadings', () => {
  it('keeps every reading of both histories once, oldest first', () => {
    const base = [reading(1, 100), reading(2, 90)]
    const mine = [...base, reading(4, 70)]
    const theirs = [...base, reading(3, 80)]
    expect(unionReadings(mine, theirs)).toEqual([reading(1, 100), reading(2, 90), reading(3, 80), reading(4, 70)])
  })

  it('drops a reading seen twice, even within one list (a retried push that had landed)', () => {
    expect(unionReadings([reading(5, 10), reading(5, 10)], [reading(5, 10)])).toEqual([reading(5, 10)])
  })

  it('keeps two readings of the same moment with different balances', () => {
    expect(unionReadings([reading(5, 10)], [reading(5, 11)])).toHaveLength(2)
  })

  it('tells the same history from another', () => {
    expect(sameReadings([reading(1, 1)], [reading(1, 1)])).toBe(true)
    expect(sameReadings([reading(1, 1)], [reading(1, 2)])).toBe(false)
    expect(sameReadings([reading(1, 1)], [])).toBe(false)
  })
})
