#!/usr/bin/env node
// Renders the job summary as a person sees it on GitHub, before a release: runs the built action (as the
// runner would, against the local stand-in API) on a few sample histories, renders each summary as
// GitHub-flavoured Markdown (marked) with its Mermaid chart (mermaid) in Debian's headless Chromium, in
// a light and a dark page, and writes PNG screenshots (and each summary's Markdown) into summary-preview/.
//   npm run preview-summary                      (builds dist/ first, then runs it)
//   PREVIEW_ENTRY=/tmp/dist/index.js node scripts/preview-summary.mjs   (another build of the action)
// The verdict's emoji needs a colour-emoji font, else it shows as a box: apt-get install -y fonts-noto-color-emoji.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { marked } from 'marked'
import { CHROMIUM, MERMAID_SCRIPT, chromiumAvailable, launchChromium } from './chromium.mjs'
import { ACTION_ENTRY, runAction } from './run-action.mjs'
import { balanceReply, startStandIn } from './stand-in-api.mjs'

const OUT = fileURLToPath(new URL('../summary-preview/', import.meta.url))
const ENTRY = process.env.PREVIEW_ENTRY || ACTION_ENTRY
const DAY = 86_400_000
const HOUR = 3_600_000

if (!chromiumAvailable()) {
  console.error(`preview-summary: no Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium).`)
  process.exit(1)
}

/** A history line `msAgo` before now. */
function line(msAgo, regular, free = 0, referral = 0) {
  const at = new Date(Date.now() - msAgo).toISOString()
  const total = Math.round((regular + free + referral) * 100) / 100
  return JSON.stringify({ at, credit: regular, free_credit: free, referral_credits: referral, total_credits: total })
}

/** Sample histories, each with the balance the stand-in answers now and the inputs. */
const SAMPLES = {
  'two-weeks': {
    history: Array.from({ length: 56 }, (_, i) =>
      line((56 - i) * 6 * HOUR, 120 - i * 1.2, Math.max(0, 40 - i * 1.5), 5)
    ),
    balance: { credit: 52.8, free_credit: 0, referral_credits: 5, total_credits: 57.8 },
    inputs: { 'minimum-credits': '20', 'monthly-budget': '300', 'spike-factor': '4' }
  },
  'top-up-and-gaps': {
    history: [30, 26, 25, 20, 12, 11, 6, 5, 2].map((d, i) =>
      line(d * DAY, [300, 260, 250, 200, 120, 420, 380, 370, 340][i], 0, 0)
    ),
    balance: { credit: 330, free_credit: 0, referral_credits: 0, total_credits: 330 },
    inputs: { 'minimum-credits': '50' }
  },
  'hourly-for-a-month': {
    history: Array.from({ length: 720 }, (_, i) => line((720 - i) * HOUR, 900 - i * 1.1, 0, 0)),
    balance: { credit: 107.5, free_credit: 0, referral_credits: 0, total_credits: 107.5 },
    inputs: { 'minimum-credits': '100' }
  },
  'first-run': {
    history: [],
    balance: { credit: 75.12, free_credit: 0, referral_credits: 0, total_credits: 75.12 },
    inputs: {}
  },
  'first-day': {
    history: [line(5 * HOUR, 75, 20, 5), line(2 * HOUR, 72, 20, 5)],
    balance: { credit: 70, free_credit: 20, referral_credits: 5, total_credits: 95 },
    inputs: {}
  }
}

const THEMES = {
  light: { page: '#ffffff', text: '#1f2328', border: '#d1d9e0', code: '#eff2f5', mermaid: 'default' },
  dark: { page: '#0d1117', text: '#f0f6fc', border: '#3d444d', code: '#262c36', mermaid: 'dark' }
}

function page(markdown, theme) {
  const t = THEMES[theme]
  const html = marked.parse(markdown, { gfm: true })
  const body = html.replace(
    /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/g,
    '<pre class="mermaid">$1</pre>'
  )
  return `<!doctype html><html><head><meta charset="utf-8"><style>
    body { background: ${t.page}; color: ${t.text}; font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; margin: 0; padding: 24px; width: 860px; }
    table { border-collapse: collapse; } td, th { border: 1px solid ${t.border}; padding: 6px 13px; }
    code { background: ${t.code}; border-radius: 6px; padding: .2em .4em; font-size: 85%; }
    pre.mermaid { background: transparent; }
    h3, h4 { border-bottom: 1px solid ${t.border}; padding-bottom: .3em; }
  </style></head><body>${body}</body></html>`
}

mkdirSync(OUT, { recursive: true })
const browser = await launchChromium()
try {
  for (const [name, sample] of Object.entries(SAMPLES)) {
    const workspace = mkdtempSync(join(tmpdir(), 'preview-'))
    if (sample.history.length > 0) writeFileSync(join(workspace, 'history.jsonl'), `${sample.history.join('\n')}\n`)
    const standIn = await startStandIn({ reply: balanceReply(sample.balance) })
    let run
    try {
      run = await runAction({
        inputs: {
          'api-key': 'preview-key-not-a-secret',
          'base-url': standIn.url,
          'history-file': 'history.jsonl',
          ...sample.inputs
        },
        env: { GITHUB_WORKSPACE: workspace },
        entry: ENTRY
      })
    } finally {
      await standIn.close()
    }
    if (!run.summary) console.warn(`preview-summary: ${name}: the action wrote no summary (exit ${run.code})`)
    writeFileSync(join(OUT, `${name}.md`), run.summary ?? '')
    for (const theme of Object.keys(THEMES)) {
      const tab = await browser.newPage({ viewport: { width: 908, height: 600 } })
      await tab.setContent(page(run.summary ?? '', theme))
      await tab.addScriptTag({ path: MERMAID_SCRIPT })
      const failed = await tab.evaluate(async mermaidTheme => {
        globalThis.mermaid.initialize({ startOnLoad: false, theme: mermaidTheme })
        await globalThis.mermaid.run({ querySelector: 'pre.mermaid', suppressErrors: true })
        return globalThis.document.querySelectorAll('svg[aria-roledescription="error"]').length
      }, THEMES[theme].mermaid)
      if (failed) console.warn(`preview-summary: ${name}, ${theme}: Mermaid could not render ${failed} chart(s)`)
      const file = join(OUT, `${name}-${theme}.png`)
      await tab.screenshot({ path: file, fullPage: true })
      await tab.close()
      console.log(`wrote ${file}`)
    }
  }
} finally {
  await browser.close()
}
