// The honest floor of this job, for `npm run bench`: the least a correct credit-balance step can do.
// CommonJS; one HTTPS GET with the key; the key masked; the seven balance outputs written to
// GITHUB_OUTPUT safely, each with a random heredoc delimiter (as @actions/core does, with crypto), the
// amounts as the API wrote them (`50.0`), as the action gives them; a summary appended to
// GITHUB_STEP_SUMMARY; the step failed on an error answer, a network error or a balance below the
// minimum. No validation, retries, deadline, history or report. bench.mjs checks that these seven
// outputs equal the action's.
'use strict'
const https = require('node:https')
const fs = require('node:fs')
const { randomUUID } = require('node:crypto')

const key = process.env['INPUT_API-KEY']
process.stdout.write(`::add-mask::${key}\n`)

function fail(message) {
  process.stdout.write(`::error::${message}\n`)
  process.exitCode = 1
}

https
  .get(
    `${process.env['INPUT_BASE-URL']}/v1/account/credits`,
    { headers: { 'x-api-key': key, accept: 'application/json' } },
    res => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', chunk => (body += chunk))
      res.on('end', () => {
        if (res.statusCode !== 200) return fail(`Swarms API answered HTTP ${res.statusCode}`)
        const b = JSON.parse(body)
        // The number as the API wrote it: JSON.parse would turn `50.0` into 50.
        const text = name => new RegExp(`"${name}"\\s*:\\s*([-+.\\deE]+)`).exec(body)[1]
        const below = b.total_credits < Number(process.env['INPUT_MINIMUM-CREDITS'] || 0)
        const outputs = {
          'total-credits': text('total_credits'),
          'regular-credits': text('credit'),
          'free-credits': text('free_credit'),
          'referral-credits': text('referral_credits'),
          'below-minimum': below,
          'next-credit-type': b.free_credit > 0 ? 'free' : 'regular',
          'balance-json': body.trim()
        }
        let lines = ''
        for (const [name, value] of Object.entries(outputs)) {
          const delimiter = `ghadelimiter_${randomUUID()}`
          lines += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
        }
        fs.appendFileSync(process.env.GITHUB_OUTPUT, lines)
        process.stdout.write(`Swarms credits: total ${outputs['total-credits']}\n`)
        fs.appendFileSync(
          process.env.GITHUB_STEP_SUMMARY,
          `### Swarms credit balance\n\nTotal: ${outputs['total-credits']}\n`
        )
        if (below) fail(`Swarms credits ${outputs['total-credits']} are below the minimum`)
      })
    }
  )
  .on('error', error => fail(`Swarms API not reached: ${error.message}`))
