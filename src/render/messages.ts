/**
 * The action's words: every log line and annotation a user can meet, as pure functions of what was
 * found. Each says what happened and what to do, on one line.
 */
import type { Balance, CreditType } from '../logic/balance.js'
import { BILLABLE_FLOOR } from '../logic/credit-flow.js'
import { oneLine } from '../logic/errors.js'
import type { Verdict } from '../logic/policy.js'
import { HOUR_MS, MAX_FORECAST_DAYS, MIN_WINDOW_MS, roundedText } from '../logic/trend.js'

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

/** How far ahead a forecast looks (MAX_FORECAST_DAYS), in words: "100 years". */
export const FORECAST_HORIZON = plural(String(Math.round(MAX_FORECAST_DAYS / 365)), 'year')

/** The shortest span a burn rate is computed over (MIN_WINDOW_MS), in words: "1 hour". */
export const MIN_RATE_SPAN = plural(String(MIN_WINDOW_MS / HOUR_MS), 'hour')

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

/** Swarms's spending order, the one sentence that says it. */
export const SPENDING_ORDER =
  'Swarms spends free credits first, then the regular balance (purchased and referral credits together).'

/** The API's billable floor as the words show it: "1.00". */
export const FLOOR_TEXT = BILLABLE_FLOOR.toFixed(2)

/** The billable floor, the one sentence that says it, at a total as the API wrote it. */
export function floorLine(total: string): string {
  return `At ${plural(total, 'total credit')}, agents cannot run: the Swarms API refuses billable requests (HTTP 402) at or below ${FLOOR_TEXT} total credits.`
}

export function balanceLine(balance: Balance, verdict: Verdict): string {
  const next =
    verdict.nextCreditType === 'none'
      ? 'no credits are left to spend'
      : `the next charge is taken from ${verdict.nextCreditType === 'free' ? 'free credits' : 'the regular balance'}`
  return `Swarms credits: total ${balance.texts.total}, free ${balance.texts.free}, regular ${balance.texts.regular}, referral ${balance.texts.referral}; ${next}. ${SPENDING_ORDER}`
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

/** The line that ends a summary cut to the runner's limit of `limitBytes` a step. */
export function summaryClippedNote(limitBytes: number): string {
  const size = limitBytes % (1024 * 1024) === 0 ? `${limitBytes / 1024 / 1024} MiB` : `${limitBytes} bytes`
  return `_The rest of this summary was cut: the runner keeps at most ${size} a step._`
}
