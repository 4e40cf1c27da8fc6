/**
 * The action's words: every log line and annotation a user can meet, as pure functions of what was
 * found. Each says what happened and what to do, on one line.
 */
import type { Balance, CreditType } from '../logic/balance.js'
import { BILLABLE_FLOOR } from '../logic/credit-flow.js'
import { oneLine } from '../logic/errors.js'
import type { Inputs } from '../logic/inputs.js'
import type { Verdict } from '../logic/policy.js'
import { roundedText, type Trend } from '../logic/trend.js'

/** The credit types' names in tables. */
export const LABELS: Readonly<Record<CreditType, string>> = {
  total: 'Total',
  regular: 'Regular (purchased)',
  free: 'Free',
  referral: 'Referral'
}

/** A count and its unit, singular only for exactly "1": "1 credit", "0.5 credits", "2 days". */
export function plural(count: string, unit: string): string {
  return `${count} ${unit}${count === '1' ? '' : 's'}`
}

/** Days in words: one decimal below 10, whole days above; never 0 for a runway that is not 0. */
export function about(days: number): string {
  return days >= 10 ? String(Math.round(days)) : roundedText(days, 1)
}

/** Credits in words, amounts and rates alike: two decimals, more only for one that would show as 0. */
export function cents(credits: number): string {
  return roundedText(credits, 2)
}

/** A rate in words, the one rounding for rates everywhere: "0.25 credits a day", "1 credit a day". */
export function perDay(credits: number): string {
  return `${plural(cents(credits), 'credit')} a day`
}

/** A number of times in words: "10.5"; a usual rate of 0 is worded by againstUsual, never as Infinity. */
function times(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/** A time span in words: minutes, hours or days. */
export function span(ms: number): string {
  const minutes = ms / 60_000
  if (minutes < 90) return plural(String(Math.round(minutes)), 'minute')
  const hours = minutes / 60
  if (hours < 48) return plural(String(Math.round(hours * 10) / 10), 'hour')
  return plural(String(Math.round((hours / 24) * 10) / 10), 'day')
}

/** The spike's rate against the usual one: "10 times the usual rate", or what stands for it at a usual 0. */
export function againstUsual(ratio: number): string {
  return Number.isFinite(ratio) ? `${times(ratio)} times the usual rate` : 'where the account usually spends nothing'
}

export function balanceLine(balance: Balance, verdict: Verdict): string {
  const next =
    verdict.nextCreditType === 'none'
      ? 'no credits are left to spend'
      : `the next charge is taken from ${verdict.nextCreditType === 'free' ? 'free credits' : 'the regular balance'}`
  return `Swarms credits: total ${balance.texts.total}, free ${balance.texts.free}, regular ${balance.texts.regular}, referral ${balance.texts.referral}; ${next} (free credits are spent first, then the regular balance, which includes referral credits).`
}

const floorNote = `the Swarms API refuses billable requests (HTTP 402) at or below ${BILLABLE_FLOOR.toFixed(2)} total credits`

export function belowMinimumMessage(balance: Balance, verdict: Verdict, inputs: Inputs): string {
  const floor = verdict.billable ? '' : ` At ${balance.texts.total} total credits, ${floorNote}.`
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the minimum of ${inputs.minimumCredits} (minimum-credits).${floor} Add credits to the account, or lower \`minimum-credits\`.`
}

export function belowWarningMessage(balance: Balance, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the warning threshold of ${inputs.warningCredits} (warning-credits). Add credits before they run out.`
}

export function notBillableMessage(balance: Balance): string {
  return `Swarms total credits are ${balance.texts.total}: ${floorNote}, so agents cannot run. Add credits to the account.`
}

export function runwayMessage(balance: Balance, trend: Trend, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits (${balance.texts[inputs.creditType]}) last about ${plural(about(trend.daysRemaining ?? 0), 'day')} at ${perDay(trend.burnRatePerDay ?? 0)} (until ${trend.depletionDate}), fewer than the ${inputs.minimumDaysRemaining} of minimum-days-remaining. Add credits, or lower \`minimum-days-remaining\`.`
}

/**
 * A history path that holds something other than a regular file. The path is shown as it is, in plain
 * quotes: JSON quoting would double each backslash of a Windows path (D:\\a\\h.jsonl).
 */
export function notAHistoryMessage(path: string, kind: string): string {
  return `Input \`history-file\` is "${path}", which is ${kind}: it must name a regular file, or nothing yet. Nothing there was touched.`
}

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

export function historyUnreadableMessage(path: string, reason: string, inputs: Inputs, onBranch = false): string {
  const gates = [
    inputs.minimumDaysRemaining !== undefined ? 'the runway (minimum-days-remaining)' : '',
    inputs.monthlyBudget !== undefined ? 'the monthly budget (monthly-budget)' : ''
  ].filter(Boolean)
  const advice = onBranch
    ? 'Gates fail closed: fix what the reason says, then run again.'
    : 'Make the file readable (or remove it to start afresh), or wait for the run holding its lock.'
  return `The history file ${path} could not be read (${oneLine(reason)}), so ${gates.join(' and ')} could not be checked. ${advice}`
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
  return `Could not remove the history's lock file ${oneLine(reason)}. The balance and the history are fine; remove the lock file by hand, or later runs wait for it and take it over once it is 60 s old.`
}

export function overBudgetMessage(spent: number, budget: number): string {
  return `Swarms credits spent this month (UTC): ${cents(spent)}, over the monthly budget of ${budget} (monthly-budget). Find what is spending, or raise \`monthly-budget\`.`
}

export function forecastOverBudgetMessage(spent: number, forecast: number, budget: number): string {
  return `Swarms credits spent this month (UTC): ${cents(spent)}; at the current rate the month ends at about ${cents(forecast)}, over the monthly budget of ${budget} (monthly-budget).`
}

export function spendSpikeMessage(spent: number, overMs: number, ratio: number): string {
  return `Swarms credits are being spent fast: ${plural(cents(spent), 'credit')} in the last ${span(overMs)}, ${againstUsual(ratio)}. A job may be looping: check the workflows that call Swarms.`
}

export function outageAdvice(failOnApiError: boolean): string {
  return failOnApiError
    ? ' Set `fail-on-api-error: false` so that an outage does not fail the job.'
    : ' The job goes on because fail-on-api-error is false; no balance outputs are set.'
}

export function unexpectedMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return `Unexpected error in the Swarms credit-balance action: ${oneLine(text)}. Please report it with this line.`
}

export function outputFileMessage(reason: string): string {
  return `The runner's output file (GITHUB_OUTPUT) cannot be written (${oneLine(reason)}), so this step's outputs are not set. The balance was read (see the log above); check the runner's disk and its temporary folder.`
}

export function summaryWriteMessage(reason: string): string {
  return `Could not write the job summary (${oneLine(reason)}); the outputs are set.`
}
