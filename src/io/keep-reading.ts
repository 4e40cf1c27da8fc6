/**
 * The one place the action adds a reading to the history (the main step's reading, and the end reading
 * of a measured job), in the file or on the branch, through the history modules' exported API alone.
 */
import type { Env, Inputs } from '../logic/inputs.js'
import type { Reading } from '../logic/trend.js'
import type { HistoryNotes } from '../model.js'
import { HistoryReadError, recordReading, type HistoryOptions, type Recorded } from './history.js'
import { branchLabel, recordOnBranch, type Clock } from './history-branch.js'

/**
 * The history with this reading added (`recorded`), and what happened to it on the way, for the
 * warnings (`notes`); without `recorded` the history could not be read, and nothing was written.
 */
export interface Kept {
  readonly recorded?: Recorded
  readonly notes: HistoryNotes
}

/** What the seams of each store take: the file's file system and clock, the branch's git environment and clock. */
export interface KeepOptions {
  readonly history?: HistoryOptions
  readonly env?: Env
  readonly clock?: Clock
}

export type Store = Pick<Inputs, 'historyFile' | 'historyBranch' | 'historyLimit'>

export async function keepReading(store: Store, reading: Reading, options: KeepOptions = {}): Promise<Kept> {
  const branch = store.historyBranch
  const path = branch ? branchLabel(branch) : (store.historyFile ?? '')
  const onBranch = branch !== undefined
  try {
    const recorded = branch
      ? await recordOnBranch(branch, reading, {
          limit: store.historyLimit,
          env: options.env ?? process.env,
          clock: options.clock
        })
      : await recordReading(path, reading, store.historyLimit, options.history)
    return {
      recorded,
      notes: {
        path,
        onBranch,
        movedAside: recorded.movedAside,
        clockBehind: recorded.clockBehind === undefined ? undefined : { now: reading.at, newest: recorded.clockBehind },
        tornLine: recorded.tornLine,
        notSaved: recorded.notSaved,
        lockNotRemoved: recorded.lockNotRemoved
      }
    }
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error
    return { notes: { path, onBranch, unreadable: error.message } }
  }
}
