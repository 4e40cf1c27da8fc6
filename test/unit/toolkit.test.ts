import { describe, expect, it } from 'vitest'
import { SUMMARY_LIMIT_BYTES, clipBytes, emit, type Sink } from '../../src/io/toolkit.js'
import type { Report } from '../../src/render/report.js'

const KEY = 'sk-0123456789abcdef'

function recorder(failOutputs = false) {
  const events: string[] = []
  const sink: Sink = {
    mask: secret => void events.push(`mask ${secret}`),
    info: line => void events.push(`info ${line}`),
    warning: message => void events.push(`warning ${message}`),
    notice: message => void events.push(`notice ${message}`),
    saveState: (name, value) => void events.push(`state ${name}=${value}`),
    fail: message => void events.push(`error ${message}`),
    setOutput: (name, value) => {
      if (failOutputs) throw new Error('EISDIR: illegal operation on a directory')
      events.push(`output ${name}=${value}`)
    },
    appendSummary: markdown => {
      events.push(`summary ${markdown}`)
      return true
    }
  }
  return { sink, events }
}

const report: Report = {
  log: ['Swarms credits: total 75'],
  warnings: ['low'],
  error: 'below the minimum',
  outputs: { 'total-credits': '75', 'balance-json': `{"echo":"${KEY}"}` },
  summary: '### Swarms credit balance\n'
}

describe('emit', () => {
  it('logs first, then annotates, then sets the outputs, then writes the summary, the key redacted', () => {
    const { sink, events } = recorder()
    emit(report, KEY, sink)
    expect(events).toEqual([
      'info Swarms credits: total 75',
      'warning low',
      'error below the minimum',
      'output total-credits=75',
      'output balance-json={"echo":"***"}',
      'summary ### Swarms credit balance\n'
    ])
  })

  it('says in one error that the output file cannot be written, after the log', () => {
    const { sink, events } = recorder(true)
    emit({ ...report, error: undefined, warnings: [] }, KEY, sink)
    expect(events[0]).toBe('info Swarms credits: total 75')
    expect(events.filter(e => e.startsWith('error'))).toHaveLength(1)
    expect(events[1]).toMatch(/^error The runner's output file \(GITHUB_OUTPUT\) cannot be written \(EISDIR/)
  })
})

describe('clipBytes', () => {
  it('keeps a summary under the limit as it is, and cuts a larger one at a line end, saying so', () => {
    expect(clipBytes('short\n', 100)).toBe('short\n')
    const big = 'é line\n'.repeat(200_000)
    const cut = clipBytes(big, SUMMARY_LIMIT_BYTES)
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(SUMMARY_LIMIT_BYTES)
    expect(cut).toMatch(/é line\n\n_The rest of this summary was cut/)
  })
})
