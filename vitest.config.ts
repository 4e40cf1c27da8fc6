import { defineConfig } from 'vitest/config'
import type { Logger, Plugin } from 'vite'

/**
 * The inlined workflow-parser ships source maps whose sources it does not ship, and Vite warns about
 * each of its files on every run: those warnings, and only those, are dropped.
 */
function quietMissingSources(): Plugin {
  const noisy = (message: string) => /^Sourcemap for .* points to missing source files/.test(message)
  return {
    name: 'quiet-missing-sources',
    configResolved(config) {
      const logger = config.logger as Logger
      const { warn, warnOnce } = logger
      logger.warn = (message, options) => void (noisy(message) || warn(message, options))
      logger.warnOnce = (message, options) => void (noisy(message) || warnOnce(message, options))
    }
  }
}

export default defineConfig({
  plugins: [quietMissingSources()],
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // At most 3 tests of a describe.concurrent block at once: each black-box test starts Node processes,
    // and the suite must pass on a busy 2-core machine.
    maxConcurrency: 3,
    // @actions/workflow-parser imports its schemas as JSON without import attributes (it is built for
    // bundlers); inlined, Vite transforms those imports.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    // Unit coverage (`npm run test:coverage`, in CI): the share of src/ (all of it) that the unit tests
    // alone run, lines and branches.
    coverage: {
      provider: 'v8',
      include: ['src/**'],
      reporter: ['text-summary', 'text'],
      thresholds: { lines: 90, branches: 90 }
    }
  }
})
