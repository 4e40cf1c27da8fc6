// A fixed clock for black-box runs: runAction's `entry` and `env` to run dist/index.js at `now`.
import { fileURLToPath } from 'node:url'

const ENTRY = fileURLToPath(new URL('../fixtures/fixed-clock.mjs', import.meta.url))

/** runAction options that run the bundle with its clock standing still at `now` (ms since the epoch). */
export function atTime(now: number, env: Record<string, string> = {}) {
  return { entry: ENTRY, env: { ...env, FIXED_NOW: new Date(now).toISOString() } }
}
