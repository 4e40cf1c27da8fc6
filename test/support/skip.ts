// The one way a test says it cannot run on this machine. A skip names its id and why; it is shown in
// the run (vitest lists it as skipped, with the reason). Under REQUIRE_ALL_TESTS=1 (CI), a skip is a
// failure naming the id and the reason, unless the id is listed in EXPECTED_SKIPS (comma-separated):
// the only skips CI accepts are the ones it was told to expect.
import type { TestContext } from 'vitest'

/** The ids of the skips the suite knows; EXPECTED_SKIPS may list only these. */
export const SKIP_IDS = ['chromium', 'ipv6', 'local-action'] as const
export type SkipId = (typeof SKIP_IDS)[number]

const requireAll = process.env.REQUIRE_ALL_TESTS === '1'
const expected = new Set(
  (process.env.EXPECTED_SKIPS ?? '')
    .split(',')
    .map(id => id.trim())
    .filter(Boolean)
)
for (const id of expected) {
  if (!(SKIP_IDS as readonly string[]).includes(id)) {
    throw new Error(`EXPECTED_SKIPS names "${id}", which is no skip of this suite (${SKIP_IDS.join(', ')})`)
  }
}

/** Why `id` is skipped, as the run shows it. */
function note(id: SkipId, reason: string): string {
  return `skipped (${id}): ${reason}`
}

/** Throws when a skip of `id` is not allowed here: REQUIRE_ALL_TESTS=1 without `id` in EXPECTED_SKIPS. */
export function refuseSkip(id: SkipId, reason: string): void {
  if (requireAll && !expected.has(id)) {
    throw new Error(
      `REQUIRE_ALL_TESTS=1 and this test would be ${note(id, reason)}. Provide what it needs, or list "${id}" in EXPECTED_SKIPS.`
    )
  }
}

/**
 * For a condition known when the file loads: true when the tests may run. When they may not, it says so
 * once on the console and the caller skips them (`describe.skipIf(!runs)`); under REQUIRE_ALL_TESTS=1
 * it throws instead, failing the file with the reason.
 */
export function canRun(id: SkipId, condition: boolean, reason: string): boolean {
  if (condition) return true
  refuseSkip(id, reason)
  console.log(note(id, reason))
  return false
}

/** For a condition found inside a test: skips it with the reason, or fails it under REQUIRE_ALL_TESTS=1. */
export function skipTest(context: TestContext, id: SkipId, reason: string): never {
  refuseSkip(id, reason)
  return context.skip(note(id, reason))
}
