import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SUMMARY_LIMIT_BYTES, clipBytes, emit, runner, type Sink } from '../../src/io/toolkit.js'
import type { Report } from '../../src/model.js'

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

  it('says in one warning that the summary cannot be written, with the outputs set', () => {
    const { sink, events } = recorder()
    sink.appendSummary = () => {
      throw new Error('EAGAIN: resource temporarily unavailable')
    }
    emit({ ...report, error: undefined, warnings: [] }, KEY, sink)
    expect(events.filter(e => e.startsWith('output'))).toHaveLength(2)
    expect(events.filter(e => e.startsWith('warning'))).toHaveLength(1)
    expect(events.at(-1)).toContain('EAGAIN')
  })

  it('says in one error that the output file cannot be written, after the log', () => {
    const { sink, events } = recorder(true)
    emit({ ...report, error: undefined, warnings: [] }, KEY, sink)
    expect(events[0]).toBe('info Swarms credits: total 75')
    expect(events.filter(e => e.startsWith('error'))).toHaveLength(1)
    expect(events[1]).toMatch(/^error The runner's output file \(GITHUB_OUTPUT\) cannot be written \(EISDIR/)
  })
})

describe('emit, with text from outside', () => {
  it('leaves no workflow command in the log, the annotations or the summary, and outputs as they are', () => {
    const hostile = `HTTP 503: ##[set-output name=total-credits]999999 \n::error::forged ${KEY}`
    const { sink, events } = recorder()
    emit(
      {
        log: [hostile],
        warnings: [hostile],
        error: hostile,
        outputs: { 'rate-limit-tier': '##[stop-commands]x' },
        summary: `## Failed\n\n${hostile}\n`
      },
      KEY,
      sink
    )
    const safe = 'HTTP 503: ##\\[set-output name=total-credits]999999 \n\\::error::forged ***'
    expect(events).toEqual([
      `info ${safe}`,
      `warning ${safe}`,
      `error ${safe}`,
      'output rate-limit-tier=##[stop-commands]x',
      `summary ## Failed\n\n${safe}\n`
    ])
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

describe('runner: the sink the action uses, through @actions/core and the summary file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runner-'))
  afterEach(() => {
    vi.restoreAllMocks()
    vi.unstubAllEnvs()
    process.exitCode = undefined
  })

  /** What the runner's calls write to stdout. */
  function stdout(act: () => void): string {
    let written = ''
    vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
      written += String(chunk)
      return true
    })
    act()
    vi.mocked(process.stdout.write).mockRestore()
    return written
  }

  it('sends the mask, the log, warnings, errors and debug lines as workflow commands', () => {
    const written = stdout(() => {
      runner.mask('sk-secret')
      runner.info('a line')
      runner.warning('a warning')
      runner.debug?.('a debug line\nwith a second')
      runner.fail('a failure')
    })
    expect(written.split(/\r?\n/).filter(Boolean)).toEqual([
      '::add-mask::sk-secret',
      'a line',
      '::warning::a warning',
      '::debug::a debug line%0Awith a second',
      '::error::a failure'
    ])
    expect(process.exitCode).toBe(1)
  })

  it('writes outputs to GITHUB_OUTPUT, and the summary to GITHUB_STEP_SUMMARY when there is one', () => {
    const output = join(dir, 'output')
    const summary = join(dir, 'summary')
    writeFileSync(output, '')
    vi.stubEnv('GITHUB_OUTPUT', output)
    vi.stubEnv('GITHUB_STEP_SUMMARY', summary)
    runner.setOutput('total-credits', '75.0')
    expect(readFileSync(output, 'utf8')).toMatch(/^total-credits<<(ghadelimiter_[\w-]+)\n75\.0\n\1\n$/)
    expect(runner.appendSummary('# one\n')).toBe(true)
    expect(runner.appendSummary('# two\n')).toBe(true)
    expect(readFileSync(summary, 'utf8')).toBe('# one\n# two\n')
    vi.stubEnv('GITHUB_STEP_SUMMARY', '')
    expect(runner.appendSummary('# three\n')).toBe(false)
  })
})
