/**
 * The retry policy: which answers are worth another attempt, and how long to wait before it.
 */
import type { Headers } from './rate-limit.js'

/**
 * The backoff's floor: no retry waits less, whatever the server asks (a Retry-After of 0, a date or a
 * reset already past). Doubled on each retry, jittered up by up to as much again, capped.
 */
export const BACKOFF_BASE_MS = 1_000
export const BACKOFF_CAP_MS = 10_000
/** The longest server-requested wait honoured; a longer one ends the retries at once. */
export const RETRY_AFTER_CAP_MS = 60_000

/** 408, 429 and 5xx are transient; every other status is an answer. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status <= 599)
}

/**
 * The wait before retry number `retry` (1-based): 1–2 s, 2–4 s, 4–8 s, then 8–10 s (the cap); never
 * under BACKOFF_BASE_MS.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  const step = BACKOFF_BASE_MS * 2 ** Math.min(retry - 1, 30)
  return Math.round(Math.min(BACKOFF_CAP_MS, step * (1 + random())))
}

/**
 * The wait before retry number `retry`: the longer of the backoff and the wait the server asked for
 * (so a server asking for none, or for a time already past, still gets the backoff).
 */
export function retryWaitMs(retry: number, requested: number | undefined, random?: () => number): number {
  return Math.max(requested ?? 0, backoffMs(retry, random))
}

/**
 * The wait the server asks for: `retry-after-ms`, else `Retry-After` in seconds or as an HTTP date.
 * Undefined when it asks for none or says it in a form that is not one of these.
 */
export function requestedWaitMs(headers: Headers, now: number = Date.now()): number | undefined {
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
