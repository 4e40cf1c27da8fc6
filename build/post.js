// The post step's entry (action.yml runs.post), run at the end of every job that uses the action. A job
// that does not measure its spend pays for Node's start and this check alone: mayMeasure reads two
// inputs, and the measuring code is a separate bundle (dist/post/measure/index.js, from
// post-measure.js), loaded only when they ask for a measurement, so this file stays a few kB.
'use strict'
const { mayMeasure } = require('../src/logic/measure-gate.js')

// eslint-disable-next-line no-undef -- webpack's name for Node's own require: not bundled, loaded at run time
if (mayMeasure(process.env)) __non_webpack_require__('./measure/index.js')
