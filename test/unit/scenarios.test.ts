// What a user reads, whole, per scenario: run() in process with the time given, against a loopback
// stand-in, its log, annotations, outputs and summary snapshotted (test/unit/__snapshots__). A change of
// wording shows as a snapshot diff to review (`vitest -u` accepts it); the port and the temporary folder
// are normalised. The figures, names and levels are also asserted where they matter, so a snapshot
// accepted by mistake does not hide a wrong number.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SAMPLE_BALANCE, rateLimitHeaders, startStandIn, type Reply } from '../../scripts/stand-in-api.mjs'
import type { Sink } from '../../src/io/toolkit.js'
import { inputVariable } from '../../src/logic/api.js'
import { run } from '../../src/main.js'

const KEY = 'sk-qwerty-0123456789'
/** Noon on 15 November 2026 (UTC): mid-month, for the budget's forecast. */
const NOW = Date.parse('2026-11-15T12:00:00.000Z')
const HOUR = 3_600_000
const DAY = 24 * HOUR
let server: Awaited<ReturnType<typeof startStandIn>> | undefined

afterEach(async () => {
  await server?.close()
  server = undefined
})

/** The API's answer: a balance (JSON text or fields) with the rate-limit headers at a fixed reset. */
function balance(body: string | Record<string, number> = SAMPLE_BALANCE): Reply {
  return { body, headers: { 'content-type': 'application/json', ...rateLimitHeaders(NOW / 1000 + 60) } }
}

function regular(total: number): Record<string, number> {
  return { credit: total, free_credit: 0, referral_credits: 0, total_credits: total }
}

/** A history line `ago` ms before NOW of `total` credits, all regular. */
function line(ago: number, total: number): string {
  return `{"at":"${new Date(NOW - ago).toISOString()}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
}

interface Scenario {
  inputs?: Record<string, string>
  replies?: Reply[]
  /** The history file's content, or a function that makes the history path (given the folder). */
  history?: string | ((dir: string) => string)
}

/** Runs the scenario; what the user sees, with the port and the folder normalised. */
async function see({ inputs = {}, replies = [balance()], history }: Scenario) {
  server = await startStandIn({ reply: replies })
  const dir = mkdtempSync(join(tmpdir(), 'snap-'))
  const env: Record<string, string> = { 'INPUT_API-KEY': KEY, 'INPUT_BASE-URL': server.url, 'INPUT_MAX-RETRIES': '0' }
  if (history !== undefined) {
    let path = join(dir, 'history.jsonl')
    if (typeof history === 'string') writeFileSync(path, history)
    else path = history(dir)
    env[inputVariable('history-file')] = path
  }
  for (const [name, value] of Object.entries(inputs)) env[inputVariable(name)] = value
  const seen = { log: [] as string[], warnings: [] as string[], errors: [] as string[] }
  const outputs: Record<string, string> = {}
  let summary: string | undefined
  const sink: Sink = {
    mask: () => undefined,
    info: l => void seen.log.push(l),
    warning: m => void seen.warnings.push(m),
    fail: m => void seen.errors.push(m),
    notice: () => undefined,
    saveState: () => undefined,
    setOutput: (name, value) => void (outputs[name] = value),
    appendSummary: markdown => {
      summary = (summary ?? '') + markdown
      return true
    }
  }
  await run({ env, now: NOW, sink })
  const url = server.url
  const normalise = (text: string) =>
    text
      .replaceAll(url, 'http://127.0.0.1:<port>')
      .replaceAll(dir, '<dir>')
      .replace(/\d{8}T\d{9}Z/g, '<time>')
  const seenNormalised = {
    log: seen.log.map(normalise),
    warnings: seen.warnings.map(normalise),
    errors: seen.errors.map(normalise),
    outputs: Object.fromEntries(Object.entries(outputs).map(([k, v]) => [k, normalise(v)])),
    summary: summary === undefined ? undefined : normalise(summary)
  }
  return { ...seenNormalised, requests: server.requests.length }
}

describe('what a user sees, per scenario', () => {
  it('a healthy balance over the minimum', async () => {
    const seen = await see({ inputs: { 'minimum-credits': '10' } })
    expect(seen.errors).toEqual([])
    expect(seen.outputs).toMatchObject({ 'total-credits': '75.0', 'below-minimum': 'false', billable: 'true' })
    expect(seen).toMatchSnapshot()
  })

  it('a balance below the minimum, and below the billable floor', async () => {
    const seen = await see({ inputs: { 'minimum-credits': '5' }, replies: [balance(regular(0.5))] })
    expect(seen.errors).toHaveLength(1)
    expect(seen.warnings).toEqual([])
    expect(seen.outputs).toMatchObject({ 'below-minimum': 'true', billable: 'false' })
    expect(seen).toMatchSnapshot()
  })

  it('a balance below the warning threshold, of the free credits', async () => {
    const seen = await see({ inputs: { 'warning-credits': '30', 'credit-type': 'free' } })
    expect(seen.errors).toEqual([])
    expect(seen.warnings).toHaveLength(1)
    expect(seen).toMatchSnapshot()
  })

  it('a balance at the billable floor', async () => {
    const seen = await see({ replies: [balance(regular(1))] })
    expect(seen.warnings).toHaveLength(1)
    expect(seen.outputs.billable).toBe('false')
    expect(seen).toMatchSnapshot()
  })

  it('a runway shorter than minimum-days-remaining', async () => {
    const seen = await see({
      inputs: { 'minimum-days-remaining': '7' },
      history: line(2 * DAY, 125) + line(DAY, 100)
    })
    expect(seen.errors).toHaveLength(1)
    expect(seen.outputs).toMatchObject({
      'burn-rate-per-day': '25',
      'days-remaining': '3',
      'depletion-date': '2026-11-18'
    })
    expect(seen).toMatchSnapshot()
  })

  it('a month over its budget', async () => {
    const seen = await see({ inputs: { 'monthly-budget': '40' }, history: line(3 * HOUR, 175) + line(2 * HOUR, 125) })
    expect(seen.errors).toHaveLength(1)
    expect(seen.outputs).toMatchObject({ 'spent-this-month': '100', 'over-budget': 'true' })
    expect(seen).toMatchSnapshot()
  })

  it('a month on course to exceed its budget', async () => {
    const seen = await see({ inputs: { 'monthly-budget': '150' }, history: line(2 * DAY, 175) + line(DAY, 125) })
    expect(seen.errors).toEqual([])
    expect(seen.warnings).toHaveLength(1)
    expect(seen.outputs).toMatchObject({ 'spent-this-month': '100', 'over-budget': 'false' })
    expect(Number(seen.outputs['forecast-this-month'])).toBeGreaterThan(150)
    expect(seen).toMatchSnapshot()
  })

  it('runaway spend after a quiet week', async () => {
    const quiet = Array.from({ length: 7 }, (_, i) => line((6 - i) * DAY + 6 * HOUR, 1000 - i * 24)).join('')
    const seen = await see({ inputs: { 'spike-factor': '3' }, history: quiet })
    expect(seen.outputs['spend-spike']).toBe('true')
    expect(seen.warnings).toHaveLength(1)
    expect(seen).toMatchSnapshot()
  })

  it('a history that is not one, moved aside', async () => {
    const seen = await see({ history: `${line(DAY, 100)}this is not a reading\n` })
    expect(seen.errors).toEqual([])
    expect(seen.warnings).toHaveLength(1)
    expect(seen).toMatchSnapshot()
  })

  it('a history whose newest reading is dated after this run, from a runner clock that is behind', async () => {
    const seen = await see({ history: line(DAY, 100) + [1, 2, 3].map(i => line(-30 * DAY - i, 10)).join('') })
    expect(seen.warnings).toHaveLength(1)
    expect(seen.warnings).toMatchSnapshot()
  })

  it('a history that can be read but not written', async () => {
    const seen = await see({
      history: dir => {
        const path = join(dir, `${'x'.repeat(249)}.jsonl`)
        writeFileSync(path, line(2 * DAY, 125) + line(DAY, 100))
        return path
      }
    })
    expect(seen.errors).toEqual([])
    expect(seen.warnings).toHaveLength(1)
    expect(seen.outputs['burn-rate-per-day']).toBe('25')
    expect(seen).toMatchSnapshot()
  })

  it('a history that cannot be read: a warning without a gate, a failure naming both gates with them', async () => {
    const loop = (dir: string) => {
      const path = join(dir, 'loop.jsonl')
      symlinkSync(path, path)
      return path
    }
    const tolerated = await see({ history: loop })
    expect(tolerated.errors).toEqual([])
    expect(tolerated.warnings).toHaveLength(1)
    const gated = await see({ history: loop, inputs: { 'minimum-days-remaining': '7', 'monthly-budget': '100' } })
    expect(gated.errors).toHaveLength(1)
    expect(gated.warnings).toEqual([])
    expect({ tolerated, gated }).toMatchSnapshot()
  })

  it('the first reading of a history, and a flat balance', async () => {
    const first = await see({ history: '' })
    const flat = await see({ history: line(2 * DAY, 75) + line(DAY, 75) })
    expect(first.outputs['burn-rate-per-day']).toBe('')
    expect(flat.outputs).toMatchObject({ 'burn-rate-per-day': '0', 'days-remaining': '' })
    expect({ first: first.summary, flat: flat.summary }).toMatchSnapshot()
  })

  it('an outage: a failure, or a warning with fail-on-api-error false', async () => {
    const down: Reply = { status: 503, body: { detail: 'Service Unavailable' } }
    const failed = await see({ replies: [down] })
    const tolerated = await see({ replies: [down], inputs: { 'fail-on-api-error': 'false' } })
    expect([failed.errors.length, failed.warnings.length]).toEqual([1, 0])
    expect([tolerated.errors.length, tolerated.warnings.length]).toEqual([0, 1])
    expect(tolerated.outputs).toEqual({})
    expect({ failed, tolerated }).toMatchSnapshot()
  })

  it('a rejected key, and an input that is not valid', async () => {
    const rejected = await see({ replies: [{ status: 401, body: { detail: 'Invalid API key' } }] })
    const invalid = await see({ inputs: { 'minimum-credits': 'ten' } })
    expect(rejected.errors).toHaveLength(1)
    expect(invalid.errors).toHaveLength(1)
    expect(invalid.requests).toBe(0)
    expect({ rejected, invalid }).toMatchSnapshot()
  })

  it('no summary with summary: false', async () => {
    const seen = await see({ inputs: { summary: 'false' } })
    expect(seen.summary).toBeUndefined()
    expect(seen.outputs['total-credits']).toBe('75.0')
  })
})
