import { parseBalance, type Balance } from '../../src/logic/balance.js'
import type { Inputs } from '../../src/logic/inputs.js'

export function balanceOf(credit: number, free: number, referral: number, total = credit + free + referral): Balance {
  return parseBalance(JSON.stringify({ credit, free_credit: free, referral_credits: referral, total_credits: total }))
}

export function inputsWith(overrides: Partial<Inputs> = {}): Inputs {
  return {
    apiKey: 'sk-test',
    baseUrl: 'https://api.swarms.world',
    minimumCredits: 0,
    creditType: 'total',
    failOnApiError: true,
    maxRetries: 3,
    timeoutSeconds: 30,
    summary: true,
    historyLimit: 1000,
    measureJob: false,
    ...overrides
  }
}
