// The licence check of the bundle (scripts/check-licenses.mjs, `npm run licenses`): the committed dist/
// passes, and each kind of problem is named.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { bundledPackages, licenseProblems } from '../../scripts/check-licenses.mjs'

const text = readFileSync(new URL('../../dist/licenses.txt', import.meta.url), 'utf8')
const lock = JSON.parse(readFileSync(new URL('../../package-lock.json', import.meta.url), 'utf8')) as Parameters<
  typeof licenseProblems
>[1]

function entry(name: string, license: string): string {
  return `\n\n${name}\n${license}\nSome licence text.\n\nWith a paragraph.\n`
}

describe('the licence check of the bundle', () => {
  it('finds the bundled packages of dist/licenses.txt, and passes them', () => {
    expect(bundledPackages(text).map(p => p.name)).toEqual(
      expect.arrayContaining(['@actions/core', '@actions/http-client'])
    )
    expect(licenseProblems(text, lock)).toEqual([])
  })

  it('names a package under a licence off the allow-list, one not in the lock file, and a licence that differs', () => {
    const withGpl = {
      ...lock,
      packages: { ...lock.packages, 'node_modules/copyleft': { license: 'GPL-3.0-only' } }
    }
    expect(licenseProblems(text + entry('copyleft', 'GPL-3.0-only'), withGpl)).toEqual([
      'copyleft is bundled under GPL-3.0-only, which is not allowed (MIT, ISC, BSD-2-Clause, BSD-3-Clause, Apache-2.0, 0BSD, BlueOak-1.0.0)'
    ])
    expect(licenseProblems(text + entry('stranger', 'MIT'), lock)).toEqual([
      'stranger is bundled but is no production dependency in package-lock.json'
    ])
    expect(licenseProblems(text.replace('@actions/core\nMIT', '@actions/core\nISC'), lock)).toEqual([
      '@actions/core is bundled under ISC, but package-lock.json says MIT'
    ])
    expect(licenseProblems('', lock)).toHaveLength(1)
  })

  it('takes one licence of an OR, and needs each of an AND', () => {
    const dual = { ...lock, packages: { ...lock.packages, 'node_modules/dual': { license: '(MIT OR GPL-3.0-only)' } } }
    expect(licenseProblems(text + entry('dual', '(MIT OR GPL-3.0-only)'), dual)).toEqual([])
    const both = { ...lock, packages: { ...lock.packages, 'node_modules/both': { license: 'MIT AND GPL-3.0-only' } } }
    expect(licenseProblems(text + entry('both', 'MIT AND GPL-3.0-only'), both)).toHaveLength(1)
  })
})
