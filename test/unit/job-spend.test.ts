import { describe, expect, it } from 'vitest'
import {
  MAX_JOB_MS,
  STATE_NO_READING,
  decodeStart,
  encodeStart,
  jobSpend,
  limitMicro,
  microValues,
  overLimit,
  toMicro,
  type JobReading
} from '../../src/logic/job-spend.js'
import { mayMeasure } from '../../src/logic/measure-gate.js'
import { credits, duration } from '../../src/render/job-spend.js'

/** A reading from the API's texts, at `at`. */
function reading(at: number, total: string, free: string, regular: string, referral: string): JobReading {
  return { at, micro: microValues({ total, free, regular, referral })! }
}

describe('toMicro', () => {
  it.each([
    ['75.0', 75_000_000n],
    ['71.58', 71_580_000n],
    ['"50.00"'.slice(1, -1), 50_000_000n],
    ['0', 0n],
    ['.5', 500_000n],
    ['5.', 5_000_000n],
    ['1e-3', 1_000n],
    ['2.5E+2', 250_000_000n],
    ['-0.25', -250_000n],
    ['+7', 7_000_000n],
    ['0.1234565', 123_457n], // half away from zero
    ['0.1234564999', 123_456n],
    ['-0.0000005', -1n],
    ['71.58000000000001', 71_580_000n], // the API's floating-point noise is below a millionth
    ['1000000000000000', 1_000_000_000_000_000_000_000n]
  ])('%s is %s millionths', (text, micro) => {
    expect(toMicro(text)).toBe(micro)
  })

  it.each(['', '.', 'e5', '1.2.3', 'NaN', 'Infinity', '0x10', '1e'])('%j is not a number', text => {
    expect(toMicro(text)).toBeUndefined()
  })
})

describe('limitMicro and overLimit', () => {
  it('rounds the limit down, so a whole number of millionths is above it exactly when it is', () => {
    expect(limitMicro('3.42')).toBe(3_420_000n)
    expect(limitMicro('10')).toBe(10_000_000n)
    expect(limitMicro('.5')).toBe(500_000n)
    expect(limitMicro('0.0000019')).toBe(1n)
    expect(overLimit(3_420_000n, '3.42')).toBe(false)
    expect(overLimit(3_420_001n, '3.42')).toBe(true)
    expect(overLimit(2n, '0.0000019')).toBe(true)
    expect(overLimit(1n, '0.0000019')).toBe(false)
    expect(overLimit(0n, '0')).toBe(false)
    expect(overLimit(1n, '0')).toBe(true)
  })
})

describe('jobSpend', () => {
  it('is what each type fell, and their sum', () => {
    const spend = jobSpend(reading(0, '75.0', '20.0', '50.0', '5.0'), reading(252_000, '71.58', '16.58', '50.0', '5.0'))
    expect(spend.spent).toBe(3_420_000n)
    expect(spend.types.map(t => [t.type, t.spent, t.toppedUp])).toEqual([
      ['free', 3_420_000n, 0n],
      ['regular', 0n, 0n],
      ['referral', 0n, 0n]
    ])
    expect(spend.toppedUp).toBe(false)
    expect(spend.durationMs).toBe(252_000)
  })

  it('is exact with many decimals, where float subtraction is not', () => {
    expect(0.3 - 0.1).not.toBe(0.2)
    const spend = jobSpend(reading(0, '0.6', '0.3', '0.3', '0'), reading(1, '0.2', '0.1', '0.1', '0'))
    expect(spend.spent).toBe(400_000n)
    expect(credits(spend.spent)).toBe('0.4')
    const fine = jobSpend(
      reading(0, '10.123456', '3.000001', '7.123455', '0'),
      reading(1, '9.999999', '2.999999', '6.99999', '0.000001')
    )
    expect(fine.types.map(t => credits(t.spent))).toEqual(['0.000002', '0.123465', '0'])
    expect(fine.types[2].toppedUp).toBe(1n)
    expect(credits(fine.spent)).toBe('0.123467')
  })

  it('counts a rise as a top-up, not as negative spend, and still counts what the other types fell', () => {
    const spend = jobSpend(reading(0, '75', '20', '50', '5'), reading(1, '171.58', '16.58', '150', '5'))
    expect(spend.spent).toBe(3_420_000n)
    expect(spend.toppedUp).toBe(true)
    expect(spend.types[1]).toMatchObject({ type: 'regular', spent: 0n, toppedUp: 100_000_000n })
    expect(spend.endTotal - spend.startTotal).toBe(96_580_000n)
  })

  it('is zero when nothing moved, and the duration is never negative', () => {
    const same = reading(5_000, '75.0', '20.0', '50.0', '5.0')
    const spend = jobSpend(same, { ...same, at: 1_000 })
    expect(spend.spent).toBe(0n)
    expect(spend.toppedUp).toBe(false)
    expect(spend.durationMs).toBe(0)
  })
})

describe('the state between the steps', () => {
  const start = reading(1_796_285_598_037, '75.0', '20.0', '50.0', '5.0')
  /** The post step's time: an hour after the start. */
  const END = start.at + 3_600_000

  it('carries the start reading through its text, and reads back only that', () => {
    const text = encodeStart(start)
    expect(text).toBe('v1 1796285598037 75000000 20000000 50000000 5000000')
    expect(decodeStart(text, END)).toEqual({ kind: 'reading', reading: start })
    const negative = reading(start.at, '-1', '0', '-1.5', '0.5')
    expect(decodeStart(encodeStart(negative), END)).toEqual({ kind: 'reading', reading: negative })
  })

  it('tells no reading from a missing state', () => {
    expect(decodeStart(STATE_NO_READING, END)).toEqual({ kind: 'no-reading' })
    expect(decodeStart(undefined, END)).toEqual({ kind: 'missing' })
    expect(decodeStart('', END)).toEqual({ kind: 'missing' })
  })

  it.each([
    'v2 1796285598037 75000000 20000000 50000000 5000000',
    'v1 1796285598037 75000000 20000000 50000000',
    'v1 1796285598037 75000000 20000000 50000000 5000000 1',
    'v1 1796285598037 75.0 20000000 50000000 5000000',
    'v1 1796285598037 075000000 20000000 50000000 5000000',
    'v1 -1 75000000 20000000 50000000 5000000',
    'v1 99999999999999999 75000000 20000000 50000000 5000000',
    'v1 1796285598037 1e8 20000000 50000000 5000000',
    'v1 1796285598037 75000000 20000000 50000000 5000000\n',
    ' v1 1796285598037 75000000 20000000 50000000 5000000',
    'v1  1796285598037 75000000 20000000 50000000 5000000',
    'v1 1796285598037 -0x1 20000000 50000000 5000000',
    `v1 1796285598037 ${'9'.repeat(23)} 20000000 50000000 5000000`,
    'None',
    '{"at":1}',
    // The shape, but not a balance (above 10^15 credits) or not this job's time.
    `v1 1796285598037 ${'9'.repeat(22)} 20000000 50000000 5000000`,
    `v1 1796285598037 -${'9'.repeat(22)} 20000000 50000000 5000000`,
    'v1 0 75000000 20000000 50000000 5000000',
    `v1 ${1_796_285_598_037 + 3_600_000 + 61_000} 75000000 20000000 50000000 5000000`,
    `v1 ${1_796_285_598_037 + 3_600_000 - MAX_JOB_MS - 1} 75000000 20000000 50000000 5000000`
  ])('refuses a state the main step did not write: %j', text => {
    expect(decodeStart(text, END)).toEqual({ kind: 'invalid' })
  })

  it('takes a start at the limits: 10^15 credits, 35 days before the end, a minute after it', () => {
    const most = `${10n ** 21n}`
    expect(decodeStart(`v1 ${start.at} ${most} -${most} 0 0`, END).kind).toBe('reading')
    expect(decodeStart(`v1 ${END - MAX_JOB_MS} 1 1 0 0`, END).kind).toBe('reading')
    expect(decodeStart(`v1 ${END + 60_000} 1 1 0 0`, END).kind).toBe('reading')
  })
})

describe('mayMeasure (the post entry gate)', () => {
  it.each([
    [{}, false],
    [{ 'INPUT_MEASURE-JOB': 'false', 'INPUT_MAX-JOB-SPEND': '' }, false],
    [{ 'INPUT_MEASURE-JOB': ' FALSE ' }, false],
    [{ 'INPUT_MEASURE-JOB': 'true' }, true],
    [{ 'INPUT_MEASURE-JOB': 'false', 'INPUT_MAX-JOB-SPEND': '5' }, true],
    // Not a boolean: the full post step validates it, as the main step did.
    [{ 'INPUT_MEASURE-JOB': 'yes' }, true]
  ])('%j → %s', (env, expected) => {
    expect(mayMeasure(env)).toBe(expected)
  })
})

describe('credits and duration in words', () => {
  it('writes millionths exactly, without trailing zeros', () => {
    expect(credits(3_420_000n)).toBe('3.42')
    expect(credits(0n)).toBe('0')
    expect(credits(1n)).toBe('0.000001')
    expect(credits(-250_000n)).toBe('-0.25')
    expect(credits(1_000_000_000_000_000_000_000n)).toBe('1000000000000000')
  })

  it('writes a job length in seconds, minutes or hours', () => {
    expect(duration(0)).toBe('0 s')
    expect(duration(59_999)).toBe('59 s')
    expect(duration(252_000)).toBe('4 min 12 s')
    expect(duration(3_780_000)).toBe('1 h 3 min')
  })
})
