/**
 * The secrets a run holds, each masked before anything else is logged (even when another input turns
 * out to be invalid): the API key, and with a history branch the GitHub token and its basic credential.
 * Both steps start here; everything they print is redacted of each (io/toolkit.ts).
 */
import { inputValue, readApiKey, readGithubToken, type Env } from '../logic/inputs.js'
import { basicCredential } from './history-branch.js'
import type { Sink } from './toolkit.js'

/** Masks the run's secrets and returns them, the API key first. */
export function maskSecrets(env: Env, sink: Pick<Sink, 'mask'>): [apiKey: string, ...others: string[]] {
  const apiKey = readApiKey(env)
  if (apiKey) sink.mask(apiKey)
  const token = inputValue(env, 'history-branch') ? readGithubToken(env) : ''
  if (!token) return [apiKey]
  const credential = basicCredential(token)
  sink.mask(token)
  sink.mask(credential)
  return [apiKey, token, credential]
}
