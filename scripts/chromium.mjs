// Debian's Chromium for what a person sees (the browser test, npm run preview-summary), driven by
// playwright-core. Nothing downloads a browser: it is /usr/bin/chromium (apt-get install -y chromium), or
// CHROMIUM_PATH. The flags keep it off the network this machine does not have.
import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
export const MERMAID_SCRIPT = new URL('../node_modules/mermaid/dist/mermaid.min.js', import.meta.url).pathname

export function chromiumAvailable() {
  return existsSync(CHROMIUM)
}

/** Headless, with a fresh empty profile (Playwright's own). */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ],
    timeout: 60_000
  })
}
