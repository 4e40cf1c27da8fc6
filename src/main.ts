/**
 * Wires the parts: inputs, then the API, then the policy, then the report.
 */
import * as core from '@actions/core'
import type { Balance } from './logic/balance.js'
import { fetchBalance } from './io/client.js'
import { recordReading } from './io/history.js'
import { readApiKey, readInputs, type Env, type Inputs } from './logic/inputs.js'
import { evaluate } from './logic/policy.js'
import { reportBalance, reportFailure, type Tracking } from './report.js'
import { computeTrend, type Reading } from './logic/trend.js'
import { USER_AGENT } from './logic/version.js'

export async function run(env: Env = process.env): Promise<void> {
  // Masked before anything else is logged, even when another input turns out to be invalid.
  const apiKey = readApiKey(env)
  if (apiKey) core.setSecret(apiKey)
  let inputs: Inputs | undefined
  try {
    inputs = readInputs(env)
    const balance = await fetchBalance({
      baseUrl: inputs.baseUrl,
      apiKey,
      maxRetries: inputs.maxRetries,
      timeoutSeconds: inputs.timeoutSeconds,
      userAgent: USER_AGENT,
      log: message => core.info(message)
    })
    const tracking = inputs.historyFile ? track(inputs.historyFile, balance, inputs) : undefined
    await reportBalance(balance, evaluate(balance, inputs, tracking?.trend), inputs, tracking)
  } catch (error) {
    await reportFailure(error, apiKey, inputs)
  }
}

/**
 * Appends this reading to the history and computes the trend. Only a balance that was read gets
 * here, so a failed read never touches the file. A history that cannot be kept is a warning: the
 * balance itself was read.
 */
function track(path: string, balance: Balance, inputs: Inputs): Tracking | undefined {
  const now = new Date()
  const current: Reading = { at: now.getTime(), values: balance.values }
  try {
    const history = recordReading(path, current, inputs.historyLimit, now)
    if (history.movedAside) {
      core.warning(
        `The history file ${path} is not a balance history (${history.movedAside.reason}); moved it to ${history.movedAside.to} and started a fresh history.`
      )
    }
    return {
      trend: computeTrend(history.readings, current, inputs.creditType, inputs.minimumCredits),
      readings: history.readings
    }
  } catch (error) {
    core.warning(
      `Could not keep the history file ${path}: ${error instanceof Error ? error.message : String(error)}. The balance was read; the trend is not known.`
    )
    return undefined
  }
}
