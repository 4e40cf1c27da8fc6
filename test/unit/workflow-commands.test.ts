import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { neutraliseCommands } from '../../src/logic/workflow-commands.js'
import { evaluate } from '../../src/logic/policy.js'
import { analyse } from '../../src/logic/tracking.js'
import { DAY_MS, type Reading } from '../../src/logic/trend.js'
import { balanceReport } from '../../src/render/report.js'
import { runnerCommands } from '../../scripts/run-action.mjs'
import { balanceOf, inputsWith } from './fixtures.js'

const commandsIn = (text: string) => runnerCommands(text).map(c => `${c.syntax}${c.command}`)

describe('the runner model (scripts/run-action.mjs) the tests read output with', () => {
  it('finds both syntaxes as actions/runner reads them', () => {
    expect(commandsIn('::error::x')).toEqual(['::error'])
    expect(commandsIn(' \t\u00a0::warning file=a::x')).toEqual(['::warning'])
    expect(commandsIn('a ::error::x')).toEqual([])
    expect(commandsIn('::bogus::x')).toEqual([])
    expect(commandsIn('text ##[set-output name=total-credits]999999')).toEqual(['##[set-output'])
    expect(commandsIn('::bogus::##[stop-commands]x')).toEqual(['##[stop-commands'])
    // A `::` command line is not read for a legacy one as well.
    expect(commandsIn('::error::##[set-output name=a]1')).toEqual(['::error'])
    expect(commandsIn('a\r::error::x\r\n::add-mask::y\nb')).toEqual(['::error', '::add-mask'])
    // .NET's culture-sensitive search skips ignorable characters.
    expect(commandsIn('#\u200b#[group]x')).toEqual(['##[group'])
    expect(commandsIn('\ufeff::error::x')).toEqual(['::error'])
  })
})

describe('neutraliseCommands', () => {
  it.each([
    ['a line starting with ::', '::error::x', '\\::error::x'],
    ['after leading white space', '  \t::warning::x', '  \t\\::warning::x'],
    [
      'after white space .NET trims',
      '\u00a0\u2003\u2028::set-output name=a::1',
      '\u00a0\u2003\u2028\\::set-output name=a::1'
    ],
    ['after an ignorable character', '\u200b::error::x', '\u200b\\::error::x'],
    ['split by an ignorable character', ':\u200d:error::x', '\\:\u200d:error::x'],
    ['after a line feed', 'Retrying: \n::error::x', 'Retrying: \n\\::error::x'],
    ['after a carriage return', 'a\r::error::x', 'a\r\\::error::x'],
    ['after CR LF', 'a\r\n  ::error::x', 'a\r\n  \\::error::x'],
    [
      '##[ anywhere',
      'HTTP 503: ##[set-output name=total-credits]999999',
      'HTTP 503: ##\\[set-output name=total-credits]999999'
    ],
    ['##[stop-commands]', '##[stop-commands]x', '##\\[stop-commands]x'],
    ['##[ more than once', '##[group]a ##[endgroup]', '##\\[group]a ##\\[endgroup]'],
    ['###[', '###[error]x', '###\\[error]x'],
    ['##[ split by ignorable characters', '#\u200b#\u2060[error]x', '#\u200b#\u2060\\[error]x'],
    ['both on one line', '::x::##[error]y', '\\::x::##\\[error]y']
  ])('neutralises %s', (_what, text, expected) => {
    expect(commandsIn(text)).not.toEqual([])
    const safe = neutraliseCommands(text)
    expect(safe).toBe(expected)
    expect(commandsIn(safe)).toEqual([])
  })

  it.each([
    ['a colon in a line', 'Attempt 1 of 3 failed: HTTP 503: try later.'],
    [':: inside a line', 'see a::b and C:\\Users\\runner'],
    ['a single colon at the start', ': not a command'],
    ['# and [ apart', '# [x] #a[b] C# [1]'],
    ['an empty text', ''],
    ['a Markdown heading and table', '### Swarms credit balance\n\n| Credit type | Balance |\n| --- | ---: |']
  ])('leaves %s as it is', (_what, text) => {
    expect(neutraliseCommands(text)).toBe(text)
  })

  it('is idempotent, and what it leaves holds no command, for every mix of the marks tried', () => {
    // A deterministic sweep over short texts made of the pieces that matter.
    const pieces = ['#', '##[', '[', ']', ':', '::', 'error', 'stop-commands ', ' ', '\n', '\r', '\u200b', '\\']
    let seed = 2463534242
    const next = () => {
      seed ^= seed << 13
      seed ^= seed >>> 17
      seed ^= seed << 5
      return seed >>> 0
    }
    let forged = 0
    for (let n = 0; n < 20_000; n++) {
      const text = Array.from({ length: 4 + (next() % 14) }, () => pieces[next() % pieces.length]).join('')
      if (runnerCommands(text).length) forged++
      const safe = neutraliseCommands(text)
      expect(runnerCommands(safe), JSON.stringify(text)).toEqual([])
      expect(neutraliseCommands(safe)).toBe(safe)
    }
    expect(forged).toBeGreaterThan(100)
  })

  it('keeps Markdown as it reads: in the summary, ##\\[ and \\:: render as ##[ and ::', () => {
    const text = '::error::x and ##[set-output name=a]1'
    const html = (markdown: string) => marked.parse(markdown, { async: false })
    expect(html(neutraliseCommands(text))).toBe(html(text))
  })

  it("changes none of the action's own words: a full report with a history, chart and warnings", () => {
    const now = Date.parse('2026-11-24T06:00:00.000Z')
    const values = (total: number) => ({ regular: total - 5, free: 0, referral: 5, total })
    const history: Reading[] = [30, 20, 10, 3, 1].map((days, i) => ({
      at: now - days * DAY_MS,
      values: values(300 - i * 50)
    }))
    const balance = balanceOf(45, 0, 5)
    const current: Reading = { at: now, values: balance.values }
    const inputs = inputsWith({
      historyFile: '/h.jsonl',
      minimumDaysRemaining: 30,
      monthlyBudget: 10,
      warningCredits: 60
    })
    const tracking = analyse([...history, current], current, inputs)
    const verdict = evaluate(balance, inputs, tracking.tracked)
    const report = balanceReport(
      { balance, rateLimit: { tier: 'free', remainingMinute: 94, limitMinute: 100 } },
      verdict,
      inputs,
      tracking,
      { path: '/h.jsonl', tornLine: 12, notSaved: 'EACCES' }
    )
    const texts = [...report.log, ...report.warnings, report.error ?? '', report.summary ?? '']
    expect(report.summary).toMatch(/```mermaid/)
    expect(report.warnings.length + (report.error ? 1 : 0)).toBeGreaterThan(1)
    for (const text of texts) expect(neutraliseCommands(text)).toBe(text)
  })
})
