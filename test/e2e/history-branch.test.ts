// The history on a branch, black-box: dist/index.js as the runner runs it, against the stand-in API and
// a real git server (git http-backend behind scripts/git-server.mjs, checking the token as GitHub
// does), with GITHUB_SERVER_URL and GITHUB_REPOSITORY pointing at it.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startGitServer, type GitRequest } from '../../scripts/git-server.mjs'
import { runAction } from '../../scripts/run-action.mjs'
import { balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'

const BRANCH = 'swarms-credit-history'
const FILE = 'swarms-credit-history.jsonl'
const KEY = 'sk-branch-e2e-0123456789'

let git: Awaited<ReturnType<typeof startGitServer>>
let api: Awaited<ReturnType<typeof startStandIn>>
let onRequest: ((request: GitRequest) => void | 'drop' | Promise<void>) | undefined
let repos = 0

beforeAll(async () => {
  git = await startGitServer({ onRequest: request => onRequest?.(request) })
  api = await startStandIn()
})
afterAll(async () => {
  await git.close()
  await api.close()
})

const base64 = (token: string) => Buffer.from(`x-access-token:${token}`).toString('base64')

function newRepository(): string {
  const name = `owner/e2e${++repos}`
  git.createRepo(name)
  return name
}

async function runOn(
  repository: string,
  {
    token = git.token,
    inputs = {},
    env = {}
  }: { token?: string; inputs?: Record<string, string>; env?: Record<string, string> } = {}
) {
  const temp = mkdtempSync(join(tmpdir(), 'runner-temp-'))
  const result = await runAction({
    inputs: { 'api-key': KEY, 'base-url': api.url, 'history-branch': BRANCH, 'github-token': token, ...inputs },
    env: { GITHUB_SERVER_URL: git.url, GITHUB_REPOSITORY: repository, RUNNER_TEMP: temp, ...env }
  })
  return {
    ...result,
    temp,
    // Everything the action printed but the ::add-mask:: commands, which must name the token.
    printed: [
      result.stdout.replace(/^::add-mask::.*$/gm, ''),
      result.stderr,
      result.summary ?? '',
      ...Object.values(result.outputs)
    ].join('\n')
  }
}

function history(repository: string): { at: string; total_credits: number }[] {
  return git
    .git(repository, ['show', `${BRANCH}:${FILE}`])
    .trim()
    .split('\n')
    .map(line => JSON.parse(line))
}

/** Every file under `dir`, with its content. */
function filesUnder(dir: string): { path: string; text: string }[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(name => join(dir, name))
    .filter(path => statSync(path).isFile())
    .map(path => ({ path, text: readFileSync(path, 'latin1') }))
}

/** The command lines of every process on the machine, now. */
function commandLines(): string[] {
  return readdirSync('/proc')
    .filter(name => /^\d+$/.test(name))
    .map(pid => {
      try {
        return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ')
      } catch {
        return ''
      }
    })
}

describe.runIf(process.platform === 'linux')('history-branch', () => {
  it('creates the branch on the first run, reads and appends on the second; the token shows nowhere', async () => {
    const repository = newRepository()
    const seen: string[] = []
    onRequest = () => void seen.push(...commandLines())
    let first, second
    try {
      first = await runOn(repository)
      second = await runOn(repository)
    } finally {
      onRequest = undefined
    }
    for (const run of [first, second]) {
      expect(run.code).toBe(0)
      expect(run.warnings).toEqual([])
      expect(run.masked).toContain(git.token)
      for (const secret of [git.token, base64(git.token)]) expect(run.printed).not.toContain(secret)
      expect(readdirSync(run.temp)).toEqual([]) // its temporary folder is removed
    }
    expect(first.outputs['credits-used-since-last']).toBe('')
    expect(second.outputs['credits-used-since-last']).toBe('0')
    expect(second.summary).toContain('History: 2 readings')
    expect(history(repository).map(r => r.total_credits)).toEqual([75, 75])
    expect(git.git(repository, ['rev-list', '--count', BRANCH]).trim()).toBe('1')
    expect(git.git(repository, ['ls-tree', '--name-only', BRANCH]).trim()).toBe(FILE)
    // Sampled while git ran (its remote helper was in the list), the process list never held the token.
    expect(seen.some(line => /git(-remote-http| remote-http| fetch| push)/.test(line))).toBe(true)
    for (const secret of [git.token, base64(git.token)]) expect(seen.filter(l => l.includes(secret))).toEqual([])
    // 2 git network operations a run: a fetch (3 requests once the branch exists) and a push (2).
    expect(git.requests.filter(r => r.path.startsWith(`/${repository}.git/`)).map(r => r.service)).toEqual([
      ...['upload-pack', 'upload-pack', 'receive-pack', 'receive-pack'],
      ...['upload-pack', 'upload-pack', 'upload-pack', 'receive-pack', 'receive-pack']
    ])
  })

  it('with a read-only token (a fork PR), reads the history, sets the outputs and applies the gates, with one warning', async () => {
    const repository = newRepository()
    expect((await runOn(repository)).code).toBe(0)
    const run = await runOn(repository, { token: git.readOnlyToken, inputs: { 'minimum-days-remaining': '3' } })
    expect(run.code).toBe(0)
    expect(run.warnings).toHaveLength(1)
    expect(run.warnings[0]).toMatch(/could not be written .*may not push to .*403.*contents: write/)
    expect(run.outputs['total-credits']).toBe('75.0')
    expect(run.outputs['credits-used-since-last']).toBe('0')
    expect(run.printed).not.toContain(git.readOnlyToken)
    expect(history(repository)).toHaveLength(1)
  })

  it.each([
    ['a refused token', { token: 'ghs_refusedRefusedRefused42' }, /github-token was refused .*401/],
    ['no git on PATH', { env: { PATH: '/nonexistent' } }, /git is not on PATH/]
  ])('with %s: a warning, or the failure of a gate that needs the history', async (_, options, reason) => {
    const repository = newRepository()
    const warned = await runOn(repository, options)
    expect(warned.code).toBe(0)
    expect(warned.warnings).toHaveLength(1)
    expect(warned.warnings[0]).toMatch(reason)
    expect(warned.outputs['total-credits']).toBe('75.0')
    const gated = await runOn(repository, { ...options, inputs: { 'monthly-budget': '500' } })
    expect(gated.code).toBe(1)
    expect(gated.errors).toHaveLength(1)
    expect(gated.errors[0]).toMatch(/monthly budget \(monthly-budget\) could not be checked/)
    expect(gated.errors[0]).toMatch(reason)
    const token = 'token' in options ? options.token : git.token
    for (const run of [warned, gated]) expect(run.printed).not.toContain(token)
  })

  it('a run killed mid-push leaves the branch readable, and no token in what it left behind', async () => {
    const repository = newRepository()
    expect((await runOn(repository)).code).toBe(0)
    const marker = mkdtempSync(join(tmpdir(), 'killed-run-'))
    let killed = 0
    onRequest = request => {
      if (request.service !== 'receive-pack' || request.method !== 'POST') return
      // The runner cancels the job: the action and its git processes die while the push is sent.
      for (const pid of readdirSync('/proc').filter(name => /^\d+$/.test(name))) {
        try {
          if (readFileSync(`/proc/${pid}/environ`, 'utf8').includes(`RUNNER_TEMP=${marker}\0`)) {
            process.kill(Number(pid), 'SIGKILL')
            killed++
          }
        } catch {
          // gone already, or not ours
        }
      }
      return 'drop'
    }
    let run
    try {
      run = await runAction({
        inputs: { 'api-key': KEY, 'base-url': api.url, 'history-branch': BRANCH, 'github-token': git.token },
        env: { GITHUB_SERVER_URL: git.url, GITHUB_REPOSITORY: repository, RUNNER_TEMP: marker }
      })
    } finally {
      onRequest = undefined
    }
    expect(run.code).toBeNull() // killed
    expect(killed).toBeGreaterThanOrEqual(2) // the action and git
    const left = filesUnder(marker)
    expect(left.length).toBeGreaterThan(0) // its temporary folder stayed behind, as a killed run's does
    for (const secret of [git.token, base64(git.token)]) expect(left.filter(f => f.text.includes(secret))).toEqual([])
    const next = await runOn(repository)
    expect(next.code).toBe(0)
    expect(next.warnings).toEqual([])
    const kept = history(repository)
    expect(kept.length === 2 || kept.length === 3).toBe(true) // the killed run's reading landed or not
    expect(git.git(repository, ['rev-list', '--count', BRANCH]).trim()).toBe('1')
  })

  it('runs started together all keep their readings', async () => {
    const repository = newRepository()
    const RUNS = 4
    // All of them read the branch before any pushes: every push but one loses the first time.
    const waiting: (() => void)[] = []
    let released = false
    onRequest = request => {
      if (request.service !== 'receive-pack' || request.method !== 'GET' || released) return
      return new Promise<void>(resolve => {
        waiting.push(resolve)
        if (waiting.length === RUNS) {
          released = true
          for (const release of waiting) release()
        }
      })
    }
    // Each run reads another balance: two runs that read the same balance in the same millisecond
    // would hold one reading, which the history keeps once.
    const distinct = await startStandIn({
      reply: (request, index) =>
        balanceReply({ credit: 50, free_credit: 20 - index, referral_credits: 5, total_credits: 75 - index })(request)
    })
    let runs
    try {
      runs = await Promise.all(
        Array.from({ length: RUNS }, () => runOn(repository, { inputs: { 'base-url': distinct.url } }))
      )
    } finally {
      onRequest = undefined
      await distinct.close()
    }
    for (const run of runs) {
      expect(run.code).toBe(0)
      expect(run.warnings).toEqual([])
    }
    expect(history(repository)).toHaveLength(RUNS)
    const pushes = git.requests.filter(r => r.path === `/${repository}.git/git-receive-pack`)
    expect(pushes.length).toBeGreaterThan(RUNS)
  })
})
