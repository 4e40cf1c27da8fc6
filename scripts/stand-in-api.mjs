#!/usr/bin/env node
// A local stand-in for the Swarms API's credit-balance endpoint, on loopback only.
// Used by `npm run demo`, the tests and the benchmark; run it alone with
//   node scripts/stand-in-api.mjs [--port 8787] [--balance '{"credit":1,...}']
//   node scripts/stand-in-api.mjs --port 8789 --status 503 --detail 'text'   (every answer an error)
import { createServer } from 'node:http'
import { createServer as createTlsServer } from 'node:https'
import { pathToFileURL } from 'node:url'
import { CREDITS_PATH } from '../src/logic/api.js'

export { CREDITS_PATH }

/** The API's example answer, as text: the API writes `50.0`, which JSON.stringify would not. */
export const SAMPLE_BALANCE = '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}'

/**
 * @typedef {object} Reply
 * @property {number} [status] default 200
 * @property {Record<string, string>} [headers]
 * @property {string | object} [body] an object is sent as JSON
 * @property {number} [delayMs] wait before sending the headers
 * @property {boolean} [stallBody] send the headers and part of the body, then nothing more
 */

/**
 * @typedef {object} SeenRequest
 * @property {string} method
 * @property {string} path
 * @property {Record<string, string | string[] | undefined>} headers
 * @property {number} at milliseconds since the server started
 */

/**
 * The rate-limit headers the real API sends where its limiter ran: a free-tier account part-way
 * through its minute and its day (its documented limits: 100 a minute, 1,200 a day).
 * @param {number} [resetAt] the minute window's reset, in unix seconds
 * @returns {Record<string, string>}
 */
export function rateLimitHeaders(resetAt = Math.ceil(Date.now() / 60_000) * 60) {
  return {
    'x-ratelimit-tier': 'free',
    'x-ratelimit-limit-minute': '100',
    'x-ratelimit-remaining-minute': '94',
    'x-ratelimit-limit-day': '1200',
    'x-ratelimit-remaining-day': '1047',
    'x-ratelimit-reset': String(resetAt)
  }
}

/**
 * How the real API answers: the balance for any key, with its rate-limit headers; 401 without a key
 * (before the limiter, so without them); 404 elsewhere.
 * @param {string | object} [balance] JSON text sent as it is, or an object to serialise
 */
export function balanceReply(balance = SAMPLE_BALANCE) {
  /** @param {SeenRequest} request @returns {Reply} */
  return request => {
    if (request.path !== CREDITS_PATH) return { status: 404, body: { detail: 'Not Found' } }
    if (request.method !== 'GET') return { status: 405, body: { detail: 'Method Not Allowed' } }
    if (!request.headers['x-api-key']) return { status: 401, body: { detail: 'API key is missing' } }
    const headers = rateLimitHeaders()
    return typeof balance === 'string'
      ? { body: balance, headers: { 'content-type': 'application/json', ...headers } }
      : { body: balance, headers }
  }
}

/**
 * Starts the stand-in on 127.0.0.1. `reply` answers each request; pass an array to answer the n-th
 * request with the n-th reply (the last one repeats).
 * With `tls` (a key and certificate), it serves HTTPS.
 * @param {{ reply?: ((request: SeenRequest, index: number) => Reply) | Reply[], port?: number, tls?: { key: string, cert: string } }} [options]
 */
export async function startStandIn(options = {}) {
  const { reply = balanceReply(), port = 0, tls } = options
  const started = Date.now()
  /** @type {SeenRequest[]} */
  const requests = []
  const sockets = new Set()
  /** @type {import('node:http').RequestListener} */
  const handle = (req, res) => {
    const seen = { method: req.method ?? '', path: req.url ?? '', headers: req.headers, at: Date.now() - started }
    const index = requests.push(seen) - 1
    const answer = Array.isArray(reply) ? reply[Math.min(index, reply.length - 1)] : reply(seen, index)
    req.resume()
    const send = () => {
      const { status = 200, headers = {}, body = '' } = answer
      const text = typeof body === 'string' ? body : JSON.stringify(body)
      const type = typeof body === 'string' ? 'text/plain' : 'application/json'
      res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(text), ...headers })
      if (answer.stallBody) res.write(text.slice(0, Math.floor(text.length / 2)))
      else res.end(text)
    }
    if (answer.delayMs) setTimeout(send, answer.delayMs)
    else send()
  }
  const server = tls ? createTlsServer(tls, handle) : createServer(handle)
  server.on('connection', socket => {
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve(undefined))
  })
  const address = /** @type {import('node:net').AddressInfo} */ (server.address())
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${address.port}`,
    port: address.port,
    requests,
    /** Stops at once, cutting any stalled connection. */
    close: () =>
      new Promise(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve(undefined))
      })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { parseArgs } = await import('node:util')
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8787' },
      balance: { type: 'string' },
      status: { type: 'string' },
      detail: { type: 'string', default: '' }
    }
  })
  const balance = values.balance ?? SAMPLE_BALANCE
  /** @type {Reply | undefined} */
  const error = values.status ? { status: Number(values.status), body: { detail: values.detail } } : undefined
  try {
    const standIn = await startStandIn({
      reply: error ? () => error : balanceReply(balance),
      port: Number(values.port)
    })
    console.log(
      `Swarms API stand-in listening on ${standIn.url} (GET ${CREDITS_PATH}; Ctrl-C stops it, or kill %1 when started with &)`
    )
  } catch (error) {
    const code = /** @type {NodeJS.ErrnoException} */ (error).code
    console.error(
      code === 'EADDRINUSE'
        ? `stand-in: port ${values.port} on 127.0.0.1 is in use (another stand-in?): stop it, or pass --port with another port.`
        : `stand-in: cannot listen on 127.0.0.1:${values.port}: ${error instanceof Error ? error.message : String(error)}`
    )
    process.exit(1)
  }
}
