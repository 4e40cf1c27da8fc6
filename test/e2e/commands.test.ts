// No text from outside is a workflow command: dist/index.js as the runner runs it, against a stand-in
// whose `detail` and rate-limit tier carry both command syntaxes, its stdout and stderr read the way the
// runner reads them (scripts/run-action.mjs runnerCommands: `::` at a line start, `##[` anywhere).
import { describe, expect, it } from 'vitest'
import { runAction, runnerCommands, type ActionRun } from '../../scripts/run-action.mjs'
import { SAMPLE_BALANCE, rateLimitHeaders, startStandIn, type Reply } from '../../scripts/stand-in-api.mjs'

const KEY = 'sk-0123456789abcdef0123'

/** Each within the 200 characters of a detail the action shows. */
const HOSTILE = {
  'a forged output': '##[set-output name=total-credits]999999',
  'a stop of all commands': '##[stop-commands]x',
  'an error after a newline': 'busy\n::error::forged error',
  'a mask after a carriage return': 'busy\r  ::add-mask::75.0',
  'a forged output split by a zero-width space': 'busy #\u200b#[set-output name=below-minimum]false',
  'an error after a line separator': 'busy\u2028::error::forged'
}

async function run(reply: Reply[], inputs: Record<string, string> = {}, env: Record<string, string> = {}) {
  const server = await startStandIn({ reply })
  try {
    const result = await runAction({
      inputs: { 'api-key': KEY, 'base-url': server.url, 'max-retries': '0', ...inputs },
      env
    })
    return { ...result, requests: server.requests }
  } finally {
    await server.close()
  }
}

/** The commands the runner would read: only the action's own, each `::` at a line start. */
function commandsOf(result: ActionRun): string[] {
  const commands = [...runnerCommands(result.stdout), ...runnerCommands(result.stderr)]
  for (const command of commands) expect(command.syntax, command.line).toBe('::')
  return commands.map(command => command.command)
}

const retried = (detail: string): Reply => ({ status: 503, headers: { 'retry-after': '0' }, body: { detail } })

describe.concurrent('no text from the API is a workflow command', () => {
  it.each(Object.entries(HOSTILE))('a detail carrying %s, on a 503 retried, then a balance', async (_what, detail) => {
    const result = await run([retried(detail), { body: SAMPLE_BALANCE, headers: rateLimitHeaders() }], {
      'max-retries': '1'
    })
    expect(result.requests).toHaveLength(2)
    expect(result.stdout).toMatch(/Attempt 1 of 2 failed: HTTP 503: busy|Attempt 1 of 2 failed: HTTP 503: ##/)
    expect(commandsOf(result)).toEqual(['add-mask'])
    expect(result.code).toBe(0)
    expect(result.outputs['total-credits']).toBe('75.0')
    expect(result.outputs['below-minimum']).toBe('false')
  })

  it.each(Object.entries(HOSTILE))(
    'a detail carrying %s, on a persistent 503 tolerated, with no output file',
    async (_what, detail) => {
      const result = await run([retried(detail)], { 'fail-on-api-error': 'false' }, { GITHUB_OUTPUT: '' })
      expect(result.code).toBe(0)
      expect(commandsOf(result)).toEqual(['add-mask', 'warning'])
      expect(result.warnings[0]).toMatch(/HTTP 503: (busy|##)/)
      expect(result.summary).toMatch(/HTTP 503/)
      expect(runnerCommands(result.summary ?? '')).toEqual([])
    }
  )

  it.each([401, 400])('a detail carrying every form on a final %i: one error, no other command', async status => {
    const detail = Object.values(HOSTILE).join(' ').slice(0, 200)
    const result = await run([{ status, body: { detail } }])
    expect(result.code).toBe(1)
    expect(commandsOf(result)).toEqual(['add-mask', 'error'])
    expect(result.errors[0]).toMatch(new RegExp(`HTTP ${status}: ##\\\\\\[set-output name=total-credits\\]999999`))
    expect(result.outputs).toEqual({})
    expect(runnerCommands(result.summary ?? '')).toEqual([])
  })

  it('a rate-limit tier carrying a command: shown neutralised, given as output as sent, even on stdout', async () => {
    const tier = '##[set-output name=total-credits]999999'
    const reply = { body: SAMPLE_BALANCE, headers: { ...rateLimitHeaders(), 'x-ratelimit-tier': tier } }
    const filed = await run([reply], {}, {})
    expect(commandsOf(filed)).toEqual(['add-mask'])
    expect(filed.outputs['rate-limit-tier']).toBe(tier)
    expect(filed.summary).toContain('##\\[set-output')
    // Without GITHUB_OUTPUT, @actions/core sets outputs with `::set-output` lines: each is that command only.
    const printed = await run([reply], {}, { GITHUB_OUTPUT: '' })
    const commands = runnerCommands(printed.stdout)
    expect(commandsOf(printed).filter(name => name !== 'set-output')).toEqual(['add-mask'])
    const outputs = Object.fromEntries(
      commands.filter(c => c.command === 'set-output').map(c => [/name=([^:]+)::/.exec(c.line)?.[1], c.data])
    )
    expect(outputs['rate-limit-tier']).toBe(tier)
    expect(outputs['total-credits']).toBe('75.0')
  })
})
