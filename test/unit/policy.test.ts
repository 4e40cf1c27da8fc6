import { describe, expect, it } from 'vitest'
import { evaluate, nextCreditType } from '../../src/logic/policy.js'
import type { Trend } from '../../src/logic/trend.js'
import { balanceOf } from './fixtures.js'

describe('evaluate', () => {
  const balance = balanceOf(50, 20, 5) // total 75

  it('passes a balance equal to the minimum and fails one just below it', () => {
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 75 }).belowMinimum).toBe(false)
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 75.01 }).belowMinimum).toBe(true)
  })

  it('gates the chosen credit type only', () => {
    expect(evaluate(balance, { creditType: 'free', minimumCredits: 21 })).toMatchObject({
      gated: 20,
      belowMinimum: true
    })
    expect(evaluate(balance, { creditType: 'regular', minimumCredits: 21 })).toMatchObject({
      gated: 50,
      belowMinimum: false
    })
    expect(evaluate(balance, { creditType: 'referral', minimumCredits: 5 })).toMatchObject({
      gated: 5,
      belowMinimum: false
    })
  })

  it('warns below the warning threshold, and not without one', () => {
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 10, warningCredits: 100 }).belowWarning).toBe(true)
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 10, warningCredits: 75 }).belowWarning).toBe(false)
    expect(evaluate(balance, { creditType: 'total', minimumCredits: 10 }).belowWarning).toBe(false)
  })

  it('is short of runway only when the forecast is known and below minimum-days-remaining', () => {
    const policy = { creditType: 'total', minimumCredits: 0, minimumDaysRemaining: 7 } as const
    const forecast = (daysRemaining?: number): Trend => ({ daysRemaining, windowReadings: 2 })
    expect(evaluate(balance, policy, forecast(6.9)).shortOfRunway).toBe(true)
    expect(evaluate(balance, policy, forecast(7)).shortOfRunway).toBe(false)
    expect(evaluate(balance, policy, forecast(undefined)).shortOfRunway).toBe(false)
    expect(evaluate(balance, policy).shortOfRunway).toBe(false)
    expect(evaluate(balance, { ...policy, minimumDaysRemaining: undefined }, forecast(1)).shortOfRunway).toBe(false)
  })

  it('a zero minimum never fails a zero balance', () => {
    expect(evaluate(balanceOf(0, 0, 0), { creditType: 'total', minimumCredits: 0 }).belowMinimum).toBe(false)
  })
})

describe('nextCreditType', () => {
  it.each([
    [balanceOf(50, 20, 5), 'free'],
    [balanceOf(50, 0, 5), 'referral'],
    [balanceOf(50, 0, 0), 'regular'],
    [balanceOf(0, 0, 0), 'none'],
    [balanceOf(0, 0.01, 0), 'free'],
    [balanceOf(0, -1, 3), 'referral']
  ] as const)('spends free, then referral, then regular: %#', (balance, expected) => {
    expect(nextCreditType(balance)).toBe(expected)
  })
})
