// action.yml and every workflow in the repository, validated with GitHub's own parser and schemas
// (@actions/workflow-parser, the engine of GitHub's Actions language service), plus the rules of the
// metadata docs it leaves out. And the README: its tables kept equal to action.yml, its first screen,
// its headings and contents, and every YAML block in it and in docs/ a workflow GitHub accepts.
import { readFileSync, readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { NoOperationTraceWriter, convertWorkflowTemplate, parseWorkflow } from '@actions/workflow-parser'
import { convertActionTemplate, parseAction } from '@actions/workflow-parser/actions/index'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const ACTION = read('action.yml')

/** Every problem GitHub's parser finds in an action.yml, and the docs' rules it does not check. */
function actionProblems(content: string): string[] {
  const parsed = parseAction({ name: 'action.yml', content }, new NoOperationTraceWriter())
  const problems = parsed.context.errors.getErrors().map(e => e.message)
  if (!parsed.value) return problems
  const template = convertActionTemplate(parsed.context, parsed.value)
  problems.push(
    ...parsed.context.errors
      .getErrors()
      .map(e => e.message)
      .filter(m => !problems.includes(m))
  )
  // The metadata docs require a description for every input and output, and name the keys each may
  // have; the parser's schema checks neither, so a typo such as `requried` would pass unseen.
  for (const input of template.inputs ?? [])
    if (!input.description?.trim()) problems.push(`input ${input.id} has no description`)
  for (const output of template.outputs ?? [])
    if (!output.description?.trim()) problems.push(`output ${output.id} has no description`)
  const raw = parse(content) as { inputs?: Record<string, object>; outputs?: Record<string, object> }
  const allowed = {
    inputs: ['description', 'required', 'default', 'deprecationMessage'],
    outputs: ['description', 'value']
  }
  for (const section of ['inputs', 'outputs'] as const) {
    for (const [id, definition] of Object.entries(raw[section] ?? {})) {
      for (const key of Object.keys(definition ?? {}))
        if (!allowed[section].includes(key)) problems.push(`${section}.${id} has an unknown key: ${key}`)
    }
  }
  return problems
}

async function workflowProblems(name: string, content: string): Promise<string[]> {
  const parsed = parseWorkflow({ name, content }, new NoOperationTraceWriter())
  const template = await convertWorkflowTemplate(parsed.context, parsed.value!)
  return (template.errors ?? []).map(e => e.Message)
}

const workflows = [
  ...readdirSync(new URL('.github/workflows/', root)).map(name => `.github/workflows/${name}`),
  ...readdirSync(new URL('examples/', root)).map(name => `examples/${name}`)
].filter(path => /\.ya?ml$/.test(path))

describe('action.yml', () => {
  it('is valid for GitHub, with a description for every input and output', () => {
    expect(actionProblems(ACTION)).toEqual([])
  })

  it('runs dist/index.js with node24, then dist/post/index.js at the end of every job, and has branding', () => {
    const action = parse(ACTION) as { runs: Record<string, string>; branding: Record<string, string>; author?: string }
    expect(action.runs).toEqual({
      using: 'node24',
      main: 'dist/index.js',
      post: 'dist/post/index.js',
      'post-if': 'always()'
    })
    expect(action.branding).toEqual({ icon: expect.any(String), color: expect.any(String) })
    expect(action.author).toBeTruthy()
  })

  // The validation is only worth running if it fails on what GitHub would refuse.
  it.each([
    ['an unknown key', ACTION.replace(/^branding:/m, 'brandding:'), /Unexpected value 'brandding'/],
    [
      'an unknown input key',
      ACTION.replace(/^ {2}summary:\n/m, '  summary:\n    requried: false\n'),
      /inputs.summary has an unknown key: requried/
    ],
    ['a missing description', ACTION.replace(/^description: .*\n/m, ''), /Required property is missing: description/],
    [
      'an input without description',
      ACTION.replace(/^( {2}history-limit:\n) {4}description: .*\n/m, '$1'),
      /input history-limit has no description/
    ],
    [
      'an output without description',
      ACTION.replace(/^( {2}depletion-date:\n) {4}description: .*\n/m, '$1    value: x\n'),
      /output depletion-date has no description/
    ],
    ['a wrong runs.using', ACTION.replace('using: node24', 'using: node22'), /Unexpected value 'node22'/],
    ['a misspelt post-if', ACTION.replace('post-if:', 'postif:'), /Unexpected value 'postif'/],
    [
      'an expression in a description',
      ACTION.replace(/^( {2}api-key:\n {4}description: )/m, '$1From ${{ secrets.KEY }}. '),
      /Unrecognized named-value: 'secrets'/
    ]
  ])('validation fails on %s', (_what, content, problem) => {
    expect(content).not.toBe(ACTION)
    expect(actionProblems(content).join('\n')).toMatch(problem)
  })
})

describe('workflows', () => {
  it('include ci.yml, check-dist.yml and the examples', () => {
    expect(workflows).toEqual(expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/check-dist.yml']))
    expect(workflows.filter(path => path.startsWith('examples/')).length).toBeGreaterThanOrEqual(4)
  })

  it.each(workflows)('%s is valid for GitHub', async path => {
    expect(await workflowProblems(path, read(path))).toEqual([])
  })

  it('validation fails on a workflow GitHub would refuse', async () => {
    const ci = read('.github/workflows/ci.yml')
    expect(
      await workflowProblems('bad.yml', ci.replace('runs-on: ubuntu-latest', 'runs_on: ubuntu-latest'))
    ).not.toEqual([])
    expect(await workflowProblems('bad.yml', ci.replace('timeout-minutes: 15', 'timeout-minutes: soon'))).not.toEqual(
      []
    )
  })

  it('self-test the action against the stand-in API started in an earlier step', () => {
    const ci = parse(read('.github/workflows/ci.yml')) as {
      jobs: Record<string, { steps: { uses?: string; run?: string }[] }>
    }
    const steps = ci.jobs['self-test'].steps
    const start = steps.findIndex(s => s.run?.includes('scripts/stand-in-api.mjs'))
    const use = steps.findIndex(s => s.uses === './')
    expect(start).toBeGreaterThanOrEqual(0)
    expect(use).toBeGreaterThan(start)
    expect(steps.slice(use + 1).some(s => s.run?.includes('test "$TOTAL" = 75.0'))).toBe(true)
  })

  type Step = { id?: string; uses?: string; run?: string; with?: Record<string, string>; 'continue-on-error'?: boolean }
  type Job = {
    'runs-on': string
    strategy?: { matrix?: { os?: string[] } }
    defaults?: { run?: { shell?: string } }
    steps: Step[]
  }
  const jobs = () => (parse(read('.github/workflows/ci.yml')) as { jobs: Record<string, Job> }).jobs

  it.each(['test', 'self-test'])('run the %s job on Linux, Windows and macOS, its scripts under bash', name => {
    const job = jobs()[name]
    expect(job['runs-on']).toBe('${{ matrix.os }}')
    expect([...(job.strategy?.matrix?.os ?? [])].sort()).toEqual(['macos-latest', 'ubuntu-latest', 'windows-latest'])
    expect(job.defaults?.run?.shell).toBe('bash')
  })

  it('self-test the gate failing, and a history written by one step and reread by the next', () => {
    const steps = jobs()['self-test'].steps
    const gate = steps.find(s => s.uses === './' && s['continue-on-error'])
    expect(gate?.id).toBeTruthy()
    expect(steps.some(s => s.run?.includes('test "$OUTCOME" = failure'))).toBe(true)
    const tracked = steps.filter(s => s.uses === './' && s.with?.['history-file'])
    expect(tracked).toHaveLength(2)
    expect(tracked[0].with?.['history-file']).toBe(tracked[1].with?.['history-file'])
    const check = steps.slice(steps.indexOf(tracked[1]) + 1).find(s => s.run?.includes('SECOND_USED'))
    expect(JSON.stringify(check)).toContain(`steps.${tracked[1].id}.outputs.credits-used-since-last`)
    expect(check?.run).toMatch(/test "\$SECOND_USED" = \d/)
  })

  it('self-test, on the real runner, that a detail carrying a legacy command forges no output', () => {
    const steps = jobs()['self-test'].steps
    const start = steps.find(s => s.run?.includes('--detail'))
    const port = /--port (\d+) --status 503 \\\n\s*--detail '##\[set-output name=total-credits\]/.exec(
      start?.run ?? ''
    )?.[1]
    expect(port).toBeTruthy()
    const hostile = steps.find(s => s.uses === './' && s.with?.['base-url'] === `http://127.0.0.1:${port}`)
    expect(hostile?.with?.['fail-on-api-error']).toBe(false)
    const check = steps.find(s => JSON.stringify(s).includes(`steps.${hostile?.id}.outputs.total-credits`))
    expect(check?.run).toContain('test -z "$TOTAL"')
  })
})

describe('the release workflow', () => {
  it('releases a version tag only after checking dist/, and moves the major tag last', () => {
    const release = parse(read('.github/workflows/release.yml')) as {
      on: { push: { tags: string[] } }
      jobs: Record<string, { steps: { run?: string; if?: string }[] }>
    }
    expect(release.on.push.tags).toEqual(['v*.*.*'])
    const runs = release.jobs.release.steps.map(step => step.run ?? '')
    const at = (text: string) => runs.findIndex(run => run.includes(text))
    expect(at('npm run build')).toBeGreaterThanOrEqual(0)
    expect(at('git status --porcelain -- dist')).toBeGreaterThan(at('npm run build'))
    expect(at('gh release create')).toBeGreaterThan(at('git status --porcelain -- dist'))
    expect(at('git push --force origin')).toBeGreaterThan(at('gh release create'))
  })
})

describe('README', () => {
  const readme = read('README.md')
  const markdown = [
    'README.md',
    ...readdirSync(new URL('docs/', root))
      .filter(name => name.endsWith('.md'))
      .map(name => `docs/${name}`)
  ]
  const action = parse(ACTION) as { inputs: Record<string, { default?: string }>; outputs: Record<string, unknown> }

  /** The rows of the table under `heading`: first column, and second. */
  function table(heading: string): [string, string][] {
    const start = readme.indexOf(`${heading}\n`) + heading.length
    const section = readme.slice(start, readme.indexOf('\n#', start))
    const rows = section.split('\n').filter(line => line.startsWith('| `'))
    return rows.map(row => row.split(' | ').map(cell => cell.replace(/^\| /, '').trim()) as [string, string])
  }

  it('lists every input of action.yml with its default, and nothing else', () => {
    const rows = table('## Inputs')
    expect(rows.map(([name]) => name)).toEqual(Object.keys(action.inputs).map(name => `\`${name}\``))
    for (const [name, fallback] of rows) {
      const expected = action.inputs[name.slice(1, -1)].default ?? ''
      expect(fallback, name).toBe(`\`${expected === '' ? "''" : expected}\``)
    }
  })

  it('lists every output of action.yml, and nothing else', () => {
    expect(table('## Outputs').map(([name]) => name)).toEqual(Object.keys(action.outputs).map(name => `\`${name}\``))
  })

  it('shows, in itself and in docs/, only YAML blocks that are whole workflows GitHub accepts', async () => {
    const blocks = markdown.flatMap(path =>
      [...read(path).matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => [path, m[1]] as const)
    )
    expect(blocks.filter(([path]) => path === 'README.md').length).toBeGreaterThanOrEqual(1)
    expect(blocks.length).toBeGreaterThanOrEqual(6)
    for (const [path, block] of blocks) expect(await workflowProblems(path, block), `${path}:\n${block}`).toEqual([])
  })

  it('opens with a workflow to paste, its placeholder explained next to it, then the set-up commands', () => {
    const usage = /```yaml\n([\s\S]*?)```/.exec(readme)
    expect(usage?.[1]).toContain('uses: OWNER/swarms-credit-balance-action@v1')
    expect(usage?.[1]).toContain('api-key: ${{ secrets.SWARMS_API_KEY }}')
    const after = readme.slice((usage?.index ?? 0) + (usage?.[0].length ?? 0))
    const firstHeading = after.indexOf('\n## ')
    expect(after.slice(0, firstHeading)).toMatch(/`OWNER\/swarms-credit-balance-action@v1` is a placeholder/)
    expect(after.slice(0, firstHeading)).toContain('https://swarms.world/platform/api-keys')
    expect(after.slice(0, firstHeading)).toContain('Settings → Secrets and variables → Actions')
    const commands = /^## .*\n\n```sh\n([\s\S]*?)```/m.exec(after)
    expect(commands?.index).toBe(firstHeading + 1)
    expect(commands?.[1]).toMatch(/^npm run demo\b/m)
    expect(commands?.[1]).toMatch(/^npm ci && npm test\b/m)
  })

  it('has its headings in order, one H1 first, no level skipped', () => {
    for (const path of markdown) {
      const levels = [
        ...read(path)
          .replace(/^```[\s\S]*?^```/gm, '')
          .matchAll(/^(#{1,6}) /gm)
      ].map(m => m[1].length)
      expect(levels[0], path).toBe(1)
      expect(
        levels.filter(level => level === 1),
        path
      ).toHaveLength(1)
      for (let i = 1; i < levels.length; i++)
        expect(levels[i], `${path}, heading ${i + 1}`).toBeLessThanOrEqual(levels[i - 1] + 1)
    }
  })

  it('lists every section in its contents', () => {
    const contents = readme.slice(
      readme.indexOf('## Contents\n'),
      readme.indexOf('\n## ', readme.indexOf('## Contents\n'))
    )
    // The sections after the contents (the ones before it are on the first screen).
    const sections = [...readme.slice(readme.indexOf('## Contents\n') + 1).matchAll(/^## (.+)$/gm)].map(m => m[1])
    const slug = (title: string) =>
      title
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-')
    expect(sections.length).toBeGreaterThan(8)
    for (const title of sections) expect(contents, title).toContain(`](#${slug(title)})`)
  })

  it('is under 250 lines', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThan(250)
  })

  it('puts no expression into a script, in its workflows or anywhere else (the template-injection pattern)', () => {
    const scripts = [
      ...markdown.flatMap(path => [...read(path).matchAll(/```ya?ml\n([\s\S]*?)```/g)].map(m => m[1])),
      ...workflows.map(path => read(path))
    ].flatMap(text => [...text.matchAll(/^(\s*)(?:- )?run: (\|.*\n(?:\1 {2,}.*\n)*|.*)/gm)].map(m => m[2]))
    expect(scripts.length).toBeGreaterThan(5)
    expect(scripts.filter(script => script.includes('${{'))).toEqual([])
  })

  it('links every example workflow', () => {
    for (const path of workflows.filter(p => p.startsWith('examples/'))) expect(readme).toContain(`](${path})`)
  })
})
