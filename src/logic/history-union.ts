/**
 * The union of histories: what two runs that wrote the same history at once both kept, each reading
 * once. A reading is its time and its four values; the same time with other values (two runs that read
 * the balance in the same millisecond and got different answers) keeps both. Sorted oldest first,
 * stable, so that the newest `limit` are the last ones. Pure; kept apart so that the history module's
 * own merge can take its place.
 */
import { CREDIT_TYPES } from './balance.js'
import { sortReadings, type Reading } from './trend.js'

/** Every reading of every list, each once, oldest first. */
export function unionReadings(...lists: readonly (readonly Reading[])[]): Reading[] {
  const seen = new Set<string>()
  const union: Reading[] = []
  for (const list of lists) {
    for (const reading of list) {
      const key = `${reading.at}|${CREDIT_TYPES.map(type => reading.values[type]).join('|')}`
      if (seen.has(key)) continue
      seen.add(key)
      union.push(reading)
    }
  }
  return sortReadings(union)
}

/** Whether two histories hold the same readings in the same order. */
export function sameReadings(a: readonly Reading[], b: readonly Reading[]): boolean {
  return (
    a.length === b.length &&
    a.every((r, i) => r.at === b[i].at && CREDIT_TYPES.every(type => r.values[type] === b[i].values[type]))
  )
}
