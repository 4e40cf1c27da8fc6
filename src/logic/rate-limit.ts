/**
 * The rate limits the Swarms API reports on each answer its limiter ran on (`X-RateLimit-*`).
 */
import type { IncomingHttpHeaders } from 'node:http'

export interface RateLimit {
  /** As sent (`free`, `premium`), trimmed; undefined when absent or empty. Show it escaped. */
  readonly tier?: string
  readonly remainingMinute?: number
  readonly remainingDay?: number
  readonly limitMinute?: number
  readonly limitDay?: number
  /**
   * When the minute window resets, as sent in X-RateLimit-Reset: Unix seconds (a fraction allowed), or,
   * below RESET_AS_DELAY_BELOW, seconds from now. See resetWaitMs.
   */
  readonly reset?: number
}

/**
 * An X-RateLimit-Reset below this (a Unix time before September 2001) is a count of seconds from now,
 * as some limiters send it, not a time: `60` means in a minute, not in January 1970.
 */
export const RESET_AS_DELAY_BELOW = 1_000_000_000

/**
 * A header's value, trimmed; undefined when absent or empty. A header sent more than once counts by its
 * first value: pass IncomingMessage.headersDistinct, since IncomingMessage.headers joins repeats with
 * ", " (and "free, premium" is no tier).
 */
function header(headers: Headers, name: string): string | undefined {
  const value = headers[name]
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  return text || undefined
}

/** A whole number as a header gives it; undefined when absent or anything else. */
function whole(headers: Headers, name: string): number | undefined {
  const text = header(headers, name)
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined
}

/** A count of seconds, a fraction allowed; undefined when absent or anything else. */
function seconds(headers: Headers, name: string): number | undefined {
  const text = header(headers, name)
  return text !== undefined && /^\d{1,12}(\.\d{1,9})?$/.test(text) ? Number(text) : undefined
}

/** A tier is printable ASCII (space to tilde) only: no control characters, C1 codes or no-break spaces. */
function isPrintableAscii(text: string): boolean {
  return /^[\x20-\x7e]+$/.test(text)
}

/** Headers by Node's lower-case names: IncomingMessage.headersDistinct (or plain values, in tests). */
export type Headers = IncomingHttpHeaders | NodeJS.Dict<string | string[]>

/** Parses the `x-ratelimit-*` headers (Node's lower-case keys); each figure undefined when absent or malformed. */
export function parseRateLimit(headers: Headers): RateLimit {
  const tier = header(headers, 'x-ratelimit-tier')
  return {
    // As sent; a value with anything but printable ASCII in it is not a tier.
    tier: tier !== undefined && isPrintableAscii(tier) ? tier : undefined,
    remainingMinute: whole(headers, 'x-ratelimit-remaining-minute'),
    remainingDay: whole(headers, 'x-ratelimit-remaining-day'),
    limitMinute: whole(headers, 'x-ratelimit-limit-minute'),
    limitDay: whole(headers, 'x-ratelimit-limit-day'),
    reset: seconds(headers, 'x-ratelimit-reset')
  }
}

/**
 * For a 429 without Retry-After: the ms from `now` until the minute window resets (X-RateLimit-Reset:
 * a Unix time, or a small number of seconds from now), 0 when that is past; undefined when the header
 * is absent or malformed. The caller caps the wait and never waits less than its backoff.
 */
export function waitUntilResetMs(headers: Headers, now: number): number | undefined {
  const reset = parseRateLimit(headers).reset
  if (reset === undefined) return undefined
  return Math.max(0, reset < RESET_AS_DELAY_BELOW ? Math.round(reset * 1000) : Math.round(reset * 1000) - now)
}
