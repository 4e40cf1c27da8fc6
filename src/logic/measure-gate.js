// Whether the post step may have a job to measure: the one check its entry makes before loading
// anything else, so that a job that does not measure pays for no more than Node's start (see README,
// What a job costs). JavaScript with no import but api.js, so that the post bundle's entry stays tiny.
// Only a clear "no" skips the rest: measure-job empty or false and max-job-spend empty. Any other value
// (an invalid one included) goes to the full post step, which validates the inputs as the main step does.
import { inputVariable } from './api.js'

/** The values of a boolean input that mean false, as the YAML 1.2 core schema writes them. */
export const FALSE_VALUES = ['false', 'False', 'FALSE']

/**
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {boolean}
 */
export function mayMeasure(env) {
  const measure = (env[inputVariable('measure-job')] ?? '').trim()
  const limit = (env[inputVariable('max-job-spend')] ?? '').trim()
  return limit !== '' || (measure !== '' && !FALSE_VALUES.includes(measure))
}
