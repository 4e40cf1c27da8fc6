/**
 * The API client's words: why an attempt failed, what to do when the last one did, and the log line of
 * a retry. Pure functions of what the client found; the client redacts the key from them.
 */
import { DEFAULT_BASE_URL } from '../logic/inputs.js'

/** The renderer adds the `fail-on-api-error` advice where it applies (not when the outage is tolerated). */
const OUTAGE_ADVICE = 'The API may be down or rate limiting: try again later.'

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`

export const clientWords = {
  tlsEnvIgnored:
    'NODE_TLS_REJECT_UNAUTHORIZED is ignored: the key is sent only to a server whose certificate is verified.',
  /** The final failure: what went wrong, over how many attempts, and the advice. */
  notRead: (url: string, reason: string, attempts: number, advice: string) =>
    `Could not read the Swarms credit balance from ${url}: ${reason} (${attempts === 1 ? '1 attempt' : `${attempts} attempts`}). ${advice}`,
  waitTooLong: (requestedMs: number, capMs: number) =>
    `The API asks to wait ${seconds(requestedMs)} before the next request, longer than the ${seconds(capMs)} this action waits: run the check later or less often.`,
  retrying: (attempt: number, attempts: number, reason: string, waitMs: number) =>
    `Attempt ${attempt} of ${attempts} failed: ${reason}. Retrying in ${seconds(waitMs)}.`,
  outageAdvice: OUTAGE_ADVICE,
  timedOut: (timeoutSeconds: number) => `no complete answer within ${timeoutSeconds} s (timeout-seconds)`,
  timedOutAdvice: `${OUTAGE_ADVICE} A slow network may need a larger \`timeout-seconds\`.`,
  tooLarge: (url: string, limitBytes: number) =>
    `The answer from ${url} is larger than ${limitBytes / 1024} KiB, so it is not a credit balance: check \`base-url\`.`,
  httpSaid: (status: number, detail: string | undefined) => (detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`),
  notABalance: (url: string, status: number, why: string) =>
    `The answer from ${url} (HTTP ${status}) is not a credit balance: ${why}. Check that \`base-url\` is the Swarms API's address.`,
  keyRejected: (said: string) =>
    `The Swarms API rejected the API key (${said}). Check the secret passed as \`api-key\` (or SWARMS_API_KEY): it must be an active key from the Swarms platform's API keys page.`,
  redirect: (url: string, status: number, location: string | undefined) =>
    `The API at ${url} answered with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); the action does not follow redirects, so that the key goes nowhere else. Set \`base-url\` to the API's own address.`,
  refused: (url: string, said: string) =>
    `The Swarms API refused GET ${url} with ${said}. Check \`base-url\` (the default is ${DEFAULT_BASE_URL}).`,
  tls: (url: string, cause: string) =>
    `TLS error talking to ${url}: ${cause}. The server's certificate is not trusted, and the key is sent only to a verified server; if the runner reaches the internet through a TLS-inspecting proxy, trust its CA certificate with NODE_EXTRA_CA_CERTS.`,
  connectionFailed: (cause: string) => `connection failed (${cause})`,
  connectionAdvice: `${OUTAGE_ADVICE} Check \`base-url\` and the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).`,
  closedEarly: 'the connection closed before the whole answer arrived'
} as const
