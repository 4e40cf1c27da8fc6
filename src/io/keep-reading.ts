/**
 * The one place the action adds a reading to the history file (the main step's reading, and the end
 * reading of a measured job), through the history module's exported API alone.
 */
import { HistoryReadError, recordReading, type Recorded } from './history.js'
import type { Reading } from '../logic/trend.js'

/** The history with this reading added, or why the history could not be read (nothing was written then). */
export type Kept = { readonly recorded: Recorded } | { readonly unreadable: string }

export async function keepReading(path: string, reading: Reading, limit: number): Promise<Kept> {
  try {
    return { recorded: await recordReading(path, reading, limit) }
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error
    return { unreadable: error.message }
  }
}
