/**
 * Stands in for `@actions/exec` in the bundle (see build/tsconfig.json). @actions/core imports it
 * only for `platform.getDetails()`, which this action never calls; bundling it would load
 * child_process and @actions/io on every workflow run.
 */
export function getExecOutput(): never {
  throw new Error('@actions/exec is not bundled with this action: core.platform.getDetails() is unavailable.')
}
