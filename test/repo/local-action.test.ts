// `npm run local-action` (CONTRIBUTING.md, Run it from source): the action run from src/ by @github/local-action, with a .env like
// .env.example, against the stand-in API. It needs the network (npx downloads the pinned package), so it
// runs only with LOCAL_ACTION_TEST=1 (CI sets it); otherwise it is skipped, saying so.
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { startStandIn } from '../../scripts/stand-in-api.mjs'
import { canRun } from '../support/skip.js'

const root = fileURLToPath(new URL('../../', import.meta.url))
/** The package `npm run local-action` runs through npx, as package.json pins it. */
const LOCAL_ACTION = /@github\/local-action@[\d.]+/.exec(
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts['local-action']
)![0]

const enabled = canRun(
  'local-action',
  process.env.LOCAL_ACTION_TEST === '1',
  `LOCAL_ACTION_TEST is not 1: running ${LOCAL_ACTION} needs the network to download it`
)

it.runIf(enabled)(
  'runs the action from source with the inputs of .env.example',
  async () => {
    const server = await startStandIn()
    try {
      const dir = mkdtempSync(join(tmpdir(), 'local-action-'))
      const envFile = join(dir, '.env')
      const example = readFileSync(join(root, '.env.example'), 'utf8')
      expect(example).toMatch(/^INPUT_BASE-URL=http:\/\/127\.0\.0\.1:8787$/m)
      writeFileSync(
        envFile,
        `${example.replace('http://127.0.0.1:8787', server.url).replace(/^LOCAL_ACTION_WORKSPACE=.*$/m, `LOCAL_ACTION_WORKSPACE=${dir}`)}\nINPUT_MAX-RETRIES=0\n`
      )
      const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn('npx', ['--yes', LOCAL_ACTION, 'run', '.', 'src/main.ts', envFile], {
          cwd: root,
          env: { ...process.env }
        })
        let out = ''
        child.stdout.on('data', chunk => (out += chunk))
        child.stderr.on('data', chunk => (out += chunk))
        child.on('error', reject)
        child.on('close', exitCode => resolve({ code: exitCode, stdout: out }))
      })
      expect(code, stdout).toBe(0)
      expect(stdout).toContain('::set-output name=total-credits::75.0')
      expect(stdout).toContain('::set-output name=below-minimum::false')
      expect(server.requests.map(r => [r.path, r.headers['x-api-key']])).toEqual([
        ['/v1/account/credits', 'local-demo-key-not-a-secret']
      ])
    } finally {
      await server.close()
    }
  },
  180_000
)
