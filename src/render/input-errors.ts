/**
 * The words of an invalid input: one line that names the input, repeats the bad value (quoted, on one
 * line, clipped; never the key) and says what it accepts. One switch over the problem's kind.
 */
import { clip, oneLine } from '../logic/errors.js'
import type { InputProblem } from '../logic/inputs.js'

/** The most characters of a bad value an error message repeats. */
export const ECHO_LIMIT = 100

/** A bad value as an error message repeats it: quoted, on one line, at most ECHO_LIMIT characters. */
function echo(text: string): string {
  return JSON.stringify(clip(oneLine(text), ECHO_LIMIT))
}

export function inputErrorText(problem: InputProblem): string {
  switch (problem.kind) {
    case 'no-key':
      return 'No Swarms API key: set the `api-key` input (for example `api-key: ${{ secrets.SWARMS_API_KEY }}`) or the SWARMS_API_KEY environment variable.'
    case 'not-a-key':
      // Never echo the key: say only what is wrong with it.
      return `Input \`api-key\` (or SWARMS_API_KEY) is not an API key: a key is at least ${problem.minLength} characters of printable ASCII without spaces. Paste the key alone, with nothing around it.`
    case 'needs-history':
      return `Input \`${problem.input}\` needs \`history-file\` or \`history-branch\`: it is computed from the history of readings.`
    case 'not-decimal':
      return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a non-negative decimal number, such as 10 or 0.5.`
    case 'not-whole':
      return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a whole number from ${problem.min} to ${problem.max}.`
    case 'not-timeout':
      return `Input \`timeout-seconds\` is ${echo(problem.value)}: it must be a number of seconds above 0 and at most ${problem.max}, such as 30.`
    case 'not-factor':
      return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a decimal number above 1, such as 3.`
    case 'not-credit-type':
      return `Input \`credit-type\` is ${echo(problem.value)}: it must be one of ${problem.types.join(', ')}.`
    case 'not-boolean':
      return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be true or false.`
    case 'not-url':
      return `Input \`base-url\` is ${echo(problem.value)}: it is not a URL; use the API's address, such as ${problem.example}.`
    case 'not-https':
      return `Input \`base-url\` is ${echo(problem.value)}: https is required (plain http is accepted only for a loopback host such as 127.0.0.1).`
    case 'url-extras':
      return `Input \`base-url\` is ${echo(`${problem.value}…`)}: it must be the API's address alone, with no credentials, query or fragment.`
    case 'not-branch':
      return `Input \`history-branch\` is ${echo(problem.value)}: it must be a branch name git accepts (letters, digits, ., _, - and / between parts, such as swarms-credit-history).`
    case 'not-branch-file':
      return `Input \`history-file\` ends in ${echo(problem.value)}, which cannot name the history's file on \`history-branch\`: use a name of letters, digits, ., _ and - (or leave history-file empty for ${problem.fallback}).`
    case 'no-token':
      return 'Input `github-token` is empty: `history-branch` needs a token that can read and write the repository (the default, ${{ github.token }}, with `permissions: contents: write`).'
    case 'not-token':
      // Never echo the token: say only what is wrong with it.
      return 'Input `github-token` is not a token: a token is printable ASCII without spaces. Pass the token alone, such as ${{ github.token }}.'
    case 'not-repository':
      return `\`history-branch\` needs the workflow's repository, and GITHUB_REPOSITORY is ${echo(problem.value)}: it must be owner/name (the runner sets it).`
    case 'not-server':
      return `\`history-branch\` needs the GitHub server's address, and GITHUB_SERVER_URL is ${echo(problem.value)}: it must be an https URL with nothing but a host and a path (plain http only to a loopback host).`
    default:
      return unreachable(problem)
  }
}

function unreachable(problem: never): never {
  throw new Error(`no words for the input problem ${JSON.stringify(problem)}`)
}
