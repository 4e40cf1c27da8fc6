#!/usr/bin/env node
// Cold-start benchmark: the built action on its healthy path against a bare node:http script doing the
// same GET, both under the Node 24 binary the tests use, interleaved in one process against one
// loopback stand-in, so that the machine's noise hits both alike. It reports a ratio; it asserts none.
//   npm run bench [-- --runs 40 --warmup 5]
import { readdirSync, statSync } from 'node:fs'
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
const baselineEntry = fileURLToPath(new URL('./bench-baseline.cjs', import.meta.url))

const standIn = await startStandIn()
/** The inputs as the runner fills them from action.yml's defaults. */
const inputs = {
  'api-key': 'bench-key',
  'base-url': standIn.url,
  'minimum-credits': '10',
  'credit-type': 'total',
  'warning-credits': '',
  'fail-on-api-error': 'true',
  'max-retries': '3',
  'timeout-seconds': '30',
  summary: 'true'
}

async function once(entry) {
  const result = await runAction({ inputs, entry })
  if (result.code !== 0 || !result.outputs['total-credits'])
    throw new Error(`${entry} did not succeed:\n${result.stdout}${result.stderr}`)
  return result.ms
}

try {
  for (let i = 0; i < warmup; i++) {
    await once(baselineEntry)
    await once(ACTION_ENTRY)
  }
  const baseline = []
  const action = []
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first, so that neither always runs on a warmer machine.
    if (i % 2 === 0) {
      baseline.push(await once(baselineEntry))
      action.push(await once(ACTION_ENTRY))
    } else {
      action.push(await once(ACTION_ENTRY))
      baseline.push(await once(baselineEntry))
    }
  }
  const b = median(baseline)
  const a = median(action)
  const distDir = fileURLToPath(new URL('../dist/', import.meta.url))
  const distBytes = readdirSync(distDir).reduce((sum, name) => sum + statSync(distDir + name).size, 0)
  console.log(`node ${node24()} (${runs} runs each, interleaved, after ${warmup} warm-up pairs)`)
  console.log(`baseline (node:http script): median ${b.toFixed(1)} ms`)
  console.log(`action (dist/index.js):      median ${a.toFixed(1)} ms`)
  console.log(`ratio: ${(a / b).toFixed(2)}`)
  console.log(
    `dist/: ${(distBytes / 1024).toFixed(0)} kB (index.js ${(statSync(ACTION_ENTRY).size / 1024).toFixed(0)} kB)`
  )
} finally {
  await standIn.close()
}

function median(values) {
  const sorted = [...values].sort((x, y) => x - y)
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}
