import { describe, expect, it } from 'vitest'
import { printable } from '../../src/io/toolkit.js'
import { notAHistoryMessage } from '../../src/render/history-messages.js'
import { about, againstUsual, cents, perDay, plural, span } from '../../src/render/messages.js'

describe('a history path in a message', () => {
  it('is shown as it is: a Windows path with single backslashes', () => {
    const path = 'D:\\a\\repo\\repo\\.swarms\\history.jsonl'
    const message = notAHistoryMessage(path, 'a directory')
    expect(message).toContain(`"${path}"`)
    expect(message).not.toContain('\\\\')
  })

  it('that holds a command is neutralised where it is printed', () => {
    const message = printable(notAHistoryMessage('/w/##[stop-commands]x', 'a directory'), 'sk-unrelated-key')
    expect(message).toContain('"/w/##\\[stop-commands]x"')
  })
})

describe('numbers in words', () => {
  it('keeps two decimals for credits, and a small amount that is not 0 non-zero', () => {
    expect(cents(100.00000000000011)).toBe('100')
    expect(cents(0.0033)).toBe('0.0033')
    expect(cents(0.0000099999)).toBe('0.00001')
    expect(cents(0.004)).toBe('0.004')
    expect(cents(0)).toBe('0')
  })

  it('gives days one decimal below 10, whole above, and never 0 for a runway that is not', () => {
    expect(about(22_727.3)).toBe('22727')
    expect(about(3.14)).toBe('3.1')
    expect(about(0.04)).toBe('0.04')
    expect(about(0)).toBe('0')
  })

  it('uses the singular for exactly 1 only', () => {
    expect(plural('1', 'credit')).toBe('1 credit')
    expect(plural('1.0', 'credit')).toBe('1.0 credits')
    expect(plural('0.5', 'free credit')).toBe('0.5 free credits')
    expect(plural('2', 'day')).toBe('2 days')
    expect(perDay(1)).toBe('1 credit a day')
    expect(perDay(0.0033)).toBe('0.0033 credits a day')
    expect(span(60_000)).toBe('1 minute')
    expect(span(30 * 60_000)).toBe('30 minutes')
    expect(span(26 * 3_600_000)).toBe('26 hours')
    expect(span(3 * 86_400_000)).toBe('3 days')
  })

  it('words a rate against a usual rate of 0 without Infinity', () => {
    expect(againstUsual(22.04)).toBe('22 times the usual rate')
    expect(againstUsual(Infinity)).toBe('where the account usually spends nothing')
  })
})
