/**
 * The rate limits the Swarms API reports on each answer its limiter ran on (`X-RateLimit-*`).
 */
import type { IncomingHttpHeaders } from 'node:http'

export interface RateLimit {
  /** As sent (`free`, `premium`); undefined when absent. */
  readonly tier?: string
  readonly remainingMinute?: number
  readonly remainingDay?: number
  readonly limitMinute?: number
  readonly limitDay?: number
  /** When the minute window resets, in ms since the epoch. */
  readonly resetAt?: number
}

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

export function parseRateLimit(headers: IncomingHttpHeaders): RateLimit {
  const reset = whole(headers, 'x-ratelimit-reset')
  const tier = header(headers, 'x-ratelimit-tier')
  return {
    tier: tier && /^[\x21-\x7e]{1,40}$/.test(tier) ? tier : undefined,
    remainingMinute: whole(headers, 'x-ratelimit-remaining-minute'),
    remainingDay: whole(headers, 'x-ratelimit-remaining-day'),
    limitMinute: whole(headers, 'x-ratelimit-limit-minute'),
    limitDay: whole(headers, 'x-ratelimit-limit-day'),
    resetAt: reset === undefined ? undefined : reset * 1000
  }
}

/** For a 429 without Retry-After: how long until the minute window resets; undefined when unknown. */
export function waitUntilResetMs(headers: IncomingHttpHeaders, now: number): number | undefined {
  const resetAt = parseRateLimit(headers).resetAt
  return resetAt === undefined ? undefined : Math.max(0, resetAt - now)
}
