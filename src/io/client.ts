/**
 * The Swarms API client: one GET of /v1/account/credits per attempt, each attempt bounded by a
 * deadline from connect to the last byte, retried on transient failures.
 */
import type { IncomingHttpHeaders, IncomingMessage, RequestOptions } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { BalanceFormatError, parseBalance, type Balance } from '../logic/balance.js'
import { ActionError, clip, oneLine, redact } from '../logic/errors.js'
import { RETRY_AFTER_CAP_MS, backoffMs, isRetryableStatus, requestedWaitMs } from '../logic/retry.js'

export const CREDITS_PATH = '/v1/account/credits'
/** A balance is under 200 bytes; an answer larger than this is not one. */
export const BODY_LIMIT_BYTES = 64 * 1024

export interface ClientOptions {
  readonly baseUrl: string
  readonly apiKey: string
  readonly maxRetries: number
  readonly timeoutSeconds: number
  readonly userAgent: string
  /** Told of each failed attempt that will be retried. */
  readonly log?: (message: string) => void
  readonly sleep?: (ms: number) => Promise<void>
  readonly random?: () => number
}

/** A failed attempt worth retrying: what went wrong, what to advise if it is the last, and any wait asked for. */
interface Transient {
  readonly reason: string
  readonly advice: string
  readonly requestedWaitMs?: number
}

const OUTAGE_ADVICE =
  'The API may be down or rate limiting: try again later, or set `fail-on-api-error: false` so that an outage does not fail the job.'

/** Reads the balance, retrying transient failures; throws an ActionError saying what went wrong. */
export async function fetchBalance(options: ClientOptions): Promise<Balance> {
  const url = `${options.baseUrl}${CREDITS_PATH}`
  const attempts = options.maxRetries + 1
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(url, options)
    if (!('reason' in result)) return result
    const tried = attempt === 1 ? '1 attempt' : `${attempt} attempts`
    const fail = (detail: string): ActionError =>
      new ActionError(
        'outage',
        redact(
          `Could not read the Swarms credit balance from ${url}: ${result.reason} (${tried}). ${detail}`,
          options.apiKey
        )
      )
    if (attempt >= attempts) throw fail(result.advice)
    const requested = result.requestedWaitMs
    if (requested !== undefined && requested > RETRY_AFTER_CAP_MS) {
      throw fail(
        `The API asks to wait ${seconds(requested)} s before the next request, longer than the ${seconds(RETRY_AFTER_CAP_MS)} s this action waits: run the check later or less often.`
      )
    }
    const wait = requested ?? backoffMs(attempt, options.random)
    options.log?.(
      redact(
        `Attempt ${attempt} of ${attempts} failed: ${result.reason}. Retrying in ${seconds(wait)} s.`,
        options.apiKey
      )
    )
    await sleep(wait)
  }
}

async function attemptOnce(url: string, options: ClientOptions): Promise<Balance | Transient> {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), options.timeoutSeconds * 1000)
  const client = new HttpClient(options.userAgent, [abortWith(deadline.signal)], {
    allowRetries: false, // retries are ours: the client's own skip 429 and ignore Retry-After
    allowRedirects: false, // a redirect would carry x-api-key to wherever it points
    keepAlive: false,
    socketTimeout: options.timeoutSeconds * 1000 + 1000 // idle only; the deadline above comes first
  })
  try {
    const response = await client.get(url, { 'x-api-key': options.apiKey, accept: 'application/json' })
    const body = await readCapped(response.message, BODY_LIMIT_BYTES)
    return answer(url, response.message.statusCode ?? 0, response.message.headers, body, options.apiKey)
  } catch (error) {
    if (error instanceof ActionError) throw error
    if (deadline.signal.aborted) {
      return {
        reason: `no complete answer within ${options.timeoutSeconds} s (timeout-seconds)`,
        advice: `${OUTAGE_ADVICE} A slow network may need a larger \`timeout-seconds\`.`
      }
    }
    if (error instanceof BodyTooLargeError) {
      throw new ActionError(
        'outage',
        `The answer from ${url} is larger than ${BODY_LIMIT_BYTES / 1024} KiB, so it is not a credit balance: check \`base-url\`.`
      )
    }
    return connectionFailure(url, error, options.apiKey)
  } finally {
    clearTimeout(timer)
    client.dispose()
  }
}

/** Turns a complete HTTP answer into a balance, a transient failure, or a final ActionError. */
function answer(
  url: string,
  status: number,
  headers: IncomingHttpHeaders,
  body: string,
  apiKey: string
): Balance | Transient {
  const detail = apiDetail(body, apiKey)
  const said = detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`
  if (status >= 200 && status <= 299) {
    try {
      return parseBalance(body)
    } catch (error) {
      if (!(error instanceof BalanceFormatError)) throw error
      throw new ActionError(
        'outage',
        redact(
          `The answer from ${url} (HTTP ${status}) is not a credit balance: ${error.message}. Check that \`base-url\` is the Swarms API's address.`,
          apiKey
        )
      )
    }
  }
  if (status === 401 || status === 403) {
    throw new ActionError(
      'rejected',
      `The Swarms API rejected the API key (${said}). Check the secret passed as \`api-key\` (or SWARMS_API_KEY): it must be an active key from the Swarms platform's API keys page.`
    )
  }
  if (isRetryableStatus(status))
    return { reason: said, advice: OUTAGE_ADVICE, requestedWaitMs: requestedWaitMs(headers) }
  if (status >= 300 && status <= 399) {
    const location = headers.location ? ` to ${redact(oneLine(headers.location), apiKey)}` : ''
    throw new ActionError(
      'request',
      `The API at ${url} answered with a redirect (HTTP ${status}${location}); the action does not follow redirects, so that the key goes nowhere else. Set \`base-url\` to the API's own address.`
    )
  }
  throw new ActionError(
    'request',
    `The Swarms API refused GET ${url} with ${said}. Check \`base-url\` (the default is https://api.swarms.world).`
  )
}

/** The API's `detail`, short and on one line; undefined when the body has none. */
function apiDetail(body: string, apiKey: string): string | undefined {
  let detail: unknown
  try {
    detail = (JSON.parse(body) as { detail?: unknown } | null)?.detail
  } catch {
    return undefined
  }
  if (detail === undefined || detail === null || detail === '') return undefined
  return clip(oneLine(redact(typeof detail === 'string' ? detail : JSON.stringify(detail), apiKey)), 200)
}

const TLS_CODES =
  /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_CERT)/

function connectionFailure(url: string, error: unknown, apiKey: string): Transient {
  const err = error as NodeJS.ErrnoException
  const code = typeof err?.code === 'string' ? err.code : undefined
  const message = oneLine(redact(err instanceof Error ? err.message : String(error), apiKey))
  const cause = code && !message.includes(code) ? `${code}: ${message}` : message
  if (code && TLS_CODES.test(code)) {
    // Not transient: the same certificate comes back on every attempt.
    throw new ActionError(
      'outage',
      `TLS error talking to ${url}: ${cause}. The server's certificate is not trusted; if the runner reaches the internet through a TLS-inspecting proxy, add its CA certificate with NODE_EXTRA_CA_CERTS.`
    )
  }
  return {
    reason: `connection failed (${cause})`,
    advice: `${OUTAGE_ADVICE} Check \`base-url\` and the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).`
  }
}

/** Sets the attempt's deadline signal on each request the client makes. */
function abortWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest(request: RequestOptions) {
      request.signal = signal
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('no authentication handler'))
  }
}

class BodyTooLargeError extends Error {}

/**
 * Reads a response body up to `limit` bytes. Unlike HttpClientResponse.readBody, it rejects when the
 * connection errors or closes early, so an aborted attempt ends instead of waiting forever.
 */
function readCapped(message: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    message.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > limit) {
        reject(new BodyTooLargeError())
        message.destroy()
      } else chunks.push(chunk)
    })
    message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    message.on('error', reject)
    message.on('close', () => {
      if (!message.complete) reject(new Error('the connection closed before the whole answer arrived'))
    })
  })
}

function seconds(ms: number): string {
  return String(Math.round(ms / 100) / 10)
}
