import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { runAction } from './run-action.mjs'
import { startStandIn } from './stand-in-api.mjs'
const here = p => fileURLToPath(new URL(p, import.meta.url))
const CA = here('../test/fixtures/tls/test-ca.crt')
const s = await startStandIn({ tls: { key: readFileSync(here('../test/fixtures/tls/loopback.key')), cert: readFileSync(here('../test/fixtures/tls/loopback.crt')) } })
const entries = { floor: here('./bench-floor.cjs'), ...Object.fromEntries(process.argv.slice(3).map(p => [p, p])) }
const runs = Number(process.argv[2])
const inputs = { 'api-key': 'bench-key-not-a-secret', 'base-url': s.url, 'minimum-credits': '10', summary: 'true' }
const t = Object.fromEntries(Object.keys(entries).map(k => [k, []]))
for (let i = 0; i < runs + 3; i++) for (const [k, e] of Object.entries(entries)) { const r = await runAction({ inputs, entry: e, env: { NODE_EXTRA_CA_CERTS: CA } }); if (r.code !== 0) throw new Error(k + r.stdout + r.stderr); if (i >= 3) t[k].push(r.ms) }
const med = l => { const x = [...l].sort((a, b) => a - b); return x[x.length >> 1] }
const f = med(t.floor)
for (const k of Object.keys(t)) console.log(k.padEnd(40), med(t[k]).toFixed(1), (med(t[k]) / f).toFixed(2))
await s.close()
