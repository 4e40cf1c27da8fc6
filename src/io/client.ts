/**
 * The Swarms API client: one GET of /v1/account/credits per attempt, each attempt bounded by a
 * deadline from its start (a proxy's CONNECT included) to the last byte, retried on transient failures.
 */
import type { IncomingMessage, RequestOptions } from 'node:http'
import { HttpClient } from '@actions/http-client'
import type { RequestHandler } from '@actions/http-client/lib/interfaces'
import { BalanceFormatError, parseBalance } from '../logic/balance.js'
import { CREDITS_PATH } from '../logic/api.js'
import { ActionError, clip, oneLine } from '../logic/errors.js'
import { parseRateLimit, waitUntilResetMs, type Headers } from '../logic/rate-limit.js'
import { RETRY_AFTER_CAP_MS, isRetryableStatus, requestedWaitMs, retryWaitMs } from '../logic/retry.js'
import { redact } from '../logic/secret.js'
import type { Answer } from '../model.js'
import { clientWords as words } from '../render/client-errors.js'

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
  /** The clock, for a wait until a rate-limit reset. */
  readonly now?: () => number
}

/** A failed attempt worth retrying: what went wrong, what to advise if it is the last, and any wait asked for. */
interface Transient {
  readonly reason: string
  readonly advice: string
  readonly requestedWaitMs?: number
}

/** Reads the balance, retrying transient failures; throws an ActionError saying what went wrong. */
export async function fetchBalance(options: ClientOptions): Promise<Answer> {
  const url = `${options.baseUrl}${CREDITS_PATH}`
  const attempts = options.maxRetries + 1
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>(resolve => setTimeout(resolve, ms)))
  for (let attempt = 1; ; attempt++) {
    const result = await attemptOnce(url, options)
    if ('balance' in result) return result
    const fail = (advice: string): ActionError =>
      new ActionError('outage', redact(words.notRead(url, result.reason, attempt, advice), options.apiKey))
    if (attempt >= attempts) throw fail(result.advice)
    const requested = result.requestedWaitMs
    if (requested !== undefined && requested > RETRY_AFTER_CAP_MS) {
      throw fail(words.waitTooLong(requested, RETRY_AFTER_CAP_MS))
    }
    const wait = retryWaitMs(attempt, requested, options.random)
    options.log?.(redact(words.retrying(attempt, attempts, result.reason, wait), options.apiKey))
    await sleep(wait)
  }
}

async function attemptOnce(url: string, options: ClientOptions): Promise<Answer | Transient> {
  const deadline = new AbortController()
  const timer = setTimeout(() => deadline.abort(), options.timeoutSeconds * 1000)
  const client = new HttpClient(options.userAgent, [prepareWith(deadline.signal)], {
    allowRetries: false, // retries are ours: the client's own skip 429 and ignore Retry-After
    allowRedirects: false, // a redirect would carry x-api-key to wherever it points
    keepAlive: false,
    socketTimeout: options.timeoutSeconds * 1000 + 1000 // idle only; the deadline above comes first
  })
  // The deadline ends the attempt even before the request has a socket (a proxy that never answers
  // CONNECT): aborting a request that has none yet emits nothing until it gets one.
  const expired = new Promise<never>((_resolve, reject) =>
    deadline.signal.addEventListener('abort', () => reject(new Error('deadline')), { once: true })
  )
  try {
    const response = await Promise.race([
      client.get(url, { 'x-api-key': options.apiKey, accept: 'application/json' }),
      expired
    ])
    const body = await readCapped(response.message, BODY_LIMIT_BYTES)
    // Each header by its first value when it came more than once (headers would join them with ", ").
    return answer(url, response.message.statusCode ?? 0, response.message.headersDistinct, body, options)
  } catch (error) {
    if (error instanceof ActionError) throw error
    if (deadline.signal.aborted) {
      return { reason: words.timedOut(options.timeoutSeconds), advice: words.timedOutAdvice }
    }
    if (error instanceof BodyTooLargeError) {
      throw new ActionError('outage', words.tooLarge(url, BODY_LIMIT_BYTES))
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
  headers: Headers,
  body: string,
  options: ClientOptions
): Answer | Transient {
  const apiKey = options.apiKey
  const detail = apiDetail(body, apiKey)
  const said = words.httpSaid(status, detail)
  if (status >= 200 && status <= 299) {
    try {
      return { balance: parseBalance(body, text => redact(text, apiKey)), rateLimit: parseRateLimit(headers) }
    } catch (error) {
      if (!(error instanceof BalanceFormatError)) throw error
      throw new ActionError('outage', redact(words.notABalance(url, status, error.message), apiKey))
    }
  }
  if (status === 401 || status === 403) {
    throw new ActionError('rejected', words.keyRejected(said))
  }
  if (isRetryableStatus(status)) {
    const now = options.now?.() ?? Date.now()
    const wait = requestedWaitMs(headers, now) ?? (status === 429 ? waitUntilResetMs(headers, now) : undefined)
    return { reason: said, advice: words.outageAdvice, requestedWaitMs: wait }
  }
  if (status >= 300 && status <= 399) {
    const where = [headers.location ?? []].flat()[0]
    const location = where ? clip(oneLine(redact(where, apiKey)), 200) : undefined
    throw new ActionError('request', words.redirect(url, status, location))
  }
  throw new ActionError('request', words.refused(url, said))
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
    throw new ActionError('outage', words.tls(url, cause))
  }
  return { reason: words.connectionFailed(cause), advice: words.connectionAdvice }
}

/** What a proxy's tunnelling agent (the `tunnel` module) offers: the function it sends CONNECT with. */
interface TunnelAgent {
  request?: (options: RequestOptions) => unknown
  proxyOptions?: unknown
}

/**
 * Prepares each request the client makes: the attempt's deadline, on the request and, behind a proxy, on
 * its CONNECT (so that a proxy that never answers is let go at the deadline); certificate verification
 * on, whatever the environment says; and an IPv6 literal without its brackets, which DNS would otherwise
 * be asked for.
 */
function prepareWith(signal: AbortSignal): RequestHandler {
  return {
    prepareRequest(request: RequestOptions & { rejectUnauthorized?: boolean }) {
      request.signal = signal
      const agent = request.agent as TunnelAgent | undefined
      const connect = agent?.proxyOptions ? agent.request : undefined
      if (agent && connect) agent.request = options => connect({ ...options, signal })
      request.rejectUnauthorized = true
      if (request.host) request.host = request.host.replace(/^\[(.*)\]$/, '$1')
    },
    canHandleAuthentication: () => false,
    handleAuthentication: () => Promise.reject(new Error('no authentication handler'))
  }
}

/**
 * The key goes only to a server whose certificate was verified. NODE_TLS_REJECT_UNAUTHORIZED=0 would turn
 * verification off for every connection, the proxy tunnel's included (it does not see request options),
 * so the entries (main.ts, post.ts) remove it from this process before the first request, and say so
 * (the line returned). Undefined when it was not set.
 */
export function keepTlsVerificationOn(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_TLS_REJECT_UNAUTHORIZED === undefined || env.NODE_TLS_REJECT_UNAUTHORIZED === '1') return undefined
  delete env.NODE_TLS_REJECT_UNAUTHORIZED
  return words.tlsEnvIgnored
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
      if (!message.complete) reject(new Error(words.closedEarly))
    })
  })
}
