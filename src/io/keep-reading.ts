/**
 * The one place the action adds a reading to the history file (the main step's reading, and the end
 * reading of a measured job), through the history module's exported API alone.
 */
import { HistoryReadError, recordReading, type HistoryOptions, type Recorded } from './history.js'
import type { Reading } from '../logic/trend.js'
import type { HistoryNotes } from '../model.js'

/**
 * The history with this reading added (`recorded`), and what happened to the file on the way, for the
 * warnings (`notes`); without `recorded` the history could not be read, and nothing was written.
 */
export interface Kept {
  readonly recorded?: Recorded
  readonly notes: HistoryNotes
}

export async function keepReading(
  path: string,
  reading: Reading,
  limit: number,
  options?: HistoryOptions
): Promise<Kept> {
  try {
    const recorded = await recordReading(path, reading, limit, options)
    return {
      recorded,
      notes: {
        path,
        movedAside: recorded.movedAside,
        clockBehind: recorded.clockBehind === undefined ? undefined : { now: reading.at, newest: recorded.clockBehind },
        tornLine: recorded.tornLine,
        notSaved: recorded.notSaved,
        lockNotRemoved: recorded.lockNotRemoved
      }
    }
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error
    return { notes: { path, unreadable: error.message } }
  }
}
