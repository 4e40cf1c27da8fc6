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
  /** When the minute window resets, in ms since the epoch. */
  readonly resetAt?: number
}

/** A header's value, trimmed: the first when it came more than once; undefined when absent or empty. */
function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name]
  const text = (Array.isArray(value) ? value[0] : value)?.trim()
  return text || undefined
}

/** A whole number as a header gives it; undefined when absent or anything else. */
function whole(headers: IncomingHttpHeaders, name: string): number | undefined {
  const text = header(headers, name)
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined
}

/** Unix seconds, a fraction allowed, as ms since the epoch; undefined when absent or anything else. */
function unixSeconds(headers: IncomingHttpHeaders, name: string): number | undefined {
  const text = header(headers, name)
  return text !== undefined && /^\d{1,12}(\.\d{1,9})?$/.test(text) ? Math.round(Number(text) * 1000) : undefined
}

function hasControl(text: string): boolean {
  return [...text].some(char => char.charCodeAt(0) < 0x20 || char.charCodeAt(0) === 0x7f)
}

/** Parses the `x-ratelimit-*` headers (Node's lower-case keys); each figure undefined when absent or malformed. */
export function parseRateLimit(headers: IncomingHttpHeaders): RateLimit {
  const tier = header(headers, 'x-ratelimit-tier')
  return {
    // As sent; a value holding control characters is not a tier.
    tier: tier !== undefined && !hasControl(tier) ? tier : undefined,
    remainingMinute: whole(headers, 'x-ratelimit-remaining-minute'),
    remainingDay: whole(headers, 'x-ratelimit-remaining-day'),
    limitMinute: whole(headers, 'x-ratelimit-limit-minute'),
    limitDay: whole(headers, 'x-ratelimit-limit-day'),
    resetAt: unixSeconds(headers, 'x-ratelimit-reset')
  }
}

/**
 * For a 429 without Retry-After: the ms from `now` until the minute window resets (X-RateLimit-Reset),
 * 0 when that is past; undefined when the header is absent or malformed. The caller caps the wait.
 */
export function waitUntilResetMs(headers: IncomingHttpHeaders, now: number): number | undefined {
  const resetAt = parseRateLimit(headers).resetAt
  return resetAt === undefined ? undefined : Math.max(0, resetAt - now)
}
