/**
 * Stands in for `undici` in the bundle (see build/tsconfig.json). @actions/http-client imports
 * undici only for `HttpClient.getAgentDispatcher()`, a proxy dispatcher for `fetch`, which this action
 * never calls: its requests go through node:http/https, and through `tunnel` behind a proxy.
 * Bundling undici would make every workflow run load and evaluate ~600 kB it does not use.
 */
export class ProxyAgent {
  constructor() {
    throw new Error('undici is not bundled with this action: HttpClient.getAgentDispatcher() is unavailable.')
  }
}
