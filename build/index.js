// The bundle's entry. CommonJS (see package.json beside it), so that the runner starts the action
// without Node's ES-module loader and without a top-level await: run() reports every failure itself.
// Once it is done, the process ends with process.exit(), which skips Node's teardown of the heap and the
// environment (what a natural exit spends after the last callback, a few percent of a run): after
// setImmediate, so that a warning Node has queued is written first, and only when stdout holds no
// unwritten output (on Linux and macOS a write to a pipe that cannot take it all at once is finished
// later); otherwise the process ends as usual.
'use strict'
require('../src/main.ts')
  .run()
  .then(() =>
    setImmediate(() => {
      if (process.stdout.writableLength === 0) process.exit()
    })
  )
