import { describe, expect, it } from 'vitest'
import type { Answer } from '../../src/model.js'
import { parseBalance } from '../../src/logic/balance.js'
import { ActionError } from '../../src/logic/errors.js'
import { evaluate } from '../../src/logic/policy.js'
import { analyse } from '../../src/logic/tracking.js'
import { DAY_MS, type Reading } from '../../src/logic/trend.js'
import { balanceReport, failureReport } from '../../src/render/report.js'
import { codeSpan, progressBar, rateLimitText } from '../../src/render/summary.js'
import { figures } from '../support/figures.js'
import { balanceOf, inputsWith } from './fixtures.js'

const NOW = Date.parse('2026-11-24T06:00:00.000Z')

function answerOf(credit: number, free: number, referral: number, rateLimit = {}): Answer {
  return { balance: balanceOf(credit, free, referral), rateLimit }
}

function reading(daysAgo: number, credit: number, free = 0, referral = 0): Reading {
  return { at: NOW - daysAgo * DAY_MS, values: { regular: credit, free, referral, total: credit + free + referral } }
}

function report(answer: Answer, overrides = {}, history?: Reading[]) {
  const inputs = inputsWith(overrides)
  const current: Reading = { at: NOW, values: answer.balance.values }
  const tracking = history ? analyse([...history, current], current, inputs) : undefined
  const verdict = evaluate(answer.balance, inputs, tracking?.tracked)
  return balanceReport(answer, verdict, inputs, tracking, history ? { path: '/h.jsonl' } : undefined)
}

describe('the outputs', () => {
  it('gives every balance output, the numbers as the API wrote them', () => {
    const balance = parseBalance(
      '{"credit": "50.00", "free_credit": 0.0, "referral_credits": 5, "total_credits": 55.0, "extra": true}'
    )
    const { outputs } = report(
      { balance, rateLimit: { tier: 'free', remainingMinute: 94, remainingDay: 1047 } },
      { minimumCredits: 60 }
    )
    expect(outputs).toEqual({
      'total-credits': '55.0',
      'regular-credits': '50.00',
      'free-credits': '0.0',
      'referral-credits': '5',
      'below-minimum': 'true',
      'next-credit-type': 'regular',
      billable: 'true',
      'balance-json':
        '{"credit": "50.00", "free_credit": 0.0, "referral_credits": 5, "total_credits": 55.0, "extra": true}',
      'rate-limit-tier': 'free',
      'requests-remaining-minute': '94',
      'requests-remaining-day': '1047'
    })
  })

  it('gives the spend of each type, and the dates free credits and the billable balance run out', () => {
    // 25 a day over two days: 20 of it free, 5 regular.
    const { outputs } = report(answerOf(50, 20, 5), { historyFile: '/h.jsonl' }, [
      reading(2, 60, 60, 5),
      reading(1, 55, 40, 5)
    ])
    expect(JSON.parse(outputs['burn-rates-json'])).toEqual({ total: 25, free: 20, regular: 5, referral: 0 })
    expect(Object.keys(JSON.parse(outputs['burn-rates-json']))).toEqual(['total', 'free', 'regular', 'referral'])
    expect(outputs['free-depletion-date']).toBe('2026-11-25') // 20 free at 25 a day: 0.8 days after 06:00
    expect(outputs['billable-depletion-date']).toBe('2026-11-27') // 74 above the floor: 2.96 days
    expect(outputs['spent-this-month']).toBe('50')
    expect(outputs['over-budget']).toBe('')
    expect(outputs['spend-spike']).toBe('')
  })
})

describe('the annotations', () => {
  it('fails below the minimum, naming the balance and the minimum, with the floor in the error', () => {
    const { error, warnings } = report(answerOf(0.5, 0, 0), { minimumCredits: 10 })
    expect(figures(error)).toEqual(['0.5', '10', '0.5', '402', '1.00'])
    expect(error).toContain('(minimum-credits)')
    expect(warnings).toEqual([])
    expect(error).toMatchSnapshot()
  })

  it('warns once at the billable floor when nothing fails', () => {
    const { error, warnings, summary } = report(answerOf(1, 0, 0))
    expect(error).toBeUndefined()
    expect(warnings).toHaveLength(1)
    expect(figures(warnings[0])).toEqual(['1', '402', '1.00'])
    expect(figures(summary)).toEqual(expect.arrayContaining(['402', '1.00']))
    expect({ warnings, summary }).toMatchSnapshot()
  })

  it('fails over budget and names spend and budget; warns when only the forecast is over', () => {
    const history = [reading(3, 300), reading(2, 250), reading(1, 200)] // 50 a day, 150 this month
    const over = report(answerOf(150, 0, 0), { historyFile: '/h', monthlyBudget: 100 }, history)
    expect(figures(over.error)).toEqual(['150', '100'])
    expect(over.outputs['over-budget']).toBe('true')
    const course = report(answerOf(150, 0, 0), { historyFile: '/h', monthlyBudget: 200 }, history)
    expect(course.error).toBeUndefined()
    expect(figures(course.warnings[0])).toEqual(['150', '487.5', '200']) // 150 + 50 × 6.75 days
    expect(course.summary).toContain('150 of 200')
    expect(course.summary).toContain('487.5')
    expect({ over: over.error, course: course.warnings, summary: course.summary }).toMatchSnapshot()
  })

  it('warns of a spike with what was spent, over how long, and how many times the usual rate', () => {
    const quiet = Array.from({ length: 8 }, (_, i) => reading(7.25 - i, 1000 - i * 24)) // 24 a day
    const { warnings, outputs } = report(answerOf(700, 0, 0), { historyFile: '/h', spikeFactor: 3 }, quiet)
    expect(outputs['spend-spike']).toBe('true')
    expect(figures(warnings[0])).toEqual(['132', '6', '22'])
    expect(warnings[0]).toMatchSnapshot()
  })
})

describe('numbers in words and outputs', () => {
  it('gives days-remaining as 0 only at the minimum: 10.00001 against 10 at 10 a day is not 0', () => {
    const history = [reading(2, 30.00001), reading(1, 20.00001)]
    const { outputs, log } = report(answerOf(10.00001, 0, 0), { historyFile: '/h', minimumCredits: 10 }, history)
    expect(outputs['below-minimum']).toBe('false')
    expect(Number(outputs['days-remaining'])).toBeGreaterThan(0)
    expect(outputs['days-remaining']).toMatch(/^0\.0+\d+$/)
    expect(log.join('\n')).not.toMatch(/\b0 total credits above/)
    expect(log.join('\n')).toMatch(/the 0\.00001 total credits above the minimum of 10/)
  })

  it('shows a rate too small for cents as non-zero, and one rounding for a rate everywhere in the summary', () => {
    // 0.0033 a day, 75 left: about 22,700 days.
    const history = [reading(3, 75.0099), reading(0.5, 75.00165)]
    const { summary, log } = report(answerOf(75, 0, 0), { historyFile: '/h' }, history)
    const text = `${summary}\n${log.join('\n')}`
    expect(text).not.toMatch(/\b0 credits a day/)
    const rates = [...text.matchAll(/([\d.]+) credits? a day/g)].map(m => m[1])
    expect(rates.length).toBeGreaterThanOrEqual(3)
    expect(new Set(rates)).toEqual(new Set(['0.0033']))
    const flow = (summary ?? '').slice((summary ?? '').indexOf('#### Where the credits go'))
    const table = /\| Total \| 75 \| ([^|]*) \|/.exec(flow)?.[1].trim()
    expect(table).toBe('0.0033')
  })

  it('says "1 credit a day" and "1 day", not "1 credits" or "1 days"', () => {
    const history = [reading(2, 5), reading(1, 4)] // 1 a day, 3 left: about 3 days
    const { summary, log } = report(answerOf(3, 0, 0), { historyFile: '/h', minimumCredits: 2 }, history)
    const text = `${summary}\n${log.join('\n')}`
    expect(text).toMatch(/\b1 credit a day/)
    expect(text).toMatch(/the 1 total credit above the minimum of 2 last about 1 day,/)
    expect(text).not.toMatch(/\b1 (credits|days|minutes|total credits)\b/)
  })

  it('words a spike on an account that usually spends nothing without "Infinity"', () => {
    const flat = Array.from({ length: 15 }, (_, i) => reading(14.5 - i, 1000))
    const { warnings, summary, outputs } = report(answerOf(200, 0, 0), { historyFile: '/h', spikeFactor: 3 }, [
      ...flat,
      reading(1 / 24, 1000)
    ])
    expect(outputs['spend-spike']).toBe('true')
    expect(warnings[0]).toMatch(/800 credits in the last 60 minutes, where the account usually spends nothing\./)
    expect(`${warnings.join('\n')}${summary}`).not.toMatch(/Infinity/)
  })
})

describe('the summary', () => {
  it('shows the balances in spending order, the gate and the verdict', () => {
    const { summary } = report(answerOf(50, 20, 5), { creditType: 'regular', minimumCredits: 60, warningCredits: 80 })
    const rows = summary!.split('\n').filter(line => /^\| (Free|Regular|Referral|Total)/.test(line))
    expect(rows.map(row => row.split(' | ').slice(1, 2))).toEqual([['20'], ['50'], ['5'], ['75']])
    expect(rows[1]).toContain('gated')
    expect(summary).toContain('❌')
    expect(summary).toMatchSnapshot()
  })

  it('shows the rate limits the answer reported', () => {
    expect(
      rateLimitText({ tier: 'free', remainingMinute: 94, limitMinute: 100, remainingDay: 1047, limitDay: 1200 })
    ).toBe('Free tier: 94 of 100 requests left this minute, 1,047 of 1,200 today.')
    expect(rateLimitText({ tier: '[x](y)' })).toBe('` [x](y) ` tier.')
    expect(rateLimitText({})).toBeUndefined()
  })

  it('says how many readings the history holds and over how long, and where the credits go', () => {
    const { summary } = report(answerOf(50, 20, 5), { historyFile: '/h' }, [
      reading(9, 200, 20, 5),
      reading(4, 100, 20, 5)
    ])
    expect(summary).toContain('#### Where the credits go')
    expect(summary).toMatchSnapshot()
  })

  it('gives no forecast from a history spanning minutes', () => {
    const ten = { at: NOW - 10 * 60_000, values: { regular: 80, free: 0, referral: 0, total: 80 } }
    const { summary, outputs } = report(answerOf(75, 0, 0), { historyFile: '/h' }, [ten])
    expect(outputs['burn-rate-per-day']).toBe('')
    expect(summary).toMatchSnapshot()
  })

  it('shows API text in a code span, whatever backticks it holds', () => {
    expect(codeSpan('a `b` ![x](y)')).toBe('`` a `b` ![x](y) ``')
    expect(progressBar(0.5)).toBe(`\`${'█'.repeat(10)}${'░'.repeat(10)}\``)
    expect(progressBar(3)).toBe(`\`${'█'.repeat(20)}\``)
  })
})

describe('a run that read no balance', () => {
  it('fails with one line, advising fail-on-api-error only while it is true', () => {
    const outage = new ActionError('outage', 'Could not read the balance: HTTP 503. Try again later.')
    const failing = failureReport(outage, inputsWith())
    expect(failing.error).toContain('`fail-on-api-error: false`')
    const tolerated = failureReport(outage, inputsWith({ failOnApiError: false }))
    expect(tolerated.error).toBeUndefined()
    expect(tolerated.warnings[0]).not.toContain('`fail-on-api-error: false`')
    expect({ failing, tolerated }).toMatchSnapshot()
  })

  it('fails on a rejected key whatever fail-on-api-error says, and writes no summary for bad inputs', () => {
    const rejected = failureReport(new ActionError('rejected', 'rejected'), inputsWith({ failOnApiError: false }))
    expect(rejected.error).toBe('rejected')
    expect(failureReport(new ActionError('input', 'bad input')).summary).toBeUndefined()
    const unexpected = failureReport(new Error('boom'))
    expect(unexpected.error).toContain('boom')
    expect(unexpected.error).toMatchSnapshot()
  })
})
