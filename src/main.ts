/**
 * Wires the parts: the inputs (and the history's path) are checked, then the API is read, the history
 * kept, the policy decides, the report is rendered, and the toolkit edge emits it. Time is an input.
 */
import { fetchBalance, type Answer } from './io/client.js'
import { HistoryReadError, checkHistoryPath, recordReading, type Recorded } from './io/history.js'
import { basicCredential, branchLabel, recordOnBranch, type Clock } from './io/history-branch.js'
import { emit, runner, type Sink } from './io/toolkit.js'
import { inputValue, readApiKey, readGithubToken, readInputs, type Env, type Inputs } from './logic/inputs.js'
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
  /** The history branch's retries: time, waits and jitter (tests pass one that does not sleep). */
  readonly clock?: Clock
}

export async function run({ env = process.env, now, sink = runner, clock }: RunOptions = {}): Promise<void> {
  // Masked before anything else is logged, even when another input turns out to be invalid.
  const apiKey = readApiKey(env)
  if (apiKey) sink.mask(apiKey)
  // The token matters only with a history branch; then it is masked, and redacted with its credential.
  const token = inputValue(env, 'history-branch') ? readGithubToken(env) : ''
  if (token) sink.mask(token)
  const secrets = token ? [apiKey, token, basicCredential(token)] : [apiKey]
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
      log: message => sink.info(message)
    })
    const at = now ?? Date.now()
    const tracked = inputs.historyFile || inputs.historyBranch
    const { tracking, notes } = tracked ? await track(answer, at, inputs, env, clock) : {}
    const verdict = evaluate(
      answer.balance,
      inputs,
      tracking?.tracked ?? (notes?.unreadable ? { unreadable: true } : undefined)
    )
    emit(balanceReport(answer, verdict, inputs, tracking, notes), secrets, sink)
  } catch (error) {
    emit(failureReport(error, inputs), secrets, sink)
  }
}

/**
 * Adds this reading to the history (on the branch when there is one, else in the file) and analyses
 * it. Only a balance that was read gets here, so a failed read never touches the history. A history
 * that cannot be read leaves the trend unknown (the policy fails the job when a gate needs it); one
 * read but not saved still gives the trend.
 */
async function track(answer: Answer, at: number, inputs: Inputs, env: Env, clock?: Clock) {
  const current: Reading = { at, values: answer.balance.values }
  const branch = inputs.historyBranch
  const path = branch ? branchLabel(branch) : inputs.historyFile!
  try {
    const recorded: Recorded = branch
      ? await recordOnBranch(branch, current, { limit: inputs.historyLimit, env, clock })
      : await recordReading(path, current, inputs.historyLimit)
    const notes: HistoryNotes = {
      path,
      onBranch: branch !== undefined,
      movedAside: recorded.movedAside,
      droppedFuture: recorded.droppedFuture,
      notSaved: recorded.notSaved
    }
    return { tracking: analyse(recorded.readings, current, inputs), notes }
  } catch (error) {
    if (!(error instanceof HistoryReadError)) throw error
    return {
      notes: {
        path,
        onBranch: branch !== undefined,
        droppedFuture: 0,
        unreadable: error.message
      } satisfies HistoryNotes
    }
  }
}
