/**
 * Keeping the API key out of everything the action writes. The runner's `::add-mask::` hides the key
 * from the log only, and only whole; an API (or a proxy, or an attacker's server) can echo the key
 * escaped, encoded or cut. So every text is scrubbed of every run of the key's characters of
 * FRAGMENT_LENGTH or more, in each form the key can take in transit, before anything clips it.
 */

/** The shortest run of the key's characters that is redacted; also the shortest key accepted. */
export const FRAGMENT_LENGTH = 8
export const REDACTED = '***'

/**
 * The forms in which a key can come back: as it is; JSON-escaped (as JavaScript writes it, with `\/`,
 * and every character as `\uXXXX`); percent-encoded (as encodeURIComponent and as form encoding write
 * it, hex in either case); and HTML-escaped.
 */
export function keyForms(key: string): string[] {
  const json = JSON.stringify(key).slice(1, -1)
  const unicode = [...key].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')
  const uri = encodeURIComponent(key)
  const form = uri.replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  const html = key.replace(/[&<>"']/g, c => HTML_ENTITIES[c])
  const forms = [
    key,
    json,
    json.replace(/\//g, '\\/'),
    unicode,
    unicode.toUpperCase().replace(/\\U/g, '\\u'),
    uri,
    form,
    html
  ]
  for (const encoded of [uri, form]) forms.push(encoded.replace(/%[0-9A-F]{2}/g, s => s.toLowerCase()))
  forms.push(html.replace(/&#39;/g, '&#x27;').replace(/&quot;/g, '&#34;'))
  // Encoded whole, as a server may echo a credential: base64 (with and without padding) and hex. Not
  // for a key too short to be one, whose encodings' single characters would hide ordinary text.
  if (key.length >= FRAGMENT_LENGTH) {
    const base64 = Buffer.from(key).toString('base64')
    forms.push(base64, base64.replace(/=+$/, ''), Buffer.from(key).toString('hex'))
  }
  return [...new Set(forms)]
}

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/**
 * Replaces every run of FRAGMENT_LENGTH or more characters that also stands in the key (in any of its
 * forms) with `***`. A key shorter than FRAGMENT_LENGTH is redacted where it stands whole (its forms
 * are at least as long as the key).
 */
export function redact(text: string, key: string | undefined): string {
  if (!key || !text) return text
  const { size, windows, fold } = windowsOf(key)
  // Compared without regard to ASCII case (an echo may change it); the lowering keeps every index. A
  // key too short to be one is matched as it is, so that its few characters hide nothing else.
  const folded = fold ? asciiLower(text) : text
  let covered: Uint8Array | undefined
  for (let i = 0; i + size <= folded.length; i++) {
    if (windows.has(folded.slice(i, i + size))) (covered ??= new Uint8Array(text.length)).fill(1, i, i + size)
  }
  if (!covered) return text
  let out = ''
  for (let i = 0; i < text.length;) {
    if (covered[i]) {
      while (i < text.length && covered[i]) i++
      out += REDACTED
    } else out += text[i++]
  }
  return out
}

/**
 * Every run of the window size in every form of the key. Made on each call, no cache: a few hundred
 * short strings for a key, against the few dozen texts a run redacts.
 */
function windowsOf(key: string): { size: number; windows: Set<string>; fold: boolean } {
  const fold = key.length >= FRAGMENT_LENGTH
  const size = Math.min(FRAGMENT_LENGTH, key.length)
  const windows = new Set<string>()
  for (const form of keyForms(key).map(form => (fold ? asciiLower(form) : form))) {
    for (let i = 0; i + size <= form.length; i++) windows.add(form.slice(i, i + size))
  }
  return { size, windows, fold }
}

/** `redact` for each secret in turn: the API key, the GitHub token and its basic credential. */
export function redactAll(text: string, secrets: readonly string[]): string {
  return secrets.reduce((out, secret) => redact(out, secret), text)
}

/** ASCII letters lowered, every other character kept: the same length, so indices still match. */
function asciiLower(text: string): string {
  return text.replace(/[A-Z]+/g, run => run.toLowerCase())
}

/**
 * The text without what a reader cannot see: terminal escape sequences, control characters (but tab
 * and line feed) and Unicode format characters (zero-width spaces and joiners, direction overrides).
 * An echo can split the key with them so that it looks whole but matches no run of it; once they are
 * gone, redaction sees the key as a reader would.
 */
export function visible(text: string): string {
  return text.replace(ESCAPES, '').replace(UNSEEN, '')
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]/g
// eslint-disable-next-line no-control-regex -- as above
const UNSEEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]|\p{Cf}/gu
