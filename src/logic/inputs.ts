/**
 * Reading and validating the inputs, from the environment the runner sets (`INPUT_<NAME>`).
 * Every input is checked before any request; an invalid one raises an `input` ActionError that names
 * it and says what it accepts.
 */
import { isAbsolute, resolve } from 'node:path'
import { inputVariable } from './api.js'
import { FALSE_VALUES } from './measure-gate.js'
import { CREDIT_TYPES, type CreditType } from './balance.js'
import { ActionError, clip, oneLine } from './errors.js'
import { FRAGMENT_LENGTH } from './secret.js'

/**
 * Each input's default, as action.yml declares it (a repository test keeps the two equal). The runner
 * fills these in; they apply here when the action runs without it (locally, or from a test).
 */
export const DEFAULTS = {
  'api-key': '',
  'base-url': 'https://api.swarms.world',
  'minimum-credits': '0',
  'credit-type': 'total',
  'warning-credits': '',
  'fail-on-api-error': 'true',
  'max-retries': '3',
  'timeout-seconds': '30',
  summary: 'true',
  'history-file': '',
  'history-limit': '1000',
  'minimum-days-remaining': '',
  'monthly-budget': '',
  'spike-factor': '',
  'measure-job': 'false',
  'max-job-spend': ''
} as const satisfies Record<string, string>
export type InputName = keyof typeof DEFAULTS

export const DEFAULT_BASE_URL = DEFAULTS['base-url']
export const MAX_RETRIES_LIMIT = 10
export const TIMEOUT_SECONDS_LIMIT = 600
export const HISTORY_LIMIT_MAX = 100_000
/** The most characters of a bad value an error message repeats. */
export const ECHO_LIMIT = 100

export interface Inputs {
  readonly apiKey: string
  /** Normalised: no trailing slash. */
  readonly baseUrl: string
  readonly minimumCredits: number
  readonly creditType: CreditType
  readonly warningCredits?: number
  readonly failOnApiError: boolean
  readonly maxRetries: number
  readonly timeoutSeconds: number
  readonly summary: boolean
  /** Absolute; undefined when tracking is off. */
  readonly historyFile?: string
  readonly historyLimit: number
  readonly minimumDaysRemaining?: number
  /** Credits the account may spend in one calendar month (UTC); undefined for no budget. */
  readonly monthlyBudget?: number
  /** The runaway-spend alarm's factor (above 1); undefined for no alarm. */
  readonly spikeFactor?: number
  /** Whether the job's spend is measured (measure-job, or max-job-spend set). */
  readonly measureJob: boolean
  /** The most credits the job may spend, as the input gave it (a non-negative decimal); undefined for no limit. */
  readonly maxJobSpend?: string
}

export type Env = Readonly<Record<string, string | undefined>>

/** The value the runner passes for input `name`, trimmed; '' when unset. Same rule as core.getInput. */
export function inputValue(env: Env, name: string): string {
  return (env[inputVariable(name)] ?? '').trim()
}

/** The API key: the `api-key` input, else SWARMS_API_KEY; '' when neither is set. */
export function readApiKey(env: Env): string {
  return inputValue(env, 'api-key') || (env.SWARMS_API_KEY ?? '').trim()
}

/** Printable ASCII without spaces (0x21-0x7E): every character an API key can hold. */
const KEY_CHARACTERS = /^[\x21-\x7e]+$/

/**
 * The inputs, checked. `workspace` is the absolute directory a relative `history-file` resolves against
 * (the edge passes GITHUB_WORKSPACE, else the process's working directory).
 */
export function readInputs(env: Env, workspace: string): Inputs {
  const apiKey = readApiKey(env)
  if (!apiKey) {
    throw new ActionError(
      'input',
      'No Swarms API key: set the `api-key` input (for example `api-key: ${{ secrets.SWARMS_API_KEY }}`) or the SWARMS_API_KEY environment variable.'
    )
  }
  if (!KEY_CHARACTERS.test(apiKey) || apiKey.length < FRAGMENT_LENGTH) {
    // Never echo the key: say only what is wrong with it.
    throw new ActionError(
      'input',
      `Input \`api-key\` (or SWARMS_API_KEY) is not an API key: a key is at least ${FRAGMENT_LENGTH} characters of printable ASCII without spaces. Paste the key alone, with nothing around it.`
    )
  }
  const given = (name: InputName): string => inputValue(env, name)
  const get = (name: InputName): string => given(name) || DEFAULTS[name]
  const optional = <T>(name: InputName, parse: (name: InputName, text: string) => T): T | undefined =>
    get(name) ? parse(name, get(name)) : undefined
  const historyFile = get('history-file')
  for (const name of ['minimum-days-remaining', 'monthly-budget', 'spike-factor'] as const) {
    if (get(name) && !historyFile) {
      throw new ActionError(
        'input',
        `Input \`${name}\` needs \`history-file\`: it is computed from the history of readings.`
      )
    }
  }
  return {
    apiKey,
    baseUrl: parseBaseUrl(get('base-url')),
    minimumCredits: parseDecimal('minimum-credits', get('minimum-credits')),
    creditType: parseCreditType(get('credit-type')),
    warningCredits: optional('warning-credits', parseDecimal),
    failOnApiError: parseBoolean('fail-on-api-error', get('fail-on-api-error')),
    maxRetries: parseWhole('max-retries', get('max-retries'), 0, MAX_RETRIES_LIMIT),
    timeoutSeconds: parseTimeout(get('timeout-seconds')),
    summary: parseBoolean('summary', get('summary')),
    historyFile: historyFile ? (isAbsolute(historyFile) ? historyFile : resolve(workspace, historyFile)) : undefined,
    historyLimit: parseWhole('history-limit', get('history-limit'), 2, HISTORY_LIMIT_MAX),
    minimumDaysRemaining: optional('minimum-days-remaining', parseDecimal),
    monthlyBudget: optional('monthly-budget', parseDecimal),
    spikeFactor: optional('spike-factor', parseFactor),
    measureJob: parseBoolean('measure-job', get('measure-job')) || get('max-job-spend') !== '',
    maxJobSpend: optional('max-job-spend', (name, text) => (parseDecimal(name, text), text))
  }
}

/** A bad value as an error message repeats it: quoted, on one line, at most ECHO_LIMIT characters. */
function echo(text: string): string {
  return JSON.stringify(clip(oneLine(text), ECHO_LIMIT))
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

function parseDecimal(name: string, text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    throw new ActionError(
      'input',
      `Input \`${name}\` is ${echo(text)}: it must be a non-negative decimal number, such as 10 or 0.5.`
    )
  }
  return value
}

function parseWhole(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ActionError(
      'input',
      `Input \`${name}\` is ${echo(text)}: it must be a whole number from ${min} to ${max}.`
    )
  }
  return value
}

function parseTimeout(text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !(value > 0) || value > TIMEOUT_SECONDS_LIMIT) {
    throw new ActionError(
      'input',
      `Input \`timeout-seconds\` is ${echo(text)}: it must be a number of seconds above 0 and at most ${TIMEOUT_SECONDS_LIMIT}, such as 30.`
    )
  }
  return value
}

function parseFactor(name: string, text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !(value > 1) || !Number.isFinite(value)) {
    throw new ActionError(
      'input',
      `Input \`${name}\` is ${echo(text)}: it must be a decimal number above 1, such as 3.`
    )
  }
  return value
}

function parseCreditType(text: string): CreditType {
  if ((CREDIT_TYPES as readonly string[]).includes(text)) return text as CreditType
  throw new ActionError(
    'input',
    `Input \`credit-type\` is ${echo(text)}: it must be one of ${CREDIT_TYPES.join(', ')}.`
  )
}

// The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE']
const FALSE = FALSE_VALUES

function parseBoolean(name: string, text: string): boolean {
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw new ActionError('input', `Input \`${name}\` is ${echo(text)}: it must be true or false.`)
}

/** https anywhere; plain http only to a loopback host, for local testing. */
function parseBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ActionError(
      'input',
      `Input \`base-url\` is ${echo(text)}: it is not a URL; use the API's address, such as ${DEFAULT_BASE_URL}.`
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ActionError(
      'input',
      `Input \`base-url\` is ${echo(text)}: https is required (plain http is accepted only for a loopback host such as 127.0.0.1).`
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(
      'input',
      `Input \`base-url\` is ${echo(url.origin + '…')}: it must be the API's address alone, with no credentials, query or fragment.`
    )
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
