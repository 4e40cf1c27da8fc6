/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The summary's trend chart as a person sees it: its Mermaid block rendered by the real `mermaid`
// package in headless Chromium (Debian's, never a downloaded one), under Mermaid's default and dark
// themes, asserting on the SVG: it renders, the balance line contrasts with the background, the x-axis
// labels do not overlap, and the y-axis starts at 0.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { CHROMIUM, MERMAID_SCRIPT, chromiumAvailable, launchChromium } from '../../scripts/chromium.mjs'
import { DAY_MS, HOUR_MS, type Reading } from '../../src/logic/trend.js'
import { LINE_COLOURS, trendChart } from '../../src/render/chart.js'
import { canRun } from '../support/skip.js'

const available = canRun(
  'chromium',
  chromiumAvailable(),
  `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`
)

const NOW = Date.parse('2026-11-25T06:00:00.000Z')

function reading(at: number, total: number): Reading {
  return { at, values: { total, regular: total, free: 0, referral: 0 } }
}

/** `count` readings every `stepMs` up to NOW, falling `fall` each. */
function series(count: number, stepMs: number, from = 500, fall = 3): Reading[] {
  return Array.from({ length: count }, (_, i) => reading(NOW - (count - 1 - i) * stepMs, from - i * fall))
}

const HISTORIES: Record<string, Reading[]> = {
  '2 readings': series(2, DAY_MS),
  '10 readings': series(10, 6 * HOUR_MS),
  '50 readings (two weeks, every 6 hours)': series(50, 6 * HOUR_MS),
  '1,000 readings': series(1000, HOUR_MS, 5000, 4),
  'a flat balance': series(20, DAY_MS, 75, 0),
  'small decimal changes': [75.12, 75.09, 75.06, 75.03, 75].map((v, i) => reading(NOW - (4 - i) * DAY_MS, v)),
  'a top-up': [100, 60, 20, 220, 180].map((v, i) => reading(NOW - (4 - i) * DAY_MS, v)),
  'an irregular schedule': [0, 0.2, 3, 3.1, 9, 20, 20.5].map((d, i) => reading(NOW - d * DAY_MS, 100 + i * 11)),
  'a few hours': series(8, HOUR_MS)
}

/** WCAG relative luminance of a #rrggbb colour, and the contrast ratio of two. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map(i => parseInt(hex.slice(i, i + 2), 16) / 255)
  const linear = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x)
  return (hi + 0.05) / (lo + 0.05)
}
/** Any CSS colour Chromium computes, as #rrggbb. */
function hex(rgb: string): string {
  if (rgb.startsWith('#')) return rgb.length === 4 ? `#${[...rgb.slice(1)].map(c => c + c).join('')}` : rgb
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number)
  return `#${[r, g, b].map(n => n.toString(16).padStart(2, '0')).join('')}`
}

interface Rendered {
  error?: string
  stroke: string
  minimumStroke: string
  /** The balance line's points, in SVG units. */
  points: { x: number; y: number }[]
  background: string
  xLabels: { text: string; left: number; right: number; top: number; bottom: number }[]
  yLabels: string[]
}

let browser: Browser
let page: Page
let renders = 0

async function render(markdown: string, theme: 'default' | 'dark'): Promise<Rendered> {
  const code = /```mermaid\n([\s\S]*?)\n```/.exec(markdown)?.[1]
  if (!code) throw new Error('no mermaid block')
  return page.evaluate(
    async ({ code, theme, id }) => {
      const m = (
        globalThis as unknown as {
          mermaid: { initialize(c: object): void; render(id: string, code: string): Promise<{ svg: string }> }
        }
      ).mermaid
      m.initialize({ startOnLoad: false, theme })
      document.body.innerHTML = ''
      let svg: string
      try {
        svg = (await m.render(id, code)).svg
      } catch (error) {
        return {
          error: String(error),
          stroke: '',
          minimumStroke: '',
          points: [],
          background: '',
          xLabels: [],
          yLabels: []
        }
      }
      document.body.innerHTML = svg
      const root = document.body.querySelector('svg')!
      const box = (e: Element) => e.getBoundingClientRect()
      return {
        error: root.getAttribute('aria-roledescription') === 'error' ? 'render error' : undefined,
        stroke: root.querySelector('.line-plot-0 path')!.getAttribute('stroke')!,
        minimumStroke: root.querySelector('.line-plot-1 path')?.getAttribute('stroke') ?? '',
        points: [
          ...(root.querySelector('.line-plot-0 path')!.getAttribute('d') ?? '').matchAll(/[ML]([-\d.e]+),([-\d.e]+)/g)
        ].map(m => ({ x: Number(m[1]), y: Number(m[2]) })),
        background: getComputedStyle(root.querySelector('rect.background')!).fill,
        xLabels: [...root.querySelectorAll('.bottom-axis .label text')].map(t => ({
          text: t.textContent ?? '',
          left: box(t).left,
          right: box(t).right,
          top: box(t).top,
          bottom: box(t).bottom
        })),
        yLabels: [...root.querySelectorAll('.left-axis .label text')].map(t => t.textContent ?? '')
      }
    },
    { code, theme, id: `chart${++renders}` }
  )
}

it('draws no chart from one reading (no browser needed)', () => {
  expect(trendChart([reading(NOW, 75)], { creditType: 'total', minimumCredits: 0, now: NOW })).not.toContain('mermaid')
})

describe.skipIf(!available)('the trend chart in a real browser', () => {
  beforeAll(async () => {
    browser = await launchChromium()
    page = await browser.newPage({ viewport: { width: 900, height: 700 } })
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: MERMAID_SCRIPT })
  }, 90_000)

  afterAll(async () => {
    await browser?.close()
  })

  for (const [name, readings] of Object.entries(HISTORIES)) {
    for (const theme of ['default', 'dark'] as const) {
      it(`${name}, ${theme} theme: renders legibly`, async () => {
        const markdown = trendChart(readings, { creditType: 'total', minimumCredits: 10, now: NOW })
        const chart = await render(markdown, theme)
        expect(chart.error).toBeUndefined()
        // The chart's own colours win over the theme's palette, and contrast with its background.
        expect(hex(chart.stroke).toLowerCase()).toBe(LINE_COLOURS[0])
        expect(hex(chart.minimumStroke).toLowerCase()).toBe(LINE_COLOURS[1])
        expect(contrast(hex(chart.stroke), hex(chart.background))).toBeGreaterThanOrEqual(3)
        expect(contrast(hex(chart.minimumStroke), hex(chart.background))).toBeGreaterThanOrEqual(3)
        const labels = [...chart.xLabels].sort((a, b) => a.left - b.left)
        expect(labels.length).toBeGreaterThanOrEqual(2)
        for (let i = 1; i < labels.length; i++) {
          const [a, b] = [labels[i - 1], labels[i]]
          const overlap = a.right > b.left && a.bottom > b.top && b.bottom > a.top
          expect(overlap, `${a.text} and ${b.text} overlap`).toBe(false)
        }
        expect(Math.min(...chart.yLabels.map(Number))).toBe(0)
        // One point per step of the grid, the same distance apart: in proportion to time.
        const steps = Number(/x-axis "[^"]*" (-\d+) --> 0/.exec(markdown)![1])
        expect(chart.points).toHaveLength(-steps + 1)
        const gaps = chart.points.slice(1).map((p, i) => p.x - chart.points[i].x)
        expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThan(0.5)
      })
    }
  }
})
