import { afterEach, describe, expect, it } from 'vitest'
import { fetchBalance, keepTlsVerificationOn, type ClientOptions } from '../../src/io/client.js'
import { ActionError } from '../../src/logic/errors.js'
import { SAMPLE_BALANCE, startStandIn, type Reply } from '../../scripts/stand-in-api.mjs'

const KEY = 'sk-live-0123456789'
let standIn: Awaited<ReturnType<typeof startStandIn>> | undefined

afterEach(async () => {
  await standIn?.close()
  standIn = undefined
})

/** Runs fetchBalance against a stand-in that answers `replies` in turn; the waits are recorded, not slept. */
async function fetchWith(replies: Reply[], options: Partial<ClientOptions> = {}) {
  standIn = await startStandIn({ reply: replies })
  const waits: number[] = []
  const logs: string[] = []
  const result = await fetchBalance({
    baseUrl: standIn.url,
    apiKey: KEY,
    maxRetries: 3,
    timeoutSeconds: 5,
    userAgent: 'test-agent/1',
    sleep: async ms => void waits.push(ms),
    log: message => void logs.push(message),
    random: () => 0,
    ...options
  }).then(
    answer => ({ balance: answer.balance, rateLimit: answer.rateLimit, error: undefined }),
    (error: unknown) => ({ balance: undefined, rateLimit: undefined, error: error as ActionError })
  )
  return { ...result, waits, logs, requests: standIn.requests }
}

const ok: Reply = { body: SAMPLE_BALANCE }

describe('fetchBalance', () => {
  it('sends one GET with the key, Accept and User-Agent', async () => {
    const { balance, requests } = await fetchWith([ok])
    expect(balance?.values.total).toBe(75)
    expect(requests).toHaveLength(1)
    expect(requests[0]).toMatchObject({ method: 'GET', path: '/v1/account/credits' })
    expect(requests[0].headers).toMatchObject({
      'x-api-key': KEY,
      accept: 'application/json',
      'user-agent': 'test-agent/1'
    })
  })

  it('retries 5xx, 408 and network-level failures with doubling backoff, then succeeds', async () => {
    const { balance, waits, logs, requests } = await fetchWith([
      { status: 503 },
      { status: 408 },
      { status: 502, body: { detail: 'bad gateway' } },
      ok
    ])
    expect(balance?.values.total).toBe(75)
    expect(requests).toHaveLength(4)
    expect(waits).toEqual([1000, 2000, 4000])
    expect(logs[2]).toMatch(/Attempt 3 of 4 failed: HTTP 502: bad gateway\. Retrying in 4 s/)
  })

  it('honours Retry-After and retry-after-ms on 429', async () => {
    const { balance, waits } = await fetchWith([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after-ms': '250' } },
      ok
    ])
    expect(balance).toBeDefined()
    expect(waits).toEqual([3000, 2000]) // 250 ms is under the backoff's 2 s for a second retry
  })

  it('waits until X-RateLimit-Reset on a 429 that has no Retry-After', async () => {
    const now = Date.parse('2026-11-25T06:00:00Z')
    const reset = String(now / 1000 + 7)
    const { balance, waits } = await fetchWith([{ status: 429, headers: { 'x-ratelimit-reset': reset } }, ok], {
      now: () => now
    })
    expect(balance).toBeDefined()
    expect(waits).toEqual([7000])
  })

  it('never retries sooner than the backoff: no storm from a zero, past or 1970 reset', async () => {
    const now = Date.parse('2026-11-25T06:00:00Z')
    const { balance, waits, requests, logs } = await fetchWith(
      [
        { status: 429, headers: { 'retry-after': '0' } },
        { status: 429, headers: { 'retry-after': 'Tue, 24 Nov 2026 06:00:00 GMT' } },
        { status: 429, headers: { 'x-ratelimit-reset': String(now / 1000 - 30) } },
        { status: 429, headers: { 'retry-after-ms': '0' } },
        { status: 429, headers: { 'x-ratelimit-reset': '60' } },
        ok
      ],
      { maxRetries: 10, now: () => now }
    )
    expect(balance).toBeDefined()
    expect(requests).toHaveLength(6)
    expect(waits).toEqual([1000, 2000, 4000, 8000, 60_000])
    expect(logs.join('\n')).not.toMatch(/Retrying in 0 s/)
  })

  it('reads a repeated rate-limit header by its first value', async () => {
    const { rateLimit } = await fetchWith([
      {
        body: SAMPLE_BALANCE,
        headers: {
          'x-ratelimit-tier': ['free', 'premium'],
          'x-ratelimit-remaining-minute': ['94', '1994']
        } as unknown as Record<string, string>
      }
    ])
    expect(rateLimit).toMatchObject({ tier: 'free', remainingMinute: 94 })
  })

  it('reads the rate limits the answer reports', async () => {
    const { rateLimit } = await fetchWith([
      {
        body: SAMPLE_BALANCE,
        headers: {
          'x-ratelimit-tier': 'free',
          'x-ratelimit-remaining-minute': '94',
          'x-ratelimit-limit-minute': '100',
          'x-ratelimit-remaining-day': 'many',
          'x-ratelimit-limit-day': '1200'
        }
      }
    ])
    expect(rateLimit).toMatchObject({ tier: 'free', remainingMinute: 94, limitMinute: 100, limitDay: 1200 })
    expect(rateLimit?.remainingDay).toBeUndefined()
  })

  it('stops at once when the API asks for a wait longer than the cap', async () => {
    const { error, requests, waits } = await fetchWith([
      { status: 429, headers: { 'retry-after': '3600' }, body: { detail: 'hourly limit' } }
    ])
    expect(requests).toHaveLength(1)
    expect(waits).toEqual([])
    expect(error?.kind).toBe('outage')
    expect(error?.message).toMatch(/HTTP 429: hourly limit.*wait 3600 s/)
  })

  it('gives up after max-retries with the last failure and what to do', async () => {
    const { error, requests } = await fetchWith([{ status: 503, body: { detail: 'maintenance' } }], { maxRetries: 2 })
    expect(requests).toHaveLength(3)
    expect(error?.kind).toBe('outage')
    expect(error?.message).toMatch(/HTTP 503: maintenance \(3 attempts\)\. .*try again later/)
  })

  it.each([401, 403])('fails at once on %i: the key was rejected', async status => {
    const { error, requests } = await fetchWith([{ status, body: { detail: 'Invalid API key' } }])
    expect(requests).toHaveLength(1)
    expect(error?.kind).toBe('rejected')
    expect(error?.message).toMatch(
      new RegExp(`rejected the API key \\(HTTP ${status}: Invalid API key\\).*\`api-key\``)
    )
  })

  it('fails at once on another 4xx with the status and the detail', async () => {
    const { error, requests } = await fetchWith([{ status: 404, body: { detail: 'Not Found' } }])
    expect(requests).toHaveLength(1)
    expect(error?.kind).toBe('request')
    expect(error?.message).toMatch(/HTTP 404: Not Found.*`base-url`/)
  })

  it('never repeats the key, even when the API echoes it', async () => {
    const { error } = await fetchWith([{ status: 401, body: { detail: `key ${KEY} is not valid` } }])
    expect(error?.message).not.toContain(KEY)
    expect(error?.message).toContain('key *** is not valid')
  })

  it('redacts before it clips: no fragment of a key echoed near the clip point', async () => {
    const { error } = await fetchWith([{ body: `<p>${'x'.repeat(50)}${KEY}</p>` }])
    expect(error?.message).toMatch(/not JSON/)
    for (let i = 0; i + 8 <= KEY.length; i++) expect(error?.message).not.toContain(KEY.slice(i, i + 8))
  })

  it('does not follow a redirect, so the key goes nowhere else', async () => {
    const { error, requests } = await fetchWith([{ status: 302, headers: { location: 'http://127.0.0.2:1/steal' } }])
    expect(requests).toHaveLength(1)
    expect(error?.kind).toBe('request')
    expect(error?.message).toMatch(/redirect \(HTTP 302 to http:\/\/127\.0\.0\.2:1\/steal\)/)
  })

  it('fails a 200 that is not a balance without retrying, naming the field', async () => {
    const { error, requests } = await fetchWith([{ body: { credit: 1, free_credit: 0, referral_credits: 0 } }])
    expect(requests).toHaveLength(1)
    expect(error?.kind).toBe('outage')
    expect(error?.message).toMatch(/not a credit balance: the field "total_credits" is missing/)
  })

  it('caps the body it reads', async () => {
    const { error } = await fetchWith([{ body: `{"pad":"${'x'.repeat(100_000)}"}` }])
    expect(error?.message).toMatch(/larger than 64 KiB/)
  })

  it('ends an attempt whose headers never come at the deadline, and retries it', async () => {
    // Without the deadline the first attempt would answer, after 10 s, and there would be no second.
    const { balance, requests, logs } = await fetchWith([{ delayMs: 10_000, body: SAMPLE_BALANCE }, ok], {
      timeoutSeconds: 0.3
    })
    expect(balance?.values.total).toBe(75)
    expect(requests).toHaveLength(2)
    expect(logs[0]).toMatch(/no complete answer within 0\.3 s \(timeout-seconds\)/)
  })

  it('ends an attempt whose body stalls after the headers at the deadline', async () => {
    const { error, requests } = await fetchWith([{ stallBody: true, body: SAMPLE_BALANCE }], {
      timeoutSeconds: 0.3,
      maxRetries: 1
    })
    expect(requests).toHaveLength(2)
    expect(error?.kind).toBe('outage')
    expect(error?.message).toMatch(/no complete answer within 0\.3 s \(timeout-seconds\) \(2 attempts\)/)
  })

  it('retries a refused connection and says what failed', async () => {
    standIn = await startStandIn()
    const url = standIn.url
    await standIn.close()
    standIn = undefined
    const waits: number[] = []
    const error = await fetchBalance({
      baseUrl: url,
      apiKey: KEY,
      maxRetries: 1,
      timeoutSeconds: 5,
      userAgent: 'x',
      sleep: async ms => void waits.push(ms)
    }).catch((e: unknown) => e as ActionError)
    expect(error).toBeInstanceOf(ActionError)
    expect((error as ActionError).message).toMatch(/connection failed \(.*ECONNREFUSED.*\) \(2 attempts\).*HTTPS_PROXY/)
    expect(waits).toHaveLength(1)
  })
})

describe('fetchBalance, the rarer answers', () => {
  it('names a redirect without a Location, and a detail that is not text', async () => {
    const redirect = await fetchWith([{ status: 307 }])
    expect(redirect.error?.kind).toBe('request')
    expect(redirect.error?.message).toContain('HTTP 307')
    expect(redirect.requests).toHaveLength(1)
    const structured = await fetchWith([{ status: 422, body: { detail: [{ loc: ['query'], msg: 'bad' }] } }])
    expect(structured.error?.message).toContain('[{"loc":["query"],"msg":"bad"}]')
  })

  it('waits until the rate-limit reset the clock it is given says, on a 429 without Retry-After', async () => {
    const now = Date.parse('2026-11-24T06:00:00.000Z')
    const { balance, waits } = await fetchWith(
      [{ status: 429, headers: { 'x-ratelimit-reset': String(now / 1000 + 7) } }, { body: SAMPLE_BALANCE }],
      { now: () => now }
    )
    expect(balance?.values.total).toBe(75)
    expect(waits).toEqual([7000])
  })
})

describe('keepTlsVerificationOn', () => {
  it('takes NODE_TLS_REJECT_UNAUTHORIZED=0 out of the environment, and leaves 1 or none alone', () => {
    const off: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '0' }
    expect(keepTlsVerificationOn(off)).toContain('NODE_TLS_REJECT_UNAUTHORIZED')
    expect(off).toEqual({})
    const on: NodeJS.ProcessEnv = { NODE_TLS_REJECT_UNAUTHORIZED: '1' }
    expect(keepTlsVerificationOn(on)).toBeUndefined()
    expect(on).toEqual({ NODE_TLS_REJECT_UNAUTHORIZED: '1' })
    expect(keepTlsVerificationOn({})).toBeUndefined()
  })
})
