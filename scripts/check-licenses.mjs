// The licence check of what the action ships: every package ncc bundled into dist/ (as dist/licenses.txt
// lists them) must be a production dependency in package-lock.json, under a licence on the allow-list,
// and the one the lock file records. `npm run licenses`; CI runs it. Exits 1 naming each problem.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

/** Permissive licences a bundled package may carry (SPDX identifiers). */
export const ALLOWED_LICENSES = ['MIT', 'ISC', 'BSD-2-Clause', 'BSD-3-Clause', 'Apache-2.0', '0BSD', 'BlueOak-1.0.0']

const NAME = /^(@[a-z0-9._-]+\/)?[a-z0-9._-]+$/
const SPDX = /^\(?[A-Za-z0-9.+-]+(\s+(OR|AND)\s+[A-Za-z0-9.+-]+)*\)?$/

/**
 * The packages of an ncc licence file: each entry is its name, its licence, then the licence text,
 * entries apart by a blank line.
 * @param {string} text
 * @returns {{ name: string, license: string }[]}
 */
export function bundledPackages(text) {
  const lines = text.split(/\r?\n/)
  const found = []
  for (let i = 0; i + 1 < lines.length; i++) {
    if ((i === 0 || lines[i - 1].trim() === '') && NAME.test(lines[i]) && SPDX.test(lines[i + 1])) {
      found.push({ name: lines[i], license: lines[i + 1] })
    }
  }
  return found
}

/** Whether an SPDX expression is allowed: each licence of an AND, or one of an OR. */
function allowed(expression) {
  const inner = expression.replace(/^\((.*)\)$/, '$1')
  if (/\sOR\s/.test(inner)) return inner.split(/\s+OR\s+/).some(l => ALLOWED_LICENSES.includes(l))
  return inner.split(/\s+AND\s+/).every(l => ALLOWED_LICENSES.includes(l))
}

/**
 * The problems with the bundled packages, none when all is well.
 * @param {string} licensesText dist/licenses.txt
 * @param {{ name: string, packages: Record<string, { dev?: boolean, license?: string }> }} lock package-lock.json
 * @returns {string[]}
 */
export function licenseProblems(licensesText, lock) {
  const production = new Map()
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (entry.dev) continue
    production.set(path === '' ? lock.name : path.replace(/^.*node_modules\//, ''), entry.license)
  }
  const bundled = bundledPackages(licensesText)
  if (bundled.length === 0) return ['dist/licenses.txt lists no package: is it an ncc licence file?']
  const problems = []
  for (const { name, license } of bundled) {
    if (!production.has(name)) problems.push(`${name} is bundled but is no production dependency in package-lock.json`)
    else if (production.get(name) !== license)
      problems.push(`${name} is bundled under ${license}, but package-lock.json says ${production.get(name)}`)
    if (!allowed(license))
      problems.push(`${name} is bundled under ${license}, which is not allowed (${ALLOWED_LICENSES.join(', ')})`)
  }
  return problems
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url)
  const text = readFileSync(new URL('dist/licenses.txt', root), 'utf8')
  const lock = JSON.parse(readFileSync(new URL('package-lock.json', root), 'utf8'))
  const problems = licenseProblems(text, lock)
  for (const problem of problems) console.log(`::error::Licence check: ${problem}`)
  if (problems.length > 0) process.exit(1)
  console.log(
    `Licences: ${bundledPackages(text)
      .map(p => `${p.name} (${p.license})`)
      .join(', ')}: all allowed.`
  )
}
