/**
 * The stack of an unexpected error (a bug, not a failure the action explains), sent as `::debug::`: the
 * runner shows it only when debug logging is on (ACTIONS_STEP_DEBUG, or a re-run with debug logging), so
 * the log a user sees keeps its one-line error. Frames in the bundle are mapped back to src/ through the
 * bundle's source map (dist/index.js.map), read only here: no run pays for it at start-up, as Node's
 * --enable-source-maps would make every run do.
 */
import { readFileSync } from 'node:fs'
import type { SourceMap } from 'node:module'
import { ActionError } from '../logic/errors.js'
import { redact } from '../logic/secret.js'

/** A stack frame's location at the end of its line: `(path:line:column)` or `at path:line:column`. */
const FRAME = /(\(|at )((?:\/|[A-Za-z]:\\|file:\/\/)[^()]*?):(\d+):(\d+)(\)?)$/

/** The error's stack with each frame that has a source map beside its file shown at its source. */
export function mappedStack(error: Error): string {
  const maps = new Map<string, SourceMap | undefined>()
  const mapOf = (file: string) => {
    if (!maps.has(file)) maps.set(file, readMap(file))
    return maps.get(file)
  }
  return (error.stack ?? `${error.name}: ${error.message}`)
    .split('\n')
    .map(line => {
      const frame = FRAME.exec(line)
      const map = frame && mapOf(frame[2])
      if (!frame || !map) return line
      const entry = map.findEntry(Number(frame[3]) - 1, Number(frame[4]) - 1) as {
        originalSource?: string
        originalLine?: number
        originalColumn?: number
      }
      if (entry.originalSource === undefined || entry.originalLine === undefined) return line
      const source = `${entry.originalSource.replace(/^(\.\.?\/)+/, '')}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`
      return line.slice(0, frame.index) + frame[1] + source + frame[5]
    })
    .join('\n')
}

function readMap(file: string): SourceMap | undefined {
  try {
    // Loaded here, not at start-up: the builtins a healthy run loads are kept to those it needs.
    const { SourceMap: SourceMapOf } = process.getBuiltinModule('node:module')
    return new SourceMapOf(JSON.parse(readFileSync(`${file.replace(/^file:\/\//, '')}.map`, 'utf8')))
  } catch {
    return undefined
  }
}

/** Sends an unexpected error's stack, redacted, to `debug`; a failure the action explains sends nothing. */
export function debugUnexpected(error: unknown, apiKey: string, debug: (message: string) => void): void {
  if (error instanceof ActionError || !(error instanceof Error)) return
  debug(redact(`Unexpected error: ${mappedStack(error)}`, apiKey))
}
