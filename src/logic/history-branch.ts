/**
 * The pure decisions of keeping the history on a branch: the remote's address, whether a branch name
 * is one git accepts, how long to wait before another push, and what a failed git command means.
 * No I/O: `io/history-branch.ts` runs git and asks these.
 */

/** The file name on the branch when `history-file` does not give one. */
export const DEFAULT_BRANCH_FILE = 'swarms-credit-history.jsonl'

/** Everything a run does on the branch (the fetch, every push, the waits between) ends within this. */
export const BRANCH_DEADLINE_MS = 90_000
/** The first wait after a rejected push; each further one doubles, up to BACKOFF_CAP_MS. */
export const BACKOFF_BASE_MS = 200
export const BACKOFF_CAP_MS = 5_000

/** Who the history's commits are by: the Actions bot, as GitHub's own actions commit. */
export const BOT_NAME = 'github-actions[bot]'
export const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com'

/**
 * The wait before retry `attempt` (0 for the first retry): exponential, capped, with jitter ("equal
 * jitter": half the step fixed, half random), so that runs rejected together do not push together
 * again. `random` is in [0, 1).
 */
export function backoffMs(attempt: number, random: number): number {
  const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt)
  return step / 2 + (random * step) / 2
}

/**
 * A branch name git and GitHub accept (the rules of `git check-ref-format --branch`, less the exotic):
 * letters, digits, `.`, `_`, `-` and `/` between parts; no part that starts with `.` or ends with
 * `.lock`, no `..`, no leading `-`.
 */
export function isBranchName(name: string): boolean {
  if (!/^[A-Za-z0-9._/-]+$/.test(name) || name.length > 200) return false
  if (name.startsWith('-') || name.includes('..')) return false
  return name
    .split('/')
    .every(part => part !== '' && !part.startsWith('.') && !part.endsWith('.lock') && !part.endsWith('.'))
}

/** A file name on the branch: one path part, no folder, nothing git would refuse or hide. */
export function isBranchFileName(name: string): boolean {
  return /^[A-Za-z0-9._-]+$/.test(name) && name !== '.' && name !== '..' && name !== '.git' && name.length <= 200
}

/** `owner/name` as GITHUB_REPOSITORY gives it. */
export function isRepository(text: string): boolean {
  return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(text) && !text.split('/').some(part => /^\.+$/.test(part))
}

/** What a failed git command meant, from its exit and its stderr (git runs with LC_ALL=C). */
export type GitFailure =
  | 'no-branch' // the branch does not exist yet
  | 'rejected-token' // 401: the token is not accepted
  | 'forbidden' // 403: the token may not do this (a read-only token pushing)
  | 'not-found' // the repository is not there (or not visible to the token)
  | 'conflict' // the push lost to another run's: fetch again and retry
  | 'other'

export function classifyGitFailure(stdout: string, stderr: string): GitFailure {
  const text = `${stdout}\n${stderr}`
  if (/couldn't find remote ref/i.test(text)) return 'no-branch'
  if (/\[rejected\].*\((stale info|fetch first|non-fast-forward|already exists)\)/i.test(text)) return 'conflict'
  if (/\[remote rejected\].*(lock|failed to update ref|expected)/i.test(text)) return 'conflict'
  if (/returned error: 401|could not read (username|password)|authentication failed/i.test(text)) {
    return 'rejected-token'
  }
  if (/returned error: 403|permission .* denied|write access .* not granted/i.test(text)) return 'forbidden'
  if (/returned error: 404|repository .* not found/i.test(text)) return 'not-found'
  return 'other'
}

/**
 * The last meaningful line git printed (its `fatal:` or `error:` line when there is one), for a
 * message: one line, at most 300 characters.
 */
export function gitReason(stderr: string): string {
  const lines = stderr
    .split(/\r?\n/)
    .map(line => line.trim())
    .filter(Boolean)
  // A push the server refused says why on its porcelain line (`!\t<ref>\t[remote rejected] (why)`), a
  // hook's or a ruleset's reason; the `error:` line after it only says that some refs failed.
  const refused = lines.findLast(l => /\[remote rejected\]/.test(l))
  const line = refused ?? lines.findLast(l => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no message'
  const text = line.replace(/^(fatal|error):\s*/, '')
  return text.length > 300 ? `${text.slice(0, 300)}…` : text
}
