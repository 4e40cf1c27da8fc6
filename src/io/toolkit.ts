/**
 * The toolkit edge: the one module that hands what the action found to the runner, through
 * @actions/core (log, annotations, outputs) and the summary file. Everything it is given is rendered
 * already; it redacts once more, in case any text from the API or git slipped through with a secret in it.
 */
import * as core from '@actions/core'
import { closeSync, constants, openSync, writeSync } from 'node:fs'
import { redactAll } from '../logic/secret.js'
import { outputFileMessage, summaryWriteMessage } from '../render/messages.js'
import type { Report } from '../render/report.js'

/** What the runner offers the action. Tests pass a recording one; the action uses `runner`. */
export interface Sink {
  mask(secret: string): void
  info(line: string): void
  warning(message: string): void
  /** An `::error::` annotation that fails the step. */
  fail(message: string): void
  setOutput(name: string, value: string): void
  /** Appends Markdown to the job summary; false when the runner gives none (GITHUB_STEP_SUMMARY unset). */
  appendSummary(markdown: string): boolean
}

/** The runner caps one step's summary at 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

export const runner: Sink = {
  mask: secret => core.setSecret(secret),
  info: line => core.info(line),
  warning: message => core.warning(message),
  fail: message => core.setFailed(message),
  setOutput: (name, value) => core.setOutput(name, value),
  appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file) return false
    // Non-blocking open: a FIFO that nobody reads is an error, not a hang.
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | constants.O_NONBLOCK)
    try {
      writeSync(fd, markdown)
    } finally {
      closeSync(fd)
    }
    return true
  }
}

/**
 * Emits a report: the log lines first (the balance and the verdict), then the annotations, then the
 * outputs, then the summary. A failure to write the outputs or the summary is said in one line.
 */
export function emit(report: Report, secrets: string | readonly string[], sink: Sink = runner): void {
  const list = typeof secrets === 'string' ? [secrets] : secrets
  const safe = (text: string) => redactAll(text, list)
  for (const line of report.log) sink.info(safe(line))
  for (const warning of report.warnings) sink.warning(safe(warning))
  if (report.error) sink.fail(safe(report.error))
  try {
    for (const [name, value] of Object.entries(report.outputs)) sink.setOutput(name, safe(value))
  } catch (error) {
    sink.fail(outputFileMessage(reason(error)))
  }
  if (report.summary === undefined) return
  try {
    sink.appendSummary(clipBytes(safe(report.summary), SUMMARY_LIMIT_BYTES))
  } catch (error) {
    sink.warning(summaryWriteMessage(reason(error)))
  }
}

/** Cuts Markdown to at most `limit` UTF-8 bytes, at a line end, saying it was cut. */
export function clipBytes(markdown: string, limit: number): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown
  const note = '\n\n_The rest of this summary was cut: the runner keeps at most 1 MiB a step._\n'
  let cut = Buffer.from(markdown)
    .subarray(0, limit - Buffer.byteLength(note))
    .toString('utf8')
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))
  return cut + note
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
