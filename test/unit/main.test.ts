// run() in process, with the toolkit at its one edge replaced by a recorder and time given, against a
// loopback stand-in for the API.
import * as fs from 'node:fs'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startGitServer } from '../../scripts/git-server.mjs'
import { balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'
import type { HistoryFs, HistoryOptions } from '../../src/io/history.js'
import { basicCredential } from '../../src/io/history-branch.js'
import type { Sink } from '../../src/io/toolkit.js'
import { inputVariable } from '../../src/logic/api.js'
import { run } from '../../src/main.js'

const KEY = 'sk-main-0123456789'
const NOW = Date.parse('2026-11-24T06:00:00.000Z')
let server: Awaited<ReturnType<typeof startStandIn>> | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

function recorder() {
  const seen = {
    masked: [] as string[],
    log: [] as string[],
    warnings: [] as string[],
    notices: [] as string[],
    errors: [] as string[],
    state: {} as Record<string, string>
  }
  const outputs: Record<string, string> = {}
  let summary = ''
  const sink: Sink = {
    mask: secret => void seen.masked.push(secret),
    info: line => void seen.log.push(line),
    warning: message => void seen.warnings.push(message),
    notice: message => void seen.notices.push(message),
    saveState: (name, value) => void (seen.state[name] = value),
    fail: message => void seen.errors.push(message),
    setOutput: (name, value) => void (outputs[name] = value),
    appendSummary: markdown => {
      summary += markdown
      return true
    }
  }
  return { sink, seen, outputs, summary: () => summary }
}

async function runWith(
  inputs: Record<string, string>,
  reply = balanceReply(),
  extra: Record<string, string> = {},
  history?: HistoryOptions
) {
  server = await startStandIn({ reply })
  const env: Record<string, string> = {
    'INPUT_API-KEY': KEY,
    'INPUT_BASE-URL': server.url,
    'INPUT_MAX-RETRIES': '0',
    ...extra
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  const record = recorder()
  await run({ env, now: NOW, sink: record.sink, history })
  return { ...record, requests: server.requests }
}

describe('run', () => {
  it('masks the key first, reads the balance, and reports it', async () => {
    const { seen, outputs, summary } = await runWith({ 'minimum-credits': '10' })
    expect(seen.masked).toEqual([KEY])
    expect(seen.errors).toEqual([])
    expect(outputs['total-credits']).toBe('75.0')
    expect(seen.log[0]).toMatch(/^Swarms credits: total 75\.0/)
    expect(summary()).toContain('### Swarms credit balance')
  })

  it('keeps the history with the reading dated at the time it is given, and forecasts from it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'main-'))
    const path = join(dir, 'h.jsonl')
    const line = (at: string, total: number) =>
      `{"at":"${at}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
    writeFileSync(path, line('2026-11-22T06:00:00.000Z', 125) + line('2026-11-23T06:00:00.000Z', 100))
    const { outputs, seen } = await runWith({ 'history-file': path, 'minimum-days-remaining': '7' })
    expect(readFileSync(path, 'utf8').trim().split('\n').at(-1)).toContain('"at":"2026-11-24T06:00:00.000Z"')
    expect(outputs).toMatchObject({ 'burn-rate-per-day': '25', 'days-remaining': '3', 'depletion-date': '2026-11-27' })
    expect(seen.errors).toHaveLength(1)
    expect(seen.errors[0]).toMatch(/last about 3 days .* fewer than the 7 of minimum-days-remaining/)
  })

  it('keeps the history on a branch, masks the token and redacts it from what it reports', async () => {
    const git = await startGitServer()
    try {
      git.createRepo('owner/main')
      const env = { GITHUB_SERVER_URL: git.url, GITHUB_REPOSITORY: 'owner/main', PATH: process.env.PATH ?? '' }
      const inputs = { 'history-branch': 'credits', 'github-token': git.token, 'history-file': 'x/h.jsonl' }
      const first = await runWith(inputs, balanceReply(), env)
      expect(first.seen.masked).toEqual([KEY, git.token, basicCredential(git.token)])
      expect(first.seen.warnings).toEqual([])
      expect(git.git('owner/main', ['show', 'credits:h.jsonl'])).toContain('"at":"2026-11-24T06:00:00.000Z"')
      // A refused token: the branch cannot be read, the gate fails closed, the token is nowhere.
      const refused = await runWith(
        { ...inputs, 'github-token': `${git.token}x`, 'monthly-budget': '5' },
        balanceReply(),
        env
      )
      expect(refused.seen.errors).toHaveLength(1)
      expect(refused.seen.errors[0]).toMatch(/h\.jsonl on branch credits of owner\/main could not be read .*refused/)
      expect(JSON.stringify(refused.seen.errors) + refused.summary()).not.toContain(git.token)
    } finally {
      await git.close()
    }
  })

  it('checks the history path before any request', async () => {
    const { seen, requests } = await runWith({ 'history-file': tmpdir() })
    expect(requests).toHaveLength(0)
    expect(seen.errors[0]).toMatch(/`history-file` .* a directory/)
  })

  // Windows makes symbolic links only with a privilege.
  it.skipIf(process.platform === 'win32')(
    'fails closed when a gate needs a history that cannot be read, with the balance still set',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'main-'))
      const loop = join(dir, 'loop.jsonl')
      const { symlinkSync } = await import('node:fs')
      symlinkSync(loop, loop)
      const { seen, outputs } = await runWith({ 'history-file': loop, 'monthly-budget': '100' })
      expect(seen.errors).toHaveLength(1)
      expect(seen.errors[0]).toMatch(/monthly budget \(monthly-budget\) could not be checked/)
      expect(outputs['total-credits']).toBe('75.0')
      expect(outputs['spent-this-month']).toBe('')
    }
  )

  it('reports an unexpected error in one error line, its stack only as debug', async () => {
    server = await startStandIn({ reply: balanceReply() })
    const record = recorder()
    const debug: string[] = []
    let calls = 0
    const sink: Sink = {
      ...record.sink,
      info: line => {
        if (calls++ === 0) throw new Error('the log broke')
        record.seen.log.push(line)
      },
      debug: message => void debug.push(message)
    }
    await run({ env: { 'INPUT_API-KEY': KEY, 'INPUT_BASE-URL': server.url }, now: NOW, sink })
    expect(record.seen.errors).toHaveLength(1)
    expect(record.seen.errors[0]).not.toContain('\n')
    expect(debug).toHaveLength(1)
    expect(debug[0]).toMatch(/^Unexpected error: Error: the log broke\n\s+at /)
  })

  it('reports a failure to read the balance as one error, and an outage as a warning when told to', async () => {
    const failed = await runWith({}, () => ({ status: 503, body: { detail: 'down' } }))
    expect(failed.seen.errors).toHaveLength(1)
    expect(failed.seen.errors[0]).toMatch(/HTTP 503: down/)
    const tolerated = await runWith({ 'fail-on-api-error': 'false' }, () => ({ status: 503 }))
    expect(tolerated.seen.errors).toEqual([])
    expect(tolerated.seen.warnings).toHaveLength(1)
    expect(tolerated.outputs).toEqual({})
  })

  describe('history faults are warnings, and a gate that needs the history fails closed', () => {
    const line = (at: string, total: number) =>
      `{"at":"${at}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
    const seeded = () => {
      const path = join(mkdtempSync(join(tmpdir(), 'main-')), 'h.jsonl')
      writeFileSync(path, line('2026-11-22T06:00:00.000Z', 125) + line('2026-11-23T06:00:00.000Z', 100))
      return path
    }
    const fault = (code: string) => Object.assign(new Error(`${code}: injected`), { code })
    /** A clock that never waits: sleeping moves it on. */
    const clock = () => {
      let t = Date.now()
      return { now: () => t, sleep: async (ms: number) => void (t += ms) }
    }

    it('a lock held longer than the wait: the runway could not be checked, the balance is set, no wall-clock wait', async () => {
      const path = seeded()
      writeFileSync(`${path}.lock`, 'another run\n')
      const { seen, outputs } = await runWith(
        { 'history-file': path, 'minimum-days-remaining': '7' },
        balanceReply(),
        {},
        {
          clock: clock()
        }
      )
      expect(seen.errors).toHaveLength(1)
      expect(seen.errors[0]).toMatch(
        /could not be read \(.*held for over 10 s.*runway \(minimum-days-remaining\) could not be checked/
      )
      expect(outputs['total-credits']).toBe('75.0')
      expect(readFileSync(`${path}.lock`, 'utf8')).toBe('another run\n')
    })

    it('a history that cannot be read (permission denied, even for root): the runway could not be checked', async () => {
      const path = seeded()
      const denied = {
        ...fs,
        openSync: (p: fs.PathLike, flags: number, mode?: number) => {
          if (p === path) throw fault('EACCES')
          return fs.openSync(p, flags, mode)
        }
      } as unknown as HistoryFs
      const { seen, outputs } = await runWith(
        { 'history-file': path, 'minimum-days-remaining': '7' },
        balanceReply(),
        {},
        {
          fs: denied
        }
      )
      expect(seen.errors).toHaveLength(1)
      expect(seen.errors[0]).toMatch(
        /could not be read \(EACCES.*runway \(minimum-days-remaining\) could not be checked/
      )
      expect(outputs['total-credits']).toBe('75.0')
    })

    it('a lock that cannot be removed: a warning naming it, the gate and the outputs as ever', async () => {
      const path = seeded()
      const stuck = {
        ...fs,
        unlinkSync: (p: fs.PathLike) => {
          if (String(p).endsWith('.lock')) throw fault('EPERM')
          fs.unlinkSync(p)
        }
      } as unknown as HistoryFs
      const { seen, outputs } = await runWith(
        { 'history-file': path, 'minimum-days-remaining': '7' },
        balanceReply(),
        {},
        {
          fs: stuck,
          clock: clock()
        }
      )
      expect(seen.errors).toHaveLength(1)
      expect(seen.errors[0]).toMatch(/last about 3 days/)
      expect(seen.warnings).toHaveLength(1)
      expect(seen.warnings[0]).toContain(`${path}.lock: EPERM`)
      expect(seen.warnings[0]).not.toMatch(/Unexpected/)
      expect(outputs['days-remaining']).toBe('3')
      expect(readFileSync(path, 'utf8').trim().split('\n')).toHaveLength(3)
    })

    it('a read-only history: a warning, the trend and the gate from what was read', async () => {
      const path = seeded()
      const before = readFileSync(path, 'utf8')
      const readOnly = {
        ...fs,
        openSync: (p: fs.PathLike, flags: number, mode?: number) => {
          if (p !== `${path}.lock` && typeof flags === 'number' && flags & fs.constants.O_WRONLY) throw fault('EROFS')
          return fs.openSync(p, flags, mode)
        }
      } as unknown as HistoryFs
      const { seen, outputs } = await runWith(
        { 'history-file': path, 'minimum-days-remaining': '7' },
        balanceReply(),
        {},
        {
          fs: readOnly
        }
      )
      expect(seen.errors[0]).toMatch(/last about 3 days/)
      expect(seen.warnings.some(w => /could not be written \(EROFS/.test(w))).toBe(true)
      expect(outputs['burn-rate-per-day']).toBe('25')
      expect(readFileSync(path, 'utf8')).toBe(before)
    })
  })
})
