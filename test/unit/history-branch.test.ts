// The history on a branch, in process: the store module against a real git server (git http-backend
// behind scripts/git-server.mjs on loopback), with time injected so that no test sleeps.
import { mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer } from '../../scripts/git-server.mjs'
import { HistoryReadError, parseHistory, serializeHistory } from '../../src/io/history.js'
import { recordOnBranch, type Clock } from '../../src/io/history-branch.js'
import { BOT_EMAIL, BOT_NAME } from '../../src/logic/history-branch.js'
import type { BranchTarget } from '../../src/logic/inputs.js'
import { sortReadings, type Reading } from '../../src/logic/trend.js'

const START = Date.parse('2026-11-01T00:00:00.000Z')
const reading = (i: number): Reading => ({
  at: START + i * 3_600_000,
  values: { total: 1000 - i, regular: 1000 - i, free: 0, referral: 0 }
})

let server: Awaited<ReturnType<typeof startGitServer>>
let hooks: ((request: { method: string; service: string }) => void | 'drop') | undefined
let repos = 0
const temp = mkdtempSync(join(tmpdir(), 'branch-store-'))

beforeAll(async () => {
  server = await startGitServer({ onRequest: request => hooks?.(request) })
})
afterAll(() => server.close())

/** A fresh repository on the server, and the target a run would have for it. */
function repository(token = server.token, branch = 'swarms-credit-history'): BranchTarget {
  const name = `owner/repo${++repos}`
  server.createRepo(name)
  return { branch, file: 'history.jsonl', repository: name, remote: `${server.url}/${name}.git`, token }
}

/** A clock that never waits: time moves only by what the store sleeps. */
function fakeClock(random = 0.5) {
  let now = 0
  const slept: number[] = []
  const clock: Clock = {
    now: () => now,
    sleep: async ms => {
      slept.push(ms)
      now += ms
    },
    random: () => random
  }
  return { clock, slept }
}

const options = (clock: Clock, limit = 1000) => ({
  limit,
  clock,
  env: { PATH: process.env.PATH, RUNNER_TEMP: temp }
})

function onBranch(target: BranchTarget) {
  const name = target.repository
  const text = server.git(name, ['show', `${target.branch}:${target.file}`])
  return {
    readings: parseHistory(text),
    commits: Number(server.git(name, ['rev-list', '--count', target.branch]).trim()),
    files: server.git(name, ['ls-tree', '--name-only', target.branch]).trim().split('\n'),
    author: server.git(name, ['log', '-1', '--format=%an <%ae>|%cn <%ce>', target.branch]).trim()
  }
}

describe('recordOnBranch', () => {
  it('creates the branch as an orphan holding only the history, then reads and appends to it', async () => {
    const target = repository()
    const { clock } = fakeClock()
    const first = await recordOnBranch(target, reading(0), options(clock))
    expect(first).toMatchObject({ readings: [reading(0)], pushes: 1 })
    expect(first.notSaved).toBeUndefined()
    const second = await recordOnBranch(target, reading(1), options(clock))
    expect(second.readings).toEqual([reading(0), reading(1)])
    const branch = onBranch(target)
    expect(branch).toEqual({
      readings: [reading(0), reading(1)],
      commits: 1,
      files: ['history.jsonl'],
      author: `${BOT_NAME} <${BOT_EMAIL}>|${BOT_NAME} <${BOT_EMAIL}>`
    })
    expect(readdirSync(temp)).toEqual([]) // its temporary folder is gone
  })

  it('keeps the other files of the branch, and moves a corrupt history aside on it as a new file', async () => {
    const target = repository()
    server.writeBranch(target.repository, target.branch, { 'history.jsonl': 'not json\n', 'README.md': 'hi\n' })
    const { clock } = fakeClock()
    const recorded = await recordOnBranch(target, reading(3), options(clock))
    expect(recorded.movedAside?.to).toMatch(/^history\.jsonl\.corrupt-\d{8}T\d{9}Z on the branch$/)
    const branch = onBranch(target)
    expect(branch.readings).toEqual([reading(3)])
    expect(branch.files).toHaveLength(3)
    const aside = branch.files.find(name => name.startsWith('history.jsonl.corrupt-'))!
    expect(server.git(target.repository, ['show', `${target.branch}:${aside}`])).toBe('not json\n')
    expect(server.git(target.repository, ['show', `${target.branch}:README.md`])).toBe('hi\n')
  })

  it('on a push that loses to another run (moved after the read), fetches again and keeps both readings', async () => {
    const target = repository()
    const { clock, slept } = fakeClock()
    await recordOnBranch(target, reading(0), options(clock))
    let raced = false
    // Another run's push lands between this run's fetch and its push: its lease no longer holds.
    hooks = request => {
      if (request.service !== 'receive-pack' || raced) return
      raced = true
      server.writeBranch(target.repository, target.branch, {
        'history.jsonl': serializeHistory([reading(0), reading(1)])
      })
    }
    try {
      const recorded = await recordOnBranch(target, reading(2), options(clock))
      expect(recorded.notSaved).toBeUndefined()
      expect(recorded.pushes).toBe(2)
      expect(recorded.readings).toEqual([reading(0), reading(1), reading(2)])
    } finally {
      hooks = undefined
    }
    expect(slept).toHaveLength(1)
    expect(onBranch(target)).toMatchObject({ readings: [reading(0), reading(1), reading(2)], commits: 1 })
  })

  it('keeps its reading once when a push it took for lost had landed', async () => {
    const target = repository()
    const { clock } = fakeClock()
    let dropped = false
    // The push reaches the server, then the answer is lost: the next fetch finds the reading there.
    hooks = request => {
      if (request.service !== 'receive-pack' || request.method !== 'POST' || dropped) return
      dropped = true
      server.writeBranch(target.repository, target.branch, { 'history.jsonl': serializeHistory([reading(5)]) })
      return 'drop'
    }
    try {
      // git may report the lost answer (not saved), or resend the push (its lease then fails and the
      // retry finds the reading there): either way, the reading is kept once.
      const recorded = await recordOnBranch(target, reading(5), options(clock))
      expect(recorded.readings).toEqual([reading(5)])
      expect(dropped).toBe(true)
    } finally {
      hooks = undefined
    }
    const again = await recordOnBranch(target, reading(5), options(clock))
    expect(again).toMatchObject({ readings: [reading(5)], pushes: 0 })
    expect(onBranch(target).readings).toEqual([reading(5)])
  })

  it('gives up within the deadline when other runs keep winning, with the reading not saved', async () => {
    const target = repository()
    const { clock, slept } = fakeClock(0.99)
    let other = 100
    hooks = request => {
      if (request.service === 'receive-pack' && request.method === 'GET') {
        server.writeBranch(target.repository, target.branch, {
          'history.jsonl': serializeHistory([reading(other++ - 1000)]) // older than this run's: it is added
        })
      }
    }
    try {
      const recorded = await recordOnBranch(target, reading(0), { ...options(clock), deadlineMs: 4_000 })
      expect(recorded.notSaved).toMatch(/other runs kept writing the branch: \d+ pushes lost .* 4 s deadline/)
      expect(recorded.pushes).toBe(slept.length + 1)
      expect(slept.reduce((a, b) => a + b, 0)).toBeLessThan(4_000)
      // Exponential: each wait at least the one before.
      expect(slept.every((ms, i) => i === 0 || ms >= slept[i - 1])).toBe(true)
      expect(recorded.readings).toContainEqual(reading(0))
    } finally {
      hooks = undefined
    }
  })

  it('keeps all 20 readings of 20 runs started at once', async () => {
    const target = repository()
    const runs = Array.from({ length: 20 }, (_, i) => {
      // The deadline never comes (fake time); the waits are real, only to spread the retries as the
      // backoff does: the outcome does not depend on them. Runs at once read the balance within
      // seconds of each other (readings far after the current one are a skewed clock's, and dropped).
      const { clock } = fakeClock(Math.random())
      clock.sleep = ms => new Promise(resolve => setTimeout(resolve, ms / 2))
      return recordOnBranch(target, { ...reading(0), at: START + i * 1000 }, { ...options(clock), deadlineMs: 1e12 })
    })
    const results = await Promise.all(runs)
    expect(results.map(r => r.notSaved)).toEqual(Array(20).fill(undefined))
    // They overlapped: some pushes lost and were retried.
    expect(results.reduce((sum, r) => sum + r.pushes, 0)).toBeGreaterThan(20)
    const branch = onBranch(target)
    // Appended as each run won its push, so in the order of the pushes: the same readings, each once.
    expect(sortReadings(branch.readings)).toEqual(
      Array.from({ length: 20 }, (_, i) => ({ ...reading(0), at: START + i * 1000 }))
    )
    expect(branch.commits).toBe(1)
  }, 400_000)

  // The bound is the store's rule (one parentless commit, pushed under a lease), whatever the transport:
  // these 200 runs reach the same bare repository through file://, which costs a fraction of HTTP.
  it('stays one commit and history-limit readings after 200 runs', async () => {
    const served = repository()
    const target = { ...served, remote: `file://${server.root}/${served.repository}.git` }
    const { clock } = fakeClock()
    for (let i = 0; i < 200; i++) await recordOnBranch(target, reading(i), options(clock, 50))
    const branch = onBranch(target)
    expect(branch.commits).toBe(1)
    expect(branch.files).toEqual(['history.jsonl'])
    expect(branch.readings).toEqual(Array.from({ length: 50 }, (_, i) => reading(150 + i)))
    // The server keeps no history of the branch either: one commit is reachable.
    expect(server.git(target.repository, ['rev-list', '--all']).trim().split('\n')).toHaveLength(1)
  }, 600_000)

  it('reads with a read-only token and says the reading was not saved', async () => {
    const target = repository()
    const { clock } = fakeClock()
    await recordOnBranch(target, reading(0), options(clock))
    const recorded = await recordOnBranch({ ...target, token: server.readOnlyToken }, reading(1), options(clock))
    expect(recorded.readings).toEqual([reading(0), reading(1)])
    expect(recorded.notSaved).toMatch(/may not push to .*403.*contents: write/)
    expect(onBranch(target).readings).toEqual([reading(0)])
  })

  it.each([
    ['a refused token', { token: 'ghs_not_a_known_token' }, /github-token was refused .*401/],
    ['no such repository', { remote: 'missing' }, /git fetch failed|not found/],
    ['no git on PATH', { path: '/nonexistent' }, /git is not on PATH/]
  ])('throws HistoryReadError for %s', async (_, change, message) => {
    const target = repository()
    const { clock } = fakeClock()
    const changed = {
      ...target,
      ...('token' in change ? { token: change.token } : {}),
      ...('remote' in change ? { remote: `${server.url}/owner/missing.git` } : {})
    }
    const env = { PATH: 'path' in change ? change.path : process.env.PATH, RUNNER_TEMP: temp }
    const error = await recordOnBranch(changed, reading(0), { limit: 10, clock, env }).catch(e => e)
    expect(error).toBeInstanceOf(HistoryReadError)
    expect(error.message).toMatch(message)
    expect(error.message).not.toContain(changed.token)
    expect(readdirSync(temp)).toEqual([])
  })
})
