// The post step's report as data: which annotations, which warnings about the history, and the error.
import { describe, expect, it } from 'vitest'
import { ActionError } from '../../src/logic/errors.js'
import { jobSpend, microValues, type JobReading } from '../../src/logic/job-spend.js'
import { jobEndFailureReport, jobSpendReport } from '../../src/render/job-report.js'
import { inputsWith } from './fixtures.js'

function reading(at: number, total: string, free: string): JobReading {
  return { at, micro: microValues({ total, free, regular: '50', referral: '0' })! }
}

const spend = jobSpend(reading(0, '70', '20'), reading(60_000, '67.5', '17.5'))

describe('jobSpendReport', () => {
  it('a spend within the limit: a notice, no error, and the history’s notes as warnings', () => {
    const report = jobSpendReport(spend, { limit: '3', over: false }, 60_000, inputsWith(), {
      path: '/h.jsonl',
      tornLine: 17,
      notSaved: 'EROFS'
    })
    expect(report.notices).toHaveLength(1)
    expect(report.error).toBeUndefined()
    expect(report.warnings).toHaveLength(2)
    expect(report.warnings.every(w => w.includes('/h.jsonl'))).toBe(true)
  })

  it('a spend over the limit: the error alone, no notice; an unreadable history is one warning', () => {
    const report = jobSpendReport(spend, { limit: '2', over: true }, 60_000, inputsWith({ summary: false }), {
      path: '/h.jsonl',
      unreadable: 'EACCES'
    })
    expect(report.notices).toEqual([])
    expect(report.error).toContain('2.5')
    expect(report.warnings).toHaveLength(1)
    expect(report.warnings[0]).toContain('EACCES')
    expect(report.summary).toBeUndefined()
  })
})

describe('jobEndFailureReport', () => {
  it('an outage warns under fail-on-api-error: false and fails otherwise; an unexpected error fails', () => {
    const outage = new ActionError('outage', 'HTTP 503')
    expect(jobEndFailureReport(outage, inputsWith({ failOnApiError: false })).error).toBeUndefined()
    expect(jobEndFailureReport(outage, inputsWith({ failOnApiError: false })).warnings).toHaveLength(1)
    expect(jobEndFailureReport(outage, inputsWith()).error).toContain('HTTP 503')
    const unexpected = jobEndFailureReport(new TypeError('broken'), inputsWith({ failOnApiError: false }))
    expect(unexpected.error).toContain('broken')
    expect(unexpected.warnings).toEqual([])
  })
})
