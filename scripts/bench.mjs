#!/usr/bin/env node
// Start-up benchmark: the built action on its healthy path against the honest floor of its job (a
// minimal CommonJS script doing the same HTTPS GET, add-mask, seven outputs with random heredoc
// delimiters, and a summary), both over HTTPS to a loopback stand-in served with a test CA that every
// process trusts through NODE_EXTRA_CA_CERTS; and, for continuity, a bare node:http GET with one output
// against the same stand-in over plain http (the old baseline). All under the Node 24 the tests use,
// interleaved in one process so that the machine's noise hits each alike. It reports ratios; it asserts
// none, and CI does not run it. It does check that the floor gives the same seven outputs as the
// action, so that the two do the same job. And what the post step (dist/post/index.js) costs a job that
// does not measure its spend, the runner's inputs at their defaults, against an empty `node -e ''`:
// the least any post step can cost.
//
// Then the history's cost: the action with a history of 0, 1,000, 10,000 and 100,000 readings (hourly,
// history-limit 100000, a fresh copy of the file before each run), interleaved, each run's time and
// peak memory (resident set, from a preloaded scripts/bench-peak.cjs), medians and the ratio to the
// empty history.
// --entry measures another bundle's history cost (an earlier release's dist/index.js, say).
// Then the history on a branch: the action with `history-branch` against a loopback git server (git
// http-backend), run after run on one branch, against the same action without a history: the median
// time a run with the branch adds, and the HTTP requests git made per run.
//   npm run bench [-- --runs 40 --warmup 5 --history-runs 15 --branch-runs 10 --only startup|history|branch --entry path]
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { availableParallelism, loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { parse } from 'yaml'
import { node24 } from './node24.mjs'
import { ACTION_ENTRY, POST_ENTRY, runAction } from './run-action.mjs'
import { startStandIn } from './stand-in-api.mjs'
import { startGitServer } from './git-server.mjs'

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    warmup: { type: 'string', default: '3' },
    'history-runs': { type: 'string', default: '15' },
    only: { type: 'string', default: '' },
    entry: { type: 'string', default: '' },
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
  bare: { entry: here('./bench-baseline.cjs'), url: http.url },
  empty: { args: ['-e', ''], url: https.url },
  post: { entry: POST_ENTRY, url: https.url }
}

/** @type {Record<string, Record<string, string>>} the outputs of each contender's last run */
const outputs = {}

async function once(name) {
  const { entry, args, url } = CONTENDERS[name]
  const result = await runAction({ inputs: inputs(url), entry, args, env: { NODE_EXTRA_CA_CERTS: CA } })
  if (name === 'empty' || name === 'post') {
    if (result.code !== 0 || result.stdout !== '' || result.stderr !== '') {
      throw new Error(`${name} did not end at once, silently:\n${result.stdout}${result.stderr}`)
    }
    return result.ms
  }
  const masked = name === 'bare' || result.masked.includes(inputs(url)['api-key'])
  if (result.code !== 0 || !result.outputs['total-credits'] || !masked) {
    throw new Error(`${name} did not succeed:\n${result.stdout}${result.stderr}`)
  }
  outputs[name] = result.outputs
  return result.ms
}

try {
  if (values.only === '' || values.only === 'startup') await startup()
  if (values.only === '' || values.only === 'history') await historyCost()
  if (values.only === '' || values.only === 'branch') await benchBranch(Number(values['branch-runs']))
  const [load] = loadavg()
  if (load > availableParallelism()) {
    console.log(
      `(the machine was busy: load ${load.toFixed(1)} on ${availableParallelism()} cores; the ratios are noisier)`
    )
  }
} finally {
  await https.close()
  await http.close()
}

async function startup() {
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
  const distBytes = readdirSync(distDir, { recursive: true, encoding: 'utf8' })
    .map(name => statSync(distDir + name))
    .filter(stats => stats.isFile())
    .reduce((sum, stats) => sum + stats.size, 0)
  const version = execFileSync(node24(), ['--version'], { encoding: 'utf8' }).trim()
  console.log(`node ${version} (${runs} runs each, interleaved, after ${warmup} warm-up rounds)`)
  console.log(`honest floor (scripts/bench-floor.cjs, HTTPS): median ${m.floor.toFixed(1)} ms`)
  console.log(`action (dist/index.js, HTTPS):                 median ${m.action.toFixed(1)} ms`)
  console.log(`bare node:http GET (scripts/bench-baseline.cjs): median ${m.bare.toFixed(1)} ms`)
  console.log(
    `ratio to the honest floor: ${(m.action / m.floor).toFixed(2)} (per round, middle half: ${quartile(0.25)}–${quartile(0.75)})`
  )
  console.log(`ratio to the bare http GET (the old baseline): ${(m.action / m.bare).toFixed(2)}`)
  console.log(`empty node -e '':                                median ${m.empty.toFixed(1)} ms`)
  console.log(`post step, job not measured (dist/post/index.js): median ${m.post.toFixed(1)} ms`)
  const postRounds = times.post.map((ms, i) => ms / times.empty[i]).sort((x, y) => x - y)
  const postQuartile = q => postRounds[Math.round(q * (postRounds.length - 1))].toFixed(2)
  console.log(
    `post step to an empty node: ${(m.post / m.empty).toFixed(2)} (per round, middle half: ${postQuartile(0.25)}–${postQuartile(0.75)}; the budget is 1.2)`
  )
  console.log(
    `dist/: ${(distBytes / 1024).toFixed(0)} kB (index.js ${(statSync(ACTION_ENTRY).size / 1024).toFixed(0)} kB)`
  )
}

/** A history of `n` hourly readings ending an hour ago, spending 0.5 an hour. */
function historyText(n) {
  const now = Date.now()
  const lines = []
  for (let i = 0; i < n; i++) {
    const total = 100 + (n - i) * 0.5
    const at = new Date(now - (n - i) * 3_600_000).toISOString()
    lines.push(`{"at":"${at}","credit":${total},"free_credit":0,"referral_credits":0,"total_credits":${total}}\n`)
  }
  return lines.join('')
}

async function historyCost() {
  const sizes = [0, 1_000, 10_000, 100_000]
  const dir = mkdtempSync(join(tmpdir(), 'bench-history-'))
  try {
    const fixtures = Object.fromEntries(
      sizes.map(n => {
        const file = join(dir, `fixture-${n}.jsonl`)
        writeFileSync(file, historyText(n))
        return [n, file]
      })
    )
    const history = join(dir, 'history.jsonl')
    const peak = here('./bench-peak.cjs')
    async function one(n) {
      rmSync(history, { force: true })
      if (n > 0) copyFileSync(fixtures[n], history)
      const result = await runAction({
        inputs: { ...inputs(http.url), 'history-file': history, 'history-limit': '100000' },
        env: { NODE_OPTIONS: `--require ${peak}` },
        ...(values.entry ? { entry: values.entry } : {})
      })
      const kb = Number(/peak-rss-kb=(\d+)/.exec(result.stderr)?.[1])
      const kept = readFileSync(history, 'utf8').split('\n').length - 1
      if (result.code !== 0 || result.warnings.length > 0 || kept < Math.min(n + 1, 100_000) || !(kb > 0)) {
        throw new Error(`the run with ${n} readings did not succeed:\n${result.stdout}${result.stderr}`)
      }
      return { ms: result.ms, mb: kb / 1024 }
    }
    const historyRuns = Number(values['history-runs'])
    for (const n of sizes) await one(n)
    const seen = Object.fromEntries(sizes.map(n => [n, { ms: [], mb: [] }]))
    for (let i = 0; i < historyRuns; i++) {
      for (let j = 0; j < sizes.length; j++) {
        const n = sizes[(i + j) % sizes.length]
        const { ms, mb } = await one(n)
        seen[n].ms.push(ms)
        seen[n].mb.push(mb)
      }
    }
    console.log(
      `history cost (${historyRuns} runs each, interleaved; hourly readings, history-limit 100000, plain http):`
    )
    console.log('readings | median time | ratio to empty | peak memory (median, max)')
    const base = median(seen[0].ms)
    for (const n of sizes) {
      const ms = median(seen[n].ms)
      console.log(
        `${String(n).padStart(8)} | ${ms.toFixed(1).padStart(8)} ms | ${(ms / base).toFixed(2).padStart(14)} | ${median(seen[n].mb).toFixed(0)} MB, ${Math.max(...seen[n].mb).toFixed(0)} MB`
      )
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
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
