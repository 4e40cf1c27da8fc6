// Self-hosted runners behind a proxy: the built action, through a real HTTP CONNECT proxy started here,
// to the stand-in API served over HTTPS under a non-loopback name, api.swarms.test, which only the
// proxy can resolve (to 127.0.0.1). The stand-in's self-signed certificate is trusted the way a
// corporate CA is: with NODE_EXTRA_CA_CERTS.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import { connect, createServer as createTcpServer, type AddressInfo, type Socket } from 'node:net'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runAction } from '../../scripts/run-action.mjs'
import { startStandIn } from '../../scripts/stand-in-api.mjs'

const HOST = 'api.swarms.test'
const KEY = 'sk-proxy-test-5d1e'
const PROXY_PASSWORD = 'pr0xy-s3cret'
const certFile = fileURLToPath(new URL('../fixtures/tls/api.swarms.test.crt', import.meta.url))
const keyFile = fileURLToPath(new URL('../fixtures/tls/api.swarms.test.key', import.meta.url))

interface Connect {
  target: string
  headers: IncomingHttpHeaders
}

/** A CONNECT proxy that resolves api.swarms.test to the stand-in and refuses every other target. */
async function startProxy(apiPort: number) {
  const connects: Connect[] = []
  const sockets = new Set<Socket>()
  const server = createServer((_req, res) => res.writeHead(405).end())
  server.on('connect', (req, client: Socket) => {
    connects.push({ target: req.url ?? '', headers: req.headers })
    if (req.url !== `${HOST}:443`) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n')
      return
    }
    const upstream = connect(apiPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n')
      upstream.pipe(client)
      client.pipe(upstream)
    })
    for (const socket of [client, upstream]) {
      sockets.add(socket)
      socket.on('error', () => socket.destroy())
      socket.on('close', () => sockets.delete(socket))
    }
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connects,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

describe('behind an HTTPS proxy', () => {
  let api: Awaited<ReturnType<typeof startStandIn>>
  let proxy: Awaited<ReturnType<typeof startProxy>>

  beforeAll(async () => {
    api = await startStandIn({ tls: { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8') } })
    proxy = await startProxy(api.port)
  })
  afterAll(async () => {
    await proxy?.close()
    await api?.close()
  })

  const proxyUrl = () => proxy.url.replace('http://', `http://runner:${PROXY_PASSWORD}@`)
  const inputs = { 'api-key': KEY, 'base-url': `https://${HOST}`, 'max-retries': '0', 'timeout-seconds': '10' }

  it('reads the balance through the proxy, sending its credentials and logging neither them nor the key', async () => {
    const before = { connects: proxy.connects.length, requests: api.requests.length }
    const result = await runAction({ inputs, env: { HTTPS_PROXY: proxyUrl(), NODE_EXTRA_CA_CERTS: certFile } })
    expect(result.errors).toEqual([])
    expect(result.code).toBe(0)
    expect(result.outputs['total-credits']).toBe('75.0')
    const connects = proxy.connects.slice(before.connects)
    expect(connects.map(c => c.target)).toEqual([`${HOST}:443`])
    expect(connects[0].headers['proxy-authorization']).toBe(
      `Basic ${Buffer.from(`runner:${PROXY_PASSWORD}`).toString('base64')}`
    )
    expect(api.requests.slice(before.requests).map(r => [r.path, r.headers['x-api-key'], r.headers.host])).toEqual([
      ['/v1/account/credits', KEY, HOST]
    ])
    const visible = result.stdout.replace(`::add-mask::${KEY}`, '') + result.stderr + (result.summary ?? '')
    expect(visible).not.toContain(PROXY_PASSWORD)
    expect(visible).not.toContain(KEY)
    expect(result.stderr).not.toMatch(/DeprecationWarning|DEP0005/)
  })

  it('goes direct for a host in NO_PROXY', async () => {
    const before = proxy.connects.length
    const result = await runAction({
      inputs,
      env: { HTTPS_PROXY: proxyUrl(), NO_PROXY: `localhost,.swarms.test`, NODE_EXTRA_CA_CERTS: certFile }
    })
    expect(proxy.connects.length).toBe(before)
    // Direct, api.swarms.test does not resolve: the attempt fails at DNS, not at the proxy.
    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(/connection failed \(.*(ENOTFOUND|EAI_AGAIN).*api\.swarms\.test/)
  })

  it('fails with a clear TLS error on a certificate it does not trust, without retrying', async () => {
    const before = proxy.connects.length
    const result = await runAction({ inputs: { ...inputs, 'max-retries': '3' }, env: { HTTPS_PROXY: proxyUrl() } })
    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toMatch(
      /^TLS error talking to https:\/\/api\.swarms\.test\/v1\/account\/credits: .*self-signed certificate.*NODE_EXTRA_CA_CERTS/
    )
    expect(proxy.connects.length - before).toBe(1)
    expect(result.outputs).toEqual({})
  })
})

/** A proxy that accepts each connection (one per CONNECT attempt), reads what it is sent, and never answers. */
async function startSilentProxy() {
  const sockets = new Set<Socket>()
  const received: string[] = []
  const server = createTcpServer(socket => {
    sockets.add(socket)
    const index = received.push('') - 1
    socket.on('data', chunk => void (received[index] += String(chunk)))
    socket.on('error', () => socket.destroy())
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () =>
      new Promise<void>(resolve => {
        for (const socket of sockets) socket.destroy()
        server.close(() => resolve())
      })
  }
}

describe('behind a proxy that never answers CONNECT', () => {
  // Generous for a loaded machine; the action should end after 2 attempts of 1 s and a 1–2 s backoff.
  it('ends each attempt at timeout-seconds, retries, and fails with the timeout', { timeout: 90_000 }, async () => {
    const proxy = await startSilentProxy()
    try {
      const result = await runAction({
        inputs: { 'api-key': KEY, 'base-url': `https://${HOST}`, 'max-retries': '1', 'timeout-seconds': '1' },
        env: { HTTPS_PROXY: proxy.url },
        killAfterMs: 80_000
      })
      expect(result.code).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toMatch(/no complete answer within 1 s \(timeout-seconds\) \(2 attempts\)/)
      // One connection per attempt (max-retries + 1), each a CONNECT to the API (when it got that far).
      expect(proxy.received).toHaveLength(2)
      for (const sent of proxy.received.filter(Boolean)) expect(sent).toMatch(new RegExp(`^CONNECT ${HOST}:443 `))
    } finally {
      await proxy.close()
    }
  })
})
