/**
 * Reporting: step outputs, annotations and the job summary. The wording and the summary's Markdown are
 * pure functions; `report*` hand them to the Actions toolkit.
 */
import * as core from '@actions/core'
import type { Balance, CreditType } from './logic/balance.js'
import { ActionError, oneLine, redact } from './logic/errors.js'
import type { Inputs } from './logic/inputs.js'
import { SPENDING_ORDER, type Verdict } from './logic/policy.js'
import { formatAmount, type Reading, type Trend } from './logic/trend.js'

const LABELS: Readonly<Record<CreditType, string>> = {
  total: 'Total',
  regular: 'Regular',
  free: 'Free',
  referral: 'Referral'
}

/** The step outputs for a balance that was read, by output name. */
export function balanceOutputs(balance: Balance, verdict: Verdict, apiKey: string): Record<string, string> {
  return {
    'total-credits': balance.texts.total,
    'regular-credits': balance.texts.regular,
    'free-credits': balance.texts.free,
    'referral-credits': balance.texts.referral,
    'below-minimum': String(verdict.belowMinimum),
    'next-credit-type': verdict.nextCreditType,
    'balance-json': redact(balance.json, apiKey)
  }
}

/** What consumption tracking found: the trend, and the readings it came from, oldest first. */
export interface Tracking {
  readonly trend: Trend
  readonly readings: readonly Reading[]
}

/** The consumption outputs: empty strings where they cannot be known yet. */
export function trendOutputs(trend: Trend): Record<string, string> {
  const amount = (value: number | undefined) => (value === undefined ? '' : formatAmount(value))
  return {
    'credits-used-since-last': amount(trend.usedSinceLast),
    'burn-rate-per-day': amount(trend.burnRatePerDay),
    'days-remaining': amount(trend.daysRemaining),
    'depletion-date': trend.depletionDate ?? ''
  }
}

/** The forecast in words, for the summary and the log. */
export function forecastText(balance: Balance, trend: Trend, inputs: Inputs): string {
  const type = inputs.creditType
  const left = balance.values[type] - inputs.minimumCredits
  if (left <= 0) {
    return inputs.minimumCredits > 0
      ? `The ${type} balance is at or below the minimum of ${inputs.minimumCredits}.`
      : `No ${type} credits are left.`
  }
  if (trend.burnRatePerDay === undefined)
    return 'Not enough readings yet for a burn rate: it takes two at different times.'
  if (trend.daysRemaining === undefined)
    return `No ${type} credits were spent over the last ${trend.windowReadings} readings: no depletion in sight.`
  const credits =
    inputs.minimumCredits > 0
      ? `the ${cents(left)} ${type} credits above the minimum of ${inputs.minimumCredits}`
      : `${cents(left)} ${type} credits`
  return `At ${cents(trend.burnRatePerDay)} credits a day, ${credits} last about ${about(trend.daysRemaining)} days, until ${trend.depletionDate}.`
}

/** Days in words: one decimal below 10, whole days above. */
function about(days: number): string {
  return String(days >= 10 ? Math.round(days) : Math.round(days * 10) / 10)
}

/** Credits in words: at most two decimals. */
function cents(credits: number): string {
  return String(Math.round(credits * 100) / 100)
}

export function runwayMessage(balance: Balance, trend: Trend, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits (${balance.texts[inputs.creditType]}) last about ${about(trend.daysRemaining ?? 0)} days at ${cents(trend.burnRatePerDay ?? 0)} credits a day (until ${trend.depletionDate}), fewer than the ${inputs.minimumDaysRemaining} of minimum-days-remaining. Add credits, or lower \`minimum-days-remaining\`.`
}

/** At most this many readings in the summary's chart, so that it stays legible. */
export const CHART_POINTS = 50

/** The trend section of the summary: a Mermaid line of the gated balance, the burn rate, the forecast. */
export function trendSummary(balance: Balance, tracking: Tracking, inputs: Inputs): string {
  const points = tracking.readings.slice(-CHART_POINTS)
  const label = (at: number) => `"${new Date(at).toISOString().slice(5, 16).replace('T', ' ')}"`
  const used = tracking.trend.usedSinceLast
  return [
    '#### Trend',
    '',
    '```mermaid',
    'xychart-beta',
    `  title "${LABELS[inputs.creditType]} credits, last ${points.length} readings (UTC)"`,
    `  x-axis [${points.map(r => label(r.at)).join(', ')}]`,
    '  y-axis "Credits"',
    `  line [${points.map(r => formatAmount(r.values[inputs.creditType])).join(', ')}]`,
    '```',
    '',
    `Burn rate: **${tracking.trend.burnRatePerDay === undefined ? 'not known yet' : `${formatAmount(tracking.trend.burnRatePerDay)} credits a day`}**` +
      (used === undefined ? '' : ` · used since the last reading: **${formatAmount(used)}**`),
    '',
    forecastText(balance, tracking.trend, inputs),
    ''
  ].join('\n')
}

export function belowMinimumMessage(balance: Balance, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the minimum of ${inputs.minimumCredits} (minimum-credits). Add credits to the account, or lower \`minimum-credits\`.`
}

export function belowWarningMessage(balance: Balance, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the warning threshold of ${inputs.warningCredits} (warning-credits). Add credits before they run out.`
}

export function balanceLine(balance: Balance, verdict: Verdict): string {
  const next =
    verdict.nextCreditType === 'none'
      ? 'no credits are left to spend'
      : `the next charge is taken from ${verdict.nextCreditType} credits`
  return `Swarms credits: total ${balance.texts.total}, free ${balance.texts.free}, referral ${balance.texts.referral}, regular ${balance.texts.regular}; ${next}.`
}

export function verdictText(balance: Balance, verdict: Verdict, inputs: Inputs, tracking?: Tracking): string {
  const gated = `${balance.texts[inputs.creditType]} ${inputs.creditType} credits`
  if (verdict.belowMinimum) return `❌ ${gated}, below the minimum of ${inputs.minimumCredits}: the job fails.`
  if (tracking && verdict.shortOfRunway) {
    return `❌ ${gated} last about ${about(tracking.trend.daysRemaining ?? 0)} days, fewer than the ${inputs.minimumDaysRemaining} of minimum-days-remaining: the job fails.`
  }
  if (verdict.belowWarning) return `⚠️ ${gated}, below the warning threshold of ${inputs.warningCredits}.`
  return `✅ ${gated}, at or above the minimum of ${inputs.minimumCredits}.`
}

/** The job summary for a balance that was read, with the trend when the history is tracked. */
export function balanceSummary(balance: Balance, verdict: Verdict, inputs: Inputs, tracking?: Tracking): string {
  const rows = [...SPENDING_ORDER, 'total' as const].map(type => {
    const notes = [
      type === inputs.creditType ? 'gated' : '',
      type === verdict.nextCreditType ? 'next charge' : ''
    ].filter(Boolean)
    return `| ${LABELS[type]} | ${balance.texts[type]} | ${notes.join(', ')} |`
  })
  return [
    '### Swarms credit balance',
    '',
    '| Credit type | Balance | |',
    '| --- | ---: | --- |',
    ...rows,
    '',
    `Gated on **${inputs.creditType}** credits · minimum **${inputs.minimumCredits}** · warning below **${inputs.warningCredits ?? 'none'}**` +
      (inputs.minimumDaysRemaining === undefined ? '' : ` · minimum days remaining **${inputs.minimumDaysRemaining}**`),
    '',
    `**Verdict:** ${verdictText(balance, verdict, inputs, tracking)}`,
    '',
    ...(tracking ? [trendSummary(balance, tracking, inputs)] : [])
  ].join('\n')
}

/** The job summary when no balance was read. */
export function failureSummary(message: string, failed: boolean): string {
  const verdict = failed
    ? '❌ The balance was not read: the job fails.'
    : '⚠️ The balance was not read; the job goes on (`fail-on-api-error: false`).'
  return ['### Swarms credit balance', '', `**Verdict:** ${verdict}`, '', `> ${escapeMarkdown(message)}`, ''].join('\n')
}

function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/**
 * Sets the outputs, the annotations, the verdict and the summary for a balance that was read, with
 * the consumption trend when the history is tracked.
 */
export async function reportBalance(
  balance: Balance,
  verdict: Verdict,
  inputs: Inputs,
  tracking?: Tracking
): Promise<void> {
  const outputs = {
    ...balanceOutputs(balance, verdict, inputs.apiKey),
    ...(tracking ? trendOutputs(tracking.trend) : {})
  }
  for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value)
  core.info(balanceLine(balance, verdict))
  if (tracking) core.info(forecastText(balance, tracking.trend, inputs))
  if (verdict.belowMinimum) core.setFailed(belowMinimumMessage(balance, inputs))
  else if (tracking && verdict.shortOfRunway) core.setFailed(runwayMessage(balance, tracking.trend, inputs))
  else if (verdict.belowWarning) core.warning(belowWarningMessage(balance, inputs))
  if (inputs.summary) await writeSummary(balanceSummary(balance, verdict, inputs, tracking))
}

/**
 * Reports a failure as one line. An outage is a warning when `fail-on-api-error` is false; anything
 * else fails the job. `inputs` is undefined when the inputs themselves were the failure.
 */
export async function reportFailure(error: unknown, apiKey: string, inputs?: Inputs): Promise<void> {
  const message = redact(error instanceof ActionError ? error.message : unexpected(error), apiKey)
  const tolerated = error instanceof ActionError && error.kind === 'outage' && inputs?.failOnApiError === false
  if (tolerated)
    core.warning(`${message} The job goes on because fail-on-api-error is false; no balance outputs are set.`)
  else core.setFailed(message)
  if (inputs?.summary) await writeSummary(failureSummary(message, !tolerated))
}

function unexpected(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return `Unexpected error in the Swarms credit-balance action: ${oneLine(text)}. Please report it with this line.`
}

/** No GITHUB_STEP_SUMMARY (a local run, an old runner) is not an error: the summary is skipped. */
async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return
  try {
    await core.summary.addRaw(markdown, true).write()
  } catch (error) {
    core.warning(`Could not write the job summary: ${error instanceof Error ? error.message : String(error)}`)
  }
}
