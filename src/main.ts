/**
 * Wires the parts: the inputs (and the history's path) are checked, then the API is read, the history
 * kept, the policy decides, the report is rendered, and the toolkit edge emits it. Time is an input.
 */
import { debugUnexpected } from './io/debug.js'
import { checkHistoryPath, type HistoryOptions } from './io/history.js'
import type { Clock } from './io/history-branch.js'
import { keepReading, type KeepOptions } from './io/keep-reading.js'
import { readBalance } from './io/read-balance.js'
import { maskSecrets } from './io/secrets.js'
import { emit, printable, runner, type Sink } from './io/toolkit.js'
import { readInputs, tracksHistory, type Env, type Inputs } from './logic/inputs.js'
import { STATE_NAME, STATE_NO_READING, encodeStart, microValues } from './logic/job-spend.js'
import { evaluate } from './logic/policy.js'
import { analyse } from './logic/tracking.js'
import type { Answer } from './model.js'
import type { Reading } from './logic/trend.js'
import { measuringLine, stateNotSavedWarning } from './render/job-spend.js'
import { balanceReport, failureReport } from './render/report.js'

export interface RunOptions {
  readonly env?: Env
  /** The current time, in ms since the epoch: the reading's time. Defaults to the clock. */
  readonly now?: number
  readonly sink?: Sink
  /** The history's file system, clock and lock timings: node:fs and the clock unless a test says otherwise. */
  readonly history?: HistoryOptions
  /** The history branch's retries: time, waits and jitter (tests pass one that does not sleep). */
  readonly clock?: Clock
}

export async function run({ env = process.env, now, sink = runner, history, clock }: RunOptions = {}): Promise<void> {
  const secrets = maskSecrets(env, sink)
  const [apiKey] = secrets
  let inputs: Inputs | undefined
  let started = false
  try {
    inputs = readInputs(env, workspaceOf(env))
    if (inputs.historyFile) checkHistoryPath(inputs.historyFile)
    const answer = await readBalance(inputs, secrets, sink)
    const at = now ?? Date.now()
    if (inputs.measureJob) started = leaveStart(answer, at, sink)
    const { tracking, notes } = tracksHistory(inputs) ? await track(answer, at, inputs, { history, env, clock }) : {}
    const verdict = evaluate(
      answer.balance,
      inputs,
      tracking?.tracked ?? (notes?.unreadable ? { unreadable: true } : undefined)
    )
    emit(balanceReport(answer, verdict, inputs, tracking, notes), secrets, sink)
  } catch (error) {
    debugUnexpected(error, apiKey, message => sink.debug?.(printable(message, secrets)))
    if (inputs?.measureJob && !started) leaveState(STATE_NO_READING, sink)
    emit(failureReport(error, inputs), secrets, sink)
  }
}

/** The directory a relative history-file is read against: the job's workspace, else this process's. */
export function workspaceOf(env: Env): string {
  return env.GITHUB_WORKSPACE || process.cwd()
}

/** Leaves the start of the job's measurement for the post step: this reading, or that there is none. */
function leaveStart(answer: Answer, at: number, sink: Sink): boolean {
  const micro = microValues(answer.balance.texts)
  if (leaveState(micro ? encodeStart({ at, micro }) : STATE_NO_READING, sink) && micro) sink.info(measuringLine())
  return true
}

/** Writes the state; a state file that cannot be written is a warning (the job is not measured), not a crash. */
function leaveState(value: string, sink: Sink): boolean {
  try {
    sink.saveState(STATE_NAME, value)
    return true
  } catch (error) {
    sink.warning(stateNotSavedWarning(error instanceof Error ? error.message : String(error)))
    return false
  }
}

/**
 * Adds this reading to the history (on the branch when there is one, else in the file) and analyses
 * it. Only a balance that was read gets here, so a failed read never touches the history. With this
 * runner's clock behind the history, the figures are the history's (as of its newest reading), and
 * the reading is not kept. A history that cannot be read leaves the trend unknown (the policy fails the
 * job when a gate needs it); one read but not saved still gives the trend.
 */
async function track(answer: Answer, at: number, inputs: Inputs, options: KeepOptions) {
  const current: Reading = { at, values: answer.balance.values }
  const { recorded, notes } = await keepReading(inputs, current, options)
  if (!recorded) return { notes }
  return { tracking: analyse(recorded.readings, recorded.current, inputs, recorded.extent), notes }
}
