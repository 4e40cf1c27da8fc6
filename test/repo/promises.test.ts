// Promises the README and action.yml make about figures whose rule is a choice: each says the same
// rule, where the code decides it (src/logic).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { BILLABLE_FLOOR } from '../../src/logic/credit-flow.js'
import { SPIKE_FLOOR_PER_HOUR, SPIKE_MIN_WINDOW_MS } from '../../src/logic/spend-guards.js'
import { HOUR_MS, SPEND_EPSILON } from '../../src/logic/trend.js'

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const readme = read('README.md')
const action = parse(read('action.yml')) as { outputs: Record<string, { description: string }> }

/** The README's row for an output: its description cell. */
function readmeRow(name: string): string {
  const row = readme.split('\n').find(line => line.startsWith(`| \`${name}\``))
  return row?.split(' | ')[1] ?? ''
}

describe('the promises that are choices', () => {
  it('free-depletion-date: both say it is empty when the floor comes first', () => {
    expect(readmeRow('free-depletion-date')).toContain(`billable floor (${BILLABLE_FLOOR.toFixed(2)}) first`)
    expect(action.outputs['free-depletion-date'].description).toContain(
      `billable floor (${BILLABLE_FLOOR.toFixed(2)}) first`
    )
  })

  it('over-budget: both give the tolerance of 0.000001', () => {
    expect(readmeRow('over-budget')).toContain(`more than ${SPEND_EPSILON}`)
    expect(action.outputs['over-budget'].description).toContain(`more than ${SPEND_EPSILON}`)
  })

  it('spend-spike: both give the 1-hour window and the floor of 1 credit an hour', () => {
    for (const text of [readmeRow('spend-spike'), action.outputs['spend-spike'].description]) {
      expect(text).toContain(`at least ${SPIKE_MIN_WINDOW_MS / HOUR_MS} hour old`)
      expect(text).toContain(`above ${SPIKE_FLOOR_PER_HOUR} credit an hour`)
    }
  })
})
