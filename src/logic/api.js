// Names the Swarms API and the runner define, stated once for the action, the scripts and the tests.
// JavaScript, so that the scripts (which run under plain Node, with no TypeScript step) can import it.

/** The credit-balance endpoint, below `base-url`. */
export const CREDITS_PATH = '/v1/account/credits'

/**
 * The environment variable through which the runner passes input `name`: `INPUT_`, then the name in
 * capitals with spaces as underscores (the rule of @actions/core's getInput).
 * @param {string} name
 * @returns {string}
 */
export function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}
