// Consumption tracking, black-box: dist/index.js as the runner runs it, with a history file the test
// seeds at times relative to now, checking the outputs, the file afterwards and the summary.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, it } from 'vitest'
import { runAction } from '../../scripts/run-action.mjs'
import { balanceReply, startStandIn } from '../../scripts/stand-in-api.mjs'
import { atTime } from '../support/clock.js'
import { figures } from '../support/figures.js'

const DAY = 86_400_000
const TREND_OUTPUTS = ['credits-used-since-last', 'burn-rate-per-day', 'days-remaining', 'depletion-date']

/** A history line of `total` credits, all regular, `daysAgo` days before `now`. */
function line(daysAgo: number, total: number, now = Date.now()): string {
  const at = new Date(now - daysAgo * DAY).toISOString()
  return `{"at":"${at}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`
}

async function track(
  history: string | undefined,
  inputs: Record<string, string> = {},
  reply = balanceReply(),
  now?: number
) {
  // Real: on macOS the temporary folder is under /var, a link to /private/var, and the history names its target.
  const workspace = realpathSync(mkdtempSync(join(tmpdir(), 'workspace-')))
  const path = join(workspace, 'credits', 'history.jsonl')
  if (history !== undefined) {
    mkdirSync(join(workspace, 'credits'))
    writeFileSync(path, history)
  }
  const server = await startStandIn({ reply })
  try {
    const result = await runAction({
      inputs: { 'api-key': 'sk-track', 'base-url': server.url, 'history-file': 'credits/history.jsonl', ...inputs },
      env: { GITHUB_WORKSPACE: workspace },
      ...(now === undefined ? {} : atTime(now, { GITHUB_WORKSPACE: workspace }))
    })
    const read = () => readFileSync(path, 'utf8')
    const lines = () =>
      read()
        .trim()
        .split('\n')
        .map(l => JSON.parse(l) as { at: string; total_credits: number })
    return { ...result, path, workspace, read, lines, requests: server.requests }
  } finally {
    await server.close()
  }
}

/** The moment the snapshot scenarios run at (the action's clock stands still there). */
const NOW = Date.parse('2026-11-15T12:00:00.000Z')

/**
 * What a user reads, whole, for a snapshot: the log and the summary, with the port and the workspace
 * normalised. Snapshots are under __snapshots__: a change of wording is a diff to review.
 */
function seen(result: Awaited<ReturnType<typeof track>>, url = /http:\/\/127\.0\.0\.1:\d+/g) {
  const normalise = (text: string) =>
    text
      .replaceAll(result.workspace, '<workspace>')
      .replace(url, 'http://127.0.0.1:<port>')
      .replace(/\d{8}T\d{9}Z/g, '<time>')
  return { stdout: normalise(result.stdout).split('\n'), summary: result.summary && normalise(result.summary) }
}

/**
 * What a history the action kept says, computed from the file itself: the times of its first and last
 * (current) readings. Expectations come from these, not from the test's clock, so that they hold
 * however long the process took to start.
 */
function recorded(lines: { at: string }[]) {
  const first = Date.parse(lines[0].at)
  const last = Date.parse(lines[lines.length - 1].at)
  return {
    days: (last - first) / DAY,
    dateAfter: (days: number) => new Date(last + days * DAY).toISOString().slice(0, 10)
  }
}

describe.concurrent('consumption tracking', () => {
  it('starts a history where there is none, folder and all, with nothing to forecast yet', async ({ expect }) => {
    const result = await track(undefined, {}, balanceReply(), NOW)
    expect(result.code).toBe(0)
    expect(result.warnings).toEqual([])
    expect(Object.fromEntries(TREND_OUTPUTS.map(n => [n, result.outputs[n]]))).toEqual(
      Object.fromEntries(TREND_OUTPUTS.map(n => [n, '']))
    )
    const lines = result.lines()
    expect(lines).toHaveLength(1)
    expect(lines[0]).toEqual({
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      credit: 50,
      free_credit: 20,
      referral_credits: 5,
      total_credits: 75
    })
    expect(Date.parse(lines[0].at)).toBe(NOW)
    expect(result.summary).not.toContain('```mermaid')
    expect(seen(result)).toMatchSnapshot()
  })

  it('spending 25 a day: used 25 since the last reading, 3 days left, and a chart', async ({ expect }) => {
    const result = await track(line(2, 125, NOW) + line(1, 100, NOW), {}, balanceReply(), NOW)
    expect(result.code).toBe(0)
    expect(result.lines().map(l => l.total_credits)).toEqual([125, 100, 75])
    expect(result.outputs).toMatchObject({
      'credits-used-since-last': '25',
      'burn-rate-per-day': '25',
      'days-remaining': '3',
      'depletion-date': '2026-11-18'
    })
    expect(result.summary).toContain('```mermaid')
    expect(result.summary).toMatch(/line \[125, 100, 75\]/)
    expect(seen(result)).toMatchSnapshot()
  })

  it('fails when the forecast is shorter than minimum-days-remaining, still setting the outputs and keeping the reading', async ({
    expect
  }) => {
    const result = await track(
      line(2, 125, NOW) + line(1, 100, NOW),
      { 'minimum-days-remaining': '7' },
      balanceReply(),
      NOW
    )
    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(result.errors[0]).toContain('minimum-days-remaining')
    expect(result.outputs).toMatchObject({ 'days-remaining': '3', 'total-credits': '75.0' })
    expect(result.lines()).toHaveLength(3)
    expect(result.summary).toContain('❌')
    expect(seen(result)).toMatchSnapshot()
  })

  it('passes a forecast longer than minimum-days-remaining, and one that is not known', async ({ expect }) => {
    expect((await track(line(2, 125) + line(1, 100), { 'minimum-days-remaining': '2.5' })).code).toBe(0)
    expect((await track(undefined, { 'minimum-days-remaining': '30' })).code).toBe(0)
  })

  it('leaves a top-up out of the spend, and the forecast empty on a flat balance', async ({ expect }) => {
    const topUp = await track(line(2, 100) + line(1, 50))
    expect(topUp.outputs['credits-used-since-last']).toBe('0')
    expect(Number(topUp.outputs['burn-rate-per-day'])).toBeCloseTo(50 / recorded(topUp.lines()).days, 3)
    const flat = await track(line(2, 75, NOW) + line(1, 75, NOW), {}, balanceReply(), NOW)
    expect(flat.outputs).toMatchObject({ 'burn-rate-per-day': '0', 'days-remaining': '', 'depletion-date': '' })
    expect(seen(flat).summary).toMatchSnapshot()
  })

  it('moves a corrupt history aside with a warning naming both paths, and starts afresh', async ({ expect }) => {
    const corrupt = `${line(1, 100)}this is not a reading\n`
    const result = await track(corrupt)
    expect(result.code).toBe(0)
    expect(result.warnings).toHaveLength(1)
    const aside = readdirSync(join(result.workspace, 'credits')).find(name => name.startsWith('history.jsonl.corrupt-'))
    expect(aside).toBeDefined()
    expect(result.warnings[0]).toContain(result.path)
    expect(result.warnings[0]).toContain(join(result.workspace, 'credits', aside!))
    expect(result.warnings[0]).toContain('line 2: not JSON')
    expect(readFileSync(join(result.workspace, 'credits', aside!), 'utf8')).toBe(corrupt)
    expect(result.lines()).toHaveLength(1)
  })

  it('leaves the history byte for byte as it was when the read fails', async ({ expect }) => {
    const history = line(2, 125) + line(1, 100)
    const result = await track(history, { 'max-retries': '0' }, () => ({ status: 503, body: { detail: 'down' } }))
    expect(result.code).toBe(1)
    expect(result.read()).toBe(history)
    expect(TREND_OUTPUTS.map(n => result.outputs[n])).toEqual([undefined, undefined, undefined, undefined])
  })

  it('keeps history-limit readings, and charts the last 30 days, one point a day', async ({ expect }) => {
    const many = Array.from({ length: 60 }, (_, i) => line(60 - i, 1000 - i)).join('')
    const limited = await track(many, { 'history-limit': '5' })
    expect(limited.lines().map(l => l.total_credits)).toEqual([944, 943, 942, 941, 75])
    const charted = await track(many)
    expect(charted.lines()).toHaveLength(61)
    const points = /line \[([^\]]*)\]/.exec(charted.summary ?? '')?.[1].split(', ')
    expect(points).toHaveLength(30)
    expect(points?.at(-1)).toBe('75')
    expect(figures(charted.summary?.split('\n').find(l => l.startsWith('History:')))).toEqual(['61', '60'])
  })

  it('says where the credits go: the spend of each type and when free and billable credits run out', async ({
    expect
  }) => {
    const at = (hoursAgo: number) => new Date(Date.now() - hoursAgo * 3_600_000).toISOString()
    const history =
      `{"at":"${at(48)}","credit":60,"free_credit":60,"referral_credits":5,"total_credits":125}\n` +
      `{"at":"${at(24)}","credit":55,"free_credit":40,"referral_credits":5,"total_credits":100}\n`
    const result = await track(history) // the stand-in answers 50 regular, 20 free, 5 referral
    expect(result.code).toBe(0)
    const { days, dateAfter } = recorded(result.lines())
    const rates = JSON.parse(result.outputs['burn-rates-json']) as Record<string, number>
    expect(Object.keys(rates)).toEqual(['total', 'free', 'regular', 'referral'])
    expect(rates.total).toBeCloseTo(50 / days, 3)
    expect(rates.free).toBeCloseTo(40 / days, 3)
    expect(rates.regular).toBeCloseTo(10 / days, 3)
    expect(rates.referral).toBe(0)
    expect(result.outputs['free-depletion-date']).toBe(dateAfter(20 / (50 / days)))
    expect(result.outputs['billable-depletion-date']).toBe(dateAfter(74 / (50 / days)))
    expect(result.summary).toContain('#### Where the credits go')
    expect(result.summary).toContain(result.outputs['free-depletion-date'])
    expect(result.summary).toContain('(55 credits)')
  })
})

/** Readings `hoursAgo` (before `now`) of `total` credits, all regular. */
function hourly(points: [hoursAgo: number, total: number][], now?: number): string {
  return points.map(([hours, total]) => line(hours / 24, total, now)).join('')
}

describe.concurrent('spend guards', () => {
  /** This month's spend as the action must count it (a fall across the 1st pro rata), from the times it recorded. */
  function spentThisMonth(lines: { at: string; total_credits: number }[]): number {
    const last = new Date(lines[lines.length - 1].at)
    const start = Date.UTC(last.getUTCFullYear(), last.getUTCMonth(), 1)
    let spent = 0
    for (let i = 1; i < lines.length; i++) {
      const [from, to] = [Date.parse(lines[i - 1].at), Date.parse(lines[i].at)]
      const share = to <= start ? 0 : from >= start ? 1 : (to - start) / (to - from)
      spent += Math.max(0, lines[i - 1].total_credits - lines[i].total_credits) * share
    }
    return spent
  }

  it('fails over the monthly budget naming spend and budget, with the outputs set', async ({ expect }) => {
    const result = await track(
      hourly([
        [3, 175],
        [2, 125]
      ]),
      { 'monthly-budget': '40' }
    )
    const spent = spentThisMonth(result.lines())
    expect(spent).toBeGreaterThanOrEqual(50)
    expect(result.code).toBe(1)
    expect(result.errors).toHaveLength(1)
    expect(figures(result.errors[0])).toEqual([String(spent), '40'])
    expect(result.outputs).toMatchObject({
      'spent-this-month': String(spent),
      'over-budget': 'true',
      'total-credits': '75.0'
    })
    expect(result.summary).toContain(`${spent} of 40`)
  })

  it('warns when the month is on course to exceed the budget, and not before', async ({ expect }) => {
    // The action's clock stands at noon on 15 November: 100 spent in the last 3 hours, and 15.5 days to
    // go at that rate take the month past a budget of 101, and no further than its own forecast.
    const now = Date.parse('2026-11-15T12:00:00.000Z')
    const history = hourly(
      [
        [3, 175],
        [2, 125]
      ],
      now
    )
    const result = await track(history, { 'monthly-budget': '101' }, balanceReply(), now)
    expect(result.code).toBe(0)
    expect(result.outputs).toMatchObject({ 'spent-this-month': '100', 'over-budget': 'false' })
    const forecast = Number(result.outputs['forecast-this-month'])
    expect(forecast).toBeGreaterThan(101)
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toContain('monthly budget of 101')
    const under = await track(history, { 'monthly-budget': String(Math.ceil(forecast) + 1) }, balanceReply(), now)
    expect(under.code).toBe(0)
    expect(under.warnings).toEqual([])
    expect(under.outputs['over-budget']).toBe('false')
  })

  it('raises the runaway-spend alarm after a quiet week, saying how much, over how long and how many times', async ({
    expect
  }) => {
    const quiet = Array.from({ length: 7 }, (_, i): [number, number] => [(6 - i) * 24 + 6, 1000 - i * 24])
    const result = await track(hourly(quiet, NOW), { 'spike-factor': '3' }, balanceReply(), NOW)
    expect(result.code).toBe(0)
    expect(result.outputs['spend-spike']).toBe('true')
    expect(result.warnings).toHaveLength(1)
    expect(figures(result.warnings[0]).slice(0, 2)).toEqual(['781', '6'])
    expect(seen(result)).toMatchSnapshot()
  })

  it('keeps the alarm silent and its output empty while the usual rate is unknown', async ({ expect }) => {
    const result = await track(
      hourly([
        [3, 175],
        [2, 125]
      ]),
      { 'spike-factor': '3' }
    )
    expect(result.outputs['spend-spike']).toBe('')
    expect(result.warnings).toEqual([])
    expect(
      (
        await track(
          hourly([
            [3, 175],
            [2, 125]
          ])
        )
      ).outputs['spend-spike']
    ).toBe('')
  })

  it('needs history-file for either guard', async ({ expect }) => {
    const server = await startStandIn()
    try {
      const result = await runAction({
        inputs: { 'api-key': 'sk-track-guards', 'base-url': server.url, 'spike-factor': '3' }
      })
      expect(result.code).toBe(1)
      expect(result.errors[0]).toContain('`spike-factor`')
      expect(result.errors[0]).toContain('`history-file`')
      expect(server.requests).toHaveLength(0)
    } finally {
      await server.close()
    }
  })
})
