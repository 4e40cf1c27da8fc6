// Runs the built action as the runner does: inputs as INPUT_<NAME> variables, outputs through the
// file named by GITHUB_OUTPUT, the job summary through GITHUB_STEP_SUMMARY, workflow commands on
// stdout. Used by `npm run demo`, the black-box tests and the benchmark.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inputVariable } from '../src/logic/api.js'
import { node24 } from './node24.mjs'

export const ACTION_ENTRY = fileURLToPath(new URL('../dist/index.js', import.meta.url))
/** The post step's entry (action.yml runs.post), which the runner runs when the job ends. */
export const POST_ENTRY = fileURLToPath(new URL('../dist/post/index.js', import.meta.url))

/**
 * @typedef {object} ActionRun
 * @property {number | null} code the exit code
 * @property {string} stdout
 * @property {string} stderr
 * @property {Record<string, string>} outputs the step outputs
 * @property {string | undefined} summary the job summary, undefined when none was written
 * @property {string[]} errors the `::error::` annotations, decoded
 * @property {string[]} warnings the `::warning::` annotations, decoded
 * @property {string[]} notices the `::notice::` annotations, decoded
 * @property {Record<string, string>} state what the step left for its post step through GITHUB_STATE
 * @property {string[]} masked the values registered with `::add-mask::`
 * @property {number} ms wall time
 */

/**
 * @param {object} options
 * @param {Record<string, string>} [options.inputs] by input name, as a workflow's `with:` gives them
 * @param {Record<string, string>} [options.env] further environment
 * @param {boolean} [options.summary] set GITHUB_STEP_SUMMARY (default true)
 * @param {string} [options.node] the Node binary (default: the Node 24 the runner uses)
 * @param {string} [options.entry] the script to run (default: dist/index.js)
 * @param {string[]} [options.args] Node's arguments instead of the entry (`['-e', '']` for an empty run)
 * @param {number} [options.killAfterMs] a guard against a hang (default 60 s)
 * @returns {Promise<ActionRun>}
 */
export async function runAction({
  inputs = {},
  env = {},
  summary = true,
  node = node24(),
  entry = ACTION_ENTRY,
  args = [entry],
  killAfterMs = 60_000
} = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'swarms-action-'))
  const outputFile = join(dir, 'output')
  const summaryFile = join(dir, 'summary')
  const stateFile = join(dir, 'state')
  writeFileSync(outputFile, '')
  writeFileSync(stateFile, '')
  if (summary) writeFileSync(summaryFile, '')
  /** @type {Record<string, string>} */
  const childEnv = {
    PATH: process.env.PATH ?? '',
    ...windowsEssentials(),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STATE: stateFile,
    RUNNER_TEMP: dir,
    ...env
  }
  if (summary) childEnv.GITHUB_STEP_SUMMARY = summaryFile
  for (const [name, value] of Object.entries(inputs)) childEnv[inputVariable(name)] = value
  try {
    const started = performance.now()
    const { code, stdout, stderr } = await spawnCollect(node, args, childEnv, killAfterMs)
    const ms = performance.now() - started
    const commands = parseCommands(stdout)
    return {
      code,
      // The runner splits lines at CR LF as at LF; on Windows the toolkit ends each with CR LF (os.EOL).
      stdout: stdout.replace(/\r\n/g, '\n'),
      stderr: stderr.replace(/\r\n/g, '\n'),
      outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
      summary: summary ? readFileSync(summaryFile, 'utf8') || undefined : undefined,
      errors: commands.filter(c => c.command === 'error').map(c => c.message),
      warnings: commands.filter(c => c.command === 'warning').map(c => c.message),
      notices: commands.filter(c => c.command === 'notice').map(c => c.message),
      state: parseOutputFile(readFileSync(stateFile, 'utf8')),
      masked: commands.filter(c => c.command === 'add-mask').map(c => c.message),
      ms
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * On Windows, what any process needs from the environment (the runner passes it all): without
 * SYSTEMROOT, Node cannot open a socket there.
 * @returns {Record<string, string>}
 */
function windowsEssentials() {
  if (process.platform !== 'win32') return {}
  const names = ['SYSTEMROOT', 'WINDIR', 'TEMP', 'TMP', 'USERPROFILE', 'PATHEXT', 'COMSPEC']
  return Object.fromEntries(names.flatMap(name => (process.env[name] ? [[name, process.env[name]]] : [])))
}

/** @returns {Promise<{ code: number | null, stdout: string, stderr: string }>} */
function spawnCollect(command, args, env, killAfterMs) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', chunk => (stdout += chunk))
    child.stderr.on('data', chunk => (stderr += chunk))
    const guard = setTimeout(() => child.kill('SIGKILL'), killAfterMs)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(guard)
      resolve({ code, stdout, stderr })
    })
  })
}

/**
 * Runs a job as the runner runs an action with a post step: the main entry, then `between` (what the
 * job's other steps do), then the post entry with the state the main step left as STATE_<name>
 * variables and the same inputs. `post` adds to or replaces the post step's environment (a tampered
 * state, say).
 * @param {Parameters<typeof runAction>[0] & { between?: () => unknown, post?: Record<string, string | undefined> }} options
 * @returns {Promise<{ main: ActionRun, post: ActionRun }>}
 */
export async function runJob({ between, post = {}, ...options } = {}) {
  const main = await runAction(options)
  await between?.()
  /** @type {Record<string, string>} */
  const env = { ...options.env }
  for (const [name, value] of Object.entries(main.state)) env[`STATE_${name}`] = value
  for (const [name, value] of Object.entries(post)) {
    if (value === undefined) delete env[name]
    else env[name] = value
  }
  return { main, post: await runAction({ ...options, env, entry: POST_ENTRY }) }
}

/** Parses `name<<DELIMITER\nvalue\nDELIMITER` blocks, as the runner reads GITHUB_OUTPUT and GITHUB_STATE. */
export function parseOutputFile(text) {
  /** @type {Record<string, string>} */
  const outputs = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const heredoc = /^([^=<]+)<<(.+)$/.exec(lines[i])
    if (heredoc) {
      const end = lines.indexOf(heredoc[2], i + 1)
      outputs[heredoc[1]] = lines.slice(i + 1, end).join('\n')
      i = end
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=')
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1)
    }
  }
  return outputs
}

/** The workflow commands (`::name props::message`) on stdout, with the message decoded. */
export function parseCommands(stdout) {
  return stdout
    .split(/\r?\n/)
    .map(line => /^::([a-z-]+)(?: [^:]*)?::(.*)$/.exec(line))
    .filter(match => match !== null)
    .map(match => ({
      command: match[1],
      message: match[2].replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
    }))
}

/**
 * The command names the runner registers (actions/runner ActionCommandManager: its extensions and
 * stop-commands), compared ignoring case.
 */
export const RUNNER_COMMANDS = [
  'stop-commands',
  'set-env',
  'set-output',
  'save-state',
  'add-mask',
  'add-path',
  'add-matcher',
  'remove-matcher',
  'debug',
  'warning',
  'error',
  'notice',
  'group',
  'endgroup',
  'echo'
]

/** What .NET's culture-sensitive StartsWith/IndexOf skip (under ICU): read each line without them. */
const IGNORABLE = /[\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}]/gu

/**
 * Every line of a step's output the runner would read as a workflow command, read as it reads it
 * (ActionCommand.TryParseV2, then the legacy TryParse): lines split at \n, \r\n or \r; a line whose
 * text after its leading white space starts with `::name …::` with a registered name; otherwise the
 * first `##[name …]` anywhere in it, with a registered name. The token of a stop-commands becomes a
 * name too, as in the runner; the commands it would then silence are listed all the same.
 * @param {string} output stdout (or stderr) as the runner reads it
 * @returns {{ syntax: '::' | '##[', command: string, data: string, line: string }[]}
 */
export function runnerCommands(output) {
  const registered = new Set(RUNNER_COMMANDS)
  /** @type {{ syntax: '::' | '##[', command: string, data: string, line: string }[]} */
  const found = []
  for (const raw of output.split(/\r\n|\r|\n/)) {
    const line = raw.replace(IGNORABLE, '')
    const trimmed = line.replace(/^\p{White_Space}+/u, '')
    let command
    if (trimmed.startsWith('::')) {
      const end = trimmed.indexOf('::', 2)
      const name = end < 0 ? '' : trimmed.slice(2, end).split(' ')[0].toLowerCase()
      if (registered.has(name)) command = { syntax: '::', command: name, data: trimmed.slice(end + 2), line: raw }
    }
    if (!command) {
      const prefix = line.indexOf('##[')
      const end = prefix < 0 ? -1 : line.indexOf(']', prefix)
      const name =
        end < 0
          ? ''
          : line
              .slice(prefix + 3, end)
              .split(' ')[0]
              .toLowerCase()
      if (registered.has(name)) command = { syntax: '##[', command: name, data: line.slice(end + 1), line: raw }
    }
    if (!command) continue
    found.push(command)
    if (command.command === 'stop-commands' && command.data) registered.add(command.data.toLowerCase())
  }
  return found
}
