/**
 * The history kept on a branch of the workflow's repository, with git itself, in a temporary folder
 * under RUNNER_TEMP (the workspace and its checkout are never touched). One run: a shallow fetch of the
 * branch, the history file handed to the history module as a local file (which reads it, adds the
 * reading, moves a corrupt one aside and trims it), then one commit with no parent (the branch is
 * always a single commit) pushed with a lease on the exact commit that was read. A push that loses to
 * another run's fetches again, adds this run's reading to what it fetched (the union, each reading
 * once) and retries with
 * exponential backoff and jitter, within BRANCH_DEADLINE_MS for everything.
 *
 * The token never shows: git gets it as an `http.<remote>.extraHeader` through the GIT_CONFIG_COUNT
 * environment variables (never on a command line, never in a file), scoped to the repository's
 * address, with redirects not followed and every credential helper and prompt turned off; what git
 * prints is redacted before it is used.
 */
import type { ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
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
import type { BranchTarget, Env } from '../logic/inputs.js'
import { redactAll } from '../logic/secret.js'
import type { Reading } from '../logic/trend.js'
import { branchProblem } from '../render/history-messages.js'
import { serializeReading } from '../logic/history-lines.js'
import { HistoryReadError, recordReading, type Recorded } from './history.js'

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
    makeRepository(gitDir)
    const line = serializeReading(current)
    let first: Recorded | undefined
    for (let attempt = 0; ; attempt++) {
      let read: BranchRead
      try {
        read = await fetchBranch(run, target, gitDir, work)
      } catch (error) {
        if (!first || !(error instanceof HistoryReadError)) throw error
        return { ...first, pushes: attempt, notSaved: error.message }
      }
      // Every other run's readings are in what was fetched, and this run's is added to them: the union.
      // A reading the branch holds already (a push whose answer was lost but which landed, or a run
      // beside this one that read the same balance in the same millisecond) is taken out first and
      // appended again, so that it is kept once; when it was the last line, nothing changes or is pushed.
      const local = join(work, target.file)
      if (read.history && holdsLine(read.history, line)) writeFileSync(local, withoutLine(read.history, line))
      let recorded: Recorded
      try {
        recorded = await recordReading(local, current, limit)
      } catch (error) {
        if (!first || !(error instanceof HistoryReadError)) throw error
        return { ...first, pushes: attempt, notSaved: error.message }
      }
      // A history moved aside is pushed beside the new one, under the name the history module gave it.
      const movedAside = first
        ? first.movedAside
        : recorded.movedAside && { ...recorded.movedAside, to: `${basename(recorded.movedAside.to)} on the branch` }
      recorded = { ...recorded, movedAside }
      first ??= recorded
      if (recorded.notSaved) return { ...recorded, pushes: attempt }
      let pushed: GitResult
      try {
        const ref = await commitHistory(run, target, read, work, recorded)
        if (ref === undefined) return { ...recorded, pushes: attempt } // the branch holds it already
        pushed = await run(
          [
            'push',
            '--porcelain',
            '--no-verify',
            `--force-with-lease=refs/heads/${target.branch}:${read.commit ?? ''}`,
            target.remote,
            `${ref}:refs/heads/${target.branch}`
          ],
          'push',
          { allowFailure: true }
        )
      } catch (error) {
        if (!(error instanceof HistoryReadError)) throw error
        return { ...recorded, pushes: attempt + 1, notSaved: error.message }
      }
      if (pushed.failure === undefined) return { ...recorded, pushes: attempt + 1 }
      if (pushed.failure !== 'conflict') {
        return { ...recorded, pushes: attempt + 1, notSaved: pushProblem(pushed, target) }
      }
      const wait = backoffMs(attempt, clock.random())
      if (clock.now() + wait >= deadline) {
        return { ...recorded, pushes: attempt + 1, notSaved: branchProblem.busy(attempt + 1, deadlineMs / 1000) }
      }
      await clock.sleep(wait)
    }
  } finally {
    rmSync(folder, { recursive: true, force: true, maxRetries: 3 })
  }
}

/** The lines of a history file as fetched, without their line ends. */
function linesOf(history: Buffer): string[] {
  return history.toString('utf8').replace(/\r\n/g, '\n').split('\n')
}

/** Whether a history file (as fetched) holds this exact line. */
function holdsLine(history: Buffer, line: string): boolean {
  return linesOf(history).includes(line.replace(/\n$/, ''))
}

/** The history file without this line. */
function withoutLine(history: Buffer, line: string): string {
  const bare = line.replace(/\n$/, '')
  const kept = linesOf(history).filter(text => text !== bare && text !== '')
  return kept.length ? `${kept.join('\n')}\n` : ''
}

/**
 * An empty bare repository, as `git init --bare` with no templates makes it (HEAD, objects/, refs/): a
 * process less on every run.
 */
function makeRepository(gitDir: string): void {
  mkdirSync(join(gitDir, 'objects'), { recursive: true })
  mkdirSync(join(gitDir, 'refs', 'heads'), { recursive: true })
  writeFileSync(join(gitDir, 'HEAD'), 'ref: refs/heads/main\n')
  writeFileSync(join(gitDir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n')
}

interface TreeEntry {
  /** As fast-import takes it: six digits (040000 for a folder). */
  readonly mode: string
  readonly sha: string
  readonly name: string
}

interface BranchRead {
  /** The commit read; undefined when the branch does not exist yet. */
  readonly commit?: string
  /** The branch's files other than the history: kept as they are. */
  readonly others: readonly TreeEntry[]
  /** The history as read; undefined when there was none. */
  readonly history?: Buffer
}

/** The local ref the commit is made on, before it is pushed. */
const LOCAL_REF = 'refs/heads/swarms-credit-history-write'

/**
 * Fetches the branch (one commit deep) and writes its history file into `work`, fresh. The tree and
 * the file come out of one `git cat-file --batch`.
 */
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
  const batch = await run(['cat-file', '--batch'], 'cat-file', {
    input: `${commit}^{tree}\n${commit}:${target.file}\n`
  })
  const [tree, file] = parseBatch(batch.raw)
  const entries = parseTree(tree.content ?? Buffer.alloc(0))
  if (file.type !== undefined && file.type !== 'blob') {
    throw new HistoryReadError(branchProblem.notAFile(target.file, file.type))
  }
  if (file.content) writeFileSync(join(work, target.file), file.content)
  return { commit, others: entries.filter(entry => entry.name !== target.file), history: file.content }
}

/** The objects of `git cat-file --batch` output: type and content, or neither for a missing one. */
function parseBatch(raw: Buffer): { type?: string; content?: Buffer }[] {
  const objects: { type?: string; content?: Buffer }[] = []
  let at = 0
  while (at < raw.length) {
    const end = raw.indexOf(10, at)
    const header = raw.subarray(at, end).toString('utf8').split(' ')
    at = end + 1
    if (header.at(-1) === 'missing' || header.length !== 3) {
      objects.push({})
      continue
    }
    const size = Number(header[2])
    objects.push({ type: header[1], content: raw.subarray(at, at + size) })
    at += size + 1
  }
  return objects
}

/** A raw tree object: `<mode> <name>\0<20-byte id>` entries. */
function parseTree(tree: Buffer): TreeEntry[] {
  const entries: TreeEntry[] = []
  let at = 0
  while (at < tree.length) {
    const nul = tree.indexOf(0, at)
    const [mode, ...name] = tree.subarray(at, nul).toString('utf8').split(' ')
    entries.push({
      mode: mode.padStart(6, '0'),
      name: name.join(' '),
      sha: tree.subarray(nul + 1, nul + 21).toString('hex')
    })
    at = nul + 21
  }
  return entries
}

/**
 * The history as a commit with no parent, made by one `git fast-import`: the branch's other files, the
 * history, and a history moved aside (the history module leaves it beside the file as
 * `<file>.corrupt-<time>`). Returns the local ref to push; undefined when the branch already holds
 * exactly this history.
 */
async function commitHistory(
  run: Run,
  target: BranchTarget,
  read: BranchRead,
  work: string,
  recorded: Pick<Recorded, 'readings' | 'extent'>
): Promise<string | undefined> {
  const names = readdirSync(work).filter(name => name === target.file || name.startsWith(`${target.file}.corrupt-`))
  const files = names.map(name => ({ name, content: readFileSync(join(work, name)) }))
  const history = files.find(f => f.name === target.file)
  if (files.length === 1 && history && read.history?.equals(history.content)) return undefined
  const newest = recorded.readings.at(-1)
  const message = Buffer.from(
    `Swarms credit history: ${recorded.extent.count} readings${newest ? `, the newest at ${new Date(newest.at).toISOString()}` : ''}\n`
  )
  const seconds = Math.floor((newest?.at ?? Date.now()) / 1000)
  const data = (content: Buffer) => [Buffer.from(`data ${content.length}\n`), content, Buffer.from('\n')]
  const stream = [
    Buffer.from(`commit ${LOCAL_REF}\ncommitter ${BOT_NAME} <${BOT_EMAIL}> ${seconds} +0000\n`),
    ...data(message),
    ...read.others
      .filter(entry => !names.includes(entry.name))
      .map(entry => Buffer.from(`M ${entry.mode} ${entry.sha} ${quotePath(entry.name)}\n`)),
    ...files.flatMap(file => [Buffer.from(`M 100644 inline ${quotePath(file.name)}\n`), ...data(file.content)]),
    Buffer.from('done\n')
  ]
  await run(['fast-import', '--quiet', '--force', '--done'], 'fast-import', { input: Buffer.concat(stream) })
  return LOCAL_REF
}

/** A path as fast-import reads it: as it is, or C-quoted when it would be misread. */
function quotePath(name: string): string {
  return /^"|[\n\\"]/.test(name) ? JSON.stringify(name) : name
}

interface GitResult {
  readonly stdout: string
  readonly raw: Buffer
  readonly stderr: string
  /** What a failed command meant; undefined when it succeeded. */
  readonly failure?: GitFailure
}

type Run = (
  args: readonly string[],
  what: string,
  options?: { allowFailure?: boolean; input?: string | Buffer }
) => Promise<GitResult>

/**
 * Runs git with the given environment, bounded by what is left of the deadline. A missing git, a
 * timeout, or (unless allowed) a failure throws HistoryReadError; what git printed is redacted.
 */
function runner(program: string, env: Record<string, string>, remaining: () => number, target: BranchTarget): Run {
  const secrets = [target.token, basicCredential(target.token)]
  const clean = (text: string) => redactAll(text, secrets)
  return async (args, what, { allowFailure = false, input } = {}) => {
    const { spawn } = process.getBuiltinModule('node:child_process')
    const limit = Math.min(Math.max(1, remaining()), 2 ** 31 - 1) // setTimeout takes at most 2^31-1 ms
    let child: ChildProcess
    const result = await new Promise<{ code: number | null; out: Buffer; err: string; timedOut: boolean }>(
      (resolve, reject) => {
        child = spawn(program, args, {
          env,
          stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
          detached: process.platform !== 'win32',
          windowsHide: true
        })
        const out: Buffer[] = []
        let err = ''
        let timedOut = false
        child.stdout?.on('data', (chunk: Buffer) => out.push(chunk))
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
          resolve({ code, out: Buffer.concat(out), err, timedOut })
        })
      }
    ).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new HistoryReadError(branchProblem.noGit())
      throw new HistoryReadError(branchProblem.gitFailed(what, clean(error.message)))
    })
    if (result.timedOut) throw new HistoryReadError(branchProblem.timeout(what, Math.ceil(limit / 1000)))
    const stderr = clean(result.err)
    const stdout = result.out.toString('utf8')
    if (result.code === 0) return { stdout, raw: result.out, stderr }
    const failure = classifyGitFailure(clean(stdout), stderr)
    if (allowFailure) return { stdout: clean(stdout), raw: result.out, stderr, failure }
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
