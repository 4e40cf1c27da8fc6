/**
 * Stands in for `@actions/core`'s index in the bundle (see build/README.md): the functions the
 * action uses (src/io/toolkit.ts), made of core's own command and file-command modules, exactly as its
 * index makes them. Its index also loads the summary module, which takes `fs.promises` (and with it
 * fs/promises and readline) at start-up, and OIDC and platform helpers, on every run; the action writes
 * its summary with one appendFileSync and needs none of them.
 */
import { EOL } from 'node:os'
import { issueCommand } from '../../node_modules/@actions/core/lib/command.js'
import { issueFileCommand, prepareKeyValueMessage } from '../../node_modules/@actions/core/lib/file-command.js'
import { toCommandValue } from '../../node_modules/@actions/core/lib/utils.js'

export function setSecret(secret: string): void {
  issueCommand('add-mask', {}, secret)
}

export function setOutput(name: string, value: unknown): void {
  if (process.env['GITHUB_OUTPUT']) return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value))
  process.stdout.write(EOL)
  issueCommand('set-output', { name }, toCommandValue(value))
}

export function info(message: string): void {
  process.stdout.write(message + EOL)
}

export function debug(message: string): void {
  issueCommand('debug', {}, message)
}

export function warning(message: string): void {
  issueCommand('warning', {}, message)
}

export function notice(message: string): void {
  issueCommand('notice', {}, message)
}

export function saveState(name: string, value: unknown): void {
  if (process.env['GITHUB_STATE']) return issueFileCommand('STATE', prepareKeyValueMessage(name, value))
  issueCommand('save-state', { name }, toCommandValue(value))
}

export function error(message: string): void {
  issueCommand('error', {}, message)
}

export function setFailed(message: string): void {
  process.exitCode = 1
  error(message)
}
