/**
 * The toolkit edge: the one module that hands what the action found to the runner, through
 * @actions/core (log, annotations, outputs) and the summary file. Everything it is given is rendered
 * already; it redacts once more, in case any text from the API or git slipped through with a secret in
 * it, and
 * leaves no workflow command in what it prints (see logic/workflow-commands.ts).
 */
import * as core from '@actions/core'
import { closeSync, constants, openSync, writeSync } from 'node:fs'
import { redactAll, visible } from '../logic/secret.js'
import { neutraliseCommands } from '../logic/workflow-commands.js'
import { outputFileMessage, summaryClippedNote, summaryWriteMessage } from '../render/messages.js'
import type { Report } from '../model.js'

/** What the runner offers the action. Tests pass a recording one; the action uses `runner`. */
export interface Sink {
  mask(secret: string): void
  info(line: string): void
  warning(message: string): void
  /** A `::notice::` annotation, shown on the run's page. */
  notice(message: string): void
  /** An `::error::` annotation that fails the step. */
  fail(message: string): void
  setOutput(name: string, value: string): void
  /** A `::debug::` line, shown only when the run has debug logging on. */
  debug?(message: string): void
  /** Appends Markdown to the job summary; false when the runner gives none (GITHUB_STEP_SUMMARY unset). */
  appendSummary(markdown: string): boolean
  /** Leaves a value for this action's post step (GITHUB_STATE; STATE_<name> there). */
  saveState(name: string, value: string): void
}

const NONBLOCK = (constants as { O_NONBLOCK?: number }).O_NONBLOCK ?? 0

/** The output file that opened without blocking: the outputs after the first need no check. */
let checkedOutputFile: string | undefined

/** The runner caps one step's summary at 1 MiB. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024

export const runner: Sink = {
  mask: secret => core.setSecret(secret),
  info: line => core.info(line),
  warning: message => core.warning(message),
  notice: message => core.notice(message),
  fail: message => core.setFailed(message),
  setOutput(name, value) {
    const file = process.env.GITHUB_OUTPUT
    // core appends with a blocking open, which waits forever on a FIFO that nobody reads: open it
    // without blocking first (once per file, not once per output), so that such a file fails here,
    // as an unwritable one does.
    if (file && file !== checkedOutputFile) {
      closeSync(openSync(file, constants.O_WRONLY | constants.O_APPEND | NONBLOCK))
      checkedOutputFile = file
    }
    core.setOutput(name, value)
  },
  debug: message => core.debug(message),
  appendSummary(markdown) {
    const file = process.env.GITHUB_STEP_SUMMARY
    if (!file) return false
    // Non-blocking open: a FIFO that nobody reads is an error, not a hang. Windows has neither FIFOs
    // nor O_NONBLOCK (undefined there).
    const fd = openSync(file, constants.O_WRONLY | constants.O_APPEND | constants.O_CREAT | NONBLOCK)
    try {
      writeSync(fd, markdown)
    } finally {
      closeSync(fd)
    }
    return true
  },
  saveState: (name, value) => core.saveState(name, value)
}

/**
 * Any text as the action prints it (a log line, an annotation, the summary): the key (and any other
 * secret, such as a history branch's token) redacted, then
 * no workflow command left in it, whatever the API, a proxy, a file or an input put there.
 */
export function printable(text: string, secrets: string | readonly string[]): string {
  return neutraliseCommands(redactAll(visible(text), typeof secrets === 'string' ? [secrets] : secrets))
}

/**
 * Emits a report: the log lines first (the balance and the verdict), then the annotations, then the
 * outputs, then the summary. A failure to write the outputs or the summary is said in one line.
 * Output values are data for later steps, redacted but not otherwise changed: they go to the
 * GITHUB_OUTPUT file under a random delimiter, or, when it is unset, in a `::set-output` line whose
 * value @actions/core escapes (%, CR, LF), which the runner reads as that command and nothing else.
 */
export function emit(report: Report, secrets: string | readonly string[], sink: Sink = runner): void {
  const list = typeof secrets === 'string' ? [secrets] : secrets
  const safe = (text: string) => printable(text, list)
  for (const line of report.log) sink.info(safe(line))
  for (const warning of report.warnings) sink.warning(safe(warning))
  for (const notice of report.notices ?? []) sink.notice(safe(notice))
  if (report.error) sink.fail(safe(report.error))
  try {
    for (const [name, value] of Object.entries(report.outputs)) sink.setOutput(name, redactAll(value, list))
  } catch (error) {
    sink.fail(safe(outputFileMessage(reason(error))))
  }
  if (report.summary === undefined) return
  try {
    sink.appendSummary(clipBytes(safe(report.summary), SUMMARY_LIMIT_BYTES))
  } catch (error) {
    sink.warning(safe(summaryWriteMessage(reason(error))))
  }
}

/** Cuts Markdown to at most `limit` UTF-8 bytes, at a line end, saying it was cut. */
export function clipBytes(markdown: string, limit: number): string {
  if (Buffer.byteLength(markdown) <= limit) return markdown
  const note = `\n\n${summaryClippedNote(limit)}\n`
  let cut = Buffer.from(markdown)
    .subarray(0, limit - Buffer.byteLength(note))
    .toString('utf8')
  cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')))
  return cut + note
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
