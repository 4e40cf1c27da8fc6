#!/usr/bin/env node
// Start-up benchmark: the built action on its healthy path against the honest floor of its job (a
// minimal CommonJS script doing the same HTTPS GET, add-mask, seven outputs with random heredoc
// delimiters, and a summary), both over HTTPS to a loopback stand-in served with a test CA that every
// process trusts through NODE_EXTRA_CA_CERTS; and, for continuity, a bare node:http GET with one output
// against the same stand-in over plain http (the old baseline). All under the Node 24 the tests use,
// interleaved in one process so that the machine's noise hits each alike. It reports ratios; it asserts
// none, and CI does not run it.
//   npm run bench [-- --runs 40 --warmup 5]
import { readFileSync, readdirSync, statSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { node24 } from './node24.mjs'
import { ACTION_ENTRY, runAction } from './run-action.mjs'
import { startStandIn } from './stand-in-api.mjs'

const { values } = parseArgs({
  options: { runs: { type: 'string', default: '30' }, warmup: { type: 'string', default: '3' } }
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

/** The inputs as the runner fills them from action.yml's defaults. */
function inputs(url) {
  return {
    'api-key': 'bench-key-not-a-secret',
    'base-url': url,
    'minimum-credits': '10',
    'credit-type': 'total',
    'warning-credits': '',
    'fail-on-api-error': 'true',
    'max-retries': '3',
    'timeout-seconds': '30',
    summary: 'true',
    'history-file': '',
    'history-limit': '1000',
    'minimum-days-remaining': '',
    'monthly-budget': '',
    'spike-factor': ''
  }
}

const CONTENDERS = {
  floor: { entry: here('./bench-floor.cjs'), url: https.url },
  action: { entry: ACTION_ENTRY, url: https.url },
  bare: { entry: here('./bench-baseline.cjs'), url: http.url }
}

async function once(name) {
  const { entry, url } = CONTENDERS[name]
  const result = await runAction({ inputs: inputs(url), entry, env: { NODE_EXTRA_CA_CERTS: CA } })
  if (result.code !== 0 || !result.outputs['total-credits']) {
    throw new Error(`${name} did not succeed:\n${result.stdout}${result.stderr}`)
  }
  return result.ms
}

try {
  const names = Object.keys(CONTENDERS)
  for (let i = 0; i < warmup; i++) for (const name of names) await once(name)
  const times = Object.fromEntries(names.map(name => [name, []]))
  for (let i = 0; i < runs; i++) {
    // Rotate which goes first, so that none always runs on a warmer machine.
    for (let j = 0; j < names.length; j++) {
      const name = names[(i + j) % names.length]
      times[name].push(await once(name))
    }
  }
  const m = Object.fromEntries(names.map(name => [name, median(times[name])]))
  const distDir = here('../dist/')
  const distBytes = readdirSync(distDir).reduce((sum, name) => sum + statSync(distDir + name).size, 0)
  console.log(`node ${node24()} (${runs} runs each, interleaved, after ${warmup} warm-up rounds)`)
  console.log(`honest floor (scripts/bench-floor.cjs, HTTPS): median ${m.floor.toFixed(1)} ms`)
  console.log(`action (dist/index.js, HTTPS):                 median ${m.action.toFixed(1)} ms`)
  console.log(`bare node:http GET (scripts/bench-baseline.cjs): median ${m.bare.toFixed(1)} ms`)
  console.log(`ratio to the honest floor: ${(m.action / m.floor).toFixed(2)}`)
  console.log(`ratio to the bare http GET (the old baseline): ${(m.action / m.bare).toFixed(2)}`)
  console.log(
    `dist/: ${(distBytes / 1024).toFixed(0)} kB (index.js ${(statSync(ACTION_ENTRY).size / 1024).toFixed(0)} kB)`
  )
} finally {
  await https.close()
  await http.close()
}

function median(list) {
  const sorted = [...list].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
