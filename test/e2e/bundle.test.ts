// What the bundle carries and loads decides what every workflow run pays (see README, Performance).
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { POST_ENTRY, runAction } from '../../scripts/run-action.mjs'
import { startStandIn } from '../../scripts/stand-in-api.mjs'

const bundle = readFileSync(new URL('../../dist/index.js', import.meta.url), 'utf8')
const postEntry = readFileSync(POST_ENTRY, 'utf8')
// A URL, not a path: --import takes a specifier, and a Windows path (D:\…) is not one.
const preload = new URL('../fixtures/loaded-builtins.mjs', import.meta.url).href
const floor = fileURLToPath(new URL('../../scripts/bench-floor.cjs', import.meta.url))
const tls = (name: string) => fileURLToPath(new URL(`../fixtures/tls/${name}`, import.meta.url))

/** The builtins a successful run loaded (with the preload above), Node's internal ones included. */
function loadedBy(result: { code: number | null; stderr: string }): string[] {
  expect(result.code).toBe(0)
  return /loaded-builtins: (.*)/.exec(result.stderr)?.[1].split(' ') ?? []
}

describe('dist/index.js', () => {
  it('leaves out undici and @actions/exec, which the action never calls', () => {
    expect(bundle).toContain('undici is not bundled with this action')
    expect(bundle).not.toMatch(/EnvHttpProxyAgent|class WebSocket|\("child_process"\)/)
  })

  // The history branch's git store (about 20 kB) took it past 200 kB; what start-up loads is pinned below.
  it('stays small', () => {
    expect(bundle.length).toBeLessThan(240 * 1024)
  })

  // The naive bundle loaded all of these on every run: undici (zlib, assert), @actions/exec
  // (child_process), tunnel (assert), though only a proxy needs tunnel; @actions/core's summary module
  // (fs/promises, and readline with it); and, as an ES module with a top-level await, Node's ES-module
  // loader. (tls comes with https, which http-client loads for any request.)
  it('loads neither tunnel, nor the unused modules, nor the ES-module loader on a run that needs no proxy', async () => {
    const server = await startStandIn()
    try {
      const result = await runAction({
        inputs: { 'api-key': 'sk-bundle-test', 'base-url': server.url },
        env: { NODE_OPTIONS: `--import=${preload}` }
      })
      expect(result.code).toBe(0)
      const loaded = /loaded-builtins: (.*)/.exec(result.stderr)?.[1].split(' ')
      expect(loaded).toContain('http')
      const offPath = [
        'assert',
        'zlib',
        'child_process',
        'internal/fs/promises',
        'internal/readline/interface',
        'internal/modules/esm/initialize_import_meta',
        'internal/deps/undici/undici'
      ]
      for (const name of offPath) expect(loaded, name).not.toContain(name)
    } finally {
      await server.close()
    }
  })

  // The honest floor (scripts/bench-floor.cjs, what `npm run bench` compares with) does the same job with
  // node:https alone; the toolkit's http-client adds node:http, and its command modules node:os.
  it('loads no builtin beyond those the honest floor loads, but http and os', async () => {
    const server = await startStandIn({
      tls: { key: readFileSync(tls('loopback.key'), 'utf8'), cert: readFileSync(tls('loopback.crt'), 'utf8') }
    })
    try {
      const run = (entry?: string) =>
        runAction({
          inputs: { 'api-key': 'sk-bundle-test', 'base-url': server.url },
          env: { NODE_OPTIONS: `--import=${preload}`, NODE_EXTRA_CA_CERTS: tls('test-ca.crt') },
          entry
        })
      const action = loadedBy(await run())
      const least = loadedBy(await run(floor))
      expect(action.filter(name => !least.includes(name)).sort()).toEqual(['http', 'os'])
    } finally {
      await server.close()
    }
  })

  // Every job that uses the action runs its post step; one that does not measure must pay no more than
  // an empty Node does (README, What a job costs; the time is in npm run bench).
  it('has a post entry of a few kB, which loads the measuring bundle only for a job that measures', () => {
    expect(postEntry.length).toBeLessThan(8 * 1024)
    expect(postEntry).toContain("require\")('./measure/index.js')")
    expect(postEntry).not.toContain('x-api-key')
  })

  it('runs a post step that loads no builtin beyond an empty node -e "" when the job does not measure', async () => {
    const run = (args: string[]) =>
      runAction({
        inputs: { 'api-key': 'sk-bundle-test', 'measure-job': 'false', 'max-job-spend': '' },
        env: { NODE_OPTIONS: `--import=${preload}` },
        args
      })
    const empty = loadedBy(await run(['-e', '']))
    const post = loadedBy(await run([POST_ENTRY]))
    expect(post.filter(name => !empty.includes(name))).toEqual([])
  })
})

describe('an unexpected error in the bundle', () => {
  it('is one error line, and its stack, at its place in src/ through the source map, a debug line', async () => {
    const server = await startStandIn()
    try {
      const result = await runAction({
        inputs: { 'api-key': 'sk-bundle-0123456789', 'base-url': server.url },
        entry: fileURLToPath(new URL('../fixtures/unexpected-error.mjs', import.meta.url))
      })
      expect(result.code).toBe(1)
      expect(result.errors).toHaveLength(1)
      expect(result.errors[0]).toContain('stdout broke')
      expect(result.stdout + result.stderr).not.toMatch(/^\s+at /m)
      const debug = result.stdout.split('\n').filter(line => line.startsWith('::debug::'))
      expect(debug).toHaveLength(1)
      const frames = debug[0].split('%0A')
      expect(frames[0]).toBe('::debug::Unexpected error: Error: stdout broke')
      expect(frames.some(frame => /\(src\/io\/toolkit\.ts:\d+:\d+\)$/.test(frame))).toBe(true)
      expect(frames.some(frame => /src\/main\.ts:\d+:\d+\)?$/.test(frame))).toBe(true)
    } finally {
      await server.close()
    }
  })
})
