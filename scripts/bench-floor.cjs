// The honest floor of this job, for `npm run bench`: the least a correct credit-balance step can do.
// CommonJS; one HTTPS GET with the key; the key masked; the seven balance outputs written to
// GITHUB_OUTPUT safely, each with a random heredoc delimiter (as @actions/core does, with crypto);
// a summary appended to GITHUB_STEP_SUMMARY. No validation, retries, deadline, history or report.
'use strict'
const https = require('node:https')
const fs = require('node:fs')
const { randomUUID } = require('node:crypto')

const key = process.env['INPUT_API-KEY']
process.stdout.write(`::add-mask::${key}\n`)
https.get(
  `${process.env['INPUT_BASE-URL']}/v1/account/credits`,
  { headers: { 'x-api-key': key, accept: 'application/json' } },
  res => {
    let body = ''
    res.setEncoding('utf8')
    res.on('data', chunk => (body += chunk))
    res.on('end', () => {
      const b = JSON.parse(body)
      const outputs = {
        'total-credits': b.total_credits,
        'regular-credits': b.credit,
        'free-credits': b.free_credit,
        'referral-credits': b.referral_credits,
        'below-minimum': b.total_credits < Number(process.env['INPUT_MINIMUM-CREDITS'] || 0),
        'next-credit-type': b.free_credit > 0 ? 'free' : 'regular',
        'balance-json': body.trim()
      }
      let text = ''
      for (const [name, value] of Object.entries(outputs)) {
        const delimiter = `ghadelimiter_${randomUUID()}`
        text += `${name}<<${delimiter}\n${value}\n${delimiter}\n`
      }
      fs.appendFileSync(process.env.GITHUB_OUTPUT, text)
      process.stdout.write(`Swarms credits: total ${b.total_credits}\n`)
      fs.appendFileSync(process.env.GITHUB_STEP_SUMMARY, `### Swarms credit balance\n\nTotal: ${b.total_credits}\n`)
    })
  }
)
