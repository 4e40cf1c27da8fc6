import { describe, expect, it } from 'vitest'
import { BalanceFormatError, parseBalance } from '../../src/logic/balance.js'

describe('parseBalance', () => {
  it('reads the four balances and keeps them as the API wrote them', () => {
    const body = '{"credit": 50.0, "free_credit": 20.0, "referral_credits": 5.0, "total_credits": 75.0}'
    const balance = parseBalance(body)
    expect(balance.values).toEqual({ regular: 50, free: 20, referral: 5, total: 75 })
    expect(balance.texts).toEqual({ regular: '50.0', free: '20.0', referral: '5.0', total: '75.0' })
    expect(balance.json).toBe(body)
  })

  it('accepts numeric strings and keeps their text', () => {
    const balance = parseBalance(
      '{"credit": "50.00", "free_credit": " 0 ", "referral_credits": "1e1", "total_credits": 60}'
    )
    expect(balance.values).toEqual({ regular: 50, free: 0, referral: 10, total: 60 })
    expect(balance.texts.regular).toBe('50.00')
    expect(balance.texts.free).toBe('0')
  })

  it('treats zero as a balance, and keeps unknown fields in the JSON', () => {
    const body =
      '{"credit":0,"free_credit":0,"referral_credits":0,"total_credits":0,"plan":"free","nested":{"credit":9}}'
    const balance = parseBalance(body)
    expect(balance.values.total).toBe(0)
    expect(balance.texts.regular).toBe('0')
    expect(JSON.parse(balance.json)).toMatchObject({ plan: 'free', nested: { credit: 9 } })
  })

  it('takes each field from the top-level object, not a nested one of the same name', () => {
    const balance = parseBalance(
      '{"credit": 1.50, "meta": {"credit": 999.0}, "free_credit": 0, "referral_credits": 0, "total_credits": 1.5}'
    )
    expect(balance.texts.regular).toBe('1.50')
    expect(balance.values.regular).toBe(1.5)
  })

  it.each([
    ['<!DOCTYPE html><html><body>Login</body></html>', /not JSON.*starts with "<!DOCTYPE html>/],
    ['', /not JSON.*empty/],
    ['[1, 2]', /JSON an array, not an object/],
    ['null', /JSON null, not an object/],
    ['"75"', /JSON the string "75", not an object/],
    ['{"credit": 1, "free_credit": 2, "referral_credits": 3}', /field "total_credits" is missing/],
    [
      '{"credit": "lots", "free_credit": 2, "referral_credits": 3, "total_credits": 6}',
      /field "credit" is the string "lots", not a number/
    ],
    [
      '{"credit": null, "free_credit": 2, "referral_credits": 3, "total_credits": 6}',
      /field "credit" is null, not a number/
    ],
    [
      '{"credit": 1, "free_credit": true, "referral_credits": 3, "total_credits": 6}',
      /field "free_credit" is boolean true, not a number/
    ],
    [
      '{"credit": 1, "free_credit": 2, "referral_credits": "", "total_credits": 6}',
      /field "referral_credits" is the string "", not a number/
    ],
    [
      '{"credit": 1, "free_credit": 2, "referral_credits": 3, "total_credits": 1e999}',
      /field "total_credits" is number Infinity, not a balance/
    ],
    [
      '{"credit": 1.7e308, "free_credit": 0, "referral_credits": 0, "total_credits": 1.7e308}',
      /field "total_credits" is number 1\.7e\+308, not a balance/
    ]
  ])('rejects %j, saying what came back', (body, message) => {
    expect(() => parseBalance(body)).toThrow(BalanceFormatError)
    expect(() => parseBalance(body)).toThrow(message)
  })
})

describe('parseBalance at the edges', () => {
  it('reads a body that starts with a byte order mark, and a balance up to a thousand trillion', () => {
    expect(parseBalance('\uFEFF{"credit":1,"free_credit":0,"referral_credits":0,"total_credits":1}').values.total).toBe(
      1
    )
    expect(
      parseBalance('{"credit":1e15,"free_credit":0,"referral_credits":0,"total_credits":-1e15}').values.total
    ).toBe(-1e15)
  })
})
