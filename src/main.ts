/**
 * Wires the parts: the inputs (and the history's path) are checked, then the API is read, the history
 * kept, the policy decides, the report is rendered, and the toolkit edge emits it. Time is an input.
 */
import { fetchBalance, type Answer } from './io/client.js'
import { debugUnexpected } from './io/debug.js'
import { HistoryReadError, checkHistoryPath, recordReading, type HistoryOptions } from './io/history.js'
import { emit, printable, runner, type Sink } from './io/toolkit.js'
import { readApiKey, readInputs, type Env, type Inputs } from './logic/inputs.js'
import { evaluate } from './logic/policy.js'
import { analyse } from './logic/tracking.js'
import { USER_AGENT } from './logic/version.js'
import type { Reading } from './logic/trend.js'
import { balanceReport, failureReport, type HistoryNotes } from './render/report.js'

export interface RunOptions {
  readonly env?: Env
  /** The current time, in ms since the epoch: the reading's time. Defaults to the clock. */
  readonly now?: number
  readonly sink?: Sink
  /** The history's file system, clock and lock timings: node:fs and the clock unless a test says otherwise. */
  readonly history?: HistoryOptions
}

export async function run({ env = process.env, now, sink = runner, history }: RunOptions = {}): Promise<void> {
  // Masked before anything else is logged, even when another input turns out to be invalid.
  const apiKey = readApiKey(env)
  if (apiKey) sink.mask(apiKey)
  let inputs: Inputs | undefined
  try {
    inputs = readInputs(env)
    if (inputs.historyFile) checkHistoryPath(inputs.historyFile)
    const answer = await fetchBalance({
      baseUrl: inputs.baseUrl,
      apiKey,
      maxRetries: inputs.maxRetries,
      timeoutSeconds: inputs.timeoutSeconds,
      userAgent: USER_AGENT,
      log: message => sink.info(printable(message, apiKey))
    })
    const at = now ?? Date.now()
    const { tracking, notes } = inputs.historyFile ? await track(inputs.historyFile, answer, at, inputs, history) : {}
    const verdict = evaluate(
      answer.balance,
      inputs,
      tracking?.tracked ?? (notes?.unreadable ? { unreadable: true } : undefined)
    )
    emit(balanceReport(answer, verdict, inputs, tracking, notes), apiKey, sink)
  } catch (error) {
    debugUnexpected(error, apiKey, message => sink.debug?.(message))
    emit(failureReport(error, inputs), apiKey, sink)
  }
}

/**
 * Adds this reading to the history and analyses it. Only a balance that was read gets here, so a
 * failed read never touches the file. With this runner's clock behind the history, the figures are
 * the history's (as of its newest reading), and the reading is not kept. A history that cannot be read leaves the trend unknown (the
 * policy fails the job when a gate needs it); one read but not saved still gives the trend.
 */
async function track(path: string, answer: Answer, at: number, inputs: Inputs, options?: HistoryOptions) {
  const current: Reading = { at, values: answer.balance.values }
  try {
    const recorded = await recordReading(path, current, inputs.historyLimit, options)
    const notes: HistoryNotes = {
      path,
      movedAside: recorded.movedAside,
      clockBehind: recorded.clockBehind === undefined ? undefined : { now: at, newest: recorded.clockBehind },
      tornLine: recorded.tornLine,
      notSaved: recorded.notSaved,
      lockNotRemoved: recorded.lockNotRemoved
    }
    return { tracking: analyse(recorded.readings, recorded.current, inputs, recorded.extent), notes }
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error
    return { notes: { path, unreadable: error.message } satisfies HistoryNotes }
  }
}
