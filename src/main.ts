/**
 * Wires the parts: inputs, then the API, then the policy, then the report.
 */
import * as core from '@actions/core'
import { fetchBalance } from './client.js'
import { readApiKey, readInputs, type Env, type Inputs } from './inputs.js'
import { evaluate } from './policy.js'
import { reportBalance, reportFailure } from './report.js'
import { USER_AGENT } from './version.js'

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
    await reportBalance(balance, evaluate(balance, inputs), inputs)
  } catch (error) {
    await reportFailure(error, apiKey, inputs)
  }
}
