/**
 * Reading and validating the inputs, from the environment the runner sets (`INPUT_<NAME>`).
 * Every input is checked before any request; an invalid one raises an `input` ActionError that names
 * it and says what it accepts.
 */
import { basename, isAbsolute, resolve } from 'node:path'
import { inputVariable } from './api.js'
import { FALSE_VALUES } from './measure-gate.js'
import { CREDIT_TYPES, type CreditType } from './balance.js'
import { ActionError } from './errors.js'
import { DEFAULT_BRANCH_FILE, isBranchFileName, isBranchName, isRepository } from './history-branch.js'
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
  'history-branch': '',
  'github-token': '${{ github.token }}',
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
  /** Absolute; undefined when tracking is off or the history is kept on a branch. */
  readonly historyFile?: string
  /** Where the history is kept when `history-branch` is given (it takes precedence over the file). */
  readonly historyBranch?: BranchTarget
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

/** A branch of the workflow's repository that keeps the history, and how to reach it. */
export interface BranchTarget {
  readonly branch: string
  /** The history's file name on the branch. */
  readonly file: string
  /** `owner/name`. */
  readonly repository: string
  /** The repository's address for git: `<GITHUB_SERVER_URL>/<owner>/<name>.git`, no credentials. */
  readonly remote: string
  readonly token: string
}

export type Env = Readonly<Record<string, string | undefined>>

/** Whether the inputs keep a history at all, in a file or on a branch: tracking is on. */
export function tracksHistory(inputs: Pick<Inputs, 'historyFile' | 'historyBranch'>): boolean {
  return inputs.historyFile !== undefined || inputs.historyBranch !== undefined
}

/** What is wrong with the inputs, with what the words quote (render/input-errors.ts words it). */
export type InputProblem =
  | { readonly kind: 'no-key' }
  | { readonly kind: 'not-a-key'; readonly minLength: number }
  | { readonly kind: 'needs-history'; readonly input: InputName }
  | { readonly kind: 'not-decimal'; readonly input: InputName; readonly value: string }
  | {
      readonly kind: 'not-whole'
      readonly input: InputName
      readonly value: string
      readonly min: number
      readonly max: number
    }
  | { readonly kind: 'not-timeout'; readonly value: string; readonly max: number }
  | { readonly kind: 'not-factor'; readonly input: InputName; readonly value: string }
  | { readonly kind: 'not-credit-type'; readonly value: string; readonly types: readonly CreditType[] }
  | { readonly kind: 'not-boolean'; readonly input: InputName; readonly value: string }
  | { readonly kind: 'not-url'; readonly value: string; readonly example: string }
  | { readonly kind: 'not-https'; readonly value: string }
  /** `value` is the URL's origin: the rest may hold credentials. */
  | { readonly kind: 'url-extras'; readonly value: string }
  | { readonly kind: 'not-branch'; readonly value: string }
  | { readonly kind: 'not-branch-file'; readonly value: string; readonly fallback: string }
  | { readonly kind: 'no-token' }
  | { readonly kind: 'not-token' }
  | { readonly kind: 'not-repository'; readonly value: string }
  | { readonly kind: 'not-server'; readonly value: string }

/** An invalid input: an `input` failure whose words the renderer gives from the problem. */
export class InputError extends ActionError {
  readonly problem: InputProblem

  constructor(problem: InputProblem) {
    super('input', `invalid input: ${problem.kind}`)
    this.name = 'InputError'
    this.problem = problem
  }
}

/** The value the runner passes for input `name`, trimmed; '' when unset. Same rule as core.getInput. */
export function inputValue(env: Env, name: string): string {
  return (env[inputVariable(name)] ?? '').trim()
}

/** The API key: the `api-key` input, else SWARMS_API_KEY; '' when neither is set. */
export function readApiKey(env: Env): string {
  return inputValue(env, 'api-key') || (env.SWARMS_API_KEY ?? '').trim()
}

/**
 * The `github-token` input as the runner passes it. Its default (`${{ github.token }}`) is filled in by
 * the runner only: outside it, no token is given.
 */
export function readGithubToken(env: Env): string {
  return inputValue(env, 'github-token')
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
    throw new InputError({ kind: 'no-key' })
  }
  if (!KEY_CHARACTERS.test(apiKey) || apiKey.length < FRAGMENT_LENGTH) {
    // Never echo the key: say only what is wrong with it.
    throw new InputError({ kind: 'not-a-key', minLength: FRAGMENT_LENGTH })
  }
  const given = (name: InputName): string => inputValue(env, name)
  const get = (name: InputName): string => given(name) || DEFAULTS[name]
  const optional = <T>(name: InputName, parse: (name: InputName, text: string) => T): T | undefined =>
    get(name) ? parse(name, get(name)) : undefined
  const historyFile = get('history-file')
  const historyBranch = get('history-branch') ? parseBranch(env, get('history-branch'), historyFile) : undefined
  for (const name of ['minimum-days-remaining', 'monthly-budget', 'spike-factor'] as const) {
    if (get(name) && !historyFile && !historyBranch) {
      throw new InputError({ kind: 'needs-history', input: name })
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
    historyBranch,
    historyFile:
      historyFile && !historyBranch
        ? isAbsolute(historyFile)
          ? historyFile
          : resolve(workspace, historyFile)
        : undefined,
    historyLimit: parseWhole('history-limit', get('history-limit'), 2, HISTORY_LIMIT_MAX),
    minimumDaysRemaining: optional('minimum-days-remaining', parseDecimal),
    monthlyBudget: optional('monthly-budget', parseDecimal),
    spikeFactor: optional('spike-factor', parseFactor),
    measureJob: parseBoolean('measure-job', get('measure-job')) || get('max-job-spend') !== '',
    maxJobSpend: optional('max-job-spend', (name, text) => (parseDecimal(name, text), text))
  }
}

/**
 * `history-branch` with what it needs: a token (never echoed), the workflow's repository and server
 * (GITHUB_REPOSITORY, GITHUB_SERVER_URL), and the file name on the branch: the basename of
 * `history-file` when it is given, else DEFAULT_BRANCH_FILE.
 */
function parseBranch(env: Env, branch: string, historyFile: string): BranchTarget {
  if (!isBranchName(branch)) {
    throw new InputError({ kind: 'not-branch', value: branch })
  }
  const file = historyFile ? basename(historyFile.replace(/\\/g, '/')) : DEFAULT_BRANCH_FILE
  if (!isBranchFileName(file)) {
    throw new InputError({ kind: 'not-branch-file', value: file, fallback: DEFAULT_BRANCH_FILE })
  }
  const token = readGithubToken(env)
  if (!token) {
    throw new InputError({ kind: 'no-token' })
  }
  if (!KEY_CHARACTERS.test(token)) {
    throw new InputError({ kind: 'not-token' })
  }
  const repository = (env.GITHUB_REPOSITORY ?? '').trim()
  if (!isRepository(repository)) {
    throw new InputError({ kind: 'not-repository', value: repository })
  }
  const server = (env.GITHUB_SERVER_URL ?? '').trim() || 'https://github.com'
  return { branch, file, repository, remote: `${parseServerUrl(server)}/${repository}.git`, token }
}

/** GITHUB_SERVER_URL under the API's rule: https, or http to a loopback host; nothing else in it. */
function parseServerUrl(text: string): string {
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    url = undefined
  }
  const secure = url && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)))
  if (!url || !secure || url.username || url.password || url.search || url.hash) {
    throw new InputError({ kind: 'not-server', value: text })
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/

function parseDecimal(name: InputName, text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !Number.isFinite(value)) {
    throw new InputError({ kind: 'not-decimal', input: name, value: text })
  }
  return value
}

function parseWhole(name: InputName, text: string, min: number, max: number): number {
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new InputError({ kind: 'not-whole', input: name, value: text, min, max })
  }
  return value
}

function parseTimeout(text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !(value > 0) || value > TIMEOUT_SECONDS_LIMIT) {
    throw new InputError({ kind: 'not-timeout', value: text, max: TIMEOUT_SECONDS_LIMIT })
  }
  return value
}

function parseFactor(name: InputName, text: string): number {
  const value = Number(text)
  if (!DECIMAL.test(text) || !(value > 1) || !Number.isFinite(value)) {
    throw new InputError({ kind: 'not-factor', input: name, value: text })
  }
  return value
}

function parseCreditType(text: string): CreditType {
  if ((CREDIT_TYPES as readonly string[]).includes(text)) return text as CreditType
  throw new InputError({ kind: 'not-credit-type', value: text, types: CREDIT_TYPES })
}

// The YAML 1.2 core schema booleans, as core.getBooleanInput accepts them.
const TRUE = ['true', 'True', 'TRUE']
const FALSE = FALSE_VALUES

function parseBoolean(name: InputName, text: string): boolean {
  if (TRUE.includes(text)) return true
  if (FALSE.includes(text)) return false
  throw new InputError({ kind: 'not-boolean', input: name, value: text })
}

/** https anywhere; plain http only to a loopback host, for local testing. */
function parseBaseUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new InputError({ kind: 'not-url', value: text, example: DEFAULT_BASE_URL })
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
    throw new InputError({ kind: 'not-https', value: text })
  }
  if (url.username || url.password || url.search || url.hash) {
    throw new InputError({ kind: 'url-extras', value: url.origin })
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname)
}
