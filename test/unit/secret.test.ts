import { describe, expect, it } from 'vitest'
import { FRAGMENT_LENGTH, keyForms, redact, visible } from '../../src/logic/secret.js'

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

describe('a key echoed so that it looks whole but matches no run of it', () => {
  const KEY = 'sk-SecretApiKeyValue0123456789abcdef'
  const printed = (text: string) => redact(visible(text), KEY)
  const fragments = (text: string) =>
    Array.from({ length: KEY.length - 11 }, (_, i) => KEY.slice(i, i + 12)).filter(f =>
      text.toLowerCase().includes(f.toLowerCase())
    )

  it.each([
    ['zero-width spaces between its characters', [...KEY].join('\u200b')],
    ['terminal escapes inside it', `${KEY.slice(0, 7)}\u001b[0m${KEY.slice(7, 14)}\u001b[31m${KEY.slice(14)}`],
    ['upper case', KEY.toUpperCase()],
    ['base64', Buffer.from(KEY).toString('base64')],
    ['hex', Buffer.from(KEY).toString('hex')],
    ['a direction override and a soft hyphen', `\u202e${KEY.slice(0, 10)}\u00ad${KEY.slice(10)}`]
  ])('is redacted when echoed with %s', (_how, echo) => {
    const out = printed(`detail: ${echo}.`)
    expect(out).toContain('***')
    expect(fragments(out)).toEqual([])
    expect(out.startsWith('detail: ')).toBe(true)
  })

  it('keeps what a reader sees: tabs, line feeds and ordinary text', () => {
    expect(visible('a\tb\nc ✅ ⚠️ 75.0')).toBe('a\tb\nc ✅ ⚠️ 75.0')
    expect(visible('a\r\nb\u0007c')).toBe('a\nbc')
  })
})
