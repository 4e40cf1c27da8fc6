// What a job costs, black-box: dist/index.js, then dist/post/index.js, as the runner runs an action with
// a post step (the main step's GITHUB_STATE handed to the post step as STATE_<name>, the same inputs to
// both), against a stand-in API whose balance changes between the two steps, as the job's work spends it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runJob, type ActionRun } from '../../scripts/run-action.mjs'
import { SAMPLE_BALANCE, balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'

const KEY = 'sk-job-5e1d0c9b7a3f'

/** A stand-in reply function: what the API answers. */
type Reply = ReturnType<typeof balanceReply>

/** The start is the API's example: 50 regular, 20 free, 5 referral, 75 in all. */
const balance = (regular: number, free: number, referral: number) =>
  JSON.stringify({
    credit: regular,
    free_credit: free,
    referral_credits: referral,
    total_credits: regular + free + referral
  })

/**
 * Runs a job: the main step against `start`, the job's work (which changes the balance to `end`), then
 * the post step. `start` and `end` are a balance text or a reply. Returns both steps and the requests the
 * stand-in got during each.
 */
async function job(
  start: string | Reply,
  end: string | Reply,
  inputs: Record<string, string> = {},
  options: { post?: Record<string, string | undefined>; env?: Record<string, string> } = {}
) {
  const asReply = (r: string | Reply): Reply => (typeof r === 'string' ? balanceReply(r) : r)
  let current = asReply(start)
  const server = await startStandIn({
    reply: request => current(request)
  })
  let atPost = 0
  try {
    const { main, post } = await runJob({
      inputs: { 'api-key': KEY, 'base-url': server.url, 'max-retries': '0', ...inputs },
      env: options.env,
      post: options.post,
      between: () => {
        current = asReply(end)
        atPost = server.requests.length
      }
    })
    return {
      main,
      post,
      mainRequests: server.requests.slice(0, atPost),
      postRequests: server.requests.slice(atPost)
    }
  } finally {
    await server.close()
  }
}

function expectNoLeak(run: ActionRun): void {
  const log = run.stdout.split('\n').filter(line => line !== `::add-mask::${KEY}`)
  for (const text of [log.join('\n'), run.stderr, run.summary ?? '']) {
    expect(text).not.toContain(KEY)
    expect(text).not.toContain(KEY.slice(3, 14))
  }
}

const outage: Reply = () => ({ status: 503, body: { detail: 'Service Unavailable' } })

describe.concurrent('what a job costs, as the runner runs the two steps', () => {
  it('reports the spend per type: a notice, a log line, the "This job" section; the same key and address twice', async () => {
    const { main, post, mainRequests, postRequests } = await job(SAMPLE_BALANCE, balance(50, 16.58, 5), {
      'measure-job': 'true'
    })
    expect(main.code).toBe(0)
    expect(Object.keys(main.state)).toEqual(['swarms_job_start'])
    expect(main.state.swarms_job_start).not.toContain(KEY)
    expect(post.code).toBe(0)
    expect(post.errors).toEqual([])
    expect(post.warnings).toEqual([])
    expect(post.notices).toEqual(['This job spent 3.42 Swarms credits: free 3.42.'])
    expect(post.stdout).toMatch(
      /^Swarms credits at the end of the job: total 71\.58, free 16\.58, regular 50, referral 5\./m
    )
    expect(post.summary).toContain('### This job')
    expect(post.summary).toContain('| Free | 20 | 16.58 | 3.42 |')
    expect(post.summary).toContain('| Regular (purchased) | 50 | 50 | 0 |')
    expect(post.summary).toContain('| Total | 75 | 71.58 | 3.42 |')
    expect(post.summary).toContain('The account is shared')
    expect(post.masked).toEqual([KEY])
    expect(mainRequests).toHaveLength(1)
    expect(postRequests).toHaveLength(1)
    for (const request of [...mainRequests, ...postRequests]) {
      expect(request.path).toBe('/v1/account/credits')
      expect(request.headers['x-api-key']).toBe(KEY)
    }
    expectNoLeak(post)
  })

  it('counts a top-up during the job as a top-up, not as negative spend', async () => {
    const { post } = await job(SAMPLE_BALANCE, balance(150, 16.58, 5), { 'measure-job': 'true' })
    expect(post.code).toBe(0)
    expect(post.notices).toHaveLength(1)
    expect(post.notices[0]).toMatch(/^This job spent 3\.42 Swarms credits: free 3\.42; regular rose by 100 /)
    expect(post.summary).toContain('| Regular (purchased) | 50 | 150 | 0 (rose by 100: a top-up) |')
    expect(post.summary).toContain('| Total | 75 | 171.58 | 3.42 |')
    expect(post.summary).toMatch(/topped up/)
  })

  it('passes a spend equal to max-job-spend, and fails one above it with one error naming both', async () => {
    const end = balance(50, 16.58, 5)
    const equal = await job(SAMPLE_BALANCE, end, { 'max-job-spend': '3.42' })
    expect(equal.post.code).toBe(0)
    expect(equal.post.errors).toEqual([])
    expect(equal.post.summary).toMatch(/✅ At or below the limit of 3\.42/)
    const above = await job(SAMPLE_BALANCE, end, { 'max-job-spend': '3.419999' })
    expect(above.post.code).toBe(1)
    expect(above.post.errors).toHaveLength(1)
    expect(above.post.errors[0]).toMatch(/spent 3\.42 Swarms credits, above the limit of 3\.419999 \(max-job-spend\)/)
    expect(above.post.stdout + above.post.stderr).not.toMatch(/^\s+at /m)
    expect(above.post.summary).toMatch(/❌ Above the limit of 3\.419999/)
    // The main step does not fail on a limit the job has not spent yet.
    expect(above.main.code).toBe(0)
  })

  it('follows fail-on-api-error when the end reading fails', async () => {
    const failing = await job(SAMPLE_BALANCE, outage, { 'max-job-spend': '10' })
    expect(failing.post.code).toBe(1)
    expect(failing.post.errors).toHaveLength(1)
    expect(failing.post.errors[0]).toMatch(
      /^At the end of the job: .*HTTP 503.*limit of 10 \(max-job-spend\) could not be checked/
    )
    expect(failing.postRequests).toHaveLength(1)
    const tolerated = await job(SAMPLE_BALANCE, outage, { 'max-job-spend': '10', 'fail-on-api-error': 'false' })
    expect(tolerated.post.code).toBe(0)
    expect(tolerated.post.errors).toEqual([])
    expect(tolerated.post.warnings).toHaveLength(1)
    expect(tolerated.post.warnings[0]).toMatch(/HTTP 503.*not known/)
    expect(tolerated.post.notices).toEqual([])
  })

  it('has nothing to measure when the main step failed, and says so without a request', async () => {
    const down = await job(outage, SAMPLE_BALANCE, { 'measure-job': 'true' })
    expect(down.main.code).toBe(1)
    expect(down.main.state).toEqual({ swarms_job_start: 'none' })
    expect(down.post.code).toBe(0)
    expect(down.post.stdout).toMatch(/^Nothing to measure: the main step read no balance/m)
    expect(down.post.errors).toEqual([])
    expect(down.post.warnings).toEqual([])
    expect(down.postRequests).toHaveLength(0)
    const invalid = await job(SAMPLE_BALANCE, SAMPLE_BALANCE, { 'max-job-spend': 'ten' })
    expect(invalid.main.code).toBe(1)
    expect(invalid.main.errors[0]).toMatch(/`max-job-spend` is "ten"/)
    expect(invalid.mainRequests).toHaveLength(0)
    expect(invalid.post.code).toBe(0)
    expect(invalid.post.stdout).toMatch(/Nothing to measure: the inputs are invalid/)
    expect(invalid.postRequests).toHaveLength(0)
  })

  it('makes no second request when the job does not measure, and its post step writes nothing', async () => {
    const { main, post, mainRequests, postRequests } = await job(SAMPLE_BALANCE, balance(50, 16.58, 5), {
      'measure-job': 'false',
      'max-job-spend': ''
    })
    expect(main.code).toBe(0)
    expect(main.state).toEqual({})
    expect(mainRequests).toHaveLength(1)
    expect(post.code).toBe(0)
    expect(post.stdout).toBe('')
    expect(post.stderr).toBe('')
    expect(post.summary).toBeUndefined()
    expect(postRequests).toHaveLength(0)
  })

  it('warns and measures nothing when the state is missing or not what the main step wrote', async () => {
    for (const state of [undefined, 'v1 0 75000000 20000000 50000000', `v1 1 ${KEY} 1 1 1`]) {
      const { post, postRequests } = await job(
        SAMPLE_BALANCE,
        SAMPLE_BALANCE,
        { 'measure-job': 'true' },
        {
          post: { STATE_swarms_job_start: state }
        }
      )
      expect(post.code).toBe(0)
      expect(post.warnings).toHaveLength(1)
      expect(post.warnings[0]).toMatch(state === undefined ? /is missing/ : /not in the form the action writes/)
      expect(post.notices).toEqual([])
      expect(postRequests).toHaveLength(0)
      expectNoLeak(post)
    }
  })

  it('redacts the key an API echoes in the post step', async () => {
    const echo: Reply = () => ({ status: 500, body: { detail: `internal error for key ${KEY} (${KEY.slice(2, 12)})` } })
    for (const failOnApiError of ['true', 'false']) {
      const { post } = await job(SAMPLE_BALANCE, echo, { 'measure-job': 'true', 'fail-on-api-error': failOnApiError })
      expect([...post.errors, ...post.warnings].join('\n')).toContain('***')
      expectNoLeak(post)
    }
  })

  it('records the end reading in the history, and the duration is the time between the two readings', async () => {
    const workspace = mkdtempSync(join(tmpdir(), 'swarms-job-'))
    try {
      const { post } = await job(
        SAMPLE_BALANCE,
        balance(50, 16.58, 5),
        { 'measure-job': 'true', 'history-file': 'history.jsonl' },
        { env: { GITHUB_WORKSPACE: workspace } }
      )
      expect(post.code).toBe(0)
      const lines = readFileSync(join(workspace, 'history.jsonl'), 'utf8')
        .trim()
        .split('\n')
        .map(line => JSON.parse(line) as { at: string; total_credits: number })
      expect(lines.map(l => l.total_credits)).toEqual([75, 71.58])
      const [start, end] = lines.map(l => Date.parse(l.at))
      const seconds = Math.floor((end - start) / 1000)
      expect(post.summary).toContain(`in ${seconds} s (from ${lines[0].at.slice(0, 19).replace('T', ' ')} UTC`)
    } finally {
      rmSync(workspace, { recursive: true, force: true })
    }
  })
})
