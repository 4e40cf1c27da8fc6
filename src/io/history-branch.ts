/**
 * The history kept on a branch of the workflow's repository, with git itself, in a temporary folder
 * under RUNNER_TEMP (the workspace and its checkout are never touched). One run: a shallow fetch of the
 * branch, the history file handed to the history module as a local file (which reads it, adds the
 * reading, moves a corrupt one aside and trims it), then one commit with no parent (the branch is
 * always a single commit) pushed with a lease on the exact commit that was read. A push that loses to
 * another run's fetches again, merges the readings (the union, each once) and retries with
 * exponential backoff and jitter, within BRANCH_DEADLINE_MS for everything.
 *
 * The token never shows: git gets it as an `http.<remote>.extraHeader` through the GIT_CONFIG_COUNT
 * environment variables (never on a command line, never in a file), scoped to the repository's
 * address, with redirects not followed and every credential helper and prompt turned off; what git
 * prints is redacted before it is used.
 */
import type { ChildProcess } from 'node:child_process'
import { closeSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import {
  BOT_EMAIL,
  BOT_NAME,
  BRANCH_DEADLINE_MS,
  backoffMs,
  classifyGitFailure,
  gitReason,
  type GitFailure
} from '../logic/history-branch.js'
import { sameReadings, unionReadings } from '../logic/history-union.js'
import type { BranchTarget, Env } from '../logic/inputs.js'
import { redactAll } from '../logic/secret.js'
import type { Reading } from '../logic/trend.js'
import { branchProblem } from '../render/messages.js'
import { HistoryReadError, recordReading, serializeHistory, type Recorded } from './history.js'

/** Time, for the retries: tests pass one that does not sleep. */
export interface Clock {
  now(): number
  sleep(ms: number): Promise<void>
  /** In [0, 1). */
  random(): number
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
  random: () => Math.random()
}

export interface BranchOptions {
  /** The most readings the history keeps. */
  readonly limit: number
  /** The environment git runs in (PATH, proxies, RUNNER_TEMP); inputs and other GIT_ variables are left out. */
  readonly env: Env
  readonly clock?: Clock
  readonly deadlineMs?: number
  /** The git program (tests point it elsewhere). */
  readonly git?: string
}

export interface BranchRecorded extends Recorded {
  /** How many pushes were tried (0 when nothing needed pushing or nothing could be). */
  readonly pushes: number
}

/** The basic credential GitHub takes for a token over git's HTTP: `x-access-token:<token>`, base64. */
export function basicCredential(token: string): string {
  return Buffer.from(`x-access-token:${token}`).toString('base64')
}

/** `<file> on branch <branch> of <owner/name>`: how messages name the history. */
export function branchLabel(target: BranchTarget): string {
  return `${target.file} on branch ${target.branch} of ${target.repository}`
}

/**
 * Reads the history on the branch, adds `current`, and saves it there. Throws HistoryReadError when the
 * branch cannot be read (no git, a refused token, no such repository, a timeout); a history read but
 * not saved (a read-only token, other runs writing for longer than the deadline) comes back with
 * `notSaved`.
 */
export async function recordOnBranch(
  target: BranchTarget,
  current: Reading,
  { limit, env, clock = realClock, deadlineMs = BRANCH_DEADLINE_MS, git = 'git' }: BranchOptions
): Promise<BranchRecorded> {
  const deadline = clock.now() + deadlineMs
  const folder = mkdtempSync(join(env.RUNNER_TEMP || tmpdir(), 'swarms-history-'))
  const gitDir = join(folder, 'repo.git')
  const work = join(folder, 'work')
  const run = runner(git, gitEnvironment(env, gitDir, folder, target), () => deadline - clock.now(), target)
  try {
    await run(['init', '--quiet', '--bare', gitDir], 'init')
    let carried: Reading[] = []
    let first: Recorded | undefined
    for (let attempt = 0; ; attempt++) {
      let read: BranchRead
      try {
        read = await fetchBranch(run, target, gitDir, work)
      } catch (error) {
        if (!first || !(error instanceof HistoryReadError)) throw error
        return { ...first, readings: carried, pushes: attempt, notSaved: error.message }
      }
      const local = join(work, target.file)
      const recorded = await recordReading(local, current, limit)
      // What this run already meant to save stays in: a reading is never dropped by a retry, nor kept twice.
      const readings = unionReadings(recorded.readings, carried).slice(-limit)
      if (!sameReadings(readings, recorded.readings)) writeFileSync(local, serializeHistory(readings))
      // A history moved aside is pushed beside the new one, under the name the history module gave it.
      first ??= recorded.movedAside
        ? {
            ...recorded,
            movedAside: { ...recorded.movedAside, to: `${basename(recorded.movedAside.to)} on the branch` }
          }
        : recorded
      carried = readings
      if (recorded.notSaved) return { ...first, readings, pushes: attempt, notSaved: recorded.notSaved }
      let pushed: GitResult
      try {
        const commit = await commitHistory(run, target, read, work, readings)
        if (commit === undefined) return { ...first, readings, pushes: attempt } // the branch holds it already
        pushed = await run(
          [
            'push',
            '--porcelain',
            '--no-verify',
            `--force-with-lease=refs/heads/${target.branch}:${read.commit ?? ''}`,
            target.remote,
            `${commit}:refs/heads/${target.branch}`
          ],
          'push',
          { allowFailure: true }
        )
      } catch (error) {
        if (!(error instanceof HistoryReadError)) throw error
        return { ...first, readings, pushes: attempt + 1, notSaved: error.message }
      }
      if (pushed.failure === undefined) return { ...first, readings, pushes: attempt + 1 }
      if (pushed.failure !== 'conflict') {
        return { ...first, readings, pushes: attempt + 1, notSaved: pushProblem(pushed, target) }
      }
      const wait = backoffMs(attempt, clock.random())
      if (clock.now() + wait >= deadline) {
        return {
          ...first,
          readings,
          pushes: attempt + 1,
          notSaved: branchProblem.busy(attempt + 1, deadlineMs / 1000)
        }
      }
      await clock.sleep(wait)
    }
  } finally {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 })
  }
}

interface TreeEntry {
  readonly mode: string
  readonly type: string
  readonly sha: string
  readonly name: string
}

interface BranchRead {
  /** The commit read; undefined when the branch does not exist yet. */
  readonly commit?: string
  /** The branch's files other than the history: kept as they are. */
  readonly others: readonly TreeEntry[]
  /** The history's blob as read, to tell whether anything changed. */
  readonly blob?: string
}

/** Fetches the branch (one commit deep) and writes its history file into `work`, fresh. */
async function fetchBranch(run: Run, target: BranchTarget, gitDir: string, work: string): Promise<BranchRead> {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  const fetched = await run(
    ['fetch', '--quiet', '--depth=1', '--no-tags', target.remote, `refs/heads/${target.branch}`],
    'fetch',
    { allowFailure: true }
  )
  if (fetched.failure === 'no-branch') return { others: [] }
  if (fetched.failure !== undefined) throw new HistoryReadError(fetchProblem(fetched, target))
  const commit = readFileSync(join(gitDir, 'FETCH_HEAD'), 'utf8').slice(0, 40)
  const listed = await run(['ls-tree', '-z', commit], 'ls-tree')
  const entries = parseTree(listed.stdout)
  const history = entries.find(entry => entry.name === target.file)
  if (history && history.type !== 'blob') {
    throw new HistoryReadError(branchProblem.notAFile(target.file, history.type))
  }
  if (history) {
    const fd = openSync(join(work, target.file), 'w')
    try {
      await run(['cat-file', 'blob', history.sha], 'cat-file', { stdout: fd })
    } finally {
      closeSync(fd)
    }
  }
  return { commit, others: entries.filter(entry => entry !== history), blob: history?.sha }
}

/**
 * The history as a commit with no parent: the branch's other files, the history, and a history moved
 * aside (the history module leaves it beside the file as `<file>.corrupt-<time>`). Undefined when the
 * branch already holds exactly this history.
 */
async function commitHistory(
  run: Run,
  target: BranchTarget,
  read: BranchRead,
  work: string,
  readings: readonly Reading[]
): Promise<string | undefined> {
  const names = readdirSync(work).filter(name => name === target.file || name.startsWith(`${target.file}.corrupt-`))
  const added: TreeEntry[] = []
  for (const name of names) {
    const hashed = await run(['hash-object', '-w', '--no-filters', '--', join(work, name)], 'hash-object')
    added.push({ mode: '100644', type: 'blob', sha: hashed.stdout.trim(), name })
  }
  const history = added.find(entry => entry.name === target.file)
  if (added.length === 1 && history?.sha === read.blob) return undefined
  const tree = [...read.others.filter(entry => !names.includes(entry.name)), ...added]
  const made = await run(['mktree', '-z'], 'mktree', {
    input: tree.map(e => `${e.mode} ${e.type} ${e.sha}\t${e.name}\0`).join('')
  })
  const newest = readings.at(-1)
  const message = `Swarms credit history: ${readings.length} readings${newest ? `, the newest at ${new Date(newest.at).toISOString()}` : ''}`
  const committed = await run(['commit-tree', made.stdout.trim(), '-m', message], 'commit-tree')
  return committed.stdout.trim()
}

function parseTree(text: string): TreeEntry[] {
  return text
    .split('\0')
    .filter(Boolean)
    .map(line => {
      const tab = line.indexOf('\t')
      const [mode, type, sha] = line.slice(0, tab).split(' ')
      return { mode, type, sha, name: line.slice(tab + 1) }
    })
}

interface GitResult {
  readonly stdout: string
  readonly stderr: string
  /** What a failed command meant; undefined when it succeeded. */
  readonly failure?: GitFailure
}

type Run = (
  args: readonly string[],
  what: string,
  options?: { allowFailure?: boolean; input?: string; stdout?: number }
) => Promise<GitResult>

/**
 * Runs git with the given environment, bounded by what is left of the deadline. A missing git, a
 * timeout, or (unless allowed) a failure throws HistoryReadError; what git printed is redacted.
 */
function runner(program: string, env: Record<string, string>, remaining: () => number, target: BranchTarget): Run {
  const secrets = [target.token, basicCredential(target.token)]
  const clean = (text: string) => redactAll(text, secrets)
  return async (args, what, { allowFailure = false, input, stdout } = {}) => {
    const { spawn } = process.getBuiltinModule('node:child_process')
    const limit = Math.max(1, remaining())
    let child: ChildProcess
    const result = await new Promise<{ code: number | null; out: string; err: string; timedOut: boolean }>(
      (resolve, reject) => {
        child = spawn(program, args, {
          env,
          stdio: [input === undefined ? 'ignore' : 'pipe', stdout ?? 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
          windowsHide: true
        })
        let out = ''
        let err = ''
        let timedOut = false
        child.stdout?.setEncoding('utf8').on('data', chunk => (out += chunk))
        child.stderr?.setEncoding('utf8').on('data', chunk => (err = (err + chunk).slice(-64 * 1024)))
        child.stdin?.on('error', () => {})
        child.stdin?.end(input)
        const timer = setTimeout(() => {
          timedOut = true
          kill(child)
        }, limit)
        child.on('error', error => {
          clearTimeout(timer)
          reject(error)
        })
        child.on('close', code => {
          clearTimeout(timer)
          resolve({ code, out, err, timedOut })
        })
      }
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new HistoryReadError(branchProblem.noGit())
      throw new HistoryReadError(branchProblem.gitFailed(what, clean(error.message)))
    })
    if (result.timedOut) throw new HistoryReadError(branchProblem.timeout(what, Math.ceil(limit / 1000)))
    const stderr = clean(result.err)
    if (result.code === 0) return { stdout: result.out, stderr }
    const failure = classifyGitFailure(clean(result.out), stderr)
    if (allowFailure) return { stdout: clean(result.out), stderr, failure }
    throw new HistoryReadError(branchProblem.gitFailed(what, gitReason(stderr)))
  }
}

/** Ends git and whatever it started (git-remote-http): its process group, where there is one. */
function kill(child: ChildProcess): void {
  try {
    if (process.platform !== 'win32' && child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    else child.kill('SIGKILL')
  } catch {
    child.kill('SIGKILL')
  }
}

function fetchProblem(result: GitResult, target: BranchTarget): string {
  switch (result.failure) {
    case 'rejected-token':
      return branchProblem.tokenRejected(target.repository)
    case 'forbidden':
      return branchProblem.cannotRead(target.repository)
    case 'not-found':
      return branchProblem.notFound(target.repository)
    default:
      return branchProblem.gitFailed('fetch', gitReason(result.stderr))
  }
}

function pushProblem(result: GitResult, target: BranchTarget): string {
  switch (result.failure) {
    case 'forbidden':
      return branchProblem.readOnly(target.repository)
    case 'rejected-token':
      return branchProblem.tokenRejected(target.repository)
    default:
      return branchProblem.gitFailed('push', gitReason(`${result.stdout}\n${result.stderr}`))
  }
}

/**
 * git's environment: the runner's, less the inputs (the API key and the token among them), the API
 * key's variable and every GIT_ variable that could point it elsewhere (but the CA settings an
 * Enterprise server may need); then the repository, English messages, no prompts, the bot as author,
 * and the configuration through GIT_CONFIG_COUNT, the token's header among it.
 */
function gitEnvironment(base: Env, gitDir: string, folder: string, target: BranchTarget): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries(base)) {
    if (value === undefined || /^(INPUT_|GIT_(?!SSL_CA)|SSH_ASKPASS$|SWARMS_API_KEY$)/i.test(name)) continue
    env[name] = value
  }
  const config: [string, string][] = [
    [`http.${target.remote}.extraHeader`, `Authorization: basic ${basicCredential(target.token)}`],
    ['http.followRedirects', 'false'],
    ['credential.helper', ''],
    ['core.askPass', ''],
    ['core.hooksPath', join(folder, 'no-hooks')],
    ['core.autocrlf', 'false'],
    ['init.defaultBranch', 'main'],
    ['protocol.version', '2'],
    ['gc.auto', '0'],
    ['maintenance.auto', 'false'],
    ['advice.detachedHead', 'false']
  ]
  Object.assign(env, {
    GIT_DIR: gitDir,
    LC_ALL: 'C',
    LANGUAGE: 'C',
    GIT_TERMINAL_PROMPT: '0',
    GIT_AUTHOR_NAME: BOT_NAME,
    GIT_AUTHOR_EMAIL: BOT_EMAIL,
    GIT_COMMITTER_NAME: BOT_NAME,
    GIT_COMMITTER_EMAIL: BOT_EMAIL,
    GIT_CONFIG_COUNT: String(config.length)
  })
  config.forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${i}`] = key
    env[`GIT_CONFIG_VALUE_${i}`] = value
  })
  return env
}
