/**
 * The history file's words: the warnings a run gives about it, the input error of a path that is no
 * file, and the reasons a history could not be read or written (which those warnings quote). Pure.
 */
import { oneLine } from '../logic/errors.js'
import { LOCK_STALE_MS } from '../logic/lock-times.js'

const seconds = (ms: number) => `${ms / 1000} s`

/**
 * A history path that holds something other than a regular file. The path is shown as it is, in plain
 * quotes: JSON quoting would double each backslash of a Windows path (D:\\a\\h.jsonl).
 */
export function notAHistoryMessage(path: string, kind: string): string {
  return `Input \`history-file\` is "${path}", which is ${kind}: it must name a regular file, or nothing yet. Nothing there was touched.`
}

export function historyNotReadWarning(path: string, reason: string): string {
  return `The history file ${path} could not be read (${oneLine(reason)}). The balance was read; the trend is not known.`
}

export function historyNotSavedWarning(path: string, reason: string): string {
  return `The history file ${path} could not be written (${oneLine(reason)}): this reading is not kept. The trend was computed from what was read.`
}

export function historyMovedAsideWarning(path: string, reason: string, to: string): string {
  return `The history file ${path} is not a balance history (${oneLine(reason)}); moved it to ${to} and started a fresh history.`
}

export function clockBehindWarning(path: string, now: number, newest: number): string {
  return `This runner's clock (${new Date(now).toISOString()}) is behind the history file ${path}, whose newest reading is dated ${new Date(newest).toISOString()}: this reading is not kept, and the figures are the history's as of its newest reading. Set this runner's clock right; if the history's times are the wrong ones instead, move the readings dated after this run's time out of the file.`
}

export function tornLineWarning(path: string, bytes: number): string {
  return `The history file ${path} ended in an incomplete line (${bytes === 1 ? '1 byte' : `${bytes} bytes`}, left by a run stopped while writing it); dropped it, the readings before it are kept.`
}

export function lockNotRemovedWarning(reason: string): string {
  return `Could not remove the history's lock file ${oneLine(reason)}. The balance and the history are fine; remove the lock file by hand, or later runs wait for it and take it over once it is ${seconds(LOCK_STALE_MS)} old.`
}

/** The reasons the warnings above quote. */
export const historyReasons = {
  lockBusy: (lockPath: string, waitMs: number, staleMs: number) =>
    `the lock ${lockPath} was held for over ${seconds(waitMs)} (a run's lock file is taken over after ${seconds(staleMs)}; anything else there must be removed by hand)`,
  notAFile: (kind: string) => `it is ${kind}`,
  tooLarge: (maxBytes: number) => `it is larger than ${maxBytes / 1024 / 1024} MiB`,
  changedWhileRead: 'the file changed while it was read',
  badLine: (line: number, reason: string) => `line ${line}: ${reason}`,
  shortWrite: (written: number, total: number) => `only ${written} of ${total} bytes were written (a full disk?)`,
  lockTakenOver: (lockPath: string) => `its lock ${lockPath} was taken over by another run`,
  moveAsideFailed: (reason: string, why: string) =>
    `it is not a balance history (${reason}), and moving it aside failed: ${why}`
} as const

/**
 * Why the history on a branch could not be read or saved: the reason inside the history messages
 * below, which name the file and the branch.
 */
export const branchProblem = {
  noGit: () => 'git is not on PATH; install git on the runner (every GitHub-hosted runner has it), or use history-file',
  tokenRejected: (repository: string) =>
    `the github-token was refused by ${repository} (HTTP 401): pass a valid token, such as the default \${{ github.token }}`,
  cannotRead: (repository: string) =>
    `the github-token may not read ${repository} (HTTP 403): give the job \`permissions: contents: write\``,
  notFound: (repository: string) =>
    `the repository ${repository} was not found, or the github-token cannot see it (HTTP 404)`,
  readOnly: (repository: string) =>
    `the github-token may not push to ${repository} (HTTP 403; a pull request from a fork gets a read-only token): give the job \`permissions: contents: write\``,
  busy: (pushes: number, seconds: number) =>
    `other runs kept writing the branch: ${pushes} ${pushes === 1 ? 'push' : 'pushes'} lost to theirs within the ${seconds} s deadline`,
  timeout: (what: string, seconds: number) => `git ${what} did not finish within ${seconds} s`,
  gitFailed: (what: string, reason: string) => `git ${what} failed: ${oneLine(reason)}`,
  notAFile: (file: string, type: string) => `${file} on the branch is a ${type}, not a file; rename or remove it`
} as const
