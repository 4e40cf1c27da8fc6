/**
 * The balance model: the API's answer, checked field by field and kept as the API wrote it.
 */
import { clip } from './errors.js'

/**
 * The balances charges are taken from, in the order Swarms spends them: free credits first, then the
 * regular balance (purchased and referral credits together). The one credit-type order: every list
 * of types (tables, outputs, the state) is this one, with the total before or after it.
 */
export const SPENDING_ORDER = ['free', 'regular', 'referral'] as const

/** The credit types, in the names the action's inputs and outputs use: the total, then the spending order. */
export const CREDIT_TYPES = ['total', ...SPENDING_ORDER] as const
export type CreditType = (typeof CREDIT_TYPES)[number]

/** The API's field for each credit type. */
export const API_FIELDS: Readonly<Record<CreditType, string>> = {
  regular: 'credit',
  free: 'free_credit',
  referral: 'referral_credits',
  total: 'total_credits'
}

export interface Balance {
  /** Each balance as a number, for comparisons. */
  readonly values: Readonly<Record<CreditType, number>>
  /** Each balance as the API wrote it (`50.0`, `"50.00"`), for outputs. */
  readonly texts: Readonly<Record<CreditType, string>>
  /** The API's object as received, unknown fields kept. */
  readonly json: string
}

/** Raised when a body is not a balance; the message says what came back instead. */
export class BalanceFormatError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BalanceFormatError'
  }
}

/**
 * The largest balance taken for one: a thousand trillion credits (US dollars). Beyond it a number is not
 * a balance, and sums of differences of such numbers would overflow to Infinity.
 */
export const MAX_CREDITS = 1e15

/** Whether a number can be a balance: finite and within ±MAX_CREDITS. */
export function isCredits(value: number): boolean {
  return Number.isFinite(value) && Math.abs(value) <= MAX_CREDITS
}

const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/

/**
 * Parses a response body into a Balance, or throws BalanceFormatError naming the problem. `scrub`
 * (the key's redaction) runs over any excerpt of the body before it is clipped into the message.
 */
export function parseBalance(body: string, scrub: (text: string) => string = text => text): Balance {
  // Node 21+ passes each number's source text to the reviver: keep `50.0` as the API wrote it.
  // The reviver sees every nesting level, so sources are kept per holder object.
  const sources = new WeakMap<object, Map<string, string>>()
  let parsed: unknown
  try {
    parsed = JSON.parse(
      body.replace(/^\uFEFF/, ''),
      function (this: object, key, value: unknown, context?: { source?: string }) {
        if (typeof value === 'number' && context?.source !== undefined) {
          let own = sources.get(this)
          if (!own) sources.set(this, (own = new Map()))
          own.set(key, context.source)
        }
        return value
      }
    )
  } catch {
    throw new BalanceFormatError(`the body is not JSON (${describeText(scrub(body))})`)
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new BalanceFormatError(`the body is JSON ${describeJson(parsed, scrub)}, not an object`)
  }
  const object = parsed as Record<string, unknown>
  const values = {} as Record<CreditType, number>
  const texts = {} as Record<CreditType, string>
  for (const type of CREDIT_TYPES) {
    const field = API_FIELDS[type]
    const [value, text] = readNumber(object, field, sources.get(object)?.get(field), scrub)
    values[type] = value
    texts[type] = text
  }
  return { values, texts, json: body.trim() }
}

function readNumber(
  object: Record<string, unknown>,
  field: string,
  source: string | undefined,
  scrub: (text: string) => string
): [number, string] {
  if (!(field in object)) throw new BalanceFormatError(`the field "${field}" is missing`)
  const raw = object[field]
  if (typeof raw === 'number' && isCredits(raw)) return [raw, source ?? String(raw)]
  if (typeof raw === 'string' && NUMERIC_STRING.test(raw.trim())) {
    const value = Number(raw.trim())
    if (isCredits(value)) return [value, raw.trim()]
  }
  const kind =
    typeof raw === 'number' || (typeof raw === 'string' && NUMERIC_STRING.test(raw.trim())) ? 'a balance' : 'a number'
  throw new BalanceFormatError(`the field "${field}" is ${describeJson(raw, scrub)}, not ${kind}`)
}

function describeJson(value: unknown, scrub: (text: string) => string): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  if (typeof value === 'string') return `the string ${JSON.stringify(clip(scrub(value), 40))}`
  if (typeof value === 'object') return 'an object'
  return `${typeof value} ${String(value)}`
}

/** A short, one-line description of a text body: what a person needs to recognise it. */
export function describeText(body: string): string {
  const trimmed = body.trim()
  if (trimmed === '') return 'it is empty'
  return `it starts with ${JSON.stringify(clip(trimmed.replace(/\s+/g, ' '), 60))}`
}
