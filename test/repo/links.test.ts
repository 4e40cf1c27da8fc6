// Every relative link in the README, CONTRIBUTING.md and docs/ leads somewhere: a file or folder of
// the repository, and, with a #fragment, a heading of that Markdown file (by GitHub's anchor rules).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../', import.meta.url))
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  ...readdirSync(join(root, 'docs'))
    .filter(name => name.endsWith('.md'))
    .map(name => `docs/${name}`)
]

/** The text outside fenced code blocks. */
const unfenced = (markdown: string) => markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, '')
/** The text outside fenced code blocks and code spans, where a link is a link. */
const prose = (markdown: string) => unfenced(markdown).replace(/`[^`\n]*`/g, '')

/**
 * The anchors GitHub gives a Markdown file's headings: the heading's text, lower-cased, without
 * punctuation (letters, digits, spaces, hyphens and underscores stay), spaces as hyphens; a repeated
 * anchor gets -1, -2, and so on.
 */
export function anchors(markdown: string): Set<string> {
  const seen = new Map<string, number>()
  const result = new Set<string>()
  for (const [, heading] of unfenced(markdown).matchAll(/^#{1,6}[ \t]+(.+?)[ \t#]*$/gm)) {
    const text = heading
      .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/[`*]/g, '')
    const slug = text
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\p{M} _-]/gu, '')
      .replace(/ /g, '-')
    const count = seen.get(slug) ?? 0
    seen.set(slug, count + 1)
    result.add(count === 0 ? slug : `${slug}-${count}`)
  }
  return result
}

/** The relative links of a Markdown file: inline links and images, with their fragment. */
export function relativeLinks(markdown: string): string[] {
  return [...prose(markdown).matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)]
    .map(m => m[1])
    .filter(target => !/^[a-z][a-z0-9+.-]*:/i.test(target))
}

/** What is wrong with `target`, linked from `from` (a path relative to the repository): '' when nothing. */
export function brokenLink(from: string, target: string, read = (path: string) => readFileSync(path, 'utf8')): string {
  const [path, fragment] = target.split('#', 2) as [string, string | undefined]
  const file = path === '' ? join(root, from) : join(root, dirname(from), decodeURIComponent(path))
  const shown = relative(root, file) || '.'
  if (!file.startsWith(root) && file !== root.replace(/\/$/, '')) return `${target}: outside the repository`
  if (!existsSync(file)) return `${target}: no file ${shown}`
  if (fragment === undefined) return ''
  if (statSync(file).isDirectory() || !file.endsWith('.md')) return `${target}: a fragment on ${shown}`
  return anchors(read(file)).has(decodeURIComponent(fragment)) ? '' : `${target}: no heading #${fragment} in ${shown}`
}

describe('relative links', () => {
  it('are found in the README and docs', () => {
    expect(documents).toEqual(expect.arrayContaining(['README.md', 'docs/history.md', 'docs/failure-model.md']))
    expect(relativeLinks(readFileSync(join(root, 'README.md'), 'utf8')).length).toBeGreaterThan(10)
  })

  it.each(documents)('%s: every relative link resolves to a file, and its #fragment to a heading', from => {
    const broken = relativeLinks(readFileSync(join(root, from), 'utf8'))
      .map(target => brokenLink(from, target))
      .filter(Boolean)
    expect(broken.join('\n')).toBe('')
  })
})

describe('the link check', () => {
  // It is only worth running if it finds what GitHub would show as a broken link.
  it('finds a missing file, a missing heading and a fragment on a file that has none', () => {
    expect(brokenLink('README.md', 'docs/no-such-file.md')).toContain('no file docs/no-such-file.md')
    expect(brokenLink('README.md', '#no-such-heading')).toContain('no heading #no-such-heading')
    expect(brokenLink('docs/history.md', '../action.yml#inputs')).toContain('a fragment on action.yml')
    expect(brokenLink('docs/history.md', '../README.md#inputs')).toBe('')
  })

  it('makes anchors as GitHub does: lower case, punctuation dropped, spaces as hyphens, repeats numbered', () => {
    const made = anchors(
      "# Swarms credit balance\n## The history's cost\n## `max-job-spend` & more\n## Usage\n## Usage\n"
    )
    expect([...made]).toEqual(['swarms-credit-balance', 'the-historys-cost', 'max-job-spend--more', 'usage', 'usage-1'])
  })

  it('reads links outside code only, and leaves out addresses with a scheme', () => {
    const text = '[a](docs/a.md) ![b](b.png) [c](https://example.com) `[d](d.md)`\n```md\n[e](e.md)\n```\n[f](#f)'
    expect(relativeLinks(text)).toEqual(['docs/a.md', 'b.png', '#f'])
  })
})
