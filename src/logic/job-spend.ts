/**
 * What a job costs: the spend of each credit type between the reading at the start of the job (the
 * main step) and the one at its end (the post step), in exact integer arithmetic on millionths of a
 * credit, and the state that carries the start reading from one step to the other. Pure: no I/O, no
 * clock, no toolkit.
 *
 * Amounts are kept as whole millionths of a credit (bigint), each reading rounded half away from zero
 * from the text the API wrote (`71.58`, `"50.00"`, `1e-3`): the API computes in binary floating point,
 * so a millionth is well under any charge and well over its rounding noise, and a limit is compared
 * exactly, never as a float sum.
 */
import { CREDIT_TYPES, MAX_CREDITS, SPENDING_ORDER, type CreditType } from './balance.js'

/** Millionths of a credit in one credit. */
export const MICRO = 1_000_000n
const MICRO_DIGITS = 6

/** A balance as whole millionths of a credit, each type. */
export type MicroValues = Readonly<Record<CreditType, bigint>>

export interface JobReading {
  /** When it was read, in ms since the epoch. */
  readonly at: number
  readonly micro: MicroValues
}

const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/

/**
 * A number as the API wrote it (sign, digits, fraction, exponent) in whole millionths, rounded half away
 * from zero; undefined for anything that is not such a number. Exact: no floating point on the way.
 */
export function toMicro(text: string): bigint | undefined {
  const match = NUMBER_TEXT.exec(text.trim())
  if (!match) return undefined
  const [, sign, whole = '', fraction = '', exponentText] = match
  if (whole === '' && fraction === '') return undefined
  const exponent = exponentText === undefined ? 0 : Number(exponentText)
  // value = digits × 10^(exponent − fraction.length); in millionths, × 10^6.
  const shift = exponent - fraction.length + MICRO_DIGITS
  if (!Number.isSafeInteger(exponent) || Math.abs(shift) > 100_000) return undefined
  const digits = BigInt(`${whole}${fraction}` || '0')
  let micro: bigint
  if (shift >= 0) micro = digits * 10n ** BigInt(shift)
  else {
    const divisor = 10n ** BigInt(-shift)
    micro = digits / divisor
    if ((digits % divisor) * 2n >= divisor) micro += 1n
  }
  return sign === '-' ? -micro : micro
}

/**
 * A non-negative decimal (a limit, as the input gave it) in whole millionths, rounded down: for a whole
 * number of millionths s, s > limit exactly when s > floor(limit × 10^6).
 */
export function limitMicro(text: string): bigint {
  const [whole = '', fraction = ''] = text.trim().split('.')
  return BigInt(whole || '0') * MICRO + BigInt((fraction + '000000').slice(0, MICRO_DIGITS))
}

/** A balance's texts (as the API wrote them) in millionths; undefined when one is not a number. */
export function microValues(texts: Readonly<Record<CreditType, string>>): MicroValues | undefined {
  const micro = {} as Record<CreditType, bigint>
  for (const type of CREDIT_TYPES) {
    const value = toMicro(texts[type])
    if (value === undefined) return undefined
    micro[type] = value
  }
  return micro
}

export interface TypeSpend {
  readonly type: CreditType
  readonly start: bigint
  readonly end: bigint
  /** How much it fell: 0 when it rose. */
  readonly spent: bigint
  /** How much it rose (a top-up): 0 when it fell. */
  readonly toppedUp: bigint
}

export interface JobSpend {
  /** Free, regular and referral, in this order. */
  readonly types: readonly TypeSpend[]
  /** The job's spend: the sum of what each type fell, so that a top-up of one type hides no other's spend. */
  readonly spent: bigint
  /** The total balance at the start and at the end, as the API gave it. */
  readonly startTotal: bigint
  readonly endTotal: bigint
  /** Whether any type rose during the job. */
  readonly toppedUp: boolean
  /** From the start reading to the end reading, in ms; 0 when the end is dated before the start. */
  readonly durationMs: number
}

export function jobSpend(start: JobReading, end: JobReading): JobSpend {
  const types = SPENDING_ORDER.map(type => {
    const fell = start.micro[type] - end.micro[type]
    return {
      type,
      start: start.micro[type],
      end: end.micro[type],
      spent: fell > 0n ? fell : 0n,
      toppedUp: fell < 0n ? -fell : 0n
    }
  })
  return {
    types,
    spent: types.reduce((sum, t) => sum + t.spent, 0n),
    startTotal: start.micro.total,
    endTotal: end.micro.total,
    toppedUp: types.some(t => t.toppedUp > 0n),
    durationMs: Math.max(0, end.at - start.at)
  }
}

/** Whether the job's spend is above the limit (max-job-spend, as its text); equal passes. */
export function overLimit(spent: bigint, limit: string): boolean {
  return spent > limitMicro(limit)
}

// The state the main step leaves for the post step (GITHUB_STATE → STATE_<name>). The runner keeps it,
// but the job's environment could be tampered with, so only the exact shape written here is accepted.

/** The state's name: the post step reads it as STATE_swarms_job_start. */
export const STATE_NAME = 'swarms_job_start'
/** Written when measuring was on but the main step read no balance. */
export const STATE_NO_READING = 'none'
const STATE_VERSION = 'v1'
/** A whole number of millionths: at most 22 digits (MAX_CREDITS is 10^15 credits). */
const MICRO_TEXT = '-?(?:0|[1-9]\\d{0,21})'
const STATE_SHAPE = new RegExp(`^${STATE_VERSION} (0|[1-9]\\d{0,15})((?: ${MICRO_TEXT}){4})$`)
/** The order of the amounts in the state: the one credit-type order (the main and the post step are one bundle's). */
const STATE_ORDER = CREDIT_TYPES

export function encodeStart(reading: JobReading): string {
  return [STATE_VERSION, String(reading.at), ...STATE_ORDER.map(type => String(reading.micro[type]))].join(' ')
}

/** What the post step finds in the state. */
export type StartState =
  | { readonly kind: 'reading'; readonly reading: JobReading }
  | { readonly kind: 'no-reading' }
  | { readonly kind: 'missing' }
  | { readonly kind: 'invalid' }

/** The longest a workflow run lasts on GitHub (35 days): a start reading older than that is not this job's. */
export const MAX_JOB_MS = 35 * 86_400_000
/** A start reading dated after the end by more than this is not this job's (clocks of one runner agree). */
const START_SKEW_MS = 60_000
const MAX_MICRO = BigInt(MAX_CREDITS) * MICRO

/**
 * The state as the post step finds it at `now`: a start reading only when it has exactly the shape the
 * main step writes, amounts a balance can hold, and a time within this job (not after `now`, not more
 * than MAX_JOB_MS before it).
 */
export function decodeStart(text: string | undefined, now: number): StartState {
  if (text === undefined || text === '') return { kind: 'missing' }
  if (text === STATE_NO_READING) return { kind: 'no-reading' }
  const match = STATE_SHAPE.exec(text)
  if (!match) return { kind: 'invalid' }
  const at = Number(match[1])
  const amounts = match[2].trim().split(' ').map(BigInt)
  if (!Number.isSafeInteger(at) || at > now + START_SKEW_MS || at < now - MAX_JOB_MS) return { kind: 'invalid' }
  if (amounts.some(amount => amount > MAX_MICRO || amount < -MAX_MICRO)) return { kind: 'invalid' }
  const micro = Object.fromEntries(STATE_ORDER.map((type, i) => [type, amounts[i]])) as Record<CreditType, bigint>
  return { kind: 'reading', reading: { at, micro } }
}
