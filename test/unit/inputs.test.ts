import { describe, expect, it } from 'vitest'
import { InputError, readApiKey, readInputs, type Env } from '../../src/logic/inputs.js'
import { inputErrorText } from '../../src/render/input-errors.js'

const KEY = { 'INPUT_API-KEY': 'sk-abcdef12' }
/** The directory a relative history-file resolves against (main passes GITHUB_WORKSPACE, else its cwd). */
const WORKSPACE = process.platform === 'win32' ? 'D:\\w' : '/w'

/** The input error readInputs throws, with the words the action shows for it. */
function failure(env: Env): { kind: string; message: string } {
  try {
    readInputs(env, WORKSPACE)
  } catch (error) {
    if (error instanceof InputError) return { kind: error.kind, message: inputErrorText(error.problem) }
    throw error
  }
  throw new Error('readInputs accepted the inputs')
}

describe('readInputs', () => {
  it('fills every default when only the key is given', () => {
    expect(readInputs(KEY, WORKSPACE)).toEqual({
      apiKey: 'sk-abcdef12',
      baseUrl: 'https://api.swarms.world',
      minimumCredits: 0,
      creditType: 'total',
      warningCredits: undefined,
      failOnApiError: true,
      maxRetries: 3,
      timeoutSeconds: 30,
      summary: true,
      historyFile: undefined,
      historyLimit: 1000,
      minimumDaysRemaining: undefined,
      monthlyBudget: undefined,
      spikeFactor: undefined,
      measureJob: false,
      maxJobSpend: undefined
    })
  })

  it('measures the job with measure-job, or with max-job-spend alone (kept as written, for exact comparison)', () => {
    expect(readInputs({ ...KEY, 'INPUT_MEASURE-JOB': 'true' }, WORKSPACE)).toMatchObject({ measureJob: true })
    expect(readInputs({ ...KEY, 'INPUT_MEASURE-JOB': 'false' }, WORKSPACE)).toMatchObject({ measureJob: false })
    expect(readInputs({ ...KEY, 'INPUT_MAX-JOB-SPEND': '3.420' }, WORKSPACE)).toMatchObject({
      measureJob: true,
      maxJobSpend: '3.420'
    })
    expect(readInputs({ ...KEY, 'INPUT_MEASURE-JOB': 'false', 'INPUT_MAX-JOB-SPEND': '0' }, WORKSPACE)).toMatchObject({
      measureJob: true,
      maxJobSpend: '0'
    })
  })

  it.skipIf(process.platform === 'win32')(
    'resolves history-file against the workspace, and reads the tracking inputs',
    () => {
      const inputs = readInputs(
        {
          ...KEY,
          'INPUT_HISTORY-FILE': '.swarms/history.jsonl',
          'INPUT_HISTORY-LIMIT': '2',
          'INPUT_MINIMUM-DAYS-REMAINING': '7.5'
        },
        '/home/runner/work/repo'
      )
      expect(inputs).toMatchObject({
        historyFile: '/home/runner/work/repo/.swarms/history.jsonl',
        historyLimit: 2,
        minimumDaysRemaining: 7.5
      })
      expect(readInputs({ ...KEY, 'INPUT_HISTORY-FILE': '/var/tmp/h.jsonl' }, WORKSPACE).historyFile).toBe(
        '/var/tmp/h.jsonl'
      )
    }
  )

  it.runIf(process.platform === 'win32')('resolves history-file against a Windows workspace', () => {
    const inputs = readInputs(
      {
        ...KEY,
        'INPUT_HISTORY-FILE': '.swarms/history.jsonl'
      },
      'D:\\a\\repo\\repo'
    )
    expect(inputs.historyFile).toBe('D:\\a\\repo\\repo\\.swarms\\history.jsonl')
    expect(readInputs({ ...KEY, 'INPUT_HISTORY-FILE': 'C:\\h.jsonl' }, WORKSPACE).historyFile).toBe('C:\\h.jsonl')
  })

  it('reads every input as the runner passes it', () => {
    const inputs = readInputs(
      {
        ...KEY,
        'INPUT_BASE-URL': 'https://proxy.example.com/swarms/',
        'INPUT_MINIMUM-CREDITS': ' 10.5 ',
        'INPUT_CREDIT-TYPE': 'free',
        'INPUT_WARNING-CREDITS': '.5',
        'INPUT_FAIL-ON-API-ERROR': 'False',
        'INPUT_MAX-RETRIES': '0',
        'INPUT_TIMEOUT-SECONDS': '2.5',
        INPUT_SUMMARY: 'FALSE'
      },
      WORKSPACE
    )
    expect(inputs).toMatchObject({
      baseUrl: 'https://proxy.example.com/swarms',
      minimumCredits: 10.5,
      creditType: 'free',
      warningCredits: 0.5,
      failOnApiError: false,
      maxRetries: 0,
      timeoutSeconds: 2.5,
      summary: false
    })
  })

  it('takes the key from SWARMS_API_KEY when the input is empty, the input first otherwise', () => {
    expect(readApiKey({ 'INPUT_API-KEY': '', SWARMS_API_KEY: 'sk-env' })).toBe('sk-env')
    expect(readApiKey({ 'INPUT_API-KEY': 'sk-input', SWARMS_API_KEY: 'sk-env' })).toBe('sk-input')
  })

  it('names both places when there is no key', () => {
    const error = failure({ 'INPUT_API-KEY': '  ', SWARMS_API_KEY: '' })
    expect(error.kind).toBe('input')
    expect(error.message).toMatch(/`api-key`.*SWARMS_API_KEY/)
  })

  it.each([
    ['INPUT_API-KEY', 'sk abcdef12', /`api-key`.*not an API key.*without spaces/],
    ['INPUT_API-KEY', 'sk-abc\u200bdef12', /`api-key`.*printable ASCII/],
    ['INPUT_API-KEY', 'sk-🔑-abcdef12', /`api-key`.*printable ASCII/],
    ['INPUT_API-KEY', 'abcdefg', /`api-key`.*at least 8 characters/],
    ['INPUT_BASE-URL', 'http://api.swarms.world', /`base-url`.*https is required/],
    ['INPUT_BASE-URL', 'http://10.0.0.1:8080', /`base-url`.*https is required/],
    ['INPUT_BASE-URL', 'ftp://127.0.0.1', /`base-url`.*https is required/],
    ['INPUT_BASE-URL', 'api.swarms.world', /`base-url`.*not a URL/],
    ['INPUT_BASE-URL', 'https://user:pw@api.swarms.world', /`base-url`.*no credentials/],
    ['INPUT_MINIMUM-CREDITS', '-1', /`minimum-credits` is "-1".*non-negative decimal/],
    ['INPUT_MINIMUM-CREDITS', 'ten', /`minimum-credits`.*non-negative decimal/],
    ['INPUT_MINIMUM-CREDITS', '1e3', /`minimum-credits`/],
    ['INPUT_MINIMUM-CREDITS', 'Infinity', /`minimum-credits`/],
    ['INPUT_WARNING-CREDITS', '5%', /`warning-credits`/],
    ['INPUT_CREDIT-TYPE', 'purchased', /`credit-type` is "purchased".*total, free, regular, referral/],
    ['INPUT_FAIL-ON-API-ERROR', 'yes', /`fail-on-api-error`.*true or false/],
    ['INPUT_SUMMARY', '1', /`summary`.*true or false/],
    ['INPUT_MAX-RETRIES', '1.5', /`max-retries`.*whole number from 0 to 10/],
    ['INPUT_MAX-RETRIES', '11', /`max-retries`/],
    ['INPUT_TIMEOUT-SECONDS', '0', /`timeout-seconds`.*above 0/],
    ['INPUT_TIMEOUT-SECONDS', '601', /`timeout-seconds`/],
    ['INPUT_HISTORY-LIMIT', '1', /`history-limit` is "1".*whole number from 2 to 100000/],
    ['INPUT_HISTORY-LIMIT', '100001', /`history-limit`/],
    ['INPUT_MONTHLY-BUDGET', '300', /`monthly-budget` needs `history-file`/],
    ['INPUT_SPIKE-FACTOR', '3', /`spike-factor` needs `history-file`/],
    ['INPUT_MINIMUM-DAYS-REMAINING', '3', /`minimum-days-remaining` needs `history-file`/],
    ['INPUT_MEASURE-JOB', 'yes', /`measure-job`.*true or false/],
    ['INPUT_MAX-JOB-SPEND', '-1', /`max-job-spend` is "-1".*non-negative decimal/],
    ['INPUT_MAX-JOB-SPEND', '1e3', /`max-job-spend`.*non-negative decimal/],
    ['INPUT_MAX-JOB-SPEND', '5 credits', /`max-job-spend`.*non-negative decimal/]
  ])('rejects %s=%j, naming the input and what it accepts', (variable, value, message) => {
    const error = failure({ ...KEY, [variable]: value })
    expect(error.kind).toBe('input')
    expect(error.message).toMatch(message)
  })

  it('never echoes the key, and clips any other echo to 100 characters', () => {
    const key = 'sk-abc def-secret-value'
    expect(failure({ 'INPUT_API-KEY': key }).message).not.toContain('secret-value')
    const long = failure({ ...KEY, 'INPUT_MINIMUM-CREDITS': 'x'.repeat(100_000) }).message
    expect(long).toContain(`"${'x'.repeat(100)}…"`)
    expect(long.length).toBeLessThan(250)
  })

  it('reads the spend guards with a history, a spike factor only above 1', () => {
    const tracked = { ...KEY, 'INPUT_HISTORY-FILE': 'h.jsonl' }
    expect(
      readInputs({ ...tracked, 'INPUT_MONTHLY-BUDGET': '300', 'INPUT_SPIKE-FACTOR': '2.5' }, WORKSPACE)
    ).toMatchObject({
      monthlyBudget: 300,
      spikeFactor: 2.5
    })
    expect(failure({ ...tracked, 'INPUT_SPIKE-FACTOR': '1' }).message).toMatch(/`spike-factor` is "1".*above 1/)
    expect(failure({ ...tracked, 'INPUT_MONTHLY-BUDGET': '-5' }).message).toMatch(/`monthly-budget`/)
  })

  it('rejects a minimum-days-remaining that is not a number', () => {
    const error = failure({ ...KEY, 'INPUT_HISTORY-FILE': 'h.jsonl', 'INPUT_MINIMUM-DAYS-REMAINING': 'a week' })
    expect(error.message).toMatch(/`minimum-days-remaining` is "a week".*non-negative decimal/)
  })

  it('never repeats credentials from a base-url', () => {
    expect(failure({ ...KEY, 'INPUT_BASE-URL': 'https://user:hunter2@api.swarms.world' }).message).not.toContain(
      'hunter2'
    )
  })

  it.each(['http://127.0.0.1:8080', 'http://localhost:3000/', 'http://[::1]:9000', 'http://127.1.2.3'])(
    'accepts plain http to loopback: %s',
    url => {
      expect(readInputs({ ...KEY, 'INPUT_BASE-URL': url }, WORKSPACE).baseUrl).toBe(url.replace(/\/$/, ''))
    }
  )
})
