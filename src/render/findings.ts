/**
 * The words of each finding, in one place: the annotation (what happened and what to do, on one line)
 * and the clause the summary's verdict line gives it. One switch over the finding's kind, checked
 * exhaustive by the compiler; the figures come with the finding, as the policy found them.
 */
import type { Balance } from '../logic/balance.js'
import { oneLine } from '../logic/errors.js'
import type { Finding, HistoryGate } from '../logic/policy.js'
import type { HistoryNotes } from '../model.js'
import { about, againstUsual, cents, floorLine, perDay, plural, span } from './messages.js'

export interface FindingWords {
  /** The warning or error annotation. */
  readonly annotation: string
  /** The verdict line's clause: "75 total credits, below the minimum of 100". */
  readonly verdict: string
}

/** What the words quote beside the finding's figures: the balance as the API wrote it, the history's path. */
export interface FindingContext {
  readonly balance: Balance
  readonly history?: HistoryNotes
}

const GATE_WORDS: Readonly<Record<HistoryGate, string>> = {
  'minimum-days-remaining': 'the runway (minimum-days-remaining)',
  'monthly-budget': 'the monthly budget (monthly-budget)'
}

export function findingWords(finding: Finding, { balance, history }: FindingContext): FindingWords {
  switch (finding.kind) {
    case 'below-minimum': {
      const text = balance.texts[finding.creditType]
      const floor = finding.billable ? '' : ` ${floorLine(balance.texts.total)}`
      return {
        annotation: `Swarms ${finding.creditType} credits are ${text}, below the minimum of ${finding.minimum} (minimum-credits).${floor} Add credits to the account, or lower \`minimum-credits\`.`,
        verdict: `${plural(text, `${finding.creditType} credit`)}, below the minimum of ${finding.minimum}`
      }
    }
    case 'history-unreadable':
      return {
        annotation: `The history file ${history?.path ?? ''} could not be read (${oneLine(history?.unreadable ?? '')}), so ${finding.gates.map(gate => GATE_WORDS[gate]).join(' and ')} could not be checked. ${history?.onBranch ? 'Gates fail closed: fix what the reason says, then run again.' : 'Make the file readable (or remove it to start afresh), or wait for the run holding its lock.'}`,
        verdict: 'the history could not be read, so the gates that need it could not be checked'
      }
    case 'short-of-runway': {
      const text = balance.texts[finding.creditType]
      const days = plural(about(finding.daysRemaining), 'day')
      const rate = finding.burnRatePerDay === undefined ? '' : ` at ${perDay(finding.burnRatePerDay)}`
      return {
        annotation: `Swarms ${finding.creditType} credits (${text}) last about ${days}${rate} (until ${finding.depletionDate}), fewer than the ${finding.minimumDays} of minimum-days-remaining. Add credits, or lower \`minimum-days-remaining\`.`,
        verdict: `${plural(text, `${finding.creditType} credit`)} last about ${days}, fewer than the ${finding.minimumDays} of minimum-days-remaining`
      }
    }
    case 'over-budget':
      return {
        annotation: `Swarms credits spent this month (UTC): ${cents(finding.spent)}, over the monthly budget of ${finding.budget} (monthly-budget). Find what is spending, or raise \`monthly-budget\`.`,
        verdict: `${plural(cents(finding.spent), 'credit')} spent this month, over the budget of ${finding.budget}`
      }
    case 'forecast-over-budget':
      return {
        annotation: `${finding.spent === undefined ? 'At' : `Swarms credits spent this month (UTC): ${cents(finding.spent)}; at`} the current rate the month ends at about ${cents(finding.forecast)}, over the monthly budget of ${finding.budget} (monthly-budget).`,
        verdict: `on course to spend ${cents(finding.forecast)} this month, over the budget of ${finding.budget}`
      }
    case 'spend-spike':
      return {
        annotation: `Swarms credits are being spent fast: ${plural(cents(finding.spent), 'credit')} in the last ${span(finding.overMs)}, ${againstUsual(finding.times)}. A job may be looping: check the workflows that call Swarms.`,
        verdict: 'spending is far above its usual rate'
      }
    case 'below-warning': {
      const text = balance.texts[finding.creditType]
      return {
        annotation: `Swarms ${finding.creditType} credits are ${text}, below the warning threshold of ${finding.warning} (warning-credits). Add credits before they run out.`,
        verdict: `${plural(text, `${finding.creditType} credit`)}, below the warning threshold of ${finding.warning}`
      }
    }
    case 'not-billable':
      return {
        annotation: `${floorLine(balance.texts.total)} Add credits to the account.`,
        verdict: `${plural(balance.texts.total, 'total credit')}: agents cannot run`
      }
    default:
      return unreachable(finding)
  }
}

function unreachable(finding: never): never {
  throw new Error(`no words for the finding ${JSON.stringify(finding)}`)
}
