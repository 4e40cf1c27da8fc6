import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    // @actions/workflow-parser imports its schemas as JSON without import attributes (it is built for
    // bundlers); inlined, Vite transforms those imports.
    server: { deps: { inline: ['@actions/workflow-parser'] } }
  }
})
