import { describe, expect, it } from 'vitest'
import { printable } from '../../src/io/toolkit.js'
import { notAHistoryMessage } from '../../src/render/messages.js'

describe('a history path in a message', () => {
  it('is shown as it is: a Windows path with single backslashes', () => {
    const path = 'D:\\a\\repo\\repo\\.swarms\\history.jsonl'
    const message = notAHistoryMessage(path, 'a directory')
    expect(message).toContain(`"${path}"`)
    expect(message).not.toContain('\\\\')
  })

  it('that holds a command is neutralised where it is printed', () => {
    const message = printable(notAHistoryMessage('/w/##[stop-commands]x', 'a directory'), 'sk-unrelated-key')
    expect(message).toContain('"/w/##\\[stop-commands]x"')
  })
})
