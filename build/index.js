// The bundle's entry. CommonJS (see package.json beside it), so that the runner starts the action
// without Node's ES-module loader and without a top-level await: run() reports every failure itself.
'use strict'
require('../src/main.ts').run()
