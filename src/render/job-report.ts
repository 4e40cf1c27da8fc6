/**
 * The report of a post step that measured the job, as data (see report.ts): the notice, the log line,
 * the warnings about the history, the one error when the job spent over its limit or the end reading
 * failed, and the "This job" section. The logic decided; this puts it in words.
 */
import { ActionError } from '../logic/errors.js'
import type { Inputs } from '../logic/inputs.js'
import type { JobSpend } from '../logic/job-spend.js'
import { failsTheJob } from '../logic/policy.js'
import * as job from './job-spend.js'
import * as words from './messages.js'
import type { HistoryNotes, Report } from '../model.js'
import { historyNoteWarnings } from './report.js'

/** What happened to the history file when the end reading was added; undefined without one. */
export type EndNotes = HistoryNotes

export function jobSpendReport(
  spend: JobSpend,
  check: job.LimitCheck | undefined,
  end: number,
  inputs: Inputs,
  notes?: EndNotes
): Report {
  return {
    log: [job.spendLogLine(spend)],
    notices: check?.over ? [] : [job.spendNotice(spend)],
    warnings: notes ? historyWarnings(notes) : [],
    error: check?.over ? job.overLimitMessage(spend, check.limit) : undefined,
    outputs: {},
    summary: inputs.summary ? job.jobSummary(spend, check, end) : undefined
  }
}

function historyWarnings(notes: EndNotes): string[] {
  return notes.unreadable ? [job.endNotKeptWarning(notes.path, notes.unreadable)] : historyNoteWarnings(notes)
}

/** The end reading failed: it fails the job as the main step's read would (fail-on-api-error), else warns. */
export function jobEndFailureReport(error: unknown, inputs: Inputs): Report {
  const known = error instanceof ActionError
  const fails = !known || failsTheJob(error.kind, inputs.failOnApiError)
  const message = known
    ? job.endReadFailure(error.message, fails, inputs.maxJobSpend, error.kind === 'outage')
    : words.unexpectedMessage(error)
  return {
    log: [],
    warnings: fails ? [] : [message],
    error: fails ? message : undefined,
    outputs: {}
  }
}
