/**
 * The one way both steps read the balance: with the inputs' base URL, retries and timeout, TLS
 * verification kept on (said in the log when the environment tried to turn it off), and the client's
 * retry lines printed as everything is (the secrets redacted, no workflow command). So the end of a
 * measured job is read exactly as its start was.
 */
import type { Inputs } from '../logic/inputs.js'
import { USER_AGENT } from '../logic/version.js'
import type { Answer } from '../model.js'
import { fetchBalance, keepTlsVerificationOn } from './client.js'
import { printable, type Sink } from './toolkit.js'

export async function readBalance(
  inputs: Pick<Inputs, 'baseUrl' | 'maxRetries' | 'timeoutSeconds'>,
  secrets: readonly [apiKey: string, ...others: string[]],
  sink: Pick<Sink, 'info'>
): Promise<Answer> {
  const tlsNote = keepTlsVerificationOn()
  if (tlsNote) sink.info(tlsNote)
  return fetchBalance({
    baseUrl: inputs.baseUrl,
    apiKey: secrets[0],
    maxRetries: inputs.maxRetries,
    timeoutSeconds: inputs.timeoutSeconds,
    userAgent: USER_AGENT,
    log: message => sink.info(printable(message, secrets))
  })
}
