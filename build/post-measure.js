// The measuring half of the post step, loaded by post.js when the inputs ask for a measurement: runs
// runPost(), then ends the process as index.js does (see README.md beside this file).
'use strict'
require('../src/post.ts')
  .runPost()
  .then(() =>
    setImmediate(() => {
      if (process.stdout.writableLength === 0) process.exit()
    })
  )
