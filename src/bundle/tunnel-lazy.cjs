// Stands in for `tunnel` in the bundle (see tsconfig.json `paths`): the same four agent factories, but
// the real module (which also loads assert) is evaluated only when a request goes through a proxy.
// @actions/http-client imports tunnel on start-up; most runs never use it.
'use strict'
let tunnel
const load = () => (tunnel ??= require('../../node_modules/tunnel/index.js'))

exports.httpOverHttp = options => load().httpOverHttp(options)
exports.httpsOverHttp = options => load().httpsOverHttp(options)
exports.httpOverHttps = options => load().httpOverHttps(options)
exports.httpsOverHttps = options => load().httpsOverHttps(options)
