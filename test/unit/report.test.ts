import { describe, expect, it } from 'vitest'
import { evaluate } from '../../src/logic/policy.js'
import { balanceOutputs, balanceSummary, belowMinimumMessage, failureSummary } from '../../src/report.js'
import { parseBalance } from '../../src/logic/balance.js'
import { balanceOf, inputsWith } from './fixtures.js'

describe('balanceOutputs', () => {
  it('gives every output, the numbers as the API wrote them', () => {
    const balance = parseBalance(
      '{"credit": "50.00", "free_credit": 0.0, "referral_credits": 5, "total_credits": 55.0, "extra": true}'
    )
    const outputs = balanceOutputs(balance, evaluate(balance, inputsWith({ minimumCredits: 60 })), 'sk-x')
    expect(outputs).toEqual({
      'total-credits': '55.0',
      'regular-credits': '50.00',
      'free-credits': '0.0',
      'referral-credits': '5',
      'below-minimum': 'true',
      'next-credit-type': 'referral',
      'balance-json':
        '{"credit": "50.00", "free_credit": 0.0, "referral_credits": 5, "total_credits": 55.0, "extra": true}'
    })
  })

  it('redacts the key from balance-json', () => {
    const balance = parseBalance(
      '{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1,"owner":"sk-secret"}'
    )
    expect(balanceOutputs(balance, evaluate(balance, inputsWith()), 'sk-secret')['balance-json']).not.toContain(
      'sk-secret'
    )
  })
})

describe('the summary and messages', () => {
  it('shows the four balances, the gated type, the thresholds and the verdict', () => {
    const balance = balanceOf(50, 20, 5)
    const inputs = inputsWith({ creditType: 'regular', minimumCredits: 60, warningCredits: 80 })
    const summary = balanceSummary(balance, evaluate(balance, inputs), inputs)
    expect(summary).toContain('| Free | 20 | next charge |')
    expect(summary).toContain('| Regular | 50 | gated |')
    expect(summary).toContain('| Total | 75 |  |')
    expect(summary).toContain('minimum **60** · warning below **80**')
    expect(summary).toMatch(/Verdict:\*\* ❌ 50 regular credits, below the minimum of 60/)
  })

  it('says when the balance passes', () => {
    const balance = balanceOf(50, 20, 5)
    const inputs = inputsWith({ minimumCredits: 75 })
    expect(balanceSummary(balance, evaluate(balance, inputs), inputs)).toMatch(
      /✅ 75 total credits, at or above the minimum of 75/
    )
  })

  it('names the balance and the minimum when the gate fails', () => {
    expect(belowMinimumMessage(balanceOf(1, 2, 0), inputsWith({ minimumCredits: 10 }))).toMatch(
      /total credits are 3, below the minimum of 10 \(minimum-credits\)/
    )
  })

  it('escapes HTML from an API message in the summary', () => {
    expect(failureSummary('HTTP 500: <script>x</script>', true)).toContain('&lt;script&gt;')
  })
})
