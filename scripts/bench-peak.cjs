// Preloaded by the benchmark (node --require): reports the process's peak memory (resident set) on
// stderr as it exits, process.exit() included.
'use strict'
process.on('exit', () => process.stderr.write(`\npeak-rss-kb=${process.resourceUsage().maxRSS}\n`))
