/**
 * The words of a measured job: the notice, the log lines, the failures and the "This job" section of
 * the job summary. Pure functions of what was measured.
 */
import { MICRO, type JobSpend } from '../logic/job-spend.js'
import { oneLine } from '../logic/errors.js'
import { LABELS } from './messages.js'

/** Whole millionths of a credit as a decimal, exactly, without trailing zeros: 3420000n → "3.42". */
export function credits(micro: bigint): string {
  const sign = micro < 0n ? '-' : ''
  const magnitude = micro < 0n ? -micro : micro
  const fraction = String(magnitude % MICRO)
    .padStart(6, '0')
    .replace(/0+$/, '')
  return `${sign}${magnitude / MICRO}${fraction ? `.${fraction}` : ''}`
}

/** "1 Swarms credit", "3.42 Swarms credits". */
function swarmsCredits(micro: bigint): string {
  return `${credits(micro)} Swarms ${micro === MICRO ? 'credit' : 'credits'}`
}

/** A job's length: seconds under a minute, then minutes and seconds, then hours and minutes. */
export function duration(ms: number): string {
  const seconds = Math.floor(ms / 1000)
  if (seconds < 60) return `${seconds} s`
  const minutes = Math.floor(seconds / 60)
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}

/** A reading's time, UTC, to the second. */
function time(at: number): string {
  return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`
}

export const SHARED_ACCOUNT =
  'The account is shared: credits spent with the same key by other jobs or people while this job ran are counted too.'

/** Why the end reading cannot be measured: an amount in the answer that is not a plain decimal. */
export const notDecimalEndReason = 'the balance read at the end of the job has an amount that is not a decimal number'

export function measuringLine(): string {
  return "Measuring this job's Swarms credit spend: the balance is read again when the job ends (the post step)."
}

/** What each type that fell gave, then what rose: "free 3.42; regular rose by 100 (a top-up)". */
function perType(spend: JobSpend): string {
  const spent = spend.types.filter(t => t.spent > 0n).map(t => `${t.type} ${credits(t.spent)}`)
  const rose = spend.types
    .filter(t => t.toppedUp > 0n)
    .map(t => `${t.type} rose by ${credits(t.toppedUp)} (a top-up, not spend)`)
  return [spent.join(', '), ...rose].filter(Boolean).join('; ')
}

/** The notice on the run's page: "This job spent 3.42 Swarms credits: free 3.42". */
export function spendNotice(spend: JobSpend): string {
  const detail = perType(spend)
  return `This job spent ${swarmsCredits(spend.spent)}${detail ? `: ${detail}` : ''}.`
}

export function spendLogLine(spend: JobSpend): string {
  const end = spend.types.map(t => `${t.type} ${credits(t.end)}`).join(', ')
  const detail = perType(spend)
  return `Swarms credits at the end of the job: total ${credits(spend.endTotal)}, ${end}. This job spent ${credits(spend.spent)} in ${duration(spend.durationMs)}${detail ? `: ${detail}` : ''}.`
}

export function overLimitMessage(spend: JobSpend, limit: string): string {
  return `This job spent ${swarmsCredits(spend.spent)}, above the limit of ${limit} (max-job-spend). Find what spent them (an agent in a loop?), or raise \`max-job-spend\`.`
}

export function stateNotSavedWarning(reason: string): string {
  return `The runner's state file (GITHUB_STATE) cannot be written (${oneLine(reason)}), so this job's spend will not be measured; the balance was read. Check the runner's disk and its temporary folder.`
}

export type NothingToMeasure = 'inputs' | 'no-reading'

export function nothingToMeasureLine(why: NothingToMeasure): string {
  const reason =
    why === 'inputs'
      ? 'the inputs are invalid (the main step said which)'
      : 'the main step read no balance at the start of the job'
  return `Nothing to measure: ${reason}, so this job's spend is not known.`
}

export function stateWarning(kind: 'missing' | 'invalid'): string {
  const what =
    kind === 'missing'
      ? 'The start reading the main step leaves for this post step is missing'
      : 'The start reading the main step left for this post step is not in the form the action writes (it was changed)'
  return `${what}, so this job's spend is not measured. Run the action once per job with measure-job, and leave STATE_* variables alone.`
}

/** The end reading could not be taken: the client's one line, then what it means for the job. */
export function endReadFailure(message: string, fails: boolean, limit: string | undefined, outage: boolean): string {
  const consequence = `At the end of the job: ${oneLine(message)} This job's spend is not known${limit === undefined ? '' : `, so the limit of ${limit} (max-job-spend) could not be checked`}.`
  if (!fails) return `${consequence} The job goes on because fail-on-api-error is false.`
  // Only an outage is tolerated by fail-on-api-error; a rejected key or a refused request always fails.
  return outage
    ? `${consequence} Set \`fail-on-api-error: false\` so that an outage at the end of the job gives a warning.`
    : consequence
}

export function endNotKeptWarning(path: string, reason: string): string {
  return `The history file ${path} could not be read (${oneLine(reason)}): the reading at the end of the job is not kept.`
}

/** The limit and the logic's decision on it (overLimit); undefined without max-job-spend. */
export interface LimitCheck {
  readonly limit: string
  readonly over: boolean
}

/** The "This job" section of the job summary; `end` is the end reading's time. */
export function jobSummary(spend: JobSpend, check: LimitCheck | undefined, end: number): string {
  const start = end - spend.durationMs
  const rows = spend.types.map(t => {
    const note = t.toppedUp > 0n ? ` (rose by ${credits(t.toppedUp)}: a top-up)` : ''
    return `| ${LABELS[t.type]} | ${credits(t.start)} | ${credits(t.end)} | ${credits(t.spent)}${note} |`
  })
  const lines = [
    '### This job',
    '',
    `This job spent **${credits(spend.spent)}** Swarms ${spend.spent === MICRO ? 'credit' : 'credits'} in ${duration(spend.durationMs)} (from ${time(start)} to ${time(end)}).`,
    '',
    '| Credits | Start | End | Spent |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| ${LABELS.total} | ${credits(spend.startTotal)} | ${credits(spend.endTotal)} | ${credits(spend.spent)} |`,
    ''
  ]
  if (spend.toppedUp) {
    lines.push(
      'A type that rose during the job was topped up: its rise is not spend, and any spend from it while it was topped up is hidden by the top-up. The total spent is the sum of what each type fell.',
      ''
    )
  }
  if (check) {
    lines.push(
      check.over
        ? `❌ Above the limit of ${check.limit} credits (max-job-spend): the job fails.`
        : `✅ At or below the limit of ${check.limit} credits (max-job-spend).`,
      ''
    )
  }
  lines.push(SHARED_ACCOUNT, '')
  return lines.join('\n')
}
