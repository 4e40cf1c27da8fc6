// run() then runPost() in process, with time given to each and the state handed from one to the other
// as the runner does, against a loopback stand-in whose balance changes between them.
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
})
