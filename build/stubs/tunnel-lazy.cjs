// Stands in for `tunnel` in the bundle (see build/tsconfig.json): the same four agent factories, but
// the real module (which also loads assert) is evaluated only when a request goes through a proxy.
// @actions/http-client imports tunnel on start-up; most runs never use it.
//
// tunnel builds the Proxy-Authorization header with the deprecated `new Buffer()`, which prints
// DEP0005 on stderr on every run through a proxy with credentials. The agent is given the header
// ready-made instead, so tunnel never takes that path.
'use strict'
let tunnel
const load = () => (tunnel ??= require('../../node_modules/tunnel/index.js'))

function withProxyAuthorization(agent) {
  const auth = agent.proxyOptions && agent.proxyOptions.proxyAuth
  if (!auth) return agent
  const header = `Basic ${Buffer.from(auth).toString('base64')}`
  const request = agent.request
  agent.proxyOptions = { ...agent.proxyOptions, proxyAuth: undefined }
  agent.request = options => request({ ...options, headers: { ...options.headers, 'Proxy-Authorization': header } })
  return agent
}

exports.httpOverHttp = options => withProxyAuthorization(load().httpOverHttp(options))
exports.httpsOverHttp = options => withProxyAuthorization(load().httpsOverHttp(options))
exports.httpOverHttps = options => withProxyAuthorization(load().httpOverHttps(options))
exports.httpsOverHttps = options => withProxyAuthorization(load().httpsOverHttps(options))
