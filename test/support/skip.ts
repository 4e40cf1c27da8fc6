// The one way a test says it cannot run on this machine. A skip names its id and why; it is shown in
// the run (vitest lists it as skipped, with the reason). Under REQUIRE_ALL_TESTS=1 (CI), a skip is a
// failure naming the id and the reason, unless the id is listed in EXPECTED_SKIPS (comma-separated):
// the only skips CI accepts are the ones it was told to expect. CONTRIBUTING.md lists the ids.
import type { TestContext } from 'vitest'

/** The ids of the skips the suite knows; EXPECTED_SKIPS may list only these. */
export const SKIP_IDS = ['chromium', 'ipv6', 'local-action'] as const
export type SkipId = (typeof SKIP_IDS)[number]

/** Why `id` is skipped, as the run shows it. */
function note(id: SkipId, reason: string): string {
  return `skipped (${id}): ${reason}`
}

/**
 * Why a skip of `id` is refused in this environment, or undefined when it is allowed: refused under
 * REQUIRE_ALL_TESTS=1 unless EXPECTED_SKIPS lists `id`. An EXPECTED_SKIPS naming no known skip is refused
 * too, so that a typo there cannot pass unnoticed.
 */
export function skipRefusal(env: NodeJS.ProcessEnv, id: SkipId, reason: string): string | undefined {
  const expected = (env.EXPECTED_SKIPS ?? '')
    .split(',')
    .map(name => name.trim())
    .filter(Boolean)
  const unknown = expected.filter(name => !(SKIP_IDS as readonly string[]).includes(name))
  if (unknown.length > 0)
    return `EXPECTED_SKIPS names ${unknown.join(', ')}: no skip of this suite (${SKIP_IDS.join(', ')})`
  if (env.REQUIRE_ALL_TESTS !== '1' || expected.includes(id)) return undefined
  return `REQUIRE_ALL_TESTS=1 and this test would be ${note(id, reason)}. Provide what it needs, or list "${id}" in EXPECTED_SKIPS.`
}

function refuseSkip(id: SkipId, reason: string): void {
  const refusal = skipRefusal(process.env, id, reason)
  if (refusal) throw new Error(refusal)
}

/**
 * For a condition known when the file loads: true when the tests may run. When they may not, it says so
 * once on the console and the caller skips them (`it.runIf(runs)`); under REQUIRE_ALL_TESTS=1 it throws
 * instead, failing the file with the reason.
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
