/**
 * Reading and validating the inputs, from the environment the runner sets (`INPUT_<NAME>`).
 * Every input is checked before any request; an invalid one raises an `input` ActionError that names
 * it and says what it accepts.
 */
import { isAbsolute, resolve } from 'node:path'
import { CREDIT_TYPES, type CreditType } from './balance.js'
import { ActionError } from './errors.js'

export const DEFAULT_BASE_URL = 'https://api.swarms.world'
export const MAX_RETRIES_LIMIT = 10
export const TIMEOUT_SECONDS_LIMIT = 600
export const HISTORY_LIMIT_MAX = 1_000_000

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
}

export type Env = Readonly<Record<string, string | undefined>>

/** The value the runner passes for input `name`, trimmed; '' when unset. Same rule as core.getInput. */
export function inputValue(env: Env, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim()
}

/** The API key: the `api-key` input, else SWARMS_API_KEY; '' when neither is set. */
export function readApiKey(env: Env): string {
  return inputValue(env, 'api-key') || (env.SWARMS_API_KEY ?? '').trim()
}

export function readInputs(env: Env): Inputs {
  const apiKey = readApiKey(env)
  if (!apiKey) {
    throw new ActionError(
      'input',
      'No Swarms API key: set the `api-key` input (for example `api-key: ${{ secrets.SWARMS_API_KEY }}`) or the SWARMS_API_KEY environment variable.'
    )
  }
  // eslint-disable-next-line no-control-regex -- control characters are what this rejects
  if (/[\s\x00-\x1f\x7f]/.test(apiKey)) {
    throw new ActionError(
      'input',
      'Input `api-key` contains whitespace or control characters: paste the key alone, with nothing around it.'
    )
  }
  const get = (name: string): string => inputValue(env, name)
  const historyFile = get('history-file')
  if (get('minimum-days-remaining') && !historyFile) {
    throw new ActionError(
      'input',
      'Input `minimum-days-remaining` needs `history-file`: the forecast is computed from the history of readings.'
    )
  }
  return {
    apiKey,
    baseUrl: parseBaseUrl(get('base-url') || DEFAULT_BASE_URL),
    minimumCredits: parseDecimal('minimum-credits', get('minimum-credits') || '0'),
    creditType: parseCreditType(get('credit-type') || 'total'),
    warningCredits: get('warning-credits') ? parseDecimal('warning-credits', get('warning-credits')) : undefined,
    failOnApiError: parseBoolean('fail-on-api-error', get('fail-on-api-error'), true),
    maxRetries: parseWhole('max-retries', get('max-retries') || '3', 0, MAX_RETRIES_LIMIT),
    timeoutSeconds: parseTimeout(get('timeout-seconds') || '30'),
    summary: parseBoolean('summary', get('summary'), true),
    historyFile: historyFile
      ? isAbsolute(historyFile)
        ? historyFile
        : resolve(env.GITHUB_WORKSPACE || process.cwd(), historyFile)
      : undefined,
    historyLimit: parseWhole('history-limit', get('history-limit') || '1000', 2, HISTORY_LIMIT_MAX),
    minimumDaysRemaining: get('minimum-days-remaining')
      ? parseDecimal('minimum-days-remaining', get('minimum-days-remaining'))
      : undefined
  }
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

function parseDecimal(name: string, text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    throw new ActionError(
      'input',
      `Input \`${name}\` is "${text}": it must be a non-negative decimal number, such as 10 or 0.5.`
    )
  }
  return value
}

function parseWhole(name: string, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new ActionError('input', `Input \`${name}\` is "${text}": it must be a whole number from ${min} to ${max}.`)
  }
  return value
}

function parseTimeout(text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !(value > 0) || value > TIMEOUT_SECONDS_LIMIT) {
    throw new ActionError(
      'input',
      `Input \`timeout-seconds\` is "${text}": it must be a number of seconds above 0 and at most ${TIMEOUT_SECONDS_LIMIT}, such as 30.`
    )
  }
  return value
}

function parseCreditType(text: string): CreditType {
  if ((CREDIT_TYPES as readonly string[]).includes(text)) return text as CreditType
  throw new ActionError('input', `Input \`credit-type\` is "${text}": it must be one of ${CREDIT_TYPES.join(', ')}.`)
}

// The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE']
const FALSE = ['false', 'False', 'FALSE']

function parseBoolean(name: string, text: string, fallback: boolean): boolean {
  if (text === '') return fallback
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw new ActionError('input', `Input \`${name}\` is "${text}": it must be true or false.`)
}

/** https anywhere; plain http only to a loopback host, for local testing. */
function parseBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new ActionError(
      'input',
      `Input \`base-url\` is "${text}": it is not a URL; use the API's address, such as ${DEFAULT_BASE_URL}.`
    )
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new ActionError(
      'input',
      `Input \`base-url\` is "${text}": https is required (plain http is accepted only for a loopback host such as 127.0.0.1).`
    )
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new ActionError(
      'input',
      `Input \`base-url\` is "${url.origin}…": it must be the API's address alone, with no credentials, query or fragment.`
    )
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
