/**
 * The failures a user can meet, each with a one-line message that says what happened and what to do.
 *
 * `kind` decides how the action treats it:
 * - `input`: an input is invalid; found before any request. Always fails.
 * - `rejected`: the API refused the key (401/403). Always fails: a configuration error.
 * - `request`: the API refused the request for another reason (other 4xx, a redirect). Always fails.
 * - `outage`: the API could not be read (network, timeout, 408/429/5xx after retries, a body that is
 *   not a balance). Fails unless `fail-on-api-error` is false.
 */
export type FailureKind = 'input' | 'rejected' | 'request' | 'outage'

export class ActionError extends Error {
  readonly kind: FailureKind

  constructor(kind: FailureKind, message: string) {
    super(oneLine(message))
    this.name = 'ActionError'
    this.kind = kind
  }
}

/** Collapses whitespace runs (newlines included) so that a message stays one annotation line. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** Cuts a text to `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
