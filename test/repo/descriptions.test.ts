// action.yml and the README say the same about every input and output, in substance: the type words
// and allowed values (checked against what readInputs accepts), the inputs and outputs each names,
// the figures each gives, and whether it says when it is empty. metadata.test.ts keeps the names and
// defaults equal; this keeps the descriptions from drifting apart.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { CREDIT_TYPES } from '../../src/logic/balance.js'
import {
  DEFAULTS,
  HISTORY_LIMIT_MAX,
  MAX_RETRIES_LIMIT,
  TIMEOUT_SECONDS_LIMIT,
  isLoopback,
  readInputs,
  type InputName
} from '../../src/logic/inputs.js'
import { inputVariable } from '../../src/logic/api.js'
import { FRAGMENT_LENGTH } from '../../src/logic/secret.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
type Described = Record<string, { description: string }>
const action = parse(read('action.yml')) as { inputs: Described; outputs: Described }
const readme = read('README.md')

/** The description cell of the README's row for `name` (the last cell of the row). */
function readmeCell(name: string): string {
  const row = readme.split('\n').find(line => line.startsWith(`| \`${name}\` `))
  return (
    row
      ?.split(' | ')
      .at(-1)
      ?.replace(/\s*\|$/, '') ?? ''
  )
}

const NAMES = [...Object.keys(action.inputs), ...Object.keys(action.outputs)]

/** The facts a description states, in a form both texts can be compared in. */
export function facts(text: string) {
  // A code span that is not a name is an example (`75.0`, `{"total":25}`): its figures are not facts.
  const plain = text
    .replace(/`([^`]*)`/g, (_span, inner: string) => (/^[\w-]+$|\d+(?:\.\d+){3}|\[::1\]/.test(inner) ? inner : ''))
    .replace(/\*\*/g, '')
  // Every input or output named (the hyphenated names: `summary` and `billable` are also words).
  const names = NAMES.filter(name => name.includes('-') && new RegExp(`(^|[^\\w-])${name}($|[^\\w-])`).test(plain))
  // Every address as written, then every figure, thousands separators dropped (a date is not a figure).
  const addresses = [...plain.matchAll(/\d+(?:\.\d+){3}(?:\/\d+)?|\[::1\]/g)].map(m => m[0])
  const numbers = [
    ...plain.replace(/\d+(?:\.\d+){3}(?:\/\d+)?|\d{4}-\d{2}-\d{2}/g, '').matchAll(/(?<![\w.])\d[\d,]*(?:\.\d+)?(?!\w)/g)
  ].map(m => String(Number(m[0].replace(/,/g, ''))))
  return {
    names: [...new Set(names)].sort(),
    numbers: [...new Set([...addresses, ...numbers])].sort(),
    saysWhenEmpty: /\bempty\b/i.test(plain)
  }
}

type Kind =
  | { kind: 'decimal' }
  | { kind: 'above one' }
  | { kind: 'whole'; min: number; max: number }
  | { kind: 'seconds'; max: number }
  | { kind: 'boolean' }
  | { kind: 'one of'; values: readonly string[] }
  | { kind: 'text'; words: string[] }

/** What each input accepts, in the words both descriptions must use. */
const KINDS: Record<InputName, Kind> = {
  'api-key': { kind: 'text', words: [`at least ${FRAGMENT_LENGTH} characters of printable ASCII without spaces`] },
  'base-url': { kind: 'text', words: ['https', 'http to a loopback host', '127.0.0.0/8', 'localhost', '[::1]'] },
  'minimum-credits': { kind: 'decimal' },
  'credit-type': { kind: 'one of', values: CREDIT_TYPES },
  'warning-credits': { kind: 'decimal' },
  'fail-on-api-error': { kind: 'boolean' },
  'max-retries': { kind: 'whole', min: 0, max: MAX_RETRIES_LIMIT },
  'timeout-seconds': { kind: 'seconds', max: TIMEOUT_SECONDS_LIMIT },
  summary: { kind: 'boolean' },
  'history-file': { kind: 'text', words: ['JSON Lines', 'relative to the workspace or absolute'] },
  'history-branch': { kind: 'text', words: ['branch of this repository', 'orphan', 'swarms-credit-history.jsonl'] },
  'github-token': { kind: 'text', words: ['read-only token'] },
  'history-limit': { kind: 'whole', min: 2, max: HISTORY_LIMIT_MAX },
  'minimum-days-remaining': { kind: 'decimal' },
  'monthly-budget': { kind: 'decimal' },
  'spike-factor': { kind: 'above one' },
  'measure-job': { kind: 'boolean' },
  'max-job-spend': { kind: 'decimal' }
}

/** The words a kind is described with. */
function words(kind: Kind): string[] {
  switch (kind.kind) {
    case 'decimal':
      return ['non-negative decimal']
    case 'above one':
      return ['decimal above 1']
    case 'whole':
      return [`whole number from ${kind.min} to ${kind.max}`]
    case 'seconds':
      return ['seconds', `above 0, at most ${kind.max}`]
    case 'boolean':
      return ['true or false']
    case 'one of':
      return [`${kind.values.slice(0, -1).join(', ')} or ${kind.values.at(-1)}`]
    case 'text':
      return kind.words
  }
}

/** Values a kind's words promise are accepted, and values they promise are refused. */
function probes(kind: Kind): { accepted: string[]; refused: string[] } {
  switch (kind.kind) {
    case 'decimal':
      return { accepted: ['0', '0.5', '10'], refused: ['-1', 'ten', '1e3'] }
    case 'above one':
      return { accepted: ['1.5', '3'], refused: ['1', '0.5', '-2'] }
    case 'whole':
      return {
        accepted: [String(kind.min), String(kind.max)],
        refused: [String(kind.max + 1), '1.5', ...(kind.min > 0 ? [String(kind.min - 1)] : ['-1'])]
      }
    case 'seconds':
      return { accepted: ['0.5', String(kind.max)], refused: ['0', String(kind.max + 1)] }
    case 'boolean':
      return { accepted: ['true', 'false'], refused: ['yes', '1'] }
    case 'one of':
      return { accepted: [...kind.values], refused: ['all', 'TOTAL'] }
    case 'text':
      return { accepted: [], refused: [] }
  }
}

/** Whether readInputs accepts `value` for `name`, everything else valid. */
function accepts(name: InputName, value: string): boolean {
  const env: Record<string, string> = {
    [inputVariable('api-key')]: 'sk-probe-not-a-secret',
    [inputVariable('history-file')]: '/tmp/probe-history.jsonl',
    [inputVariable(name)]: value
  }
  try {
    readInputs(env, '/w')
    return true
  } catch {
    return false
  }
}

const clean = (text: string) => text.replace(/`/g, '').replace(/\s+/g, ' ')

describe('action.yml and the README describe each input alike', () => {
  it('describe every input of action.yml, and the test knows each', () => {
    expect(Object.keys(KINDS).sort()).toEqual(Object.keys(action.inputs).sort())
    expect(Object.keys(DEFAULTS).sort()).toEqual(Object.keys(action.inputs).sort())
    for (const name of Object.keys(action.inputs)) expect(readmeCell(name), name).not.toBe('')
  })

  it.each(Object.keys(KINDS) as InputName[])(
    '%s: the same type words and allowed values, which the code keeps',
    name => {
      const kind = KINDS[name]
      for (const word of words(kind)) {
        expect(clean(action.inputs[name].description), `action.yml, ${name}`).toContain(word)
        expect(clean(readmeCell(name)), `README, ${name}`).toContain(word)
      }
      const { accepted, refused } = probes(kind)
      for (const value of accepted) expect(accepts(name, value), `${name}: ${value}`).toBe(true)
      for (const value of refused) expect(accepts(name, value), `${name}: ${value}`).toBe(false)
    }
  )

  it('base-url: the loopback hosts both name are the ones the code allows', () => {
    expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'].every(isLoopback)).toBe(true)
    expect(['128.0.0.1', '10.0.0.1', 'localhost.example', '[::2]'].some(isLoopback)).toBe(false)
  })

  it.each(Object.keys(action.inputs))('%s: the same inputs and outputs named, the same figures', name => {
    expect(facts(readmeCell(name)), name).toEqual(facts(action.inputs[name].description))
  })
})

describe('action.yml and the README describe each output alike', () => {
  it.each(Object.keys(action.outputs))(
    '%s: the same inputs and outputs named, the same figures, both say when empty',
    name => {
      expect(readmeCell(name), name).not.toBe('')
      expect(facts(readmeCell(name)), name).toEqual(facts(action.outputs[name].description))
    }
  )
})

describe('the comparison', () => {
  // It is only worth running if it fails on the disagreements it is there to find.
  it('finds a name, a figure or an "empty" one side leaves out', () => {
    expect(facts('Which balance `minimum-credits` and the forecast apply to')).not.toEqual(
      facts('Which balance minimum-credits and days-remaining apply to')
    )
    expect(facts('loopback (`127.0.0.0/8`)')).not.toEqual(facts('loopback (127.0.0.1)'))
    expect(facts('over 36,500 days away')).toEqual(facts('over 36500 days away'))
    expect(facts('spend per day; empty when it is')).not.toEqual(facts('spend per day'))
  })

  it('finds type words that the code does not keep', () => {
    expect(accepts('warning-credits', '-1')).toBe(false)
    expect(accepts('max-retries', String(MAX_RETRIES_LIMIT + 1))).toBe(false)
  })
})
