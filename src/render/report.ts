/**
 * The report of one run, as data: the log lines, the annotations, the outputs and the summary. The
 * policy decided the outcome; this only puts it in words. `io/toolkit.ts` emits it.
 */
import type { Answer, HistoryNotes, Report } from '../model.js'
import { ActionError } from '../logic/errors.js'
import { InputError, tracksHistory, type Inputs } from '../logic/inputs.js'
import { failsTheJob, type Finding, type Verdict } from '../logic/policy.js'
import type { Tracking } from '../logic/tracking.js'
import { findingWords } from './findings.js'
import { inputErrorText } from './input-errors.js'
import * as history from './history-messages.js'
import * as words from './messages.js'
import { balanceOutputs, emptyTrackingOutputs, trackingOutputs } from './outputs.js'
import { balanceSummary, chartOptions, failureSummary, forecastText } from './summary.js'
import { sparkline } from './chart.js'

export function balanceReport(
  answer: Answer,
  verdict: Verdict,
  inputs: Inputs,
  tracking?: Tracking,
  notes?: HistoryNotes
): Report {
  const { balance } = answer
  const log = [words.balanceLine(balance, verdict)]
  // Built once, for the log and the summary.
  const line = tracking && sparkline(tracking.readings, chartOptions(tracking, inputs))
  if (tracking) log.push(forecastText(balance, tracking.trend, inputs))
  if (line) log.push(line)
  const findingText = (finding: Finding) => findingWords(finding, { balance, history: notes }).annotation
  const historyWarnings = notes ? historyNoteWarnings(notes, verdict) : []
  const outputs = {
    ...balanceOutputs(answer, verdict),
    ...(tracking ? trackingOutputs(tracking, verdict) : tracksHistory(inputs) ? emptyTrackingOutputs() : {})
  }
  const unreadNote = notes?.unreadable ? history.historyNotReadWarning(notes.path, notes.unreadable) : undefined
  return {
    log,
    warnings: [...historyWarnings, ...verdict.outcome.warnings.map(findingText)],
    error: verdict.outcome.failure && findingText(verdict.outcome.failure),
    outputs,
    summary: inputs.summary
      ? balanceSummary(answer, verdict, inputs, tracking, { historyNote: unreadNote, sparkline: line })
      : undefined
  }
}

/** The history's own troubles: warnings, except an unreadable history that already fails the job. */
export function historyNoteWarnings(notes: HistoryNotes, verdict?: Verdict): string[] {
  const warnings: string[] = []
  if (notes.unreadable && verdict?.outcome.failure?.kind !== 'history-unreadable') {
    warnings.push(history.historyNotReadWarning(notes.path, notes.unreadable))
  }
  if (notes.movedAside)
    warnings.push(history.historyMovedAsideWarning(notes.path, notes.movedAside.reason, notes.movedAside.to))
  if (notes.clockBehind)
    warnings.push(history.clockBehindWarning(notes.path, notes.clockBehind.now, notes.clockBehind.newest))
  if (notes.tornLine !== undefined) warnings.push(history.tornLineWarning(notes.path, notes.tornLine))
  if (notes.notSaved) warnings.push(history.historyNotSavedWarning(notes.path, notes.notSaved))
  if (notes.lockNotRemoved) warnings.push(history.lockNotRemovedWarning(notes.lockNotRemoved))
  return warnings
}

/**
 * A run that read no balance: one line. An outage is a warning when `fail-on-api-error` is false
 * (the policy says so); anything else fails the job. `inputs` is undefined when they were the failure.
 */
export function failureReport(error: unknown, inputs?: Inputs): Report {
  const known = error instanceof ActionError
  const fails = !known || failsTheJob(error.kind, inputs?.failOnApiError)
  const base =
    error instanceof InputError ? inputErrorText(error.problem) : known ? error.message : words.unexpectedMessage(error)
  const message = known && error.kind === 'outage' ? base + words.outageAdvice(fails) : base
  return {
    log: [],
    warnings: fails ? [] : [message],
    error: fails ? message : undefined,
    outputs: {},
    summary: inputs?.summary ? failureSummary(message, fails) : undefined
  }
}
