/**
 * The job summary's Markdown, as pure functions. Text that came from the API is shown in code spans,
 * so that it cannot render as a link or an image.
 */
import type { Answer } from '../model.js'
import type { Balance } from '../logic/balance.js'
import { BILLABLE_FLOOR, FLOW_ORDER } from '../logic/credit-flow.js'
import type { Inputs } from '../logic/inputs.js'
import type { Finding, Verdict } from '../logic/policy.js'
import type { RateLimit } from '../logic/rate-limit.js'
import type { Tracking } from '../logic/tracking.js'
import type { Trend } from '../logic/trend.js'
import { trendChart, sparkline } from './chart.js'
import { creditFlowMarkdown } from './credit-flow.js'
import { LABELS, about, againstUsual, cents, perDay, plural, span } from './messages.js'

const HEADING = '### Swarms credit balance'

/** A Markdown code span holding `text` as it is, whatever backticks it holds. */
export function codeSpan(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length))
  const fence = '`'.repeat(longest + 1)
  return `${fence} ${text.replace(/\s+/g, ' ')} ${fence}`
}

/** The verdict in one line, from the outcome the policy decided. */
export function verdictText(balance: Balance, verdict: Verdict, inputs: Inputs, tracking?: Tracking): string {
  const gated = plural(balance.texts[inputs.creditType], `${inputs.creditType} credit`)
  const failure = verdict.outcome.failure
  const fails = ': the job fails.'
  if (failure) return `❌ ${FAILURE_TEXT[failure as keyof typeof FAILURE_TEXT](gated, inputs, tracking)}${fails}`
  const warnings = verdict.outcome.warnings.map(finding => WARNING_TEXT[finding]?.(gated, inputs, tracking))
  if (warnings.length) return `⚠️ ${warnings.join('; ')}.`
  return `✅ ${gated}, at or above the minimum of ${inputs.minimumCredits}.`
}

type Words = (gated: string, inputs: Inputs, tracking?: Tracking) => string

const FAILURE_TEXT: Record<'below-minimum' | 'history-unreadable' | 'short-of-runway' | 'over-budget', Words> = {
  'below-minimum': (gated, inputs) => `${gated}, below the minimum of ${inputs.minimumCredits}`,
  'history-unreadable': () => 'the history could not be read, so the gates that need it could not be checked',
  'short-of-runway': (gated, inputs, tracking) =>
    `${gated} last about ${plural(about(tracking?.trend.daysRemaining ?? 0), 'day')}, fewer than the ${inputs.minimumDaysRemaining} of minimum-days-remaining`,
  'over-budget': (_gated, inputs, tracking) =>
    `${plural(cents(tracking?.spentThisMonth ?? 0), 'credit')} spent this month, over the budget of ${inputs.monthlyBudget}`
}

const WARNING_TEXT: Partial<Record<Finding, Words>> = {
  'forecast-over-budget': (_gated, inputs, tracking) =>
    `on course to spend ${cents(tracking?.forecastThisMonth ?? 0)} this month, over the budget of ${inputs.monthlyBudget}`,
  'spend-spike': () => 'spending is far above its usual rate',
  'below-warning': (gated, inputs) => `${gated}, below the warning threshold of ${inputs.warningCredits}`,
  'not-billable': () => `at or below ${BILLABLE_FLOOR.toFixed(2)} total credits the API refuses billable requests`
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

/** The job summary for a balance that was read, with the history's sections when it is tracked. */
export function balanceSummary(
  answer: Answer,
  verdict: Verdict,
  inputs: Inputs,
  tracking?: Tracking,
  historyNote?: string
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
    'Swarms spends free credits first, then the regular balance (purchased and referral credits together).',
    '',
    gates.join(' · '),
    '',
    `**Verdict:** ${verdictText(balance, verdict, inputs, tracking)}`,
    '',
    ...(verdict.billable
      ? []
      : [
          `The API refuses billable requests (HTTP 402) at or below ${BILLABLE_FLOOR.toFixed(2)} total credits: at ${balance.texts.total}, agents cannot run.`,
          ''
        ]),
    ...(rateLimits ? [rateLimits, ''] : []),
    ...(tracking ? [trendSection(balance, tracking, inputs)] : historyNote ? ['#### Trend', '', historyNote, ''] : [])
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
      ? 'No forecast yet: this is the first reading, and a burn rate needs readings at least 1 hour apart.'
      : `No forecast yet: the history spans ${span(trend.spanMs)}, and a burn rate needs readings at least 1 hour apart.`
  }
  if (trend.daysRemaining === undefined) {
    return trend.burnRatePerDay > 0
      ? `At ${perDay(trend.burnRatePerDay)}, the ${type} credits last more than 100 years: no depletion in sight.`
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

function trendSection(balance: Balance, tracking: Tracking, inputs: Inputs): string {
  const { trend } = tracking
  const used = trend.usedSinceLast
  const chartOptions = {
    creditType: inputs.creditType,
    minimumCredits: inputs.minimumCredits,
    now: tracking.current.at
  }
  const line = sparkline(tracking.readings, chartOptions)
  return [
    '#### Trend',
    '',
    `History: ${historySpanText(trend)}`,
    '',
    trendChart(tracking.readings, chartOptions),
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
