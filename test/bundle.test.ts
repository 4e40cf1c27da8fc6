// What the bundle carries decides what every workflow run loads (see README, Performance).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const bundle = readFileSync(new URL('../dist/index.js', import.meta.url), 'utf8')

describe('dist/index.js', () => {
  it('leaves out undici and @actions/exec, which the action never calls', () => {
    expect(bundle).toContain('undici is not bundled with this action')
    expect(bundle).not.toMatch(/EnvHttpProxyAgent|class WebSocket|\("child_process"\)/)
  })

  it('keeps tunnel, for runners behind a proxy, but loads it only on first use', () => {
    expect(bundle).toContain('exports.httpsOverHttp = httpsOverHttp')
    expect(bundle).toMatch(/tunnel \?\?= __nccwpck_require__\(\d+\)/)
  })

  it('stays small', () => {
    expect(bundle.length).toBeLessThan(200 * 1024)
  })
})
