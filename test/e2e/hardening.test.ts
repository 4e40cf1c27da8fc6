// The trust promises, black-box: dist/index.js as the runner runs it, against loopback servers that
// misbehave on purpose, and against history paths that are not histories. Never a key fragment, never a
// hang, never a gate that turns itself off.
import { execFileSync } from 'node:child_process'
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  symlinkSync,
  utimesSync,
  writeFileSync
} from 'node:fs'
import { createServer } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runAction, type ActionRun } from '../../scripts/run-action.mjs'
import { SAMPLE_BALANCE, balanceReply, startStandIn, type Reply } from '../../scripts/stand-in-api.mjs'
import { skipTest } from '../support/skip.js'

const KEY = 'sk-0123456789abcdef0123456789abcdef0123456789abcdef'
const DAY = 86_400_000
// Windows has no FIFOs, no /dev, no POSIX permission bits, and makes symbolic links only with a privilege.
const windows = process.platform === 'win32'

type ReplyOption = NonNullable<Parameters<typeof startStandIn>[0]>['reply']

async function run(
  reply: ReplyOption,
  inputs: Record<string, string> = {},
  options: { env?: Record<string, string>; key?: string; summary?: boolean } = {}
) {
  const server = await startStandIn({ reply })
  try {
    const result = await runAction({
      inputs: { 'api-key': options.key ?? KEY, 'base-url': server.url, 'max-retries': '0', ...inputs },
      env: options.env,
      summary: options.summary
    })
    return { ...result, requests: server.requests }
  } finally {
    await server.close()
  }
}

/** Every run of 12 or more of the key's characters, anywhere a user can read it, but the mask command. */
function expectNoFragment(result: ActionRun, key = KEY): void {
  const places = [
    result.stdout
      .split('\n')
      .filter(line => line !== `::add-mask::${key}`)
      .join('\n'),
    result.stderr,
    JSON.stringify(result.outputs),
    Object.values(result.outputs).join('\n'),
    result.summary ?? '',
    ...result.errors,
    ...result.warnings
  ].join('\n')
  for (let i = 0; i + 12 <= key.length; i++) expect(places).not.toContain(key.slice(i, i + 12))
}

function expectOneLineError(result: ActionRun): void {
  expect(result.code).toBe(1)
  expect(result.errors).toHaveLength(1)
  expect(result.errors[0]).not.toContain('\n')
  expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m)
}

describe.concurrent('no fragment of the key, whatever the API sends back', () => {
  const echoes: Record<string, Reply> = {
    'an HTML page echoing the key near the clip point': { body: `<p>xxxxxxx${KEY}</p>` },
    'a detail echoing the key': { status: 400, body: { detail: `bad key ${KEY}` } },
    'a detail echoing most of the key': { status: 400, body: { detail: `bad key ${KEY.slice(0, 40)}…` } },
    'a JSON-escaped echo': { status: 400, body: `{"detail":"key \\"${KEY}\\""}` },
    'a URL-encoded echo in a redirect': {
      status: 302,
      headers: { location: `https://evil.example/?k=${encodeURIComponent(KEY)}` }
    },
    'a balance with the key inside': {
      body: `{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1,"echo":"${KEY}"}`
    },
    'a field that is the key': { body: `{"credit":"${KEY}","free_credit":0,"referral_credits":0,"total_credits":1}` },
    'a 503 echoing the key, retried': { status: 503, body: { detail: KEY } },
    'a balance with the key \\u-escaped': {
      body: `{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1,"echo":"${[...KEY].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"}`
    }
  }
  for (const [name, reply] of Object.entries(echoes)) {
    it(name, async () => {
      const result = await run([reply], { 'minimum-credits': '0' })
      expectNoFragment(result)
    })
  }

  it('keys holding ! & / and a quote, echoed form-encoded, with escaped slashes and HTML-escaped', async () => {
    const key = "Abcdefg!hijklm/nopq&rstu'vwxyz1!"
    const form = encodeURIComponent(key).replace(/[!']/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    for (const reply of [
      { status: 404, body: { detail: form } },
      { body: `<html>${key.replace(/&/g, '&amp;').replace(/'/g, '&#39;')}</html>` },
      {
        body: `{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1,"echo":"${key.replace(/\//g, '\\/').replace(/'/g, "\\'")}"}`
      }
    ]) {
      expectNoFragment(await run([reply as Reply], {}, { key }), key)
    }
  })

  it('keys holding a quote and a backslash, echoed JSON-escaped and URL-encoded', async () => {
    const key = 'sk-"quoted\\slashed"-0123456789abcdef'
    const echo = `{"detail":${JSON.stringify(`${key} / ${encodeURIComponent(key)}`)}}`
    const result = await run([{ status: 400, body: echo }], {}, { key })
    expectOneLineError(result)
    expectNoFragment(result, key)
  })
})

describe.concurrent('a key that cannot be one is an input error, before any request', () => {
  const bad: Record<string, string> = {
    'a zero-width space': 'sk-abc\u200bdef0123',
    'an emoji': 'sk-abcdef-🔑-0123',
    'one character': '0',
    'seven characters': 'abcdefg'
  }
  for (const [name, key] of Object.entries(bad)) {
    it(name, async () => {
      const result = await run(balanceReply(), {}, { key })
      expectOneLineError(result)
      expect(result.errors[0]).toContain('`api-key`')
      expect(result.errors[0]).not.toContain(key)
      expect(result.requests).toHaveLength(0)
    })
  }
})

describe.concurrent('the rest of the pass', () => {
  it('reads the balance from http://[::1]', async context => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' })
      res.end(SAMPLE_BALANCE)
    })
    const listening = await new Promise<boolean>(resolve => {
      server.once('error', () => resolve(false))
      server.listen(0, '::1', () => resolve(true))
    })
    if (!listening) skipTest(context, 'ipv6', 'this machine has no IPv6 loopback (::1)')
    try {
      const port = (server.address() as { port: number }).port
      const result = await runAction({ inputs: { 'api-key': KEY, 'base-url': `http://[::1]:${port}` } })
      expect(result.code).toBe(0)
      expect(result.outputs['total-credits']).toBe('75.0')
    } finally {
      await new Promise(resolve => server.close(resolve))
    }
  })

  it('says in one line that the output file cannot be written, after the balance line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'output-dir-'))
    const result = await run(balanceReply(), {}, { env: { GITHUB_OUTPUT: dir } })
    expectOneLineError(result)
    expect(result.errors[0]).toMatch(/output file \(GITHUB_OUTPUT\) cannot be written/)
    expect(result.stdout.indexOf('Swarms credits: total 75.0')).toBeGreaterThan(-1)
    expect(result.stdout.indexOf('Swarms credits: total 75.0')).toBeLessThan(result.stdout.indexOf('::error::'))
  })

  it('shows API text in the summary so that it cannot render as an image or a link', async () => {
    const detail = 'see ![x](https://evil.example/x.png) and [here](https://evil.example)'
    const result = await run([{ status: 400, body: { detail } }])
    expectOneLineError(result)
    const summary = result.summary ?? ''
    const span = /(`+) (.*) \1/.exec(summary)
    expect(span?.[2]).toContain('![x](https://evil.example/x.png)')
    expect(summary.replace(/(`+) .* \1/, '')).not.toContain('](')
  })

  it.skipIf(windows)('keeps a private history private across the atomic rewrite of a trim', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'))
    mkdirSync(join(dir, 'credits'))
    const path = join(dir, 'credits', 'history.jsonl')
    const t = Date.now() - 86_400_000
    writeFileSync(path, [3, 2, 1].map(i => line(t - i * 1000, 100)).join(''))
    chmodSync(path, 0o600)
    const inode = lstatSync(path).ino
    const result = await run(
      balanceReply(),
      { 'history-file': 'credits/history.jsonl', 'history-limit': '2' },
      { env: { GITHUB_WORKSPACE: dir } }
    )
    expect(result.code).toBe(0)
    expect(lstatSync(path).ino).not.toBe(inode) // rewritten: 4 readings are over 2 and a tenth
    expect(times(path)).toHaveLength(2)
    expect(lstatSync(path).mode & 0o777).toBe(0o600)
  })

  it.skipIf(windows)('does not hang on a summary file that is a FIFO nobody reads', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'summary-')), 'summary')
    execFileSync('mkfifo', [fifo])
    const result = await run(balanceReply(), {}, { env: { GITHUB_STEP_SUMMARY: fifo }, summary: false })
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/Could not write the job summary/)
  })

  it('does not hang on an output file that is a FIFO nobody reads: the same error as an unwritable one', async () => {
    const fifo = join(mkdtempSync(join(tmpdir(), 'output-')), 'output')
    execFileSync('mkfifo', [fifo])
    const result = await run(balanceReply(), {}, { env: { GITHUB_OUTPUT: fifo } })
    expectOneLineError(result)
    expect(result.errors[0]).toMatch(/output file \(GITHUB_OUTPUT\) cannot be written/)
    expect(result.stdout).toContain('Swarms credits: total 75.0')
  })

  it('clips an echoed bad input to 100 characters', async () => {
    const result = await run(balanceReply(), { 'minimum-credits': 'x'.repeat(100_000) })
    expectOneLineError(result)
    expect(result.errors[0].length).toBeLessThan(300)
    expect(result.errors[0]).toContain('`minimum-credits`')
  })

  it('does not advise fail-on-api-error: false when it is already false', async () => {
    const result = await run([{ status: 503 }], { 'fail-on-api-error': 'false' })
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).not.toMatch(/set `fail-on-api-error: false`/i)
    const failing = await run([{ status: 503 }])
    expect(failing.errors[0]).toMatch(/set `fail-on-api-error: false`/i)
  })

  it('keeps certificate verification on when NODE_TLS_REJECT_UNAUTHORIZED is 0', async () => {
    const tls = {
      key: readFileSync(new URL('../fixtures/tls/api.swarms.test.key', import.meta.url), 'utf8'),
      cert: readFileSync(new URL('../fixtures/tls/api.swarms.test.crt', import.meta.url), 'utf8')
    }
    const server = await startStandIn({ tls })
    try {
      const result = await runAction({
        inputs: { 'api-key': KEY, 'base-url': server.url.replace('127.0.0.1', 'localhost'), 'max-retries': '0' },
        env: { NODE_TLS_REJECT_UNAUTHORIZED: '0' }
      })
      expectOneLineError(result)
      expect(server.requests).toHaveLength(0)
      expect(result.errors[0]).toContain('NODE_EXTRA_CA_CERTS')
    } finally {
      await server.close()
    }
  })
})

/** A workspace with `history` at credits/history.jsonl (or whatever `prepare` puts there). */
function workspace(prepare?: (path: string) => void) {
  // Real: on macOS the temporary folder is under /var, a link to /private/var, and the history names its target.
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'workspace-')))
  mkdirSync(join(dir, 'credits'))
  const path = join(dir, 'credits', 'history.jsonl')
  prepare?.(path)
  return { dir, path }
}

function line(at: number, total: number): string {
  return `{"at":"${new Date(at).toISOString()}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
}

async function track(dir: string, inputs: Record<string, string> = {}, reply: ReplyOption = balanceReply()) {
  return run(reply, { 'history-file': 'credits/history.jsonl', ...inputs }, { env: { GITHUB_WORKSPACE: dir } })
}

/** The `at` of each line of a history file. */
function times(path: string): number[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map(l => Date.parse((JSON.parse(l) as { at: string }).at))
}

describe.concurrent('only a regular file (or nothing) is a history', () => {
  const notFiles: Record<string, (path: string) => void> = {
    'a directory': path => mkdirSync(path),
    'a FIFO': path => execFileSync('mkfifo', [path]),
    'a link to /dev/zero': path => symlinkSync('/dev/zero', path),
    'a link to /dev/null': path => symlinkSync('/dev/null', path)
  }
  for (const [name, prepare] of Object.entries(notFiles)) {
    it.skipIf(windows && name !== 'a directory')(
      `${name} is an input error naming the path, before any request, and is left alone`,
      async () => {
        const { dir, path } = workspace(prepare)
        const before = lstatSync(path)
        const result = await track(dir)
        expectOneLineError(result)
        expect(result.errors[0]).toContain('`history-file`')
        expect(result.errors[0]).toContain(path)
        expect(result.requests).toHaveLength(0)
        const after = lstatSync(path)
        expect([after.ino, after.mode]).toEqual([before.ino, before.mode])
      }
    )
  }

  it.skipIf(windows)('follows a symbolic link: the target is replaced, the link stays a link', async () => {
    const { dir, path } = workspace()
    const target = join(dir, 'real-history.jsonl')
    writeFileSync(target, line(Date.now() - DAY, 100))
    symlinkSync(target, path)
    const result = await track(dir)
    expect(result.code).toBe(0)
    expect(lstatSync(path).isSymbolicLink()).toBe(true)
    expect(readlinkSync(path)).toBe(target)
    expect(times(target)).toHaveLength(2)
  })

  it('moves a history over 32 MiB aside unread, with the corrupt-file warning', async () => {
    const { dir, path } = workspace(p => writeFileSync(p, Buffer.alloc(33 * 1024 * 1024, 0x20)))
    const result = await track(dir)
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/larger than 32 MiB/)
    expect(readdirSync(join(dir, 'credits')).some(n => n.startsWith('history.jsonl.corrupt-'))).toBe(true)
    expect(times(path)).toHaveLength(1)
  })

  it('reads a byte order mark and CRLF line ends as if absent', async () => {
    const t = Date.now() - DAY
    const { dir, path } = workspace(p =>
      writeFileSync(p, `\uFEFF${line(t - DAY, 125).trim()}\r\n${line(t, 100).trim()}\r\n`)
    )
    const result = await track(dir)
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([])
    expect(times(path)).toHaveLength(3)
  })

  it("a runner clock behind the history keeps it whole, warns about this run's clock, and gates from the history", async () => {
    // 30 daily readings up to a year from now, spending 25 a day: with the right clock, 3 days are left.
    const ahead = Date.now() + 365 * DAY
    const history = Array.from({ length: 30 }, (_, i) => line(ahead - (29 - i) * DAY, 100 + (29 - i) * 25)).join('')
    const { dir, path } = workspace(p => writeFileSync(p, history))
    const result = await track(dir, { 'minimum-days-remaining': '100' })
    expect(result.code).toBe(1)
    expect(result.errors[0]).toMatch(/last about \d(\.\d)? days .* fewer than the 100 of minimum-days-remaining/)
    expect(result.warnings.some(w => /This runner's clock \(.*\) is behind the history file/.test(w))).toBe(true)
    expect(readFileSync(path, 'utf8')).toBe(history)
    expect(readdirSync(join(dir, 'credits'))).toEqual(['history.jsonl'])
  })

  it('drops an incomplete last line left by a killed append, saying so, and keeps the rest', async () => {
    const t = Date.now() - DAY
    const { dir, path } = workspace(p => writeFileSync(p, line(t - DAY, 125) + line(t, 100) + '{"at":"20'))
    const result = await track(dir)
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/ended in an incomplete line \(9 bytes/)
    expect(result.outputs['credits-used-since-last']).toBe('25')
    expect(times(path)).toHaveLength(3)
  })

  it('finds a bad line deep in a long history at the next trim, and moves the file aside', async () => {
    const t = Date.now() - DAY
    const lines = Array.from({ length: 300 }, (_, i) => line(t - (299 - i) * DAY, 1000 - i))
    lines[10] = 'not a reading\n'
    const { dir, path } = workspace(p => writeFileSync(p, lines.join('')))
    const quiet = await track(dir)
    expect(quiet.warnings).toEqual([]) // outside the tail: not read on an ordinary run
    expect(quiet.summary).toContain('301 readings over 300 days')
    const trimming = await track(dir, { 'history-limit': '200' })
    expect(trimming.warnings).toHaveLength(1)
    expect(trimming.warnings[0]).toMatch(/not a balance history \(line 11: not JSON\)/)
    expect(times(path)).toHaveLength(1)
    expect(readdirSync(join(dir, 'credits')).some(n => n.startsWith('history.jsonl.corrupt-'))).toBe(true)
  })

  it('removes temporary files a killed run left behind, older than 10 minutes', async () => {
    const { dir, path } = workspace()
    const stale = join(dir, 'credits', '.history.jsonl.4242.abcdef012345.tmp')
    const fresh = join(dir, 'credits', '.history.jsonl.4243.abcdef012346.tmp')
    writeFileSync(stale, 'half a write')
    writeFileSync(fresh, 'a write under way')
    const old = (Date.now() - 11 * 60_000) / 1000
    utimesSync(stale, old, old)
    writeFileSync(path, [3, 2, 1].map(i => line(Date.now() - i * DAY, 100)).join(''))
    const result = await track(dir, { 'history-limit': '2' }) // 4 readings: a trim, which clears them
    expect(result.code).toBe(0)
    expect(existsSync(stale)).toBe(false)
    expect(existsSync(fresh)).toBe(true)
    expect(times(path)).toHaveLength(2)
  })
})

/**
 * Faults that hold for root too (as `.ci/run` runs): a name at the longest a file name may be (255
 * bytes) cannot gain a suffix, so the history's lock (`.lock`) or its corrupt copy (`.corrupt-…`)
 * cannot be made, whoever runs the action.
 */
const NAME_MAX = 255

describe.concurrent('the runway gate fails closed', () => {
  it.skipIf(windows)('fails when the history cannot be read, saying the runway could not be checked', async () => {
    // A history that is not one, whose corrupt copy's name would be too long: it can be neither read
    // nor moved aside.
    const name = `${'h'.repeat(NAME_MAX - 20)}.jsonl`
    const dir = mkdtempSync(join(tmpdir(), 'workspace-'))
    writeFileSync(join(dir, name), 'this is not a reading\n')
    const result = await track(dir, { 'minimum-days-remaining': '7', 'history-file': name })
    expectOneLineError(result)
    expect(result.errors[0]).toMatch(/runway \(minimum-days-remaining\) could not be checked/)
    expect(result.outputs['total-credits']).toBe('75.0')
    expect(result.errors[0]).toContain('ENAMETOOLONG')
    expect(result.outputs['days-remaining']).toBe('')
    expect(readFileSync(join(dir, name), 'utf8')).toBe('this is not a reading\n')
  })

  it.skipIf(windows)('fails when the history cannot be opened (a link that loops), even as root', async () => {
    const { dir } = workspace(p => symlinkSync(p, p))
    const result = await track(dir, { 'minimum-days-remaining': '7' })
    expectOneLineError(result)
    expect(result.errors[0]).toMatch(/runway \(minimum-days-remaining\) could not be checked/)
    expect(result.outputs['total-credits']).toBe('75.0')
    expect(result.outputs['days-remaining']).toBe('')
    const tolerated = await track(dir)
    expect(tolerated.code).toBe(0)
    expect(tolerated.warnings).toHaveLength(1)
    expect(tolerated.warnings[0]).toMatch(/could not be read/)
  })

  // A lock held longer than the wait is unit-tested with a fake clock (test/unit/history.test.ts): here
  // it would cost the real 10-second wait.

  it.skipIf(windows)(
    'warns, and still gives the trend and the gate, when the history can be read but not written',
    async () => {
      // A history named at the longest a name may be: its lock and its temporary file cannot be made.
      const name = 'x'.repeat(NAME_MAX - '.jsonl'.length) + '.jsonl'
      const t = Date.now()
      const dir = mkdtempSync(join(tmpdir(), 'workspace-'))
      const path = join(dir, name)
      writeFileSync(path, line(t - 2 * DAY, 125) + line(t - DAY, 100))
      const before = readFileSync(path, 'utf8')
      const result = await track(dir, { 'minimum-days-remaining': '7', 'history-file': name })
      expectOneLineError(result)
      expect(result.errors[0]).toMatch(/last about 3 days/)
      expect(result.warnings.some(w => /could not be written/.test(w) && w.includes('ENAMETOOLONG'))).toBe(true)
      expect(result.outputs['burn-rate-per-day']).not.toBe('')
      expect(readFileSync(path, 'utf8')).toBe(before)
      expect(readdirSync(dir)).toEqual([name])
    }
  )
})

describe.concurrent('no forecast it does not have', () => {
  it('gives no burn rate from a history spanning minutes, and says how long it spans', async () => {
    const { dir } = workspace(p => writeFileSync(p, line(Date.now() - 10 * 60_000, 100)))
    const result = await track(dir, { 'minimum-days-remaining': '7' })
    expect(result.code).toBe(0)
    expect(result.outputs['burn-rate-per-day']).toBe('')
    expect(result.outputs['days-remaining']).toBe('')
    expect(result.summary).toMatch(/spans 1\d minutes/)
  })

  it('gives no depletion date more than 36,500 days away, and no overflow', async () => {
    const t = Date.now()
    const { dir } = workspace(p => writeFileSync(p, line(t - 7 * DAY, 75.000001) + line(t - 6 * DAY, 75.000001)))
    const result = await track(
      dir,
      {},
      balanceReply({ credit: 75, free_credit: 0, referral_credits: 0, total_credits: 75 })
    )
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([])
    expect(result.outputs['days-remaining']).toBe('')
    expect(result.outputs['depletion-date']).toBe('')
  })

  it('the summary says how many readings the history holds and their span', async () => {
    const t = Date.now()
    const { dir } = workspace(p => writeFileSync(p, line(t - 9 * DAY, 200) + line(t - 5 * DAY, 150)))
    const result = await track(dir)
    expect(result.summary).toMatch(/3 readings over 9 days/)
  })
})

// Twenty processes at once: run alone (not beside the concurrent tests above), so that they starve
// no other test of the machine's cores.
describe('twenty runs at once', () => {
  it('twenty runs writing one history of 100,000 readings at once all keep their reading', async () => {
    const t = Date.now() - DAY
    const lines = Array.from({ length: 100_000 }, (_, i) => line(t - (100_000 - i) * 3_600_000, 100)) // hourly
    const { dir, path } = workspace(p => writeFileSync(p, lines.join('')))
    const results = await Promise.all(Array.from({ length: 20 }, () => track(dir, { 'history-limit': '100000' })))
    expect(results.map(r => r.code)).toEqual(Array(20).fill(0))
    expect(results.flatMap(r => r.warnings)).toEqual([])
    expect(times(path)).toHaveLength(100_020)
    expect(existsSync(`${path}.lock`)).toBe(false)
  }, 120_000)

  it('twenty runs with a stale lock present all keep their reading, and one holds the lock at a time', async () => {
    const { dir, path } = workspace()
    writeFileSync(`${path}.lock`, '1 long ago\n')
    const old = (Date.now() - 120_000) / 1000
    utimesSync(`${path}.lock`, old, old)
    const results = await Promise.all(Array.from({ length: 20 }, () => track(dir)))
    expect(results.map(r => r.code)).toEqual(Array(20).fill(0))
    expect(times(path)).toHaveLength(20)
    expect(readdirSync(join(dir, 'credits'))).toEqual(['history.jsonl'])
  }, 120_000)
})
