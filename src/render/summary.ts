/**
 * The job summary's Markdown, as pure functions. Text that came from the API is shown in code spans,
 * so that it cannot render as a link or an image.
 */
import type { Answer } from '../model.js'
import type { Balance } from '../logic/balance.js'
import { FLOW_ORDER } from '../logic/credit-flow.js'
import type { Inputs } from '../logic/inputs.js'
import type { Finding, Verdict } from '../logic/policy.js'
import type { RateLimit } from '../logic/rate-limit.js'
import type { Tracking } from '../logic/tracking.js'
import type { Trend } from '../logic/trend.js'
import { trendChart, type ChartOptions } from './chart.js'
import { creditFlowMarkdown } from './credit-flow.js'
import { findingWords } from './findings.js'
import {
  FORECAST_HORIZON,
  LABELS,
  MIN_RATE_SPAN,
  SPENDING_ORDER,
  about,
  againstUsual,
  cents,
  floorLine,
  perDay,
  plural,
  span
} from './messages.js'

const HEADING = '### Swarms credit balance'

/** A Markdown code span holding `text` as it is, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence} ${text.replace(/\s+/g, ' ')} ${fence}`
}

/** The verdict in one line, from the outcome the policy decided. */
export function verdictText(balance: Balance, verdict: Verdict, inputs: Inputs): string {
  const words = (finding: Finding) => findingWords(finding, { balance }).verdict
  const failure = verdict.outcome.failure
  if (failure) return `❌ ${words(failure)}: the job fails.`
  const warnings = verdict.outcome.warnings.map(words)
  if (warnings.length) return `⚠️ ${warnings.join('; ')}.`
  const gated = plural(balance.texts[inputs.creditType], `${inputs.creditType} credit`)
  return `✅ ${gated}, at or above the minimum of ${inputs.minimumCredits}.`
}

function balanceTable(balance: Balance, verdict: Verdict, inputs: Inputs): string[] {
  const rows = FLOW_ORDER.map(type => {
    const notes = [
      type === inputs.creditType ? 'gated' : '',
      type === verdict.nextCreditType ? 'next charge' : '',
      type === 'referral' ? 'spent with the regular balance' : ''
    ].filter(Boolean)
    return `| ${LABELS[type]} | ${balance.texts[type]} | ${notes.join(', ')} |`
  })
  return ['| Credit type | Balance | |', '| --- | ---: | --- |', ...rows]
}

/** "free tier: 94 of 100 requests left this minute, 1,047 of 1,200 today"; undefined when none were sent. */
export function rateLimitText(rateLimit: RateLimit): string | undefined {
  // Not toLocaleString: loading the locale data costs more than the rest of the summary.
  const count = (n: number) => String(n).replace(/\B(?=(\d{3})+$)/g, ',')
  const parts = [
    rateLimit.remainingMinute === undefined
      ? ''
      : `${count(rateLimit.remainingMinute)}${rateLimit.limitMinute === undefined ? '' : ` of ${count(rateLimit.limitMinute)}`} requests left this minute`,
    rateLimit.remainingDay === undefined
      ? ''
      : `${count(rateLimit.remainingDay)}${rateLimit.limitDay === undefined ? '' : ` of ${count(rateLimit.limitDay)}`} today`
  ].filter(Boolean)
  if (!parts.length && rateLimit.tier === undefined) return undefined
  const tier =
    rateLimit.tier === undefined
      ? 'Rate limits'
      : /^[\w-]+$/.test(rateLimit.tier)
        ? `${rateLimit.tier[0].toUpperCase()}${rateLimit.tier.slice(1)} tier`
        : `${codeSpan(rateLimit.tier)} tier`
  return parts.length ? `${tier}: ${parts.join(', ')}.` : `${tier}.`
}

/** What the report made once and the summary shows too. */
export interface SummaryExtra {
  /** Why the history could not be read, in the place of the trend. */
  readonly historyNote?: string
  /** The sparkline the log shows (chart.ts), under the chart. */
  readonly sparkline?: string
}

/** The chart's view of a tracked run: the gated type, its minimum, the current reading's time. */
export function chartOptions(tracking: Tracking, inputs: Inputs): ChartOptions {
  return { creditType: inputs.creditType, minimumCredits: inputs.minimumCredits, now: tracking.current.at }
}

/** The job summary for a balance that was read, with the history's sections when it is tracked. */
export function balanceSummary(
  answer: Answer,
  verdict: Verdict,
  inputs: Inputs,
  tracking?: Tracking,
  extra: SummaryExtra = {}
): string {
  const { balance } = answer
  const gates = [
    `Gated on **${inputs.creditType}** credits`,
    `minimum **${inputs.minimumCredits}**`,
    `warning below **${inputs.warningCredits ?? 'none'}**`,
    inputs.minimumDaysRemaining === undefined ? '' : `minimum days remaining **${inputs.minimumDaysRemaining}**`,
    inputs.monthlyBudget === undefined ? '' : `monthly budget **${inputs.monthlyBudget}**`
  ].filter(Boolean)
  const rateLimits = rateLimitText(answer.rateLimit)
  return [
    HEADING,
    '',
    ...balanceTable(balance, verdict, inputs),
    '',
    SPENDING_ORDER,
    '',
    gates.join(' · '),
    '',
    `**Verdict:** ${verdictText(balance, verdict, inputs)}`,
    '',
    ...(verdict.billable ? [] : [floorLine(balance.texts.total), '']),
    ...(rateLimits ? [rateLimits, ''] : []),
    ...(tracking
      ? [trendSection(balance, tracking, inputs, extra.sparkline)]
      : extra.historyNote
        ? ['#### Trend', '', extra.historyNote, '']
        : [])
  ].join('\n')
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
  if (trend.burnRatePerDay === undefined) {
    return trend.spanMs === 0
      ? `No forecast yet: this is the first reading, and a burn rate needs readings at least ${MIN_RATE_SPAN} apart.`
      : `No forecast yet: the history spans ${span(trend.spanMs)}, and a burn rate needs readings at least ${MIN_RATE_SPAN} apart.`
  }
  if (trend.daysRemaining === undefined) {
    return trend.burnRatePerDay > 0
      ? `At ${perDay(trend.burnRatePerDay)}, the ${type} credits last more than ${FORECAST_HORIZON}: no depletion in sight.`
      : `No ${type} credits were spent over the last ${trend.windowReadings} readings: no depletion in sight.`
  }
  const credits =
    inputs.minimumCredits > 0
      ? `the ${plural(cents(left), `${type} credit`)} above the minimum of ${inputs.minimumCredits}`
      : plural(cents(left), `${type} credit`)
  return `At ${perDay(trend.burnRatePerDay)}, ${credits} last about ${plural(about(trend.daysRemaining), 'day')}, until ${trend.depletionDate}.`
}

/** "37 readings over 9.2 days": so that a history that started over shows. */
export function historySpanText(trend: Trend): string {
  return trend.readings === 1
    ? '1 reading so far (this one).'
    : `${trend.readings} readings over ${span(trend.spanMs)}.`
}

function trendSection(balance: Balance, tracking: Tracking, inputs: Inputs, line?: string): string {
  const { trend } = tracking
  const used = trend.usedSinceLast
  return [
    '#### Trend',
    '',
    `History: ${historySpanText(trend)}`,
    '',
    trendChart(tracking.readings, chartOptions(tracking, inputs)),
    '',
    ...(line ? [line, ''] : []),
    `Burn rate: **${trend.burnRatePerDay === undefined ? 'not known yet' : perDay(trend.burnRatePerDay)}**` +
      (used === undefined ? '' : ` · used since the last reading: **${cents(used)}**`),
    '',
    forecastText(balance, trend, inputs),
    '',
    creditFlowMarkdown(tracking, balance.texts),
    ...monthSection(tracking, inputs),
    ...spikeSection(tracking)
  ].join('\n')
}

/** A text progress bar of `fraction` (0 to 1 and beyond), 20 cells wide. */
export function progressBar(fraction: number): string {
  const cells = 20
  const filled = Math.min(cells, Math.max(0, Math.round(fraction * cells)))
  return `\`${'█'.repeat(filled)}${'░'.repeat(cells - filled)}\``
}

function monthSection(tracking: Tracking, inputs: Inputs): string[] {
  const spent = tracking.spentThisMonth
  const forecast = tracking.forecastThisMonth
  const course = forecast === undefined ? '' : `, on course for ${cents(forecast)}`
  if (inputs.monthlyBudget === undefined)
    return ['#### This month', '', `${plural(cents(spent), 'credit')} spent so far (UTC)${course}.`, '']
  const budget = inputs.monthlyBudget
  const percent = budget > 0 ? ` (${Math.round((spent / budget) * 100)}%)` : ''
  return [
    '#### This month',
    '',
    `This month: ${cents(spent)} of ${plural(String(budget), 'credit')} spent${percent}${course}.`,
    '',
    budget > 0 ? progressBar(spent / budget) : '',
    ''
  ]
}

function spikeSection(tracking: Tracking): string[] {
  const spike = tracking.spike
  if (!spike?.spike) return []
  return [
    `**Runaway spend:** ${plural(cents(spike.spent), 'credit')} in the last ${span(spike.overMs)}: ${againstUsual(spike.times)}.`,
    ''
  ]
}

/** The job summary when no balance was read: the message in a code span, since it may quote the API. */
export function failureSummary(message: string, failed: boolean): string {
  const verdict = failed
    ? '❌ The balance was not read: the job fails.'
    : '⚠️ The balance was not read; the job goes on (`fail-on-api-error: false`).'
  return [HEADING, '', `**Verdict:** ${verdict}`, '', codeSpan(message), ''].join('\n')
}
