/**
 * The retry policy: which answers are worth another attempt, and how long to wait before it.
 */
import type { IncomingHttpHeaders } from 'node:http'

/** First backoff, doubled on each retry up to the cap, then jittered down by up to half. */
export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_CAP_MS = 10_000
/** The longest server-requested wait honoured; a longer one ends the retries at once. */
export const RETRY_AFTER_CAP_MS = 60_000

/** 408, 429 and 5xx are transient; every other status is an answer. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599)
}

/** The wait before retry number `retry` (1-based): ~1 s, ~2 s, ~4 s … capped, with jitter. */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const ceiling = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

/**
 * The wait the server asks for: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date.
 * Undefined when it asks for none or says it in a form that is not one of these.
 */
export function requestedWaitMs(headers: IncomingHttpHeaders, now: number = Date.now()): number | undefined {
  const ms = single(headers['retry-after-ms'])
  if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms)) return Math.ceil(Number(ms))
  const after = single(headers['retry-after'])
  if (after === undefined) return undefined
  if (/^\d+$/.test(after)) return Number(after) * 1000
  // An HTTP date names its day and month; Date.parse alone would take "-5" for the year -5.
  const date = /[a-z]{3}/i.test(after) ? Date.parse(after) : Number.NaN
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

function single(value: string | string[] | undefined): string | undefined {
  const text = Array.isArray(value) ? value[0] : value
  return text?.trim() || undefined
}
