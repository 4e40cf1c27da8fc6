// An unexpected error's stack goes to ::debug::, mapped to src/ through the bundle's source map.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { debugUnexpected, mappedStack } from '../../src/io/debug.js'
import { ActionError } from '../../src/logic/errors.js'

const BUNDLE = fileURLToPath(new URL('../../dist/index.js', import.meta.url))

/** The 1-based line and column where `text` starts in `file`. */
function position(file: string, text: string): [line: number, column: number] {
  const lines = readFileSync(file, 'utf8').split('\n')
  const line = lines.findIndex(l => l.includes(text))
  expect(line, `${text} in ${file}`).toBeGreaterThanOrEqual(0)
  return [line + 1, lines[line].indexOf(text) + 1]
}

function errorWithStack(stack: string): Error {
  const error = new Error('boom')
  error.stack = stack
  return error
}

describe('mappedStack', () => {
  it("shows a frame in the bundle at its place in src/, through the bundle's source map", () => {
    const [line, column] = position(BUNDLE, 'async function fetchBalance(')
    const [sourceLine] = position(
      fileURLToPath(new URL('../../src/io/client.ts', import.meta.url)),
      'function fetchBalance('
    )
    const stack = mappedStack(
      errorWithStack(
        `Error: boom\n    at fetchBalance (${BUNDLE}:${line}:${column})\n    at ${BUNDLE}:${line}:${column}`
      )
    )
    const frames = stack.split('\n')
    expect(frames[0]).toBe('Error: boom')
    expect(frames[1]).toMatch(new RegExp(`^    at fetchBalance \\(src/io/client\\.ts:${sourceLine}:\\d+\\)$`))
    expect(frames[2]).toMatch(new RegExp(`^    at src/io/client\\.ts:${sourceLine}:\\d+$`))
  })

  it('leaves frames without a source map beside their file as they are', () => {
    const stack = 'Error: boom\n    at f (/nowhere/a.js:1:2)\n    at node:internal/x:3:4\n    at <anonymous>'
    expect(mappedStack(errorWithStack(stack))).toBe(stack)
  })

  it('gives the name and message of an error without a stack', () => {
    const error = new TypeError('no stack')
    error.stack = undefined
    expect(mappedStack(error)).toBe('TypeError: no stack')
  })
})

describe('debugUnexpected', () => {
  it('sends the stack of an unexpected error, without the key', () => {
    const sent: string[] = []
    debugUnexpected(new Error('failed with sk-debug-0123456789'), 'sk-debug-0123456789', m => void sent.push(m))
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatch(/^Unexpected error: Error: failed with \*\*\*\n\s+at /)
    expect(sent[0]).not.toContain('0123456789')
  })

  it('sends nothing for a failure the action explains, or for a thrown value that is no Error', () => {
    const sent: string[] = []
    debugUnexpected(new ActionError('input', 'Input `x` is wrong.'), 'k', m => void sent.push(m))
    debugUnexpected('a string', 'k', m => void sent.push(m))
    expect(sent).toEqual([])
  })
})
