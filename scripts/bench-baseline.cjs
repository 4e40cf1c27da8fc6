// The floor the benchmark compares the action with: Node's own start plus the same GET with
// node:http, and one output line. Not the action: no validation, no retries, no deadline, no summary.
const http = require('node:http')
const fs = require('node:fs')

const url = `${process.env['INPUT_BASE-URL']}/v1/account/credits`
http.get(url, { headers: { 'x-api-key': process.env['INPUT_API-KEY'], accept: 'application/json' } }, res => {
  let body = ''
  res.setEncoding('utf8')
  res.on('data', chunk => (body += chunk))
  res.on('end', () => {
    fs.appendFileSync(process.env.GITHUB_OUTPUT, `total-credits=${JSON.parse(body).total_credits}\n`)
  })
})
