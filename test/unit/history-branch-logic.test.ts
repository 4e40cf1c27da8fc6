import { describe, expect, it } from 'vitest'
import {
  BACKOFF_BASE_MS,
  BACKOFF_CAP_MS,
  backoffMs,
  classifyGitFailure,
  gitReason,
  isBranchFileName,
  isBranchName
} from '../../src/logic/history-branch.js'
import { ActionError } from '../../src/logic/errors.js'
import { readInputs, type Env, InputError } from '../../src/logic/inputs.js'
import { inputErrorText } from '../../src/render/input-errors.js'

describe('backoffMs', () => {
  it('doubles from the base up to the cap, half of each step jittered', () => {
    expect(backoffMs(0, 0)).toBe(BACKOFF_BASE_MS / 2)
    expect(backoffMs(0, 0.999)).toBeCloseTo(BACKOFF_BASE_MS, -1)
    expect(backoffMs(3, 0)).toBe((BACKOFF_BASE_MS * 8) / 2)
    expect(backoffMs(30, 0.5)).toBe(BACKOFF_CAP_MS * 0.75)
  })
})

describe('branch and file names', () => {
  it.each(['swarms-credit-history', 'metrics/swarms', 'a_b.c'])('accepts %s', name => {
    expect(isBranchName(name)).toBe(true)
  })
  it.each(['', '-x', 'a..b', 'a/.b', 'a.lock', 'a//b', 'a/', 'a b', 'a~1', 'a:b', 'a^', 'refs@{1}'])(
    'refuses %j',
    name => expect(isBranchName(name)).toBe(false)
  )
  it('takes one path part as a file name', () => {
    expect(isBranchFileName('history.jsonl')).toBe(true)
    for (const name of ['a/b', '..', '.git', 'a b', '']) expect(isBranchFileName(name), name).toBe(false)
  })
})

describe('classifyGitFailure', () => {
  it.each([
    ["fatal: couldn't find remote ref refs/heads/x", 'no-branch'],
    ['!\trefs/heads/x:refs/heads/x\t[rejected] (stale info)', 'conflict'],
    ['!\tabc:refs/heads/x\t[rejected] (fetch first)', 'conflict'],
    ['!\tabc:refs/heads/x\t[remote rejected] (cannot lock ref: is at 1 but expected 2)', 'conflict'],
    ["fatal: could not read Username for 'https://github.com': terminal prompts disabled", 'rejected-token'],
    ["fatal: unable to access 'https://x/': The requested URL returned error: 401", 'rejected-token'],
    ["fatal: unable to access 'https://x/': The requested URL returned error: 403", 'forbidden'],
    ["remote: Repository not found.\nfatal: repository 'https://x/' not found", 'not-found'],
    ['fatal: the remote end hung up unexpectedly', 'other']
  ])('%s is %s', (text, kind) => {
    expect(classifyGitFailure('', text)).toBe(kind)
  })

  it("keeps git's fatal line, one line, clipped", () => {
    expect(gitReason('remote: x\nfatal: unable to access: boom\n')).toBe('unable to access: boom')
    expect(gitReason('a'.repeat(400)).length).toBe(301)
    // A refused push: the server's reason, not the line that says some refs failed.
    const refused = gitReason(
      "To http://127.0.0.1/o/r.git\n!\trefs/heads/w:refs/heads/h\t[remote rejected] (pre-receive hook declined)\nDone\nerror: failed to push some refs to 'http://127.0.0.1/o/r.git'\n"
    )
    expect(refused).toContain('pre-receive hook declined')
    expect(gitReason('')).toBe('no message')
  })
})

describe('readInputs with history-branch', () => {
  const env: Env = {
    'INPUT_API-KEY': 'sk-abcdef12',
    'INPUT_HISTORY-BRANCH': 'swarms-credit-history',
    'INPUT_GITHUB-TOKEN': 'ghs_0123456789abcdef',
    GITHUB_SERVER_URL: 'https://github.example.com/',
    GITHUB_REPOSITORY: 'octo/app'
  }
  const failure = (over: Env): ActionError => {
    try {
      readInputs({ ...env, ...over }, '/w')
    } catch (error) {
      if (error instanceof ActionError) return error
      throw error
    }
    throw new Error('accepted')
  }

  it('addresses the workflow repository on its server, with the default file name, over the file', () => {
    expect(readInputs(env, '/w').historyBranch).toEqual({
      branch: 'swarms-credit-history',
      file: 'swarms-credit-history.jsonl',
      repository: 'octo/app',
      remote: 'https://github.example.com/octo/app.git',
      token: 'ghs_0123456789abcdef'
    })
    const both = readInputs(
      {
        ...env,
        'INPUT_HISTORY-FILE': '.swarms/credits.jsonl',
        'INPUT_MINIMUM-DAYS-REMAINING': '3'
      },
      '/w'
    )
    expect(both.historyBranch?.file).toBe('credits.jsonl')
    expect(both.historyFile).toBeUndefined()
    expect(readInputs({ ...env, GITHUB_SERVER_URL: 'http://127.0.0.1:9' }, '/w').historyBranch?.remote).toBe(
      'http://127.0.0.1:9/octo/app.git'
    )
  })

  it.each([
    [{ 'INPUT_HISTORY-BRANCH': 'a..b' }, /`history-branch` is "a..b"/],
    [{ 'INPUT_GITHUB-TOKEN': '' }, /`github-token` is empty/],
    [{ 'INPUT_GITHUB-TOKEN': 'ghs abc' }, /`github-token` is not a token/],
    [{ GITHUB_REPOSITORY: '' }, /GITHUB_REPOSITORY/],
    [{ GITHUB_SERVER_URL: 'http://github.example.com' }, /GITHUB_SERVER_URL.*https/],
    [{ GITHUB_SERVER_URL: 'https://user:pw@github.example.com' }, /GITHUB_SERVER_URL/],
    [{ 'INPUT_HISTORY-FILE': 'h i.jsonl' }, /`history-file` ends in "h i.jsonl"/]
  ])('refuses %j before any request, naming it', (over, message) => {
    const error = failure(over as Env)
    expect(error.kind).toBe('input')
    expect(error).toBeInstanceOf(InputError)
    expect(inputErrorText((error as InputError).problem)).toMatch(message)
  })

  it('never repeats the token', () => {
    expect(failure({ 'INPUT_GITHUB-TOKEN': 'ghs_secret value' }).message).not.toContain('secret')
  })

  it('lets the gates use the branch as their history', () => {
    expect(readInputs({ ...env, 'INPUT_MONTHLY-BUDGET': '5' }, '/w').monthlyBudget).toBe(5)
  })
})
