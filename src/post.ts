/**
 * The post step: at the end of the job, the balance is read again with the same inputs (the runner
 * passes them to the post step too; the key is never kept in the state), and the job's spend is the
 * fall between the start reading the main step left in the state and this one. Time is an input.
 */
import { keepReading } from './io/keep-reading.js'
import { readBalance } from './io/read-balance.js'
import { maskSecrets } from './io/secrets.js'
import { emit, runner } from './io/toolkit.js'
import { readInputs, tracksHistory, type Inputs } from './logic/inputs.js'
import { STATE_NAME, decodeStart, jobSpend, microValues, overLimit, type JobReading } from './logic/job-spend.js'
import { notDecimalEndReason, nothingToMeasureLine, stateWarning } from './render/job-spend.js'
import { jobEndFailureReport, jobSpendReport, type EndNotes } from './render/job-report.js'
import { workspaceOf, type RunOptions } from './main.js'

/** The variable through which the runner hands the post step the main step's state. */
export const STATE_VARIABLE = `STATE_${STATE_NAME}`

export async function runPost({ env = process.env, now, sink = runner, clock }: RunOptions = {}): Promise<void> {
  const secrets = maskSecrets(env, sink)
  let inputs: Inputs
  try {
    inputs = readInputs(env, workspaceOf(env))
  } catch {
    // The main step failed on the same inputs and said why; there is no start reading.
    sink.info(nothingToMeasureLine('inputs'))
    return
  }
  if (!inputs.measureJob) return
  const state = decodeStart(env[STATE_VARIABLE], now ?? Date.now())
  if (state.kind === 'no-reading') return sink.info(nothingToMeasureLine('no-reading'))
  if (state.kind !== 'reading') return sink.warning(stateWarning(state.kind))
  try {
    const answer = await readBalance(inputs, secrets, sink)
    const at = now ?? Date.now()
    const micro = microValues(answer.balance.texts)
    if (!micro) throw new Error(notDecimalEndReason)
    const end: JobReading = { at, micro }
    const spend = jobSpend(state.reading, end)
    const check =
      inputs.maxJobSpend === undefined
        ? undefined
        : { limit: inputs.maxJobSpend, over: overLimit(spend.spent, inputs.maxJobSpend) }
    let notes: EndNotes | undefined
    if (tracksHistory(inputs))
      notes = (await keepReading(inputs, { at, values: answer.balance.values }, { env, clock })).notes
    emit(jobSpendReport(spend, check, at, inputs, notes), secrets, sink)
  } catch (error) {
    emit(jobEndFailureReport(error, inputs), secrets, sink)
  }
}
