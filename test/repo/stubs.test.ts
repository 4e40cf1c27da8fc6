// The bundle swaps @actions/core (and others) for the stubs in build/stubs (build/tsconfig.json's
// paths). `npm run typecheck` checks src/ against those substitutions too, so that a call the stub does
// not have (core.exportVariable, say) fails the typecheck instead of the bundle at run time.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))

describe('the bundle substitutions', () => {
  it('are typechecked by npm run typecheck', () => {
    const scripts = (
      JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
    ).scripts
    expect(scripts.typecheck).toMatch(/\btsc --noEmit -p build\/tsconfig\.json\b/)
    expect(scripts.test).toMatch(/^npm run typecheck && /)
  })

  it('fail a call that the core stub does not have, and pass the ones it has', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(root, 'build', 'tsconfig.json'), undefined, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: diagnostic => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'))
      }
    })
    expect(config?.errors).toEqual([])
    // Probes outside the repository, resolved through build/tsconfig.json's paths.
    const dir = mkdtempSync(join(tmpdir(), 'stub-probe-'))
    try {
      const good = join(dir, 'good.ts')
      const bad = join(dir, 'bad.ts')
      writeFileSync(good, "import * as core from '@actions/core'\ncore.info('x')\ncore.setOutput('a', 'b')\n")
      writeFileSync(bad, "import * as core from '@actions/core'\ncore.exportVariable('x', 'y')\n")
      const program = ts.createProgram([good, bad], { ...config!.options, noEmit: true })
      const problems = (file: string) =>
        ts
          .getPreEmitDiagnostics(program, program.getSourceFile(file))
          .map(d => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
      expect(problems(good)).toEqual([])
      expect(problems(bad)).toEqual([
        expect.stringMatching(/Property 'exportVariable' does not exist .*build\/stubs\/core/)
      ])
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
