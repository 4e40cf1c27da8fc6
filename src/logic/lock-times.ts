/**
 * The history lock's times: how long a run waits for a lock that does not change hands, when a lock
 * is taken to be a dead run's, and the longest wait in all. Numbers only, so that the words that quote
 * them (render/history-messages.ts) and the lock that keeps them (io/lock.ts) share one definition.
 */
export const LOCK_WAIT_MS = 10_000
export const LOCK_STALE_MS = 60_000
/** However often the lock changes hands, a run waits no longer than this in all. */
export const LOCK_WAIT_TOTAL_MS = 60_000
