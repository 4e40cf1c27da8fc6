import { describe, expect, it } from 'vitest'
import { FRAGMENT_LENGTH, keyForms, redact } from '../../src/logic/secret.js'

const KEY = 'sk-0123456789abcdef0123456789abcdef'

describe('redact', () => {
  it('removes the key whole, and every run of 8 or more of its characters', () => {
    expect(redact(`key ${KEY} end`, KEY)).toBe('key *** end')
    expect(redact(`cut ${KEY.slice(0, 20)}… and ${KEY.slice(-9)}`, KEY)).toBe('cut ***… and ***')
    expect(redact(`short ${KEY.slice(3, 3 + FRAGMENT_LENGTH - 1)} stays`, KEY)).toContain(KEY.slice(3, 10))
  })

  it('removes the key JSON-escaped and URL-encoded, in either case', () => {
    const key = 'sk-"a\\b"/c+d=0123'
    expect(keyForms(key)).toEqual(expect.arrayContaining([key, 'sk-\\"a\\\\b\\"/c+d=0123', encodeURIComponent(key)]))
    for (const form of keyForms(key)) expect(redact(`[${form}]`, key)).toBe('[***]')
    const lowerEscapes = encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, escape => escape.toLowerCase())
    expect(lowerEscapes).not.toBe(encodeURIComponent(key))
    expect(redact(`[${lowerEscapes}]`, key)).toBe('[***]')
  })

  it('removes the key form-encoded, \\u-escaped, with escaped slashes, and HTML-escaped', () => {
    const key = "Abcdefg!hijklm/nop&qrs'tuvw(xyz)*0"
    const echoes = [
      'Abcdefg%21hijklm%2Fnop%26qrs%27tuvw%28xyz%29%2A0',
      'Abcdefg%21hijklm%2fnop%26qrs%27tuvw%28xyz%29%2a0',
      [...key].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join(''),
      "Abcdefg!hijklm\\/nop&qrs'tuvw(xyz)*0",
      'Abcdefg!hijklm/nop&amp;qrs&#39;tuvw(xyz)*0'
    ]
    for (const echo of echoes) expect(redact(`<${echo}>`, key), echo).toBe('<***>')
  })

  it('leaves text without the key alone, and does nothing without a key', () => {
    const json = '{"credit": 50.0, "free_credit": 20.0}'
    expect(redact(json, KEY)).toBe(json)
    expect(redact(`x ${KEY}`, '')).toBe(`x ${KEY}`)
  })

  it('keeps JSON valid when the key stands inside a string', () => {
    const body = `{"credit":1,"echo":"${KEY}"}`
    expect(JSON.parse(redact(body, KEY))).toEqual({ credit: 1, echo: '***' })
  })
})
