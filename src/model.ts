/**
 * The shapes that cross the layers: what the client read (`Answer`), what happened to the history
 * file (`HistoryNotes`) and the report of a run (`Report`). Owned by neither io nor render, so that
 * the arrows run one way: io and render both import from here, and render never imports io.
 */
import type { Balance } from './logic/balance.js'
import type { RateLimit } from './logic/rate-limit.js'

/** A balance that was read, with the rate limits the answer reported. */
export interface Answer {
  readonly balance: Balance
  readonly rateLimit: RateLimit
}

/** The report of one run, as data: what `io/toolkit.ts` hands to the runner. */
export interface Report {
  readonly log: readonly string[]
  readonly warnings: readonly string[]
  /** `::notice::` annotations; none when undefined. */
  readonly notices?: readonly string[]
  /** The one error that fails the step; undefined when it passes. */
  readonly error?: string
  readonly outputs: Readonly<Record<string, string>>
  /** Undefined when no summary is to be written. */
  readonly summary?: string
}

/** What happened to the history file on the way, for the warnings. */
export interface HistoryNotes {
  readonly path: string
  readonly movedAside?: { readonly to: string; readonly reason: string }
  /** This run's time and the history's newest reading's, when the history is ahead of this run's clock. */
  readonly clockBehind?: { readonly now: number; readonly newest: number }
  /** The length of an incomplete last line that was dropped. */
  readonly tornLine?: number
  readonly notSaved?: string
  /** The lock path and why it could not be removed. */
  readonly lockNotRemoved?: string
  /** Set when the history could not be read: why. */
  readonly unreadable?: string
  /** The history is kept on a branch (`path` names the file and the branch). */
  readonly onBranch?: boolean
}
