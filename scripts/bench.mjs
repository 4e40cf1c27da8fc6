#!/usr/bin/env node
// Start-up benchmark: the built action on its healthy path against the honest floor of its job (a
// minimal CommonJS script doing the same HTTPS GET, add-mask, seven outputs with random heredoc
// delimiters, and a summary), both over HTTPS to a loopback stand-in served with a test CA that every
// process trusts through NODE_EXTRA_CA_CERTS; and, for continuity, a bare node:http GET with one output
// against the same stand-in over plain http (the old baseline). All under the Node 24 the tests use,
// interleaved in one process so that the machine's noise hits each alike. It reports ratios; it asserts
// none, and CI does not run it. It does check that the floor gives the same seven outputs as the
// action, so that the two do the same job.
// Then the history on a branch: the action with `history-branch` against a loopback git server (git
// http-backend), run after run on one branch, against the same action without a history: the median
// time a run with the branch adds, and the HTTP requests git made per run.
//   npm run bench [-- --runs 40 --warmup 5 --branch-runs 10]
import { execFileSync } from 'node:child_process'
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { availableParallelism, loadavg } from 'node:os'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { node24 } from './node24.mjs'
import { ACTION_ENTRY, runAction } from './run-action.mjs'
import { startStandIn } from './stand-in-api.mjs'
import { startGitServer } from './git-server.mjs'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    'branch-runs': { type: 'string', default: '10' }
  }
})
const runs = Number(values.runs)
const warmup = Number(values.warmup)
const here = path => fileURLToPath(new URL(path, import.meta.url))
const tlsDir = '../test/fixtures/tls/'
const CA = here(`${tlsDir}test-ca.crt`)

const https = await startStandIn({
  tls: { key: readFileSync(here(`${tlsDir}loopback.key`)), cert: readFileSync(here(`${tlsDir}loopback.crt`)) }
})
const http = await startStandIn()

/** The inputs as the runner fills them: action.yml's defaults, the key and the stand-in's address. */
const DEFAULTS = Object.fromEntries(
  Object.entries(parse(readFileSync(here('../action.yml'), 'utf8')).inputs).map(([name, input]) => [
    name,
    String(input.default ?? '')
  ])
)
function inputs(url) {
  return { ...DEFAULTS, 'api-key': 'bench-key-not-a-secret', 'base-url': url, 'minimum-credits': '10' }
}

const CONTENDERS = {
  floor: { entry: here('./bench-floor.cjs'), url: https.url },
  action: { entry: ACTION_ENTRY, url: https.url },
  bare: { entry: here('./bench-baseline.cjs'), url: http.url }
}

/** @type {Record<string, Record<string, string>>} the outputs of each contender's last run */
const outputs = {}

async function once(name) {
  const { entry, url } = CONTENDERS[name]
  const result = await runAction({ inputs: inputs(url), entry, env: { NODE_EXTRA_CA_CERTS: CA } })
  const masked = name === 'bare' || result.masked.includes(inputs(url)['api-key'])
  if (result.code !== 0 || !result.outputs['total-credits'] || !masked) {
    throw new Error(`${name} did not succeed:\n${result.stdout}${result.stderr}`)
  }
  outputs[name] = result.outputs
  return result.ms
}

try {
  const names = Object.keys(CONTENDERS)
  for (let i = 0; i < Math.max(warmup, 1); i++) for (const name of names) await once(name)
  for (const [name, value] of Object.entries(outputs.floor)) {
    if (outputs.action[name] !== value) {
      throw new Error(
        `the floor's ${name} is ${JSON.stringify(value)}, the action's ${JSON.stringify(outputs.action[name])}`
      )
    }
  }
  const times = Object.fromEntries(names.map(name => [name, []]))
  for (let i = 0; i < runs; i++) {
    // Rotate which goes first, so that none always runs on a warmer machine.
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]
      times[name].push(await once(name))
    }
  }
  const m = Object.fromEntries(names.map(name => [name, median(times[name])]))
  // The spread of the action's time over the floor's, round by round: how far to trust the ratio.
  const perRound = times.action.map((ms, i) => ms / times.floor[i]).sort((x, y) => x - y)
  const quartile = q => perRound[Math.round(q * (perRound.length - 1))].toFixed(2)
  const distDir = here('../dist/')
  const distBytes = readdirSync(distDir).reduce((sum, name) => sum + statSync(distDir + name).size, 0)
  const version = execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim()
  console.log(`node ${version} (${runs} runs each, interleaved, after ${warmup} warm-up rounds)`)
  console.log(`honest floor (scripts/bench-floor.cjs, HTTPS): median ${m.floor.toFixed(1)} ms`)
  console.log(`action (dist/index.js, HTTPS):                 median ${m.action.toFixed(1)} ms`)
  console.log(`bare node:http GET (scripts/bench-baseline.cjs): median ${m.bare.toFixed(1)} ms`)
  console.log(
    `ratio to the honest floor: ${(m.action / m.floor).toFixed(2)} (per round, middle half: ${quartile(0.25)}–${quartile(0.75)})`
  )
  console.log(`ratio to the bare http GET (the old baseline): ${(m.action / m.bare).toFixed(2)}`)
  console.log(
    `dist/: ${(distBytes / 1024).toFixed(0)} kB (index.js ${(statSync(ACTION_ENTRY).size / 1024).toFixed(0)} kB)`
  )
  const [load] = loadavg()
  if (load > availableParallelism()) {
    console.log(
      `(the machine was busy: load ${load.toFixed(1)} on ${availableParallelism()} cores; the ratios are noisier)`
    )
  }
  await benchBranch(Number(values['branch-runs']))
} finally {
  await https.close()
  await http.close()
}

/** The action with `history-branch` against a loopback git server, interleaved with the action alone. */
async function benchBranch(count) {
  const git = await startGitServer()
  git.createRepo('owner/bench')
  const branchInputs = { ...inputs(http.url), 'history-branch': 'swarms-credit-history', 'github-token': git.token }
  const env = { GITHUB_SERVER_URL: git.url, GITHUB_REPOSITORY: 'owner/bench' }
  try {
    const plain = []
    const branch = []
    const requests = []
    for (let i = 0; i < count + 1; i++) {
      const before = git.requests.length
      const result = await runAction({ inputs: branchInputs, env })
      if (result.code !== 0 || result.warnings.length > 0) {
        throw new Error(`the run with history-branch did not succeed:\n${result.stdout}${result.stderr}`)
      }
      const alone = await runAction({ inputs: inputs(http.url) })
      if (i === 0) continue // the first run creates the branch
      requests.push(git.requests.length - before)
      branch.push(result.ms)
      plain.push(alone.ms)
    }
    const last = git.git('owner/bench', ['rev-list', '--count', 'swarms-credit-history']).trim()
    console.log(
      `history-branch (loopback git http-backend, plain http, ${count} runs after the first): median ${median(branch).toFixed(1)} ms, ` +
        `${(median(branch) - median(plain)).toFixed(1)} ms over the same run without a history; ` +
        `${Math.min(...requests)}–${Math.max(...requests)} git HTTP requests a run; the branch holds ${last} commit(s)`
    )
  } finally {
    await git.close()
  }
}

function median(list) {
  const sorted = [...list].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
