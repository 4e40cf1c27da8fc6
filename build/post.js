// The post step's entry (action.yml runs.post): at the end of every job that uses the action. A job that
// does not measure its spend pays for Node's start and this check alone: mayMeasure reads two inputs
// and nothing else is evaluated (the bundle's other modules are evaluated only when required). A
// measuring job runs runPost(), then exits as index.js does (see README.md beside this file).
'use strict'
const { mayMeasure } = require('../src/logic/measure-gate.js')

if (mayMeasure(process.env)) {
  require('../src/post.ts')
    .runPost()
    .then(() =>
      setImmediate(() => {
        if (process.stdout.writableLength === 0) process.exit()
      })
    )
}
