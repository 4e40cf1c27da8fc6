/**
 * Keeping text that came from outside (the API's `detail`, a proxy's answer, a header, a file, an
 * input) from being read as a workflow command. The runner (actions/runner, ActionCommandManager and
 * ActionCommand.cs) reads each line of a step's stdout and stderr, split at `\n`, `\r\n` or `\r`:
 *
 * - `::name …::data`: the line, after its leading white space (.NET `TrimStart`, Unicode White_Space),
 *   starts with `::`, and a second `::` ends a registered command name (`TryParseV2`).
 * - `##[name …]data` (legacy): the first `##[` anywhere in a line that was not read as a `::` command
 *   (`TryParse`), up to a `]`, with a registered name. `##[stop-commands]token` then silences every
 *   later command of the step, and the log viewer also draws `##[group]`, `##[error]`… lines its own way.
 *
 * Both are found with .NET's culture-sensitive `StartsWith`/`IndexOf` (no ordinal comparison is
 * asked for), which under ICU skip ignorable characters: `#\u200B#[` is found as `##[`. So a
 * zero-width character does not neutralise a command, and one in the text does not hide one: here
 * format, control and default-ignorable characters count as invisible between the marks, and the
 * neutraliser inserts a backslash, which ICU does not ignore:
 *
 * - a line whose first characters (after white space) are `:` and `:` gets `\` before the first `:`;
 * - every `#`, `#`, `[` (with only invisible characters between) gets `\` before the `[`.
 *
 * The backslash is what Markdown reads as an escape of the next character, so in the job summary
 * `##\[` and `\::` render as `##[` and `::`; in the log and in code spans it shows as it is.
 * Applied once, at the edge, to everything the action prints (see io/toolkit.ts).
 */

/** Characters .NET's culture-sensitive search may skip: controls, format and default-ignorable ones. */
const INVISIBLE = String.raw`\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}`
/** What .NET's TrimStart removes (char.IsWhiteSpace: Unicode White_Space), and the invisible ones. */
const LEADING = String.raw`\p{White_Space}${INVISIBLE}`

const LINE_COMMAND = new RegExp(`^([${LEADING}]*):(?=[${INVISIBLE}]*:)`, 'u')
const LEGACY_COMMAND = new RegExp(`(#[${INVISIBLE}]*#[${INVISIBLE}]*)\\[`, 'gu')
/** The runner's line breaks (.NET StreamReader.ReadLine), kept as they were. */
const LINE_BREAK = /(\r\n|\r|\n)/

/** The text, with no line the runner would read as a workflow command, in either syntax. */
export function neutraliseCommands(text: string): string {
  if (!text.includes(':') && !text.includes('#')) return text
  return text
    .split(LINE_BREAK)
    .map((part, index) =>
      index % 2 === 1 ? part : part.replace(LINE_COMMAND, '$1\\:').replace(LEGACY_COMMAND, '$1\\[')
    )
    .join('')
}
