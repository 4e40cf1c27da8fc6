/**
 * Reporting: step outputs, annotations and the job summary. The wording and the summary's Markdown are
 * pure functions; `report*` hand them to the Actions toolkit.
 */
import * as core from '@actions/core'
import type { Balance, CreditType } from './balance.js'
import { ActionError, redact } from './errors.js'
import type { Inputs } from './inputs.js'
import { SPENDING_ORDER, type Verdict } from './policy.js'

const LABELS: Readonly<Record<CreditType, string>> = { total: 'Total', regular: 'Regular', free: 'Free', referral: 'Referral' }

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

export function belowMinimumMessage(balance: Balance, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the minimum of ${inputs.minimumCredits} (minimum-credits). Add credits to the account, or lower \`minimum-credits\`.`
}

export function belowWarningMessage(balance: Balance, inputs: Inputs): string {
  return `Swarms ${inputs.creditType} credits are ${balance.texts[inputs.creditType]}, below the warning threshold of ${inputs.warningCredits} (warning-credits). Add credits before they run out.`
}

export function balanceLine(balance: Balance, verdict: Verdict): string {
  const next = verdict.nextCreditType === 'none' ? 'no credits are left to spend' : `the next charge is taken from ${verdict.nextCreditType} credits`
  return `Swarms credits: total ${balance.texts.total}, free ${balance.texts.free}, referral ${balance.texts.referral}, regular ${balance.texts.regular}; ${next}.`
}

export function verdictText(balance: Balance, verdict: Verdict, inputs: Inputs): string {
  const gated = `${balance.texts[inputs.creditType]} ${inputs.creditType} credits`
  if (verdict.belowMinimum) return `❌ ${gated}, below the minimum of ${inputs.minimumCredits}: the job fails.`
  if (verdict.belowWarning) return `⚠️ ${gated}, below the warning threshold of ${inputs.warningCredits}.`
  return `✅ ${gated}, at or above the minimum of ${inputs.minimumCredits}.`
}

/** The job summary for a balance that was read. */
export function balanceSummary(balance: Balance, verdict: Verdict, inputs: Inputs): string {
  const rows = [...SPENDING_ORDER, 'total' as const].map(type => {
    const notes = [type === inputs.creditType ? 'gated' : '', type === verdict.nextCreditType ? 'next charge' : ''].filter(Boolean)
    return `| ${LABELS[type]} | ${balance.texts[type]} | ${notes.join(', ')} |`
  })
  return [
    '### Swarms credit balance',
    '',
    '| Credit type | Balance | |',
    '| --- | ---: | --- |',
    ...rows,
    '',
    `Gated on **${inputs.creditType}** credits · minimum **${inputs.minimumCredits}** · warning below **${inputs.warningCredits ?? 'none'}**`,
    '',
    `**Verdict:** ${verdictText(balance, verdict, inputs)}`,
    ''
  ].join('\n')
}

/** The job summary when no balance was read. */
export function failureSummary(message: string, failed: boolean): string {
  const verdict = failed ? '❌ The balance was not read: the job fails.' : '⚠️ The balance was not read; the job goes on (`fail-on-api-error: false`).'
  return ['### Swarms credit balance', '', `**Verdict:** ${verdict}`, '', `> ${escapeMarkdown(message)}`, ''].join('\n')
}

function escapeMarkdown(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
}

/** Sets the outputs, the annotations, the verdict and the summary for a balance that was read. */
export async function reportBalance(balance: Balance, verdict: Verdict, inputs: Inputs): Promise<void> {
  for (const [name, value] of Object.entries(balanceOutputs(balance, verdict, inputs.apiKey))) core.setOutput(name, value)
  core.info(balanceLine(balance, verdict))
  if (verdict.belowMinimum) core.setFailed(belowMinimumMessage(balance, inputs))
  else if (verdict.belowWarning) core.warning(belowWarningMessage(balance, inputs))
  if (inputs.summary) await writeSummary(balanceSummary(balance, verdict, inputs))
}

/**
 * Reports a failure as one line. An outage is a warning when `fail-on-api-error` is false; anything
 * else fails the job. `inputs` is undefined when the inputs themselves were the failure.
 */
export async function reportFailure(error: unknown, apiKey: string, inputs?: Inputs): Promise<void> {
  const message = redact(error instanceof ActionError ? error.message : unexpected(error), apiKey)
  const tolerated = error instanceof ActionError && error.kind === 'outage' && inputs?.failOnApiError === false
  if (tolerated) core.warning(`${message} The job goes on because fail-on-api-error is false; no balance outputs are set.`)
  else core.setFailed(message)
  if (inputs?.summary) await writeSummary(failureSummary(message, !tolerated))
}

function unexpected(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return `Unexpected error in the Swarms credit-balance action: ${text.replace(/\s+/g, ' ').trim()}. Please report it with this line.`
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
