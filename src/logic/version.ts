/** Names the action in the User-Agent; a unit test keeps it equal to package.json's name and version. */
export const ACTION_NAME = 'swarms-credit-balance-action'
export const ACTION_VERSION = '1.0.0'
export const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`
