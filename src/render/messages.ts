/**
 * The action's words: every log line and annotation a user can meet, as pure functions of what was
 * found. Each says what happened and what to do, on one line.
 */
import type { Balance, CreditType } from '../logic/balance.js'
import { BILLABLE_FLOOR } from '../logic/credit-flow.js'
import { oneLine } from '../logic/errors.js'
import type { Inputs } from '../logic/inputs.js'
import type { Verdict } from '../logic/policy.js'
import type { Trend } from '../logic/trend.js'

/** The credit types' names in tables. */
export const LABELS: Readonly<Record<CreditType, string>> = {
  total: 'Total',
  regular: 'Regular (purchased)',
  free: 'Free',
  referral: 'Referral'
}

/** Days in words: one decimal below 10, whole days above. */
export function about(days: number): string {
  return String(days >= 10 ? Math.round(days) : Math.round(days * 10) / 10)
}

/** Credits in words: at most two decimals. */
export function cents(credits: number): string {
  return String(Math.round(credits * 100) / 100)
}

/** A time span in words: minutes, hours or days. */
export function span(ms: number): string {
  const minutes = ms / 60_000
  if (minutes < 90) return `${Math.round(minutes)} minutes`
  const hours = minutes / 60
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`
  return `${Math.round((hours / 24) * 10) / 10} days`
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
  return `Swarms ${inputs.creditType} credits (${balance.texts[inputs.creditType]}) last about ${about(trend.daysRemaining ?? 0)} days at ${cents(trend.burnRatePerDay ?? 0)} credits a day (until ${trend.depletionDate}), fewer than the ${inputs.minimumDaysRemaining} of minimum-days-remaining. Add credits, or lower \`minimum-days-remaining\`.`
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

export function futureReadingsWarning(path: string, count: number): string {
  return `The history file ${path} held ${count === 1 ? '1 reading' : `${count} readings`} dated after this one (a clock set ahead?); dropped ${count === 1 ? 'it' : 'them'}.`
}

export function overBudgetMessage(spent: number, budget: number): string {
  return `Swarms credits spent this month (UTC): ${cents(spent)}, over the monthly budget of ${budget} (monthly-budget). Find what is spending, or raise \`monthly-budget\`.`
}

export function forecastOverBudgetMessage(spent: number, forecast: number, budget: number): string {
  return `Swarms credits spent this month (UTC): ${cents(spent)}; at the current rate the month ends at about ${cents(forecast)}, over the monthly budget of ${budget} (monthly-budget).`
}

export function spendSpikeMessage(spent: number, overMs: number, times: number): string {
  return `Swarms credits are being spent fast: ${cents(spent)} since the last check, ${span(overMs)} ago, ${Math.round(times * 10) / 10} times the usual rate. A job may be looping: check the workflows that call Swarms.`
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
