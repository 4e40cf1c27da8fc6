// run() then runPost() in process, with time given to each and the state handed from one to the other
// as the runner does, against a loopback stand-in whose balance changes between them.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'
import type { Sink } from '../../src/io/toolkit.js'
import { inputVariable } from '../../src/logic/api.js'
import { run } from '../../src/main.js'
import { STATE_VARIABLE, runPost } from '../../src/post.js'

const KEY = 'sk-post-0123456789'
const START = Date.parse('2026-11-24T06:00:00.000Z')
let server: Awaited<ReturnType<typeof startStandIn>> | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

function recorder() {
  const seen = { log: [] as string[], warnings: [] as string[], notices: [] as string[], errors: [] as string[] }
  const state: Record<string, string> = {}
  let summary = ''
  const sink: Sink = {
    mask: () => undefined,
    info: line => void seen.log.push(line),
    warning: message => void seen.warnings.push(message),
    notice: message => void seen.notices.push(message),
    fail: message => void seen.errors.push(message),
    setOutput: () => undefined,
    appendSummary: markdown => {
      summary += markdown
      return true
    },
    saveState: (name, value) => void (state[name] = value)
  }
  return { sink, seen, state, summary: () => summary }
}

/** The main step at START, the post step `afterMs` later, the balance falling from `start` to `end`. */
async function measure(start: string, end: string, afterMs: number, inputs: Record<string, string>) {
  let balance = start
  server = await startStandIn({ reply: request => balanceReply(balance)(request) })
  const env: Record<string, string> = { 'INPUT_API-KEY': KEY, 'INPUT_BASE-URL': server.url }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  const main = recorder()
  await run({ env, now: START, sink: main.sink })
  balance = end
  const post = recorder()
  const stateEnv = Object.fromEntries(Object.entries(main.state).map(([name, value]) => [`STATE_${name}`, value]))
  await runPost({ env: { ...env, ...stateEnv }, now: START + afterMs, sink: post.sink })
  return { main, post, requests: server.requests.length, stateEnv }
}

describe('runPost', () => {
  it('measures from the start reading the main step left to the end reading, over the times given', async () => {
    const { post, stateEnv } = await measure(
      '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}',
      '{"credit": 49.5, "free_credit": 0, "referral_credits": 5.0, "total_credits": 54.5}',
      4 * 60_000 + 12_000,
      { 'max-job-spend': '20.5' }
    )
    expect(Object.keys(stateEnv)).toEqual([STATE_VARIABLE])
    expect(post.seen.errors).toEqual([])
    expect(post.seen.notices).toEqual(['This job spent 20.5 Swarms credits: free 20, regular 0.5.'])
    expect(post.seen.log).toEqual([
      'Swarms credits at the end of the job: total 54.5, free 0, regular 49.5, referral 5. This job spent 20.5 in 4 min 12 s: free 20, regular 0.5.'
    ])
    expect(post.summary()).toContain('in 4 min 12 s (from 2026-11-24 06:00:00 UTC to 2026-11-24 06:04:12 UTC)')
    expect(post.summary()).toContain('✅ At or below the limit of 20.5 credits')
  })

  it('measures a job whose main step read the balance and then failed its gate', async () => {
    const { main, post } = await measure(
      '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}',
      '{"credit": 50.0, "free_credit": 19.0, "referral_credits": 5.0, "total_credits": 74.0}',
      1_000,
      { 'measure-job': 'true', 'minimum-credits': '100' }
    )
    expect(main.seen.errors).toEqual([expect.stringMatching(/below the minimum of 100/)])
    expect(post.seen.notices).toEqual(['This job spent 1 Swarms credit: free 1.'])
  })

  it('fails above the limit, with the spend and the limit in one error', async () => {
    const { post } = await measure(
      '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}',
      '{"credit": 49.5, "free_credit": 0, "referral_credits": 5.0, "total_credits": 54.5}',
      1_000,
      { 'max-job-spend': '20.499999' }
    )
    expect(post.seen.errors).toHaveLength(1)
    expect(post.seen.errors[0]).toMatch(/spent 20\.5 Swarms credits, above the limit of 20\.499999/)
    expect(post.seen.notices).toEqual([])
  })

  it('does nothing at all when the job does not measure', async () => {
    const { main, post, requests } = await measure(
      '{"credit": 1, "free_credit": 0, "referral_credits": 0, "total_credits": 1}',
      '{}',
      1,
      {}
    )
    expect(main.state).toEqual({})
    expect(post.seen).toEqual({ log: [], warnings: [], notices: [], errors: [] })
    expect(requests).toBe(1)
  })

  it('says there is nothing to measure after a main step that read no balance, and asks nothing', async () => {
    server = await startStandIn({ reply: () => ({ status: 503, body: { detail: 'down' } }) })
    const env = {
      'INPUT_API-KEY': KEY,
      'INPUT_BASE-URL': server.url,
      'INPUT_MEASURE-JOB': 'true',
      'INPUT_MAX-RETRIES': '0'
    }
    const main = recorder()
    await run({ env, now: START, sink: main.sink })
    expect(main.seen.errors).toHaveLength(1)
    const post = recorder()
    await runPost({ env: { ...env, [STATE_VARIABLE]: main.state.swarms_job_start }, now: START + 1, sink: post.sink })
    expect(post.seen.log).toEqual([expect.stringMatching(/^Nothing to measure: the main step read no balance/)])
    expect(post.seen.errors).toEqual([])
    expect(server.requests).toHaveLength(1)
  })

  it('warns on a state that is missing or changed, and asks nothing', async () => {
    server = await startStandIn()
    const env = { 'INPUT_API-KEY': KEY, 'INPUT_BASE-URL': server.url, 'INPUT_MAX-JOB-SPEND': '1' }
    for (const state of [undefined, 'v1 1 2 3 4']) {
      const post = recorder()
      await runPost({ env: { ...env, [STATE_VARIABLE]: state }, now: START, sink: post.sink })
      expect(post.seen.warnings).toEqual([expect.stringMatching(state ? /not in the form/ : /is missing/)])
      expect(post.seen.errors).toEqual([])
    }
    expect(server.requests).toHaveLength(0)
  })

  it('warns on an outage at the end under fail-on-api-error: false, and fails under true', async () => {
    for (const [failOnApiError, failed] of [
      ['false', false],
      ['true', true]
    ] as const) {
      server = await startStandIn({ reply: () => ({ status: 502, body: { detail: 'bad gateway' } }) })
      const env = {
        'INPUT_API-KEY': KEY,
        'INPUT_BASE-URL': server.url,
        'INPUT_MAX-JOB-SPEND': '2',
        'INPUT_MAX-RETRIES': '0',
        'INPUT_FAIL-ON-API-ERROR': failOnApiError,
        [STATE_VARIABLE]: `v1 ${START - 60_000} 2 3 4 5`
      }
      const post = recorder()
      await runPost({ env, now: START, sink: post.sink })
      const said = failed ? post.seen.errors : post.seen.warnings
      expect(said).toEqual([
        expect.stringMatching(/^At the end of the job: .*HTTP 502.*limit of 2 \(max-job-spend\) could not be checked/)
      ])
      expect(failed ? post.seen.warnings : post.seen.errors).toEqual([])
      await server.close()
      server = undefined
    }
  })

  it('adds the end reading to the history, after the start reading', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'swarms-post-'))
    try {
      const history = join(dir, 'history.jsonl')
      await measure(
        '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}',
        '{"credit": 50.0, "free_credit": 19.0, "referral_credits": 5.0, "total_credits": 74.0}',
        60_000,
        { 'measure-job': 'true', 'history-file': history }
      )
      const lines = readFileSync(history, 'utf8')
        .trim()
        .split('\n')
        .map(line => JSON.parse(line) as { at: string; total_credits: number })
      expect(lines).toEqual([
        expect.objectContaining({ at: '2026-11-24T06:00:00.000Z', total_credits: 75 }),
        expect.objectContaining({ at: '2026-11-24T06:01:00.000Z', total_credits: 74 })
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('run with measure-job', () => {
  it('warns, and goes on, when the state file cannot be written', async () => {
    server = await startStandIn()
    const main = recorder()
    const sink: Sink = {
      ...main.sink,
      saveState: () => {
        throw new Error('EACCES: permission denied')
      }
    }
    await run({
      env: { 'INPUT_API-KEY': KEY, 'INPUT_BASE-URL': server.url, 'INPUT_MEASURE-JOB': 'true' },
      now: START,
      sink
    })
    expect(main.seen.errors).toEqual([])
    expect(main.seen.warnings).toEqual([
      expect.stringMatching(/GITHUB_STATE\) cannot be written \(EACCES.*not be measured/)
    ])
    expect(main.seen.log.some(line => line.startsWith('Swarms credits: total 75.0'))).toBe(true)
  })
})
