// Black-box tests: the built dist/index.js, run under Node 24 as the runner runs it, against a
// loopback stand-in for the Swarms API. They assert what a user sees: the exit code, the outputs,
// the annotations, the job summary, and the requests the API received.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { runAction, type ActionRun } from '../../scripts/run-action.mjs'
import { SAMPLE_BALANCE, balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'
import { atTime } from '../support/clock.js'

const KEY = 'sk-test-7f3a9c21e0b4'
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
  name: string
  version: string
}

type Server = Awaited<ReturnType<typeof startStandIn>>

/** Starts a stand-in answering `reply`, runs the action against it with the key and `inputs`, stops it. */
async function run(
  reply: NonNullable<Parameters<typeof startStandIn>[0]>['reply'],
  inputs: Record<string, string> = {},
  options: { env?: Record<string, string>; summary?: boolean; key?: boolean; now?: number } = {}
): Promise<ActionRun & { requests: Server['requests'] }> {
  const server = await startStandIn({ reply })
  try {
    const result = await runAction({
      inputs: { ...(options.key === false ? {} : { 'api-key': KEY }), 'base-url': server.url, ...inputs },
      env: options.env,
      summary: options.summary,
      ...(options.now === undefined ? {} : atTime(options.now, options.env))
    })
    return { ...result, requests: server.requests }
  } finally {
    await server.close()
  }
}

/** The key shows nowhere a user can read it, except in the ::add-mask:: command that hides it. */
function expectNoLeak(result: ActionRun, key = KEY): void {
  const log = result.stdout.split('\n').filter(line => line !== `::add-mask::${key}`)
  expect(log.join('\n')).not.toContain(key)
  expect(result.stderr).not.toContain(key)
  expect(JSON.stringify(result.outputs)).not.toContain(key)
  expect(result.summary ?? '').not.toContain(key)
}

/** Failed as a user should see it: exit 1, one ::error:: line, no stack trace. */
function expectOneError(result: ActionRun, message: RegExp): void {
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).toMatch(message)
  expect(result.errors[0]).not.toContain('\n')
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m)
}

const BALANCE_OUTPUTS = [
  'total-credits',
  'regular-credits',
  'free-credits',
  'referral-credits',
  'below-minimum',
  'next-credit-type',
  'billable',
  'balance-json',
  'rate-limit-tier',
  'requests-remaining-minute',
  'requests-remaining-day'
]

describe.concurrent('the action, as the runner runs it', () => {
  it('reads the balance into outputs and the summary, with one well-formed request', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': '10' })
    expect(result.code).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.outputs).toEqual({
      'total-credits': '75.0',
      'regular-credits': '50.0',
      'free-credits': '20.0',
      'referral-credits': '5.0',
      'below-minimum': 'false',
      'next-credit-type': 'free',
      billable: 'true',
      'balance-json': SAMPLE_BALANCE,
      'rate-limit-tier': 'free',
      'requests-remaining-minute': '94',
      'requests-remaining-day': '1047'
    })
    expect(result.summary).toContain('| Total | 75.0 | gated |')
    expect(result.summary).toContain('Free tier: 94 of 100 requests left this minute, 1,047 of 1,200 today.')
    expect(result.summary).toContain('✅ 75.0 total credits, at or above the minimum of 10')
    expect(result.requests).toHaveLength(1)
    expect(result.requests[0]).toMatchObject({ method: 'GET', path: '/v1/account/credits' })
    expect(result.requests[0].headers).toMatchObject({
      'x-api-key': KEY,
      accept: 'application/json',
      'user-agent': `${pkg.name}/${pkg.version}`
    })
  })

  it('masks the key before anything else is logged', async () => {
    const result = await run(balanceReply())
    expect(result.stdout.split('\n')[0]).toBe(`::add-mask::${KEY}`)
    expect(result.masked).toEqual([KEY])
    expectNoLeak(result)
  })

  it('fails below the minimum, naming balance and minimum, and still sets the outputs', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': '75.5' })
    expectOneError(result, /total credits are 75\.0, below the minimum of 75\.5 \(minimum-credits\)/)
    expect(Object.keys(result.outputs).sort()).toEqual([...BALANCE_OUTPUTS].sort())
    expect(result.outputs['below-minimum']).toBe('true')
    expect(result.summary).toContain('❌ 75.0 total credits, below the minimum of 75.5')
  })

  it('passes a balance equal to the minimum', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': '75' })
    expect(result.code).toBe(0)
    expect(result.outputs['below-minimum']).toBe('false')
  })

  it('gates the chosen credit type', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': '21', 'credit-type': 'free' })
    expectOneError(result, /free credits are 20\.0, below the minimum of 21/)
    expect(result.summary).toContain('| Free | 20.0 | gated, next charge |')
  })

  it('warns below warning-credits without failing', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': '10', 'warning-credits': '100' })
    expect(result.code).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(
      /total credits are 75\.0, below the warning threshold of 100 \(warning-credits\)/
    )
  })

  it('keeps numeric strings and unknown fields as the API sent them; zero is a balance', async () => {
    const body = '{"credit":"0.00","free_credit":0,"referral_credits":0,"total_credits":"0.00","currency":"USD"}'
    const result = await run(balanceReply(body))
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({
      'total-credits': '0.00',
      'regular-credits': '0.00',
      'next-credit-type': 'none',
      'balance-json': body
    })
  })

  it('takes the key from SWARMS_API_KEY when the input is empty, and masks it', async () => {
    const result = await run(balanceReply(), {}, { key: false, env: { SWARMS_API_KEY: 'sk-from-env-1234' } })
    expect(result.code).toBe(0)
    expect(result.requests[0].headers['x-api-key']).toBe('sk-from-env-1234')
    expect(result.masked).toEqual(['sk-from-env-1234'])
    expectNoLeak(result, 'sk-from-env-1234')
  })

  it('without any key, fails before any request, naming both places', async () => {
    const result = await run(balanceReply(), {}, { key: false })
    expectOneError(result, /`api-key`.*SWARMS_API_KEY/)
    expect(result.requests).toHaveLength(0)
  })

  // Which inputs are rejected, and how each is named, is the input unit tests' business; this checks
  // what a user sees of any one of them.
  it('rejects an invalid input before any request, with one error and no outputs or summary', async () => {
    const result = await run(balanceReply(), { 'credit-type': 'bonus' })
    expectOneError(result, /`credit-type` is "bonus"/)
    expect(result.requests).toHaveLength(0)
    expect(result.outputs).toEqual({})
    expect(result.summary).toBeUndefined()
  })

  it('warns once at the billable floor, with billable false, and says it in the summary', async () => {
    const result = await run(balanceReply('{"credit":1.0,"free_credit":0,"referral_credits":0,"total_credits":1.0}'))
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/refuses billable requests \(HTTP 402\) at or below 1\.00 total credits/)
    expect(result.outputs).toMatchObject({ billable: 'false', 'next-credit-type': 'regular' })
    expect(result.summary).toMatch(/refuses billable requests \(HTTP 402\)/)
    const failing = await run(balanceReply('{"credit":0.5,"free_credit":0,"referral_credits":0,"total_credits":0.5}'), {
      'minimum-credits': '5'
    })
    expectOneError(failing, /below the minimum of 5 .*HTTP 402/)
    expect(failing.warnings).toEqual([])
  })

  it('waits for X-RateLimit-Reset on a 429 without Retry-After', async () => {
    // The action's clock stands at NOW; the reset is 3 s later, beyond the first backoff (1–2 s), so the
    // wait is exactly 3 s.
    const now = Date.parse('2026-11-24T06:00:00.000Z')
    const result = await run(
      (_request, index) =>
        index === 0
          ? { status: 429, headers: { 'x-ratelimit-reset': String(now / 1000 + 3) } }
          : balanceReply()(_request),
      {},
      { now }
    )
    expect(result.code).toBe(0)
    expect(result.requests).toHaveLength(2)
    expect(result.stdout).toMatch(/Attempt 1 of 4 failed: HTTP 429\. Retrying in 3 s\./)
    expect(result.requests[1].at - result.requests[0].at).toBeGreaterThanOrEqual(2950)
  })

  it('fails at once when the key is rejected, without repeating it even when the API echoes it', async () => {
    const result = await run([{ status: 401, body: { detail: `Invalid API key: ${KEY}` } }], {
      'fail-on-api-error': 'false'
    })
    expectOneError(result, /rejected the API key \(HTTP 401: Invalid API key: \*\*\*\)/)
    expect(result.requests).toHaveLength(1)
    expect(result.outputs).toEqual({})
    expectNoLeak(result)
  })

  it('retries a persistent 503 with backoff and fails after max-retries 2', async () => {
    const result = await run([{ status: 503, body: { detail: 'Service Unavailable' } }], { 'max-retries': '2' })
    expectOneError(result, /HTTP 503: Service Unavailable \(3 attempts\)/)
    expect(result.requests).toHaveLength(3)
    const gaps = result.requests.slice(1).map((request, i) => request.at - result.requests[i].at)
    expect(gaps[0]).toBeGreaterThanOrEqual(450) // ~1 s jittered down by at most half
    expect(gaps[1]).toBeGreaterThanOrEqual(950) // ~2 s jittered down by at most half
    expect(result.outputs).toEqual({})
    expect(result.summary).toMatch(/balance was not read: the job fails/)
  })

  it('turns an outage into a warning and success with fail-on-api-error: false, setting no balance', async () => {
    const result = await run([{ status: 500 }], { 'fail-on-api-error': 'false', 'max-retries': '0' })
    expect(result.code).toBe(0)
    expect(result.errors).toEqual([])
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/HTTP 500 \(1 attempt\).*fail-on-api-error is false/)
    expect(result.outputs).toEqual({})
    expect(result.summary).toMatch(/balance was not read; the job goes on/)
  })

  it('waits as long as Retry-After asks on a 429, then reads the balance', async () => {
    const result = await run([
      { status: 429, headers: { 'retry-after': '1' }, body: { detail: 'Too Many Requests' } },
      { body: SAMPLE_BALANCE }
    ])
    expect(result.code).toBe(0)
    expect(result.outputs['total-credits']).toBe('75.0')
    expect(result.requests).toHaveLength(2)
    expect(result.requests[1].at - result.requests[0].at).toBeGreaterThanOrEqual(950)
  })

  it('fails on an HTML page, saying what came back', async () => {
    const result = await run([
      { body: '<!DOCTYPE html><html><body>Sign in</body></html>', headers: { 'content-type': 'text/html' } }
    ])
    expectOneError(result, /not a credit balance: the body is not JSON \(it starts with "<!DOCTYPE html>/)
    expect(result.requests).toHaveLength(1)
  })

  it('fails on a balance with a missing field, naming it', async () => {
    const result = await run([{ body: { credit: 1, free_credit: 2, total_credits: 3 } }])
    expectOneError(result, /the field "referral_credits" is missing/)
  })

  it('does not hang on a server that sends headers and then stalls', async () => {
    const result = await run([{ stallBody: true, body: SAMPLE_BALANCE }], {
      'timeout-seconds': '1',
      'max-retries': '0'
    })
    expectOneError(result, /no complete answer within 1 s \(timeout-seconds\)/)
    expect(result.requests).toHaveLength(1)
  })

  it('runs without GITHUB_STEP_SUMMARY, and writes none with summary: false', async () => {
    const unset = await run(balanceReply(), {}, { summary: false })
    expect(unset.code).toBe(0)
    expect(unset.errors.concat(unset.warnings)).toEqual([])
    const off = await run(balanceReply(), { summary: 'false' })
    expect(off.code).toBe(0)
    expect(off.summary).toBeUndefined()
    expect(off.outputs['total-credits']).toBe('75.0')
  })

  it('accepts a base-url with a trailing slash', async () => {
    const server = await startStandIn()
    try {
      const result = await runAction({ inputs: { 'api-key': KEY, 'base-url': `${server.url}/` } })
      expect(result.code).toBe(0)
      expect(server.requests.map(r => r.path)).toEqual(['/v1/account/credits'])
    } finally {
      await server.close()
    }
  })
})
