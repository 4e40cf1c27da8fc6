/******/ (() => { // webpackBootstrap
/******/ 	var __webpack_modules__ = ({

/***/ 776:
/***/ ((module, __unused_webpack_exports, __nccwpck_require__) => {

module.exports = __nccwpck_require__(488);


/***/ }),

/***/ 488:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";


var net = __nccwpck_require__(278);
var tls = __nccwpck_require__(756);
var http = __nccwpck_require__(611);
var https = __nccwpck_require__(692);
var events = __nccwpck_require__(434);
var assert = __nccwpck_require__(613);
var util = __nccwpck_require__(23);


exports.httpOverHttp = httpOverHttp;
exports.httpsOverHttp = httpsOverHttp;
exports.httpOverHttps = httpOverHttps;
exports.httpsOverHttps = httpsOverHttps;


function httpOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  return agent;
}

function httpsOverHttp(options) {
  var agent = new TunnelingAgent(options);
  agent.request = http.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}

function httpOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  return agent;
}

function httpsOverHttps(options) {
  var agent = new TunnelingAgent(options);
  agent.request = https.request;
  agent.createSocket = createSecureSocket;
  agent.defaultPort = 443;
  return agent;
}


function TunnelingAgent(options) {
  var self = this;
  self.options = options || {};
  self.proxyOptions = self.options.proxy || {};
  self.maxSockets = self.options.maxSockets || http.Agent.defaultMaxSockets;
  self.requests = [];
  self.sockets = [];

  self.on('free', function onFree(socket, host, port, localAddress) {
    var options = toOptions(host, port, localAddress);
    for (var i = 0, len = self.requests.length; i < len; ++i) {
      var pending = self.requests[i];
      if (pending.host === options.host && pending.port === options.port) {
        // Detect the request to connect same origin server,
        // reuse the connection.
        self.requests.splice(i, 1);
        pending.request.onSocket(socket);
        return;
      }
    }
    socket.destroy();
    self.removeSocket(socket);
  });
}
util.inherits(TunnelingAgent, events.EventEmitter);

TunnelingAgent.prototype.addRequest = function addRequest(req, host, port, localAddress) {
  var self = this;
  var options = mergeOptions({request: req}, self.options, toOptions(host, port, localAddress));

  if (self.sockets.length >= this.maxSockets) {
    // We are over limit so we'll add it to the queue.
    self.requests.push(options);
    return;
  }

  // If we are under maxSockets create a new one.
  self.createSocket(options, function(socket) {
    socket.on('free', onFree);
    socket.on('close', onCloseOrRemove);
    socket.on('agentRemove', onCloseOrRemove);
    req.onSocket(socket);

    function onFree() {
      self.emit('free', socket, options);
    }

    function onCloseOrRemove(err) {
      self.removeSocket(socket);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onCloseOrRemove);
      socket.removeListener('agentRemove', onCloseOrRemove);
    }
  });
};

TunnelingAgent.prototype.createSocket = function createSocket(options, cb) {
  var self = this;
  var placeholder = {};
  self.sockets.push(placeholder);

  var connectOptions = mergeOptions({}, self.proxyOptions, {
    method: 'CONNECT',
    path: options.host + ':' + options.port,
    agent: false,
    headers: {
      host: options.host + ':' + options.port
    }
  });
  if (options.localAddress) {
    connectOptions.localAddress = options.localAddress;
  }
  if (connectOptions.proxyAuth) {
    connectOptions.headers = connectOptions.headers || {};
    connectOptions.headers['Proxy-Authorization'] = 'Basic ' +
        new Buffer(connectOptions.proxyAuth).toString('base64');
  }

  debug('making CONNECT request');
  var connectReq = self.request(connectOptions);
  connectReq.useChunkedEncodingByDefault = false; // for v0.6
  connectReq.once('response', onResponse); // for v0.6
  connectReq.once('upgrade', onUpgrade);   // for v0.6
  connectReq.once('connect', onConnect);   // for v0.7 or later
  connectReq.once('error', onError);
  connectReq.end();

  function onResponse(res) {
    // Very hacky. This is necessary to avoid http-parser leaks.
    res.upgrade = true;
  }

  function onUpgrade(res, socket, head) {
    // Hacky.
    process.nextTick(function() {
      onConnect(res, socket, head);
    });
  }

  function onConnect(res, socket, head) {
    connectReq.removeAllListeners();
    socket.removeAllListeners();

    if (res.statusCode !== 200) {
      debug('tunneling socket could not be established, statusCode=%d',
        res.statusCode);
      socket.destroy();
      var error = new Error('tunneling socket could not be established, ' +
        'statusCode=' + res.statusCode);
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    if (head.length > 0) {
      debug('got illegal response body from proxy');
      socket.destroy();
      var error = new Error('got illegal response body from proxy');
      error.code = 'ECONNRESET';
      options.request.emit('error', error);
      self.removeSocket(placeholder);
      return;
    }
    debug('tunneling connection has established');
    self.sockets[self.sockets.indexOf(placeholder)] = socket;
    return cb(socket);
  }

  function onError(cause) {
    connectReq.removeAllListeners();

    debug('tunneling socket could not be established, cause=%s\n',
          cause.message, cause.stack);
    var error = new Error('tunneling socket could not be established, ' +
                          'cause=' + cause.message);
    error.code = 'ECONNRESET';
    options.request.emit('error', error);
    self.removeSocket(placeholder);
  }
};

TunnelingAgent.prototype.removeSocket = function removeSocket(socket) {
  var pos = this.sockets.indexOf(socket)
  if (pos === -1) {
    return;
  }
  this.sockets.splice(pos, 1);

  var pending = this.requests.shift();
  if (pending) {
    // If we have pending requests and a socket gets closed a new one
    // needs to be created to take over in the pool for the one that closed.
    this.createSocket(pending, function(socket) {
      pending.request.onSocket(socket);
    });
  }
};

function createSecureSocket(options, cb) {
  var self = this;
  TunnelingAgent.prototype.createSocket.call(self, options, function(socket) {
    var hostHeader = options.request.getHeader('host');
    var tlsOptions = mergeOptions({}, self.options, {
      socket: socket,
      servername: hostHeader ? hostHeader.replace(/:.*$/, '') : options.host
    });

    // 0 is dummy port for v0.6
    var secureSocket = tls.connect(0, tlsOptions);
    self.sockets[self.sockets.indexOf(socket)] = secureSocket;
    cb(secureSocket);
  });
}


function toOptions(host, port, localAddress) {
  if (typeof host === 'string') { // since v0.10
    return {
      host: host,
      port: port,
      localAddress: localAddress
    };
  }
  return host; // for v0.11 or later
}

function mergeOptions(target) {
  for (var i = 1, len = arguments.length; i < len; ++i) {
    var overrides = arguments[i];
    if (typeof overrides === 'object') {
      var keys = Object.keys(overrides);
      for (var j = 0, keyLen = keys.length; j < keyLen; ++j) {
        var k = keys[j];
        if (overrides[k] !== undefined) {
          target[k] = overrides[k];
        }
      }
    }
  }
  return target;
}


var debug;
if (process.env.NODE_DEBUG && /\btunnel\b/.test(process.env.NODE_DEBUG)) {
  debug = function() {
    var args = Array.prototype.slice.call(arguments);
    if (typeof args[0] === 'string') {
      args[0] = 'TUNNEL: ' + args[0];
    } else {
      args.unshift('TUNNEL:');
    }
    console.error.apply(console, args);
  }
} else {
  debug = function() {};
}
exports.debug = debug; // for test


/***/ }),

/***/ 911:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.Pq = setSecret;
exports.uH = setOutput;
exports.pq = info;
exports.Yz = debug;
exports.$e = warning;
exports.lm = notice;
exports.LZ = saveState;
__webpack_unused_export__ = error;
exports.C1 = setFailed;
const node_os_1 = __nccwpck_require__(161);
const command_js_1 = __nccwpck_require__(689);
const file_command_js_1 = __nccwpck_require__(215);
const utils_js_1 = __nccwpck_require__(165);
function setSecret(secret) {
    (0, command_js_1.issueCommand)('add-mask', {}, secret);
}
function setOutput(name, value) {
    if (process.env['GITHUB_OUTPUT'])
        return (0, file_command_js_1.issueFileCommand)('OUTPUT', (0, file_command_js_1.prepareKeyValueMessage)(name, value));
    process.stdout.write(node_os_1.EOL);
    (0, command_js_1.issueCommand)('set-output', { name }, (0, utils_js_1.toCommandValue)(value));
}
function info(message) {
    process.stdout.write(message + node_os_1.EOL);
}
function debug(message) {
    (0, command_js_1.issueCommand)('debug', {}, message);
}
function warning(message) {
    (0, command_js_1.issueCommand)('warning', {}, message);
}
function notice(message) {
    (0, command_js_1.issueCommand)('notice', {}, message);
}
function saveState(name, value) {
    if (process.env['GITHUB_STATE'])
        return (0, file_command_js_1.issueFileCommand)('STATE', (0, file_command_js_1.prepareKeyValueMessage)(name, value));
    (0, command_js_1.issueCommand)('save-state', { name }, (0, utils_js_1.toCommandValue)(value));
}
function error(message) {
    (0, command_js_1.issueCommand)('error', {}, message);
}
function setFailed(message) {
    process.exitCode = 1;
    error(message);
}


/***/ }),

/***/ 436:
/***/ ((__unused_webpack_module, exports) => {

"use strict";
var __webpack_unused_export__;

__webpack_unused_export__ = ({ value: true });
exports.k = void 0;
class ProxyAgent {
    constructor() {
        throw new Error('undici is not bundled with this action: HttpClient.getAgentDispatcher() is unavailable.');
    }
}
exports.k = ProxyAgent;


/***/ }),

/***/ 524:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

"use strict";

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ runPost)
});

// UNUSED EXPORTS: STATE_VARIABLE

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = require("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = require("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = require("node:path");
;// CONCATENATED MODULE: ../src/logic/errors.ts
class errors_ActionError extends Error {
    kind;
    constructor(kind, message) {
        super(errors_oneLine(message));
        this.name = 'ActionError';
        this.kind = kind;
    }
}
function errors_oneLine(text) {
    return text.replace(/\s+/g, ' ').trim();
}
function errors_clip(text, max) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}

;// CONCATENATED MODULE: ../src/logic/balance.ts

const balance_SPENDING_ORDER = ['free', 'regular', 'referral'];
const balance_CREDIT_TYPES = ['total', ...balance_SPENDING_ORDER];
const API_FIELDS = {
    regular: 'credit',
    free: 'free_credit',
    referral: 'referral_credits',
    total: 'total_credits'
};
class BalanceFormatError extends Error {
    constructor(message) {
        super(message);
        this.name = 'BalanceFormatError';
    }
}
const MAX_CREDITS = 1e15;
function isCredits(value) {
    return Number.isFinite(value) && Math.abs(value) <= MAX_CREDITS;
}
const NUMERIC_STRING = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
function parseBalance(body, scrub = text => text) {
    const sources = new WeakMap();
    let parsed;
    try {
        parsed = JSON.parse(body.replace(/^\uFEFF/, ''), function (key, value, context) {
            if (typeof value === 'number' && context?.source !== undefined) {
                let own = sources.get(this);
                if (!own)
                    sources.set(this, (own = new Map()));
                own.set(key, context.source);
            }
            return value;
        });
    }
    catch {
        throw new BalanceFormatError(`the body is not JSON (${describeText(scrub(body))})`);
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
        throw new BalanceFormatError(`the body is JSON ${describeJson(parsed, scrub)}, not an object`);
    }
    const object = parsed;
    const values = {};
    const texts = {};
    for (const type of balance_CREDIT_TYPES) {
        const field = API_FIELDS[type];
        const [value, text] = readNumber(object, field, sources.get(object)?.get(field), scrub);
        values[type] = value;
        texts[type] = text;
    }
    return { values, texts, json: body.trim() };
}
function readNumber(object, field, source, scrub) {
    if (!(field in object))
        throw new BalanceFormatError(`the field "${field}" is missing`);
    const raw = object[field];
    if (typeof raw === 'number' && isCredits(raw))
        return [raw, source ?? String(raw)];
    if (typeof raw === 'string' && NUMERIC_STRING.test(raw.trim())) {
        const value = Number(raw.trim());
        if (isCredits(value))
            return [value, raw.trim()];
    }
    const kind = typeof raw === 'number' || (typeof raw === 'string' && NUMERIC_STRING.test(raw.trim())) ? 'a balance' : 'a number';
    throw new BalanceFormatError(`the field "${field}" is ${describeJson(raw, scrub)}, not ${kind}`);
}
function describeJson(value, scrub) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    if (typeof value === 'string')
        return `the string ${JSON.stringify(errors_clip(scrub(value), 40))}`;
    if (typeof value === 'object')
        return 'an object';
    return `${typeof value} ${String(value)}`;
}
function describeText(body) {
    const trimmed = body.trim();
    if (trimmed === '')
        return 'it is empty';
    return `it starts with ${JSON.stringify(errors_clip(trimmed.replace(/\s+/g, ' '), 60))}`;
}

;// CONCATENATED MODULE: ../src/logic/trend.ts
const trend_DAY_MS = 86_400_000;
const trend_HOUR_MS = 3_600_000;
const WINDOW_DAYS = 7;
const MIN_WINDOW_MS = trend_HOUR_MS;
const MAX_FORECAST_DAYS = 36_500;
const trend_SPEND_EPSILON = 0.000001;
function trend_exceeds(amount, limit) {
    return amount - limit > trend_SPEND_EPSILON;
}
function trend_seriesTo(readings, current) {
    return [...trend_sortReadings(readings.filter(r => r !== current && r.at <= current.at)), current];
}
function trend_burnWindow(series) {
    const current = series[series.length - 1];
    const cutoff = current.at - WINDOW_DAYS * trend_DAY_MS;
    let start = 0;
    for (let i = 0; i < series.length - 1; i++)
        if (series[i].at <= cutoff)
            start = i;
    return series.slice(start);
}
function trend_fall(before, after) {
    const spent = before - after;
    return spent >= trend_SPEND_EPSILON - 1e-12 ? spent : 0;
}
function trend_burnRate(window, type) {
    const spanMs = spanOf(window);
    if (!(spanMs >= MIN_WINDOW_MS))
        return undefined;
    let spent = 0;
    for (let i = 1; i < window.length; i++)
        spent += trend_fall(window[i - 1].values[type], window[i].values[type]);
    return spent / (spanMs / trend_DAY_MS);
}
function dateAfter(from, days) {
    if (!(days >= 0 && days <= MAX_FORECAST_DAYS))
        return undefined;
    const date = new Date(from + days * trend_DAY_MS);
    return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}
function spanOf(series) {
    return series.length < 2 ? 0 : series[series.length - 1].at - series[0].at;
}
function trend_computeTrend(readings, current, creditType, minimumCredits) {
    const series = trend_seriesTo(readings, current);
    const gated = (r) => r.values[creditType];
    const previous = series.length > 1 ? series[series.length - 2] : undefined;
    const usedSinceLast = previous === undefined ? undefined : trend_fall(gated(previous), gated(current));
    const window = trend_burnWindow(series);
    const burnRatePerDay = trend_burnRate(window, creditType);
    const { daysRemaining, depletionDate } = trend_forecast(gated(current) - minimumCredits, burnRatePerDay, current.at);
    return {
        usedSinceLast,
        burnRatePerDay,
        daysRemaining,
        depletionDate,
        windowReadings: window.length,
        readings: series.length,
        spanMs: spanOf(series)
    };
}
function trend_forecast(left, ratePerDay, now) {
    if (left <= 0)
        return { daysRemaining: 0, depletionDate: dateAfter(now, 0) };
    if (ratePerDay === undefined || !(ratePerDay > 0))
        return {};
    const days = left / ratePerDay;
    const date = dateAfter(now, days);
    return date === undefined ? {} : { daysRemaining: days, depletionDate: date };
}
function trend_sortReadings(readings) {
    return [...readings].sort((a, b) => a.at - b.at);
}
function trend_roundedText(value, decimals) {
    const scale = 10 ** decimals;
    const rounded = Math.round(value * scale) / scale;
    if (rounded !== 0 || value === 0 || !Number.isFinite(value))
        return String(rounded === 0 ? 0 : rounded);
    const places = Math.min(20, Math.ceil(-Math.log10(Math.abs(value))) + 1);
    return value.toFixed(places).replace(/\.?0+$/, '');
}
function trend_formatAmount(value) {
    return trend_roundedText(value, 4);
}

;// CONCATENATED MODULE: ../src/logic/history-lines.ts


class HistoryFormatError extends Error {
}
const FIGURES_WINDOW_MS = 35 * trend_DAY_MS;
function trimSlack(limit) {
    return Math.max(1, Math.ceil(limit / 10));
}
function dueForTrim(count, limit) {
    return count > limit + trimSlack(limit);
}
function parseReading(line) {
    let object;
    try {
        object = JSON.parse(line);
    }
    catch {
        throw new Error('not JSON');
    }
    if (object === null || typeof object !== 'object' || Array.isArray(object))
        throw new Error('not a JSON object');
    const record = object;
    const at = typeof record.at === 'string' ? isoTime(record.at) : Number.NaN;
    if (Number.isNaN(at))
        throw new Error('"at" is not an ISO 8601 time with a zone (Z or ±hh:mm)');
    const values = {};
    for (const type of balance_CREDIT_TYPES) {
        const value = record[API_FIELDS[type]];
        if (typeof value !== 'number' || !isCredits(value))
            throw new Error(`"${API_FIELDS[type]}" is not a balance`);
        values[type] = value;
    }
    return { at, values };
}
function isoTime(text) {
    const date = /^(\d{4})-(\d\d)-(\d\d)T\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:Z|[+-]\d\d:\d\d)$/.exec(text);
    const at = date ? Date.parse(text) : Number.NaN;
    if (Number.isNaN(at) || !date)
        return Number.NaN;
    const [year, month, day] = date.slice(1, 4).map(Number);
    const probe = new Date(0);
    probe.setUTCFullYear(year, month - 1, day);
    const real = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
    return real ? at : Number.NaN;
}
function parseHistory(text) {
    const readings = [];
    const lines = text.replace(/^\uFEFF/, '').split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].replace(/\r$/, '');
        if (line.trim() === '')
            continue;
        try {
            readings.push(parseReading(line));
        }
        catch (error) {
            throw new HistoryFormatError(`line ${i + 1}: ${error.message}`);
        }
    }
    return readings;
}
const LINE_ORDER = ['regular', 'free', 'referral', 'total'];
function serializeReading(r) {
    const fields = LINE_ORDER.map(type => `,"${API_FIELDS[type]}":${JSON.stringify(r.values[type])}`).join('');
    return `{"at":"${new Date(r.at).toISOString()}"${fields}}\n`;
}
function serializeHistory(readings) {
    return readings.map(serializeReading).join('');
}

;// CONCATENATED MODULE: ../src/logic/lock-times.ts
const LOCK_WAIT_MS = 10_000;
const LOCK_STALE_MS = 60_000;
const LOCK_WAIT_TOTAL_MS = 60_000;

;// CONCATENATED MODULE: ../src/io/lock.ts




const systemClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms))
};
const TRANSIENT = new Set(['EPERM', 'EACCES', 'EBUSY']);
const RETRY_WAITS_MS = [20, 40, 80, 160, 320];
function code(error) {
    return error?.code;
}
function describe(error) {
    return error instanceof Error ? error.message : String(error);
}
async function retrying(f, clock) {
    for (let i = 0;; i++) {
        try {
            return f();
        }
        catch (error) {
            if (i >= RETRY_WAITS_MS.length || !TRANSIENT.has(code(error) ?? ''))
                throw error;
            await clock.sleep(RETRY_WAITS_MS[i]);
        }
    }
}
async function acquireLock(lockPath, { fs = external_node_fs_namespaceObject, clock = systemClock, waitMs = LOCK_WAIT_MS, staleMs = LOCK_STALE_MS } = {}) {
    const started = clock.now();
    let since = started;
    let seen;
    for (;;) {
        const token = `${process.pid} ${new Date(clock.now()).toISOString()} ${(0,external_node_crypto_namespaceObject.randomBytes)(8).toString('hex')}\n`;
        let fd = -1;
        try {
            fd = fs.openSync(lockPath, 'wx');
        }
        catch (error) {
            if (code(error) !== 'EEXIST')
                return { reason: describe(error) };
        }
        if (fd >= 0) {
            let ino;
            try {
                ino = fs.fstatSync(fd).ino;
                fs.writeSync(fd, token);
            }
            catch {
            }
            finally {
                fs.closeSync(fd);
            }
            return heldLock(lockPath, token, ino, fs, clock);
        }
        let lock;
        try {
            lock = fs.lstatSync(lockPath);
        }
        catch (error) {
            if (code(error) === 'ENOENT')
                continue;
        }
        if (lock?.isFile()) {
            if (clock.now() - lock.mtimeMs > staleMs) {
                if (takeOver(lockPath, lock, fs))
                    continue;
            }
            const identity = `${lock.ino} ${lock.mtimeMs} ${lock.size}`;
            if (identity !== seen) {
                seen = identity;
                since = clock.now();
            }
        }
        const now = clock.now();
        if (now - since >= waitMs || now - started >= LOCK_WAIT_TOTAL_MS)
            return 'busy';
        await clock.sleep(5 + Math.random() * 20);
    }
}
function takeOver(lockPath, stale, fs) {
    const aside = `${lockPath}.stale-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}`;
    try {
        fs.renameSync(lockPath, aside);
    }
    catch (error) {
        return code(error) === 'ENOENT';
    }
    let moved;
    try {
        moved = fs.lstatSync(aside);
    }
    catch {
        return true;
    }
    const same = moved.ino === stale.ino && moved.mtimeMs === stale.mtimeMs && moved.size === stale.size;
    if (!same) {
        try {
            fs.linkSync(aside, lockPath);
        }
        catch {
        }
    }
    try {
        fs.unlinkSync(aside);
    }
    catch {
    }
    return same;
}
function heldLock(lockPath, token, ino, fs, clock) {
    const ours = () => {
        try {
            const stats = fs.lstatSync(lockPath);
            if (!stats.isFile() || (ino !== undefined && stats.ino !== ino))
                return false;
            const content = fs.readFileSync(lockPath, 'utf8');
            return content === token || content === '';
        }
        catch {
            return false;
        }
    };
    return {
        ours,
        async release() {
            if (!ours())
                return undefined;
            try {
                await retrying(() => fs.unlinkSync(lockPath), clock);
                return undefined;
            }
            catch (error) {
                return code(error) === 'ENOENT' ? undefined : describe(error);
            }
        }
    };
}

;// CONCATENATED MODULE: ../src/render/history-messages.ts


const seconds = (ms) => `${ms / 1000} s`;
function history_messages_notAHistoryMessage(path, kind) {
    return `Input \`history-file\` is "${path}", which is ${kind}: it must name a regular file, or nothing yet. Nothing there was touched.`;
}
function historyNotReadWarning(path, reason) {
    return `The history file ${path} could not be read (${errors_oneLine(reason)}). The balance was read; the trend is not known.`;
}
function historyNotSavedWarning(path, reason) {
    return `The history file ${path} could not be written (${errors_oneLine(reason)}): this reading is not kept. The trend was computed from what was read.`;
}
function historyMovedAsideWarning(path, reason, to) {
    return `The history file ${path} is not a balance history (${errors_oneLine(reason)}); moved it to ${to} and started a fresh history.`;
}
function clockBehindWarning(path, now, newest) {
    return `This runner's clock (${new Date(now).toISOString()}) is behind the history file ${path}, whose newest reading is dated ${new Date(newest).toISOString()}: this reading is not kept, and the figures are the history's as of its newest reading. Set this runner's clock right; if the history's times are the wrong ones instead, move the readings dated after this run's time out of the file.`;
}
function tornLineWarning(path, bytes) {
    return `The history file ${path} ended in an incomplete line (${bytes === 1 ? '1 byte' : `${bytes} bytes`}, left by a run stopped while writing it); dropped it, the readings before it are kept.`;
}
function lockNotRemovedWarning(reason) {
    return `Could not remove the history's lock file ${errors_oneLine(reason)}. The balance and the history are fine; remove the lock file by hand, or later runs wait for it and take it over once it is ${seconds(LOCK_STALE_MS)} old.`;
}
const historyReasons = {
    lockBusy: (lockPath, waitMs, staleMs) => `the lock ${lockPath} was held for over ${seconds(waitMs)} (a run's lock file is taken over after ${seconds(staleMs)}; anything else there must be removed by hand)`,
    notAFile: (kind) => `it is ${kind}`,
    tooLarge: (maxBytes) => `it is larger than ${maxBytes / 1024 / 1024} MiB`,
    changedWhileRead: 'the file changed while it was read',
    badLine: (line, reason) => `line ${line}: ${reason}`,
    shortWrite: (written, total) => `only ${written} of ${total} bytes were written (a full disk?)`,
    lockTakenOver: (lockPath) => `its lock ${lockPath} was taken over by another run`,
    moveAsideFailed: (reason, why) => `it is not a balance history (${reason}), and moving it aside failed: ${why}`
};
const branchProblem = {
    noGit: () => 'git is not on PATH; install git on the runner (every GitHub-hosted runner has it), or use history-file',
    tokenRejected: (repository) => `the github-token was refused by ${repository} (HTTP 401): pass a valid token, such as the default \${{ github.token }}`,
    cannotRead: (repository) => `the github-token may not read ${repository} (HTTP 403): give the job \`permissions: contents: write\``,
    notFound: (repository) => `the repository ${repository} was not found, or the github-token cannot see it (HTTP 404)`,
    readOnly: (repository) => `the github-token may not push to ${repository} (HTTP 403; a pull request from a fork gets a read-only token): give the job \`permissions: contents: write\``,
    busy: (pushes, seconds) => `other runs kept writing the branch: ${pushes} ${pushes === 1 ? 'push' : 'pushes'} lost to theirs within the ${seconds} s deadline`,
    timeout: (what, seconds) => `git ${what} did not finish within ${seconds} s`,
    gitFailed: (what, reason) => `git ${what} failed: ${errors_oneLine(reason)}`,
    notAFile: (file, type) => `${file} on the branch is a ${type}, not a file; rename or remove it`
};

;// CONCATENATED MODULE: ../src/io/history.ts











const HISTORY_MAX_BYTES = 32 * 1024 * 1024;
const TEMPORARY_STALE_MS = 10 * 60_000;
const FUTURE_TOLERANCE_MS = 5 * 60_000;
const CHUNK_BYTES = 64 * 1024;
const O_NONBLOCK = process.platform === 'win32' ? 0 : (external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0);
class HistoryReadError extends Error {
}
function kindOf(stats) {
    if (stats.isFile())
        return undefined;
    if (stats.isDirectory())
        return 'a directory';
    if (stats.isFIFO())
        return 'a FIFO';
    if (stats.isCharacterDevice())
        return 'a character device';
    if (stats.isBlockDevice())
        return 'a block device';
    if (stats.isSocket())
        return 'a socket';
    return 'not a regular file';
}
function notAHistory(path, kind) {
    return new ActionError('input', notAHistoryMessage(path, kind));
}
function history_checkHistoryPath(path) {
    let stats;
    try {
        stats = statSync(path);
    }
    catch {
        return;
    }
    const kind = kindOf(stats);
    if (kind)
        throw notAHistory(path, kind);
}
function historyTarget(path) {
    let current = (0,external_node_path_namespaceObject.resolve)(path);
    for (let hops = 0; hops < 40; hops++) {
        try {
            if (!(0,external_node_fs_namespaceObject.lstatSync)(current).isSymbolicLink())
                return current;
        }
        catch {
            return current;
        }
        try {
            return (0,external_node_fs_namespaceObject.realpathSync)(current);
        }
        catch {
            current = (0,external_node_path_namespaceObject.resolve)((0,external_node_path_namespaceObject.dirname)(current), (0,external_node_fs_namespaceObject.readlinkSync)(current));
        }
    }
    return current;
}
async function recordReading(path, current, limit, options = {}) {
    const fs = options.fs ?? external_node_fs_namespaceObject;
    const clock = options.clock ?? systemClock;
    const target = historyTarget(path);
    try {
        fs.mkdirSync((0,external_node_path_namespaceObject.dirname)(target), { recursive: true });
    }
    catch {
    }
    const lockPath = `${target}.lock`;
    const waitMs = options.lockWaitMs ?? LOCK_WAIT_MS;
    const lock = await acquireLock(lockPath, { fs, clock, waitMs, staleMs: options.lockStaleMs });
    if (lock === 'busy') {
        throw new HistoryReadError(historyReasons.lockBusy(lockPath, waitMs, options.lockStaleMs ?? LOCK_STALE_MS));
    }
    const held = 'ours' in lock ? lock : undefined;
    let recorded;
    try {
        recorded = await keep({
            target,
            current,
            limit,
            fs,
            clock,
            lock: held,
            readOnly: 'reason' in lock ? lock.reason : undefined
        });
    }
    finally {
        const notRemoved = held ? await held.release() : undefined;
        if (notRemoved && recorded)
            recorded = { ...recorded, lockNotRemoved: `${lockPath}: ${notRemoved}` };
    }
    return recorded;
}
async function keep(k) {
    const { target, current, fs, clock } = k;
    let tail = readTail(target, fs);
    let movedAside;
    if ('corrupt' in tail) {
        movedAside = await moveAside(target, tail.corrupt, current.at, fs, clock);
        tail = EMPTY;
    }
    const newest = tail.readings.reduce((max, r) => Math.max(max, r.at), -Infinity);
    if (newest > current.at + FUTURE_TOLERANCE_MS) {
        const shown = { at: newest, values: current.values };
        return { ...figures(tail, shown), movedAside, clockBehind: newest };
    }
    const base = { ...figures(tail, current), movedAside };
    if (k.readOnly !== undefined)
        return { ...base, notSaved: k.readOnly };
    try {
        if (dueForTrim(tail.count + 1, k.limit))
            return { ...base, ...(await trim(k, tail)) };
        appendReading(target, current, tail, fs);
        return { ...base, tornLine: tail.torn?.bytes };
    }
    catch (error) {
        if (error instanceof HistoryReadError)
            throw error;
        return { ...base, notSaved: describe(error) };
    }
}
function figures(tail, current) {
    const after = tail.readings.filter(r => r.at > current.at).length;
    return {
        readings: trend_sortReadings([...tail.readings, current]),
        current,
        extent: { count: tail.count - after + 1, oldestAt: Math.min(tail.oldestAt ?? current.at, current.at) }
    };
}
const EMPTY = { readings: [], count: 0, endsWithNewline: true };
function readTail(target, fs) {
    let fd;
    try {
        fd = fs.openSync(target, external_node_fs_namespaceObject.constants.O_RDONLY | O_NONBLOCK);
    }
    catch (error) {
        if (code(error) === 'ENOENT')
            return EMPTY;
        throw new HistoryReadError(describe(error));
    }
    try {
        const stats = fs.fstatSync(fd);
        const kind = kindOf(stats);
        if (kind)
            throw new HistoryReadError(historyReasons.notAFile(kind));
        if (stats.size > HISTORY_MAX_BYTES)
            return { corrupt: historyReasons.tooLarge(HISTORY_MAX_BYTES) };
        return scanTail(fd, stats.size, fs);
    }
    catch (error) {
        if (error instanceof HistoryReadError)
            throw error;
        throw new HistoryReadError(describe(error));
    }
    finally {
        fs.closeSync(fd);
    }
}
function readFully(fd, buffer, position, fs) {
    let done = 0;
    while (done < buffer.length) {
        const n = fs.readSync(fd, buffer, done, buffer.length - done, position + done);
        if (n === 0)
            break;
        done += n;
    }
    return done;
}
function lineText(bytes, offset) {
    let text = bytes.toString('utf8');
    if (offset === 0)
        text = text.replace(/^\uFEFF/, '');
    return text.endsWith('\r') ? text.slice(0, -1) : text;
}
function scanTail(fd, size, fs) {
    const readings = [];
    let newest = -Infinity;
    let endsWithNewline = true;
    let torn;
    let first = true;
    let stoppedAt;
    let carry = Buffer.alloc(0);
    let pos = size;
    const badLine = (offset, error) => ({
        corrupt: historyReasons.badLine(countLines(fd, offset, fs) + 1, error.message)
    });
    outer: while (pos > 0 || first) {
        const from = Math.max(0, pos - CHUNK_BYTES);
        const chunk = Buffer.allocUnsafe(pos - from);
        const n = readFully(fd, chunk, from, fs);
        if (n !== chunk.length)
            throw new HistoryReadError(historyReasons.changedWhileRead);
        const buffer = carry.length > 0 ? Buffer.concat([chunk, carry]) : chunk;
        const cut = from > 0 ? buffer.indexOf(0x0a) : -1;
        if (from > 0 && cut < 0) {
            carry = buffer;
            pos = from;
            continue;
        }
        const lines = buffer.toString('utf8', cut + 1).split('\n');
        let end = from + buffer.length;
        for (let i = lines.length - 1; i >= 0; i--) {
            const raw = lines[i];
            const last = first;
            first = false;
            const offset = last ? from + buffer.lastIndexOf(0x0a) + 1 : end - Buffer.byteLength(raw);
            const bytes = end - offset;
            end = offset - 1;
            const text = lineString(raw, offset);
            if (text.trim() === '')
                continue;
            let reading;
            try {
                reading = parseReading(text);
            }
            catch (error) {
                if (!last)
                    return badLine(offset, error);
                torn = { offset, bytes };
            }
            if (last)
                endsWithNewline = false;
            if (reading) {
                readings.push(reading);
                newest = Math.max(newest, reading.at);
                if (reading.at < newest - FIGURES_WINDOW_MS) {
                    stoppedAt = offset;
                    break outer;
                }
            }
        }
        if (from === 0)
            break;
        carry = Buffer.from(buffer.subarray(0, cut));
        pos = from;
    }
    if (stoppedAt === undefined || stoppedAt === 0) {
        const oldest = readings.reduce((min, r) => Math.min(min, r.at), Infinity);
        return { readings, count: readings.length, oldestAt: readings.length ? oldest : undefined, endsWithNewline, torn };
    }
    const start = firstReading(fd, stoppedAt, fs);
    if ('corrupt' in start)
        return start;
    const oldest = readings.reduce((min, r) => Math.min(min, r.at), start.at ?? Infinity);
    return { readings, count: readings.length + countLines(fd, stoppedAt, fs), oldestAt: oldest, endsWithNewline, torn };
}
function lineString(raw, offset) {
    const text = offset === 0 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
    return text.endsWith('\r') ? text.slice(0, -1) : text;
}
function firstReading(fd, end, fs) {
    const head = Buffer.allocUnsafe(Math.min(end, CHUNK_BYTES));
    const n = readFully(fd, head, 0, fs);
    let offset = 0;
    for (let line = 1; offset < n; line++) {
        const newline = head.indexOf(0x0a, offset);
        const stop = newline < 0 || newline >= n ? n : newline;
        const text = lineText(head.subarray(offset, stop), offset);
        if (text.trim() !== '') {
            try {
                return { at: parseReading(text).at };
            }
            catch (error) {
                return { corrupt: historyReasons.badLine(line, error.message) };
            }
        }
        offset = stop + 1;
    }
    return {};
}
function countLines(fd, end, fs) {
    const buffer = Buffer.allocUnsafe(Math.max(1, Math.min(end, 256 * 1024)));
    let count = 0;
    let length = 0;
    let firstByte = 0;
    for (let pos = 0; pos < end;) {
        const n = readFully(fd, buffer.subarray(0, Math.min(buffer.length, end - pos)), pos, fs);
        if (n === 0)
            break;
        for (let i = 0; i < n;) {
            const newline = buffer.indexOf(0x0a, i);
            const stop = newline < 0 || newline >= n ? n : newline;
            if (stop > i) {
                if (length === 0)
                    firstByte = buffer[i];
                length += stop - i;
            }
            if (stop < n) {
                if (length > 1 || (length === 1 && firstByte !== 0x0d))
                    count++;
                length = 0;
            }
            i = stop + 1;
        }
        pos += n;
    }
    if (length > 1 || (length === 1 && firstByte !== 0x0d))
        count++;
    return count;
}
function appendReading(target, current, tail, fs) {
    const fd = fs.openSync(target, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_CREAT, 0o666);
    try {
        const before = tail.torn ? tail.torn.offset : fs.fstatSync(fd).size;
        if (tail.torn)
            fs.ftruncateSync(fd, tail.torn.offset);
        const data = Buffer.from(`${tail.endsWithNewline || tail.torn ? '' : '\n'}${serializeReading(current)}`);
        try {
            const written = fs.writeSync(fd, data);
            if (written !== data.length)
                throw new Error(historyReasons.shortWrite(written, data.length));
        }
        catch (error) {
            try {
                fs.ftruncateSync(fd, before);
            }
            catch {
            }
            throw error;
        }
    }
    finally {
        fs.closeSync(fd);
    }
}
async function trim(k, tail) {
    const { target, current, fs, clock } = k;
    removeStaleTemporaries(target, clock.now(), fs);
    let bytes;
    try {
        bytes = fs.readFileSync(target);
    }
    catch (error) {
        throw new HistoryReadError(describe(error));
    }
    let all;
    try {
        all = parseHistory(bytes.subarray(0, tail.torn?.offset ?? bytes.length).toString('utf8'));
    }
    catch (error) {
        if (!(error instanceof HistoryFormatError))
            throw error;
        const movedAside = await moveAside(target, error.message, current.at, fs, clock);
        await writeAtomic(target, serializeHistory([current]), k);
        return { movedAside, readings: [current], extent: { count: 1, oldestAt: current.at } };
    }
    const sorted = trend_sortReadings([...all, current]);
    const kept = sorted.slice(-k.limit);
    await writeAtomic(target, serializeHistory(kept), k);
    const upTo = kept.filter(r => r.at <= current.at);
    return {
        readings: kept.slice(-(tail.readings.length + 1)),
        extent: { count: upTo.length, oldestAt: Math.min(kept[0].at, current.at) },
        trimmed: sorted.length - kept.length,
        tornLine: tail.torn?.bytes
    };
}
const TEMPORARY = /^\..+\.\d+\.[0-9a-f]+\.tmp$/;
function temporaryName(target) {
    return (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(target), `.${(0,external_node_path_namespaceObject.basename)(target)}.${process.pid}.${(0,external_node_crypto_namespaceObject.randomBytes)(6).toString('hex')}.tmp`);
}
async function writeAtomic(target, text, k) {
    const { fs, clock } = k;
    const temporary = temporaryName(target);
    let mode;
    try {
        mode = fs.statSync(target).mode & 0o7777;
    }
    catch {
    }
    try {
        fs.writeFileSync(temporary, text, { flag: 'wx', mode: mode ?? 0o666 });
        if (mode !== undefined)
            fs.chmodSync(temporary, mode);
        if (k.lock && !k.lock.ours())
            throw new Error(historyReasons.lockTakenOver(`${target}.lock`));
        await retrying(() => fs.renameSync(temporary, target), clock);
    }
    catch (error) {
        try {
            fs.rmSync(temporary, { force: true });
        }
        catch {
        }
        throw error;
    }
}
async function moveAside(target, reason, now, fs, clock) {
    const to = `${target}.corrupt-${new Date(now).toISOString().replace(/[-:.]/g, '')}`;
    try {
        await retrying(() => fs.renameSync(target, to), clock);
    }
    catch (error) {
        throw new HistoryReadError(historyReasons.moveAsideFailed(reason, describe(error)));
    }
    return { to, reason };
}
function removeStaleTemporaries(target, now = Date.now(), fs = external_node_fs_namespaceObject) {
    const prefix = `.${(0,external_node_path_namespaceObject.basename)(target)}.`;
    let names;
    try {
        names = fs.readdirSync((0,external_node_path_namespaceObject.dirname)(target));
    }
    catch {
        return;
    }
    for (const name of names) {
        if (!name.startsWith(prefix) || !TEMPORARY.test(name))
            continue;
        const path = (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(target), name);
        try {
            if (now - fs.lstatSync(path).mtimeMs > TEMPORARY_STALE_MS)
                fs.rmSync(path, { force: true });
        }
        catch {
        }
    }
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(161);
;// CONCATENATED MODULE: ../src/logic/history-branch.ts
const DEFAULT_BRANCH_FILE = 'swarms-credit-history.jsonl';
const BRANCH_DEADLINE_MS = 90_000;
const BACKOFF_BASE_MS = 200;
const BACKOFF_CAP_MS = 5_000;
const BOT_NAME = 'github-actions[bot]';
const BOT_EMAIL = '41898282+github-actions[bot]@users.noreply.github.com';
function backoffMs(attempt, random) {
    const step = Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
    return step / 2 + (random * step) / 2;
}
function isBranchName(name) {
    if (!/^[A-Za-z0-9._/-]+$/.test(name) || name.length > 200)
        return false;
    if (name.startsWith('-') || name.includes('..'))
        return false;
    return name
        .split('/')
        .every(part => part !== '' && !part.startsWith('.') && !part.endsWith('.lock') && !part.endsWith('.'));
}
function isBranchFileName(name) {
    return /^[A-Za-z0-9._-]+$/.test(name) && name !== '.' && name !== '..' && name !== '.git' && name.length <= 200;
}
function isRepository(text) {
    return /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(text) && !text.split('/').some(part => /^\.+$/.test(part));
}
function classifyGitFailure(stdout, stderr) {
    const text = `${stdout}\n${stderr}`;
    if (/couldn't find remote ref/i.test(text))
        return 'no-branch';
    if (/\[rejected\].*\((stale info|fetch first|non-fast-forward|already exists)\)/i.test(text))
        return 'conflict';
    if (/\[remote rejected\].*(lock|failed to update ref|expected)/i.test(text))
        return 'conflict';
    if (/returned error: 401|could not read (username|password)|authentication failed/i.test(text)) {
        return 'rejected-token';
    }
    if (/returned error: 403|permission .* denied|write access .* not granted/i.test(text))
        return 'forbidden';
    if (/returned error: 404|repository .* not found/i.test(text))
        return 'not-found';
    return 'other';
}
function gitReason(stderr) {
    const lines = stderr
        .split(/\r?\n/)
        .map(line => line.trim())
        .filter(Boolean);
    const refused = lines.findLast(l => /\[remote rejected\]/.test(l));
    const line = refused ?? lines.findLast(l => /^(fatal|error):/.test(l)) ?? lines.at(-1) ?? 'no message';
    const text = line.replace(/^(fatal|error):\s*/, '');
    return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

;// CONCATENATED MODULE: ../src/logic/secret.ts
const FRAGMENT_LENGTH = 8;
const REDACTED = '***';
function keyForms(key) {
    const json = JSON.stringify(key).slice(1, -1);
    const unicode = [...key].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    const uri = encodeURIComponent(key);
    const form = uri.replace(/[!'()*]/g, c => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    const html = key.replace(/[&<>"']/g, c => HTML_ENTITIES[c]);
    const forms = [
        key,
        json,
        json.replace(/\//g, '\\/'),
        unicode,
        unicode.toUpperCase().replace(/\\U/g, '\\u'),
        uri,
        form,
        html
    ];
    for (const encoded of [uri, form])
        forms.push(encoded.replace(/%[0-9A-F]{2}/g, s => s.toLowerCase()));
    forms.push(html.replace(/&#39;/g, '&#x27;').replace(/&quot;/g, '&#34;'));
    if (key.length >= FRAGMENT_LENGTH) {
        const base64 = Buffer.from(key).toString('base64');
        forms.push(base64, base64.replace(/=+$/, ''), Buffer.from(key).toString('hex'));
    }
    return [...new Set(forms)];
}
const HTML_ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;'
};
function secret_redact(text, key) {
    if (!key || !text)
        return text;
    const { size, windows, fold } = windowsOf(key);
    const folded = fold ? asciiLower(text) : text;
    let covered;
    for (let i = 0; i + size <= folded.length; i++) {
        if (windows.has(folded.slice(i, i + size)))
            (covered ??= new Uint8Array(text.length)).fill(1, i, i + size);
    }
    if (!covered)
        return text;
    let out = '';
    for (let i = 0; i < text.length;) {
        if (covered[i]) {
            while (i < text.length && covered[i])
                i++;
            out += REDACTED;
        }
        else
            out += text[i++];
    }
    return out;
}
function windowsOf(key) {
    const fold = key.length >= FRAGMENT_LENGTH;
    const size = Math.min(FRAGMENT_LENGTH, key.length);
    const windows = new Set();
    for (const form of keyForms(key).map(form => (fold ? asciiLower(form) : form))) {
        for (let i = 0; i + size <= form.length; i++)
            windows.add(form.slice(i, i + size));
    }
    return { size, windows, fold };
}
function redactAll(text, secrets) {
    return secrets.reduce((out, secret) => secret_redact(out, secret), text);
}
function asciiLower(text) {
    return text.replace(/[A-Z]+/g, run => run.toLowerCase());
}
function visible(text) {
    return text.replace(ESCAPES, '').replace(UNSEEN, '');
}
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-_]/g;
const UNSEEN = /[\x00-\x08\x0b-\x1f\x7f-\x9f]|\p{Cf}/gu;

;// CONCATENATED MODULE: ../src/io/history-branch.ts








const realClock = {
    now: () => Date.now(),
    sleep: ms => new Promise(resolve => setTimeout(resolve, ms)),
    random: () => Math.random()
};
function basicCredential(token) {
    return Buffer.from(`x-access-token:${token}`).toString('base64');
}
function branchLabel(target) {
    return `${target.file} on branch ${target.branch} of ${target.repository}`;
}
async function recordOnBranch(target, current, { limit, env, clock = realClock, deadlineMs = BRANCH_DEADLINE_MS, git = 'git' }) {
    const deadline = clock.now() + deadlineMs;
    const folder = (0,external_node_fs_namespaceObject.mkdtempSync)((0,external_node_path_namespaceObject.join)(env.RUNNER_TEMP || (0,external_node_os_.tmpdir)(), 'swarms-history-'));
    const gitDir = (0,external_node_path_namespaceObject.join)(folder, 'repo.git');
    const work = (0,external_node_path_namespaceObject.join)(folder, 'work');
    const run = history_branch_runner(git, gitEnvironment(env, gitDir, folder, target), () => deadline - clock.now(), target);
    try {
        makeRepository(gitDir);
        const line = serializeReading(current);
        let first;
        for (let attempt = 0;; attempt++) {
            let read;
            try {
                read = await fetchBranch(run, target, gitDir, work);
            }
            catch (error) {
                if (!first || !(error instanceof HistoryReadError))
                    throw error;
                return { ...first, pushes: attempt, notSaved: error.message };
            }
            const local = (0,external_node_path_namespaceObject.join)(work, target.file);
            if (read.history && holdsLine(read.history, line))
                (0,external_node_fs_namespaceObject.writeFileSync)(local, withoutLine(read.history, line));
            let recorded;
            try {
                recorded = await recordReading(local, current, limit);
            }
            catch (error) {
                if (!first || !(error instanceof HistoryReadError))
                    throw error;
                return { ...first, pushes: attempt, notSaved: error.message };
            }
            const movedAside = first
                ? first.movedAside
                : recorded.movedAside && { ...recorded.movedAside, to: `${(0,external_node_path_namespaceObject.basename)(recorded.movedAside.to)} on the branch` };
            recorded = { ...recorded, movedAside };
            first ??= recorded;
            if (recorded.notSaved)
                return { ...recorded, pushes: attempt };
            let pushed;
            try {
                const ref = await commitHistory(run, target, read, work, recorded);
                if (ref === undefined)
                    return { ...recorded, pushes: attempt };
                pushed = await run([
                    'push',
                    '--porcelain',
                    '--no-verify',
                    `--force-with-lease=refs/heads/${target.branch}:${read.commit ?? ''}`,
                    target.remote,
                    `${ref}:refs/heads/${target.branch}`
                ], 'push', { allowFailure: true });
            }
            catch (error) {
                if (!(error instanceof HistoryReadError))
                    throw error;
                return { ...recorded, pushes: attempt + 1, notSaved: error.message };
            }
            if (pushed.failure === undefined)
                return { ...recorded, pushes: attempt + 1 };
            if (pushed.failure !== 'conflict') {
                return { ...recorded, pushes: attempt + 1, notSaved: pushProblem(pushed, target) };
            }
            const wait = backoffMs(attempt, clock.random());
            if (clock.now() + wait >= deadline) {
                return { ...recorded, pushes: attempt + 1, notSaved: branchProblem.busy(attempt + 1, deadlineMs / 1000) };
            }
            await clock.sleep(wait);
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.rmSync)(folder, { recursive: true, force: true, maxRetries: 3 });
    }
}
function linesOf(history) {
    return history.toString('utf8').replace(/\r\n/g, '\n').split('\n');
}
function holdsLine(history, line) {
    return linesOf(history).includes(line.replace(/\n$/, ''));
}
function withoutLine(history, line) {
    const bare = line.replace(/\n$/, '');
    const kept = linesOf(history).filter(text => text !== bare && text !== '');
    return kept.length ? `${kept.join('\n')}\n` : '';
}
function makeRepository(gitDir) {
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(gitDir, 'objects'), { recursive: true });
    (0,external_node_fs_namespaceObject.mkdirSync)((0,external_node_path_namespaceObject.join)(gitDir, 'refs', 'heads'), { recursive: true });
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(gitDir, 'HEAD'), 'ref: refs/heads/main\n');
    (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(gitDir, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = true\n');
}
const LOCAL_REF = 'refs/heads/swarms-credit-history-write';
async function fetchBranch(run, target, gitDir, work) {
    (0,external_node_fs_namespaceObject.rmSync)(work, { recursive: true, force: true });
    (0,external_node_fs_namespaceObject.mkdirSync)(work, { recursive: true });
    const fetched = await run(['fetch', '--quiet', '--depth=1', '--no-tags', target.remote, `refs/heads/${target.branch}`], 'fetch', { allowFailure: true });
    if (fetched.failure === 'no-branch')
        return { others: [] };
    if (fetched.failure !== undefined)
        throw new HistoryReadError(fetchProblem(fetched, target));
    const commit = (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(gitDir, 'FETCH_HEAD'), 'utf8').slice(0, 40);
    const batch = await run(['cat-file', '--batch'], 'cat-file', {
        input: `${commit}^{tree}\n${commit}:${target.file}\n`
    });
    const [tree, file] = parseBatch(batch.raw);
    const entries = parseTree(tree.content ?? Buffer.alloc(0));
    if (file.type !== undefined && file.type !== 'blob') {
        throw new HistoryReadError(branchProblem.notAFile(target.file, file.type));
    }
    if (file.content)
        (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.join)(work, target.file), file.content);
    return { commit, others: entries.filter(entry => entry.name !== target.file), history: file.content };
}
function parseBatch(raw) {
    const objects = [];
    let at = 0;
    while (at < raw.length) {
        const end = raw.indexOf(10, at);
        const header = raw.subarray(at, end).toString('utf8').split(' ');
        at = end + 1;
        if (header.at(-1) === 'missing' || header.length !== 3) {
            objects.push({});
            continue;
        }
        const size = Number(header[2]);
        objects.push({ type: header[1], content: raw.subarray(at, at + size) });
        at += size + 1;
    }
    return objects;
}
function parseTree(tree) {
    const entries = [];
    let at = 0;
    while (at < tree.length) {
        const nul = tree.indexOf(0, at);
        const [mode, ...name] = tree.subarray(at, nul).toString('utf8').split(' ');
        entries.push({
            mode: mode.padStart(6, '0'),
            name: name.join(' '),
            sha: tree.subarray(nul + 1, nul + 21).toString('hex')
        });
        at = nul + 21;
    }
    return entries;
}
async function commitHistory(run, target, read, work, recorded) {
    const names = (0,external_node_fs_namespaceObject.readdirSync)(work).filter(name => name === target.file || name.startsWith(`${target.file}.corrupt-`));
    const files = names.map(name => ({ name, content: (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(work, name)) }));
    const history = files.find(f => f.name === target.file);
    if (files.length === 1 && history && read.history?.equals(history.content))
        return undefined;
    const newest = recorded.readings.at(-1);
    const message = Buffer.from(`Swarms credit history: ${recorded.extent.count} readings${newest ? `, the newest at ${new Date(newest.at).toISOString()}` : ''}\n`);
    const seconds = Math.floor((newest?.at ?? Date.now()) / 1000);
    const data = (content) => [Buffer.from(`data ${content.length}\n`), content, Buffer.from('\n')];
    const stream = [
        Buffer.from(`commit ${LOCAL_REF}\ncommitter ${BOT_NAME} <${BOT_EMAIL}> ${seconds} +0000\n`),
        ...data(message),
        ...read.others
            .filter(entry => !names.includes(entry.name))
            .map(entry => Buffer.from(`M ${entry.mode} ${entry.sha} ${quotePath(entry.name)}\n`)),
        ...files.flatMap(file => [Buffer.from(`M 100644 inline ${quotePath(file.name)}\n`), ...data(file.content)]),
        Buffer.from('done\n')
    ];
    await run(['fast-import', '--quiet', '--force', '--done'], 'fast-import', { input: Buffer.concat(stream) });
    return LOCAL_REF;
}
function quotePath(name) {
    return /^"|[\n\\"]/.test(name) ? JSON.stringify(name) : name;
}
function history_branch_runner(program, env, remaining, target) {
    const secrets = [target.token, basicCredential(target.token)];
    const clean = (text) => redactAll(text, secrets);
    return async (args, what, { allowFailure = false, input } = {}) => {
        const { spawn } = process.getBuiltinModule('node:child_process');
        const limit = Math.min(Math.max(1, remaining()), 2 ** 31 - 1);
        let child;
        const result = await new Promise((resolve, reject) => {
            child = spawn(program, args, {
                env,
                stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
                detached: process.platform !== 'win32',
                windowsHide: true
            });
            const out = [];
            let err = '';
            let timedOut = false;
            child.stdout?.on('data', (chunk) => out.push(chunk));
            child.stderr?.setEncoding('utf8').on('data', chunk => (err = (err + chunk).slice(-64 * 1024)));
            child.stdin?.on('error', () => { });
            child.stdin?.end(input);
            const timer = setTimeout(() => {
                timedOut = true;
                kill(child);
            }, limit);
            child.on('error', error => {
                clearTimeout(timer);
                reject(error);
            });
            child.on('close', code => {
                clearTimeout(timer);
                resolve({ code, out: Buffer.concat(out), err, timedOut });
            });
        }).catch((error) => {
            if (error.code === 'ENOENT')
                throw new HistoryReadError(branchProblem.noGit());
            throw new HistoryReadError(branchProblem.gitFailed(what, clean(error.message)));
        });
        if (result.timedOut)
            throw new HistoryReadError(branchProblem.timeout(what, Math.ceil(limit / 1000)));
        const stderr = clean(result.err);
        const stdout = result.out.toString('utf8');
        if (result.code === 0)
            return { stdout, raw: result.out, stderr };
        const failure = classifyGitFailure(clean(stdout), stderr);
        if (allowFailure)
            return { stdout: clean(stdout), raw: result.out, stderr, failure };
        throw new HistoryReadError(branchProblem.gitFailed(what, gitReason(stderr)));
    };
}
function kill(child) {
    try {
        if (process.platform !== 'win32' && child.pid !== undefined)
            process.kill(-child.pid, 'SIGKILL');
        else
            child.kill('SIGKILL');
    }
    catch {
        child.kill('SIGKILL');
    }
}
function fetchProblem(result, target) {
    switch (result.failure) {
        case 'rejected-token':
            return branchProblem.tokenRejected(target.repository);
        case 'forbidden':
            return branchProblem.cannotRead(target.repository);
        case 'not-found':
            return branchProblem.notFound(target.repository);
        default:
            return branchProblem.gitFailed('fetch', gitReason(result.stderr));
    }
}
function pushProblem(result, target) {
    switch (result.failure) {
        case 'forbidden':
            return branchProblem.readOnly(target.repository);
        case 'rejected-token':
            return branchProblem.tokenRejected(target.repository);
        default:
            return branchProblem.gitFailed('push', gitReason(`${result.stdout}\n${result.stderr}`));
    }
}
function gitEnvironment(base, gitDir, folder, target) {
    const env = {};
    for (const [name, value] of Object.entries(base)) {
        if (value === undefined || /^(INPUT_|GIT_(?!SSL_CA)|SSH_ASKPASS$|SWARMS_API_KEY$)/i.test(name))
            continue;
        env[name] = value;
    }
    const config = [
        [`http.${target.remote}.extraHeader`, `Authorization: basic ${basicCredential(target.token)}`],
        ['http.followRedirects', 'false'],
        ['credential.helper', ''],
        ['core.askPass', ''],
        ['core.hooksPath', (0,external_node_path_namespaceObject.join)(folder, 'no-hooks')],
        ['core.autocrlf', 'false'],
        ['init.defaultBranch', 'main'],
        ['protocol.version', '2'],
        ['gc.auto', '0'],
        ['maintenance.auto', 'false'],
        ['advice.detachedHead', 'false']
    ];
    Object.assign(env, {
        GIT_DIR: gitDir,
        LC_ALL: 'C',
        LANGUAGE: 'C',
        GIT_TERMINAL_PROMPT: '0',
        GIT_AUTHOR_NAME: BOT_NAME,
        GIT_AUTHOR_EMAIL: BOT_EMAIL,
        GIT_COMMITTER_NAME: BOT_NAME,
        GIT_COMMITTER_EMAIL: BOT_EMAIL,
        GIT_CONFIG_COUNT: String(config.length)
    });
    config.forEach(([key, value], i) => {
        env[`GIT_CONFIG_KEY_${i}`] = key;
        env[`GIT_CONFIG_VALUE_${i}`] = value;
    });
    return env;
}

;// CONCATENATED MODULE: ../src/io/keep-reading.ts


async function keep_reading_keepReading(store, reading, options = {}) {
    const branch = store.historyBranch;
    const path = branch ? branchLabel(branch) : (store.historyFile ?? '');
    const onBranch = branch !== undefined;
    try {
        const recorded = branch
            ? await recordOnBranch(branch, reading, {
                limit: store.historyLimit,
                env: options.env ?? process.env,
                clock: options.clock
            })
            : await recordReading(path, reading, store.historyLimit, options.history);
        return {
            recorded,
            notes: {
                path,
                onBranch,
                movedAside: recorded.movedAside,
                clockBehind: recorded.clockBehind === undefined ? undefined : { now: reading.at, newest: recorded.clockBehind },
                tornLine: recorded.tornLine,
                notSaved: recorded.notSaved,
                lockNotRemoved: recorded.lockNotRemoved
            }
        };
    }
    catch (error) {
        if (!(error instanceof HistoryReadError))
            throw error;
        return { notes: { path, onBranch, unreadable: error.message } };
    }
}

;// CONCATENATED MODULE: ../src/logic/version.ts
const ACTION_NAME = 'swarms-credit-balance-action';
const ACTION_VERSION = '1.0.0';
const USER_AGENT = `${ACTION_NAME}/${ACTION_VERSION}`;

// EXTERNAL MODULE: external "http"
var external_http_ = __nccwpck_require__(611);
var external_http_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_http_, 2);
// EXTERNAL MODULE: external "https"
var external_https_ = __nccwpck_require__(692);
var external_https_namespaceObject = /*#__PURE__*/__nccwpck_require__.t(external_https_, 2);
;// CONCATENATED MODULE: ../node_modules/@actions/http-client/lib/proxy.js
function getProxyUrl(reqUrl) {
    const usingSsl = reqUrl.protocol === 'https:';
    if (checkBypass(reqUrl)) {
        return undefined;
    }
    const proxyVar = (() => {
        if (usingSsl) {
            return process.env['https_proxy'] || process.env['HTTPS_PROXY'];
        }
        else {
            return process.env['http_proxy'] || process.env['HTTP_PROXY'];
        }
    })();
    if (proxyVar) {
        try {
            return new DecodedURL(proxyVar);
        }
        catch (_a) {
            if (!proxyVar.startsWith('http://') && !proxyVar.startsWith('https://'))
                return new DecodedURL(`http://${proxyVar}`);
        }
    }
    else {
        return undefined;
    }
}
function checkBypass(reqUrl) {
    if (!reqUrl.hostname) {
        return false;
    }
    const reqHost = reqUrl.hostname;
    if (isLoopbackAddress(reqHost)) {
        return true;
    }
    const noProxy = process.env['no_proxy'] || process.env['NO_PROXY'] || '';
    if (!noProxy) {
        return false;
    }
    // Determine the request port
    let reqPort;
    if (reqUrl.port) {
        reqPort = Number(reqUrl.port);
    }
    else if (reqUrl.protocol === 'http:') {
        reqPort = 80;
    }
    else if (reqUrl.protocol === 'https:') {
        reqPort = 443;
    }
    // Format the request hostname and hostname with port
    const upperReqHosts = [reqUrl.hostname.toUpperCase()];
    if (typeof reqPort === 'number') {
        upperReqHosts.push(`${upperReqHosts[0]}:${reqPort}`);
    }
    // Compare request host against noproxy
    for (const upperNoProxyItem of noProxy
        .split(',')
        .map(x => x.trim().toUpperCase())
        .filter(x => x)) {
        if (upperNoProxyItem === '*' ||
            upperReqHosts.some(x => x === upperNoProxyItem ||
                x.endsWith(`.${upperNoProxyItem}`) ||
                (upperNoProxyItem.startsWith('.') &&
                    x.endsWith(`${upperNoProxyItem}`)))) {
            return true;
        }
    }
    return false;
}
function isLoopbackAddress(host) {
    const hostLower = host.toLowerCase();
    return (hostLower === 'localhost' ||
        hostLower.startsWith('127.') ||
        hostLower.startsWith('[::1]') ||
        hostLower.startsWith('[0:0:0:0:0:0:0:1]'));
}
class DecodedURL extends URL {
    constructor(url, base) {
        super(url, base);
        this._decodedUsername = decodeURIComponent(super.username);
        this._decodedPassword = decodeURIComponent(super.password);
    }
    get username() {
        return this._decodedUsername;
    }
    get password() {
        return this._decodedPassword;
    }
}
//# sourceMappingURL=proxy.js.map
// EXTERNAL MODULE: ./stubs/tunnel-lazy.cjs
var tunnel_lazy = __nccwpck_require__(646);
// EXTERNAL MODULE: ./stubs/undici.ts
var undici = __nccwpck_require__(436);
;// CONCATENATED MODULE: ../node_modules/@actions/http-client/lib/index.js
/* eslint-disable @typescript-eslint/no-explicit-any */
var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};





var HttpCodes;
(function (HttpCodes) {
    HttpCodes[HttpCodes["OK"] = 200] = "OK";
    HttpCodes[HttpCodes["MultipleChoices"] = 300] = "MultipleChoices";
    HttpCodes[HttpCodes["MovedPermanently"] = 301] = "MovedPermanently";
    HttpCodes[HttpCodes["ResourceMoved"] = 302] = "ResourceMoved";
    HttpCodes[HttpCodes["SeeOther"] = 303] = "SeeOther";
    HttpCodes[HttpCodes["NotModified"] = 304] = "NotModified";
    HttpCodes[HttpCodes["UseProxy"] = 305] = "UseProxy";
    HttpCodes[HttpCodes["SwitchProxy"] = 306] = "SwitchProxy";
    HttpCodes[HttpCodes["TemporaryRedirect"] = 307] = "TemporaryRedirect";
    HttpCodes[HttpCodes["PermanentRedirect"] = 308] = "PermanentRedirect";
    HttpCodes[HttpCodes["BadRequest"] = 400] = "BadRequest";
    HttpCodes[HttpCodes["Unauthorized"] = 401] = "Unauthorized";
    HttpCodes[HttpCodes["PaymentRequired"] = 402] = "PaymentRequired";
    HttpCodes[HttpCodes["Forbidden"] = 403] = "Forbidden";
    HttpCodes[HttpCodes["NotFound"] = 404] = "NotFound";
    HttpCodes[HttpCodes["MethodNotAllowed"] = 405] = "MethodNotAllowed";
    HttpCodes[HttpCodes["NotAcceptable"] = 406] = "NotAcceptable";
    HttpCodes[HttpCodes["ProxyAuthenticationRequired"] = 407] = "ProxyAuthenticationRequired";
    HttpCodes[HttpCodes["RequestTimeout"] = 408] = "RequestTimeout";
    HttpCodes[HttpCodes["Conflict"] = 409] = "Conflict";
    HttpCodes[HttpCodes["Gone"] = 410] = "Gone";
    HttpCodes[HttpCodes["TooManyRequests"] = 429] = "TooManyRequests";
    HttpCodes[HttpCodes["InternalServerError"] = 500] = "InternalServerError";
    HttpCodes[HttpCodes["NotImplemented"] = 501] = "NotImplemented";
    HttpCodes[HttpCodes["BadGateway"] = 502] = "BadGateway";
    HttpCodes[HttpCodes["ServiceUnavailable"] = 503] = "ServiceUnavailable";
    HttpCodes[HttpCodes["GatewayTimeout"] = 504] = "GatewayTimeout";
})(HttpCodes || (HttpCodes = {}));
var Headers;
(function (Headers) {
    Headers["Accept"] = "accept";
    Headers["ContentType"] = "content-type";
})(Headers || (Headers = {}));
var MediaTypes;
(function (MediaTypes) {
    MediaTypes["ApplicationJson"] = "application/json";
})(MediaTypes || (MediaTypes = {}));
/**
 * Returns the proxy URL, depending upon the supplied url and proxy environment variables.
 * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
 */
function lib_getProxyUrl(serverUrl) {
    const proxyUrl = pm.getProxyUrl(new URL(serverUrl));
    return proxyUrl ? proxyUrl.href : '';
}
const HttpRedirectCodes = [
    HttpCodes.MovedPermanently,
    HttpCodes.ResourceMoved,
    HttpCodes.SeeOther,
    HttpCodes.TemporaryRedirect,
    HttpCodes.PermanentRedirect
];
const HttpResponseRetryCodes = [
    HttpCodes.BadGateway,
    HttpCodes.ServiceUnavailable,
    HttpCodes.GatewayTimeout
];
const RetryableHttpVerbs = ['OPTIONS', 'GET', 'DELETE', 'HEAD'];
const ExponentialBackoffCeiling = 10;
const ExponentialBackoffTimeSlice = 5;
class HttpClientError extends Error {
    constructor(message, statusCode) {
        super(message);
        this.name = 'HttpClientError';
        this.statusCode = statusCode;
        Object.setPrototypeOf(this, HttpClientError.prototype);
    }
}
class HttpClientResponse {
    constructor(message) {
        this.message = message;
    }
    readBody() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                let output = Buffer.alloc(0);
                this.message.on('data', (chunk) => {
                    output = Buffer.concat([output, chunk]);
                });
                this.message.on('end', () => {
                    resolve(output.toString());
                });
            }));
        });
    }
    readBodyBuffer() {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve) => __awaiter(this, void 0, void 0, function* () {
                const chunks = [];
                this.message.on('data', (chunk) => {
                    chunks.push(chunk);
                });
                this.message.on('end', () => {
                    resolve(Buffer.concat(chunks));
                });
            }));
        });
    }
}
function isHttps(requestUrl) {
    const parsedUrl = new URL(requestUrl);
    return parsedUrl.protocol === 'https:';
}
class HttpClient {
    constructor(userAgent, handlers, requestOptions) {
        this._ignoreSslError = false;
        this._allowRedirects = true;
        this._allowRedirectDowngrade = false;
        this._maxRedirects = 50;
        this._allowRetries = false;
        this._maxRetries = 1;
        this._keepAlive = false;
        this._disposed = false;
        this.userAgent = this._getUserAgentWithOrchestrationId(userAgent);
        this.handlers = handlers || [];
        this.requestOptions = requestOptions;
        if (requestOptions) {
            if (requestOptions.ignoreSslError != null) {
                this._ignoreSslError = requestOptions.ignoreSslError;
            }
            this._socketTimeout = requestOptions.socketTimeout;
            if (requestOptions.allowRedirects != null) {
                this._allowRedirects = requestOptions.allowRedirects;
            }
            if (requestOptions.allowRedirectDowngrade != null) {
                this._allowRedirectDowngrade = requestOptions.allowRedirectDowngrade;
            }
            if (requestOptions.maxRedirects != null) {
                this._maxRedirects = Math.max(requestOptions.maxRedirects, 0);
            }
            if (requestOptions.keepAlive != null) {
                this._keepAlive = requestOptions.keepAlive;
            }
            if (requestOptions.allowRetries != null) {
                this._allowRetries = requestOptions.allowRetries;
            }
            if (requestOptions.maxRetries != null) {
                this._maxRetries = requestOptions.maxRetries;
            }
        }
    }
    options(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('OPTIONS', requestUrl, null, additionalHeaders || {});
        });
    }
    get(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('GET', requestUrl, null, additionalHeaders || {});
        });
    }
    del(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('DELETE', requestUrl, null, additionalHeaders || {});
        });
    }
    post(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('POST', requestUrl, data, additionalHeaders || {});
        });
    }
    patch(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PATCH', requestUrl, data, additionalHeaders || {});
        });
    }
    put(requestUrl, data, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('PUT', requestUrl, data, additionalHeaders || {});
        });
    }
    head(requestUrl, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request('HEAD', requestUrl, null, additionalHeaders || {});
        });
    }
    sendStream(verb, requestUrl, stream, additionalHeaders) {
        return __awaiter(this, void 0, void 0, function* () {
            return this.request(verb, requestUrl, stream, additionalHeaders);
        });
    }
    /**
     * Gets a typed object from an endpoint
     * Be aware that not found returns a null.  Other errors (4xx, 5xx) reject the promise
     */
    getJson(requestUrl_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, additionalHeaders = {}) {
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            const res = yield this.get(requestUrl, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    postJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.post(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    putJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.put(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    patchJson(requestUrl_1, obj_1) {
        return __awaiter(this, arguments, void 0, function* (requestUrl, obj, additionalHeaders = {}) {
            const data = JSON.stringify(obj, null, 2);
            additionalHeaders[Headers.Accept] = this._getExistingOrDefaultHeader(additionalHeaders, Headers.Accept, MediaTypes.ApplicationJson);
            additionalHeaders[Headers.ContentType] =
                this._getExistingOrDefaultContentTypeHeader(additionalHeaders, MediaTypes.ApplicationJson);
            const res = yield this.patch(requestUrl, data, additionalHeaders);
            return this._processResponse(res, this.requestOptions);
        });
    }
    /**
     * Makes a raw http request.
     * All other methods such as get, post, patch, and request ultimately call this.
     * Prefer get, del, post and patch
     */
    request(verb, requestUrl, data, headers) {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._disposed) {
                throw new Error('Client has already been disposed.');
            }
            const parsedUrl = new URL(requestUrl);
            let info = this._prepareRequest(verb, parsedUrl, headers);
            // Only perform retries on reads since writes may not be idempotent.
            const maxTries = this._allowRetries && RetryableHttpVerbs.includes(verb)
                ? this._maxRetries + 1
                : 1;
            let numTries = 0;
            let response;
            do {
                response = yield this.requestRaw(info, data);
                // Check if it's an authentication challenge
                if (response &&
                    response.message &&
                    response.message.statusCode === HttpCodes.Unauthorized) {
                    let authenticationHandler;
                    for (const handler of this.handlers) {
                        if (handler.canHandleAuthentication(response)) {
                            authenticationHandler = handler;
                            break;
                        }
                    }
                    if (authenticationHandler) {
                        return authenticationHandler.handleAuthentication(this, info, data);
                    }
                    else {
                        // We have received an unauthorized response but have no handlers to handle it.
                        // Let the response return to the caller.
                        return response;
                    }
                }
                let redirectsRemaining = this._maxRedirects;
                while (response.message.statusCode &&
                    HttpRedirectCodes.includes(response.message.statusCode) &&
                    this._allowRedirects &&
                    redirectsRemaining > 0) {
                    const redirectUrl = response.message.headers['location'];
                    if (!redirectUrl) {
                        // if there's no location to redirect to, we won't
                        break;
                    }
                    const parsedRedirectUrl = new URL(redirectUrl);
                    if (parsedUrl.protocol === 'https:' &&
                        parsedUrl.protocol !== parsedRedirectUrl.protocol &&
                        !this._allowRedirectDowngrade) {
                        throw new Error('Redirect from HTTPS to HTTP protocol. This downgrade is not allowed for security reasons. If you want to allow this behavior, set the allowRedirectDowngrade option to true.');
                    }
                    // we need to finish reading the response before reassigning response
                    // which will leak the open socket.
                    yield response.readBody();
                    // strip authorization header if redirected to a different hostname
                    if (parsedRedirectUrl.hostname !== parsedUrl.hostname) {
                        for (const header in headers) {
                            // header names are case insensitive
                            if (header.toLowerCase() === 'authorization') {
                                delete headers[header];
                            }
                        }
                    }
                    // let's make the request with the new redirectUrl
                    info = this._prepareRequest(verb, parsedRedirectUrl, headers);
                    response = yield this.requestRaw(info, data);
                    redirectsRemaining--;
                }
                if (!response.message.statusCode ||
                    !HttpResponseRetryCodes.includes(response.message.statusCode)) {
                    // If not a retry code, return immediately instead of retrying
                    return response;
                }
                numTries += 1;
                if (numTries < maxTries) {
                    yield response.readBody();
                    yield this._performExponentialBackoff(numTries);
                }
            } while (numTries < maxTries);
            return response;
        });
    }
    /**
     * Needs to be called if keepAlive is set to true in request options.
     */
    dispose() {
        if (this._agent) {
            this._agent.destroy();
        }
        this._disposed = true;
    }
    /**
     * Raw request.
     * @param info
     * @param data
     */
    requestRaw(info, data) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => {
                function callbackForResult(err, res) {
                    if (err) {
                        reject(err);
                    }
                    else if (!res) {
                        // If `err` is not passed, then `res` must be passed.
                        reject(new Error('Unknown error'));
                    }
                    else {
                        resolve(res);
                    }
                }
                this.requestRawWithCallback(info, data, callbackForResult);
            });
        });
    }
    /**
     * Raw request with callback.
     * @param info
     * @param data
     * @param onResult
     */
    requestRawWithCallback(info, data, onResult) {
        if (typeof data === 'string') {
            if (!info.options.headers) {
                info.options.headers = {};
            }
            info.options.headers['Content-Length'] = Buffer.byteLength(data, 'utf8');
        }
        let callbackCalled = false;
        function handleResult(err, res) {
            if (!callbackCalled) {
                callbackCalled = true;
                onResult(err, res);
            }
        }
        const req = info.httpModule.request(info.options, (msg) => {
            const res = new HttpClientResponse(msg);
            handleResult(undefined, res);
        });
        let socket;
        req.on('socket', sock => {
            socket = sock;
        });
        // If we ever get disconnected, we want the socket to timeout eventually
        req.setTimeout(this._socketTimeout || 3 * 60000, () => {
            if (socket) {
                socket.end();
            }
            handleResult(new Error(`Request timeout: ${info.options.path}`));
        });
        req.on('error', function (err) {
            // err has statusCode property
            // res should have headers
            handleResult(err);
        });
        if (data && typeof data === 'string') {
            req.write(data, 'utf8');
        }
        if (data && typeof data !== 'string') {
            data.on('close', function () {
                req.end();
            });
            data.pipe(req);
        }
        else {
            req.end();
        }
    }
    /**
     * Gets an http agent. This function is useful when you need an http agent that handles
     * routing through a proxy server - depending upon the url and proxy environment variables.
     * @param serverUrl  The server URL where the request will be sent. For example, https://api.github.com
     */
    getAgent(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        return this._getAgent(parsedUrl);
    }
    getAgentDispatcher(serverUrl) {
        const parsedUrl = new URL(serverUrl);
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (!useProxy) {
            return;
        }
        return this._getProxyAgentDispatcher(parsedUrl, proxyUrl);
    }
    _prepareRequest(method, requestUrl, headers) {
        const info = {};
        info.parsedUrl = requestUrl;
        const usingSsl = info.parsedUrl.protocol === 'https:';
        info.httpModule = usingSsl ? external_https_namespaceObject : external_http_namespaceObject;
        const defaultPort = usingSsl ? 443 : 80;
        info.options = {};
        info.options.host = info.parsedUrl.hostname;
        info.options.port = info.parsedUrl.port
            ? parseInt(info.parsedUrl.port)
            : defaultPort;
        info.options.path =
            (info.parsedUrl.pathname || '') + (info.parsedUrl.search || '');
        info.options.method = method;
        info.options.headers = this._mergeHeaders(headers);
        if (this.userAgent != null) {
            info.options.headers['user-agent'] = this.userAgent;
        }
        info.options.agent = this._getAgent(info.parsedUrl);
        // gives handlers an opportunity to participate
        if (this.handlers) {
            for (const handler of this.handlers) {
                handler.prepareRequest(info.options);
            }
        }
        return info;
    }
    _mergeHeaders(headers) {
        if (this.requestOptions && this.requestOptions.headers) {
            return Object.assign({}, lowercaseKeys(this.requestOptions.headers), lowercaseKeys(headers || {}));
        }
        return lowercaseKeys(headers || {});
    }
    /**
     * Gets an existing header value or returns a default.
     * Handles converting number header values to strings since HTTP headers must be strings.
     * Note: This returns string | string[] since some headers can have multiple values.
     * For headers that must always be a single string (like Content-Type), use the
     * specialized _getExistingOrDefaultContentTypeHeader method instead.
     */
    _getExistingOrDefaultHeader(additionalHeaders, header, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[header];
            if (headerValue) {
                clientHeader =
                    typeof headerValue === 'number' ? headerValue.toString() : headerValue;
            }
        }
        const additionalValue = additionalHeaders[header];
        if (additionalValue !== undefined) {
            return typeof additionalValue === 'number'
                ? additionalValue.toString()
                : additionalValue;
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    /**
     * Specialized version of _getExistingOrDefaultHeader for Content-Type header.
     * Always returns a single string (not an array) since Content-Type should be a single value.
     * Converts arrays to comma-separated strings and numbers to strings to ensure type safety.
     * This was split from _getExistingOrDefaultHeader to provide stricter typing for callers
     * that assign the result to places expecting a string (e.g., additionalHeaders[Headers.ContentType]).
     */
    _getExistingOrDefaultContentTypeHeader(additionalHeaders, _default) {
        let clientHeader;
        if (this.requestOptions && this.requestOptions.headers) {
            const headerValue = lowercaseKeys(this.requestOptions.headers)[Headers.ContentType];
            if (headerValue) {
                if (typeof headerValue === 'number') {
                    clientHeader = String(headerValue);
                }
                else if (Array.isArray(headerValue)) {
                    clientHeader = headerValue.join(', ');
                }
                else {
                    clientHeader = headerValue;
                }
            }
        }
        const additionalValue = additionalHeaders[Headers.ContentType];
        // Return the first non-undefined value, converting numbers or arrays to strings if necessary
        if (additionalValue !== undefined) {
            if (typeof additionalValue === 'number') {
                return String(additionalValue);
            }
            else if (Array.isArray(additionalValue)) {
                return additionalValue.join(', ');
            }
            else {
                return additionalValue;
            }
        }
        if (clientHeader !== undefined) {
            return clientHeader;
        }
        return _default;
    }
    _getAgent(parsedUrl) {
        let agent;
        const proxyUrl = getProxyUrl(parsedUrl);
        const useProxy = proxyUrl && proxyUrl.hostname;
        if (this._keepAlive && useProxy) {
            agent = this._proxyAgent;
        }
        if (!useProxy) {
            agent = this._agent;
        }
        // if agent is already assigned use that agent.
        if (agent) {
            return agent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        let maxSockets = 100;
        if (this.requestOptions) {
            maxSockets = this.requestOptions.maxSockets || external_http_.globalAgent.maxSockets;
        }
        // This is `useProxy` again, but we need to check `proxyURl` directly for TypeScripts's flow analysis.
        if (proxyUrl && proxyUrl.hostname) {
            const agentOptions = {
                maxSockets,
                keepAlive: this._keepAlive,
                proxy: Object.assign(Object.assign({}, ((proxyUrl.username || proxyUrl.password) && {
                    proxyAuth: `${proxyUrl.username}:${proxyUrl.password}`
                })), { host: proxyUrl.hostname, port: proxyUrl.port })
            };
            let tunnelAgent;
            const overHttps = proxyUrl.protocol === 'https:';
            if (usingSsl) {
                tunnelAgent = overHttps ? tunnel_lazy/* httpsOverHttps */.vX : tunnel_lazy/* httpsOverHttp */.I9;
            }
            else {
                tunnelAgent = overHttps ? tunnel_lazy/* httpOverHttps */.aQ : tunnel_lazy/* httpOverHttp */.xj;
            }
            agent = tunnelAgent(agentOptions);
            this._proxyAgent = agent;
        }
        // if tunneling agent isn't assigned create a new agent
        if (!agent) {
            const options = { keepAlive: this._keepAlive, maxSockets };
            agent = usingSsl ? new external_https_.Agent(options) : new external_http_.Agent(options);
            this._agent = agent;
        }
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            agent.options = Object.assign(agent.options || {}, {
                rejectUnauthorized: false
            });
        }
        return agent;
    }
    _getProxyAgentDispatcher(parsedUrl, proxyUrl) {
        let proxyAgent;
        if (this._keepAlive) {
            proxyAgent = this._proxyAgentDispatcher;
        }
        // if agent is already assigned use that agent.
        if (proxyAgent) {
            return proxyAgent;
        }
        const usingSsl = parsedUrl.protocol === 'https:';
        proxyAgent = new undici/* ProxyAgent */.k(Object.assign({ uri: proxyUrl.href, pipelining: !this._keepAlive ? 0 : 1 }, ((proxyUrl.username || proxyUrl.password) && {
            token: `Basic ${Buffer.from(`${proxyUrl.username}:${proxyUrl.password}`).toString('base64')}`
        })));
        this._proxyAgentDispatcher = proxyAgent;
        if (usingSsl && this._ignoreSslError) {
            // we don't want to set NODE_TLS_REJECT_UNAUTHORIZED=0 since that will affect request for entire process
            // http.RequestOptions doesn't expose a way to modify RequestOptions.agent.options
            // we have to cast it to any and change it directly
            proxyAgent.options = Object.assign(proxyAgent.options.requestTls || {}, {
                rejectUnauthorized: false
            });
        }
        return proxyAgent;
    }
    _getUserAgentWithOrchestrationId(userAgent) {
        const baseUserAgent = userAgent || 'actions/http-client';
        const orchId = process.env['ACTIONS_ORCHESTRATION_ID'];
        if (orchId) {
            // Sanitize the orchestration ID to ensure it contains only valid characters
            // Valid characters: 0-9, a-z, _, -, .
            const sanitizedId = orchId.replace(/[^a-z0-9_.-]/gi, '_');
            return `${baseUserAgent} actions_orchestration_id/${sanitizedId}`;
        }
        return baseUserAgent;
    }
    _performExponentialBackoff(retryNumber) {
        return __awaiter(this, void 0, void 0, function* () {
            retryNumber = Math.min(ExponentialBackoffCeiling, retryNumber);
            const ms = ExponentialBackoffTimeSlice * Math.pow(2, retryNumber);
            return new Promise(resolve => setTimeout(() => resolve(), ms));
        });
    }
    _processResponse(res, options) {
        return __awaiter(this, void 0, void 0, function* () {
            return new Promise((resolve, reject) => __awaiter(this, void 0, void 0, function* () {
                const statusCode = res.message.statusCode || 0;
                const response = {
                    statusCode,
                    result: null,
                    headers: {}
                };
                // not found leads to null obj returned
                if (statusCode === HttpCodes.NotFound) {
                    resolve(response);
                }
                // get the result from the body
                function dateTimeDeserializer(key, value) {
                    if (typeof value === 'string') {
                        const a = new Date(value);
                        if (!isNaN(a.valueOf())) {
                            return a;
                        }
                    }
                    return value;
                }
                let obj;
                let contents;
                try {
                    contents = yield res.readBody();
                    if (contents && contents.length > 0) {
                        if (options && options.deserializeDates) {
                            obj = JSON.parse(contents, dateTimeDeserializer);
                        }
                        else {
                            obj = JSON.parse(contents);
                        }
                        response.result = obj;
                    }
                    response.headers = res.message.headers;
                }
                catch (err) {
                    // Invalid resource (contents not json);  leaving result obj null
                }
                // note that 3xx redirects are handled by the http layer.
                if (statusCode > 299) {
                    let msg;
                    // if exception/error in body, attempt to get better error
                    if (obj && obj.message) {
                        msg = obj.message;
                    }
                    else if (contents && contents.length > 0) {
                        // it may be the case that the exception is in the body message as string
                        msg = contents;
                    }
                    else {
                        msg = `Failed request: (${statusCode})`;
                    }
                    const err = new HttpClientError(msg, statusCode);
                    err.result = response.result;
                    reject(err);
                }
                else {
                    resolve(response);
                }
            }));
        });
    }
}
const lowercaseKeys = (obj) => Object.keys(obj).reduce((c, k) => ((c[k.toLowerCase()] = obj[k]), c), {});
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ../src/logic/api.js
// Names the Swarms API and the runner define, stated once for the action, the scripts and the tests.
// JavaScript, so that the scripts (which run under plain Node, with no TypeScript step) can import it.

/** The credit-balance endpoint, below `base-url`. */
const CREDITS_PATH = '/v1/account/credits'

/**
 * The environment variable through which the runner passes input `name`: `INPUT_`, then the name in
 * capitals with spaces as underscores (the rule of @actions/core's getInput).
 * @param {string} name
 * @returns {string}
 */
function api_inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
}

;// CONCATENATED MODULE: ../src/logic/rate-limit.ts
const RESET_AS_DELAY_BELOW = 1_000_000_000;
function header(headers, name) {
    const value = headers[name];
    const text = (Array.isArray(value) ? value[0] : value)?.trim();
    return text || undefined;
}
function whole(headers, name) {
    const text = header(headers, name);
    return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : undefined;
}
function rate_limit_seconds(headers, name) {
    const text = header(headers, name);
    return text !== undefined && /^\d{1,12}(\.\d{1,9})?$/.test(text) ? Number(text) : undefined;
}
function isPrintableAscii(text) {
    return /^[\x20-\x7e]+$/.test(text);
}
function parseRateLimit(headers) {
    const tier = header(headers, 'x-ratelimit-tier');
    return {
        tier: tier !== undefined && isPrintableAscii(tier) ? tier : undefined,
        remainingMinute: whole(headers, 'x-ratelimit-remaining-minute'),
        remainingDay: whole(headers, 'x-ratelimit-remaining-day'),
        limitMinute: whole(headers, 'x-ratelimit-limit-minute'),
        limitDay: whole(headers, 'x-ratelimit-limit-day'),
        reset: rate_limit_seconds(headers, 'x-ratelimit-reset')
    };
}
function waitUntilResetMs(headers, now) {
    const reset = parseRateLimit(headers).reset;
    if (reset === undefined)
        return undefined;
    return Math.max(0, reset < RESET_AS_DELAY_BELOW ? Math.round(reset * 1000) : Math.round(reset * 1000) - now);
}

;// CONCATENATED MODULE: ../src/logic/retry.ts
const retry_BACKOFF_BASE_MS = 1_000;
const retry_BACKOFF_CAP_MS = 10_000;
const RETRY_AFTER_CAP_MS = 60_000;
function isRetryableStatus(status) {
    return status === 408 || status === 429 || (status >= 500 && status <= 599);
}
function retry_backoffMs(retry, random = Math.random) {
    const step = retry_BACKOFF_BASE_MS * 2 ** Math.min(retry - 1, 30);
    return Math.round(Math.min(retry_BACKOFF_CAP_MS, step * (1 + random())));
}
function retryWaitMs(retry, requested, random) {
    return Math.max(requested ?? 0, retry_backoffMs(retry, random));
}
function requestedWaitMs(headers, now = Date.now()) {
    const ms = single(headers['retry-after-ms']);
    if (ms !== undefined && /^\d+(\.\d+)?$/.test(ms))
        return Math.ceil(Number(ms));
    const after = single(headers['retry-after']);
    if (after === undefined)
        return undefined;
    if (/^\d+$/.test(after))
        return Number(after) * 1000;
    const date = /[a-z]{3}/i.test(after) ? Date.parse(after) : Number.NaN;
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function single(value) {
    const text = Array.isArray(value) ? value[0] : value;
    return text?.trim() || undefined;
}

;// CONCATENATED MODULE: ../src/logic/measure-gate.js
// Whether the post step may have a job to measure: the one check its entry makes before loading
// anything else, so that a job that does not measure pays for no more than Node's start (see README,
// What a job costs). JavaScript with no import but api.js, so that the post bundle's entry stays tiny.
// Only a clear "no" skips the rest: measure-job empty or false and max-job-spend empty. Any other value
// (an invalid one included) goes to the full post step, which validates the inputs as the main step does.


/** The values of a boolean input that mean false, as the YAML 1.2 core schema writes them. */
const FALSE_VALUES = ['false', 'False', 'FALSE']

/**
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {boolean}
 */
function mayMeasure(env) {
  const measure = (env[inputVariable('measure-job')] ?? '').trim()
  const limit = (env[inputVariable('max-job-spend')] ?? '').trim()
  return limit !== '' || (measure !== '' && !FALSE_VALUES.includes(measure))
}

;// CONCATENATED MODULE: ../src/logic/inputs.ts







const DEFAULTS = {
    'api-key': '',
    'base-url': 'https://api.swarms.world',
    'minimum-credits': '0',
    'credit-type': 'total',
    'warning-credits': '',
    'fail-on-api-error': 'true',
    'max-retries': '3',
    'timeout-seconds': '30',
    summary: 'true',
    'history-file': '',
    'history-branch': '',
    'github-token': '${{ github.token }}',
    'history-limit': '1000',
    'minimum-days-remaining': '',
    'monthly-budget': '',
    'spike-factor': '',
    'measure-job': 'false',
    'max-job-spend': ''
};
const DEFAULT_BASE_URL = DEFAULTS['base-url'];
const MAX_RETRIES_LIMIT = 10;
const TIMEOUT_SECONDS_LIMIT = 600;
const HISTORY_LIMIT_MAX = 100_000;
function inputs_tracksHistory(inputs) {
    return inputs.historyFile !== undefined || inputs.historyBranch !== undefined;
}
class inputs_InputError extends errors_ActionError {
    problem;
    constructor(problem) {
        super('input', `invalid input: ${problem.kind}`);
        this.name = 'InputError';
        this.problem = problem;
    }
}
function inputValue(env, name) {
    return (env[api_inputVariable(name)] ?? '').trim();
}
function readApiKey(env) {
    return inputValue(env, 'api-key') || (env.SWARMS_API_KEY ?? '').trim();
}
function readGithubToken(env) {
    return inputValue(env, 'github-token');
}
const KEY_CHARACTERS = /^[\x21-\x7e]+$/;
function inputs_readInputs(env, workspace) {
    const apiKey = readApiKey(env);
    if (!apiKey) {
        throw new inputs_InputError({ kind: 'no-key' });
    }
    if (!KEY_CHARACTERS.test(apiKey) || apiKey.length < FRAGMENT_LENGTH) {
        throw new inputs_InputError({ kind: 'not-a-key', minLength: FRAGMENT_LENGTH });
    }
    const given = (name) => inputValue(env, name);
    const get = (name) => given(name) || DEFAULTS[name];
    const optional = (name, parse) => get(name) ? parse(name, get(name)) : undefined;
    const historyFile = get('history-file');
    const historyBranch = get('history-branch') ? parseBranch(env, get('history-branch'), historyFile) : undefined;
    for (const name of ['minimum-days-remaining', 'monthly-budget', 'spike-factor']) {
        if (get(name) && !historyFile && !historyBranch) {
            throw new inputs_InputError({ kind: 'needs-history', input: name });
        }
    }
    return {
        apiKey,
        baseUrl: parseBaseUrl(get('base-url')),
        minimumCredits: parseDecimal('minimum-credits', get('minimum-credits')),
        creditType: parseCreditType(get('credit-type')),
        warningCredits: optional('warning-credits', parseDecimal),
        failOnApiError: parseBoolean('fail-on-api-error', get('fail-on-api-error')),
        maxRetries: parseWhole('max-retries', get('max-retries'), 0, MAX_RETRIES_LIMIT),
        timeoutSeconds: parseTimeout(get('timeout-seconds')),
        summary: parseBoolean('summary', get('summary')),
        historyBranch,
        historyFile: historyFile && !historyBranch
            ? (0,external_node_path_namespaceObject.isAbsolute)(historyFile)
                ? historyFile
                : (0,external_node_path_namespaceObject.resolve)(workspace, historyFile)
            : undefined,
        historyLimit: parseWhole('history-limit', get('history-limit'), 2, HISTORY_LIMIT_MAX),
        minimumDaysRemaining: optional('minimum-days-remaining', parseDecimal),
        monthlyBudget: optional('monthly-budget', parseDecimal),
        spikeFactor: optional('spike-factor', parseFactor),
        measureJob: parseBoolean('measure-job', get('measure-job')) || get('max-job-spend') !== '',
        maxJobSpend: optional('max-job-spend', (name, text) => (parseDecimal(name, text), text))
    };
}
function parseBranch(env, branch, historyFile) {
    if (!isBranchName(branch)) {
        throw new inputs_InputError({ kind: 'not-branch', value: branch });
    }
    const file = historyFile ? (0,external_node_path_namespaceObject.basename)(historyFile.replace(/\\/g, '/')) : DEFAULT_BRANCH_FILE;
    if (!isBranchFileName(file)) {
        throw new inputs_InputError({ kind: 'not-branch-file', value: file, fallback: DEFAULT_BRANCH_FILE });
    }
    const token = readGithubToken(env);
    if (!token) {
        throw new inputs_InputError({ kind: 'no-token' });
    }
    if (!KEY_CHARACTERS.test(token)) {
        throw new inputs_InputError({ kind: 'not-token' });
    }
    const repository = (env.GITHUB_REPOSITORY ?? '').trim();
    if (!isRepository(repository)) {
        throw new inputs_InputError({ kind: 'not-repository', value: repository });
    }
    const server = (env.GITHUB_SERVER_URL ?? '').trim() || 'https://github.com';
    return { branch, file, repository, remote: `${parseServerUrl(server)}/${repository}.git`, token };
}
function parseServerUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        url = undefined;
    }
    const secure = url && (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopback(url.hostname)));
    if (!url || !secure || url.username || url.password || url.search || url.hash) {
        throw new inputs_InputError({ kind: 'not-server', value: text });
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
const DECIMAL = /^(\d+(\.\d*)?|\.\d+)$/;
function parseDecimal(name, text) {
    const value = Number(text);
    if (!DECIMAL.test(text) || !Number.isFinite(value)) {
        throw new inputs_InputError({ kind: 'not-decimal', input: name, value: text });
    }
    return value;
}
function parseWhole(name, text, min, max) {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < min || value > max) {
        throw new inputs_InputError({ kind: 'not-whole', input: name, value: text, min, max });
    }
    return value;
}
function parseTimeout(text) {
    const value = Number(text);
    if (!DECIMAL.test(text) || !(value > 0) || value > TIMEOUT_SECONDS_LIMIT) {
        throw new inputs_InputError({ kind: 'not-timeout', value: text, max: TIMEOUT_SECONDS_LIMIT });
    }
    return value;
}
function parseFactor(name, text) {
    const value = Number(text);
    if (!DECIMAL.test(text) || !(value > 1) || !Number.isFinite(value)) {
        throw new inputs_InputError({ kind: 'not-factor', input: name, value: text });
    }
    return value;
}
function parseCreditType(text) {
    if (balance_CREDIT_TYPES.includes(text))
        return text;
    throw new inputs_InputError({ kind: 'not-credit-type', value: text, types: balance_CREDIT_TYPES });
}
const TRUE = ['true', 'True', 'TRUE'];
const FALSE = FALSE_VALUES;
function parseBoolean(name, text) {
    if (TRUE.includes(text))
        return true;
    if (FALSE.includes(text))
        return false;
    throw new inputs_InputError({ kind: 'not-boolean', input: name, value: text });
}
function parseBaseUrl(text) {
    let url;
    try {
        url = new URL(text);
    }
    catch {
        throw new inputs_InputError({ kind: 'not-url', value: text, example: DEFAULT_BASE_URL });
    }
    if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url.hostname))) {
        throw new inputs_InputError({ kind: 'not-https', value: text });
    }
    if (url.username || url.password || url.search || url.hash) {
        throw new inputs_InputError({ kind: 'url-extras', value: url.origin });
    }
    return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
function isLoopback(hostname) {
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

;// CONCATENATED MODULE: ../src/render/client-errors.ts

const OUTAGE_ADVICE = 'The API may be down or rate limiting: try again later.';
const client_errors_seconds = (ms) => `${Math.round(ms / 100) / 10} s`;
const clientWords = {
    tlsEnvIgnored: 'NODE_TLS_REJECT_UNAUTHORIZED is ignored: the key is sent only to a server whose certificate is verified.',
    notRead: (url, reason, attempts, advice) => `Could not read the Swarms credit balance from ${url}: ${reason} (${attempts === 1 ? '1 attempt' : `${attempts} attempts`}). ${advice}`,
    waitTooLong: (requestedMs, capMs) => `The API asks to wait ${client_errors_seconds(requestedMs)} before the next request, longer than the ${client_errors_seconds(capMs)} this action waits: run the check later or less often.`,
    retrying: (attempt, attempts, reason, waitMs) => `Attempt ${attempt} of ${attempts} failed: ${reason}. Retrying in ${client_errors_seconds(waitMs)}.`,
    outageAdvice: OUTAGE_ADVICE,
    timedOut: (timeoutSeconds) => `no complete answer within ${timeoutSeconds} s (timeout-seconds)`,
    timedOutAdvice: `${OUTAGE_ADVICE} A slow network may need a larger \`timeout-seconds\`.`,
    tooLarge: (url, limitBytes) => `The answer from ${url} is larger than ${limitBytes / 1024} KiB, so it is not a credit balance: check \`base-url\`.`,
    httpSaid: (status, detail) => (detail ? `HTTP ${status}: ${detail}` : `HTTP ${status}`),
    notABalance: (url, status, why) => `The answer from ${url} (HTTP ${status}) is not a credit balance: ${why}. Check that \`base-url\` is the Swarms API's address.`,
    keyRejected: (said) => `The Swarms API rejected the API key (${said}). Check the secret passed as \`api-key\` (or SWARMS_API_KEY): it must be an active key from the Swarms platform's API keys page.`,
    redirect: (url, status, location) => `The API at ${url} answered with a redirect (HTTP ${status}${location ? ` to ${location}` : ''}); the action does not follow redirects, so that the key goes nowhere else. Set \`base-url\` to the API's own address.`,
    refused: (url, said) => `The Swarms API refused GET ${url} with ${said}. Check \`base-url\` (the default is ${DEFAULT_BASE_URL}).`,
    tls: (url, cause) => `TLS error talking to ${url}: ${cause}. The server's certificate is not trusted, and the key is sent only to a verified server; if the runner reaches the internet through a TLS-inspecting proxy, trust its CA certificate with NODE_EXTRA_CA_CERTS.`,
    connectionFailed: (cause) => `connection failed (${cause})`,
    connectionAdvice: `${OUTAGE_ADVICE} Check \`base-url\` and the runner's network and proxy settings (HTTPS_PROXY, NO_PROXY).`,
    closedEarly: 'the connection closed before the whole answer arrived'
};

;// CONCATENATED MODULE: ../src/io/client.ts








const BODY_LIMIT_BYTES = 64 * 1024;
async function fetchBalance(options) {
    const url = `${options.baseUrl}${CREDITS_PATH}`;
    const attempts = options.maxRetries + 1;
    const sleep = options.sleep ?? ((ms) => new Promise(resolve => setTimeout(resolve, ms)));
    for (let attempt = 1;; attempt++) {
        const result = await attemptOnce(url, options);
        if ('balance' in result)
            return result;
        const fail = (advice) => new errors_ActionError('outage', secret_redact(clientWords.notRead(url, result.reason, attempt, advice), options.apiKey));
        if (attempt >= attempts)
            throw fail(result.advice);
        const requested = result.requestedWaitMs;
        if (requested !== undefined && requested > RETRY_AFTER_CAP_MS) {
            throw fail(clientWords.waitTooLong(requested, RETRY_AFTER_CAP_MS));
        }
        const wait = retryWaitMs(attempt, requested, options.random);
        options.log?.(secret_redact(clientWords.retrying(attempt, attempts, result.reason, wait), options.apiKey));
        await sleep(wait);
    }
}
async function attemptOnce(url, options) {
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), options.timeoutSeconds * 1000);
    const client = new HttpClient(options.userAgent, [prepareWith(deadline.signal)], {
        allowRetries: false,
        allowRedirects: false,
        keepAlive: false,
        socketTimeout: options.timeoutSeconds * 1000 + 1000
    });
    const expired = new Promise((_resolve, reject) => deadline.signal.addEventListener('abort', () => reject(new Error('deadline')), { once: true }));
    try {
        const response = await Promise.race([
            client.get(url, { 'x-api-key': options.apiKey, accept: 'application/json' }),
            expired
        ]);
        const body = await readCapped(response.message, BODY_LIMIT_BYTES);
        return answer(url, response.message.statusCode ?? 0, response.message.headersDistinct, body, options);
    }
    catch (error) {
        if (error instanceof errors_ActionError)
            throw error;
        if (deadline.signal.aborted) {
            return { reason: clientWords.timedOut(options.timeoutSeconds), advice: clientWords.timedOutAdvice };
        }
        if (error instanceof BodyTooLargeError) {
            throw new errors_ActionError('outage', clientWords.tooLarge(url, BODY_LIMIT_BYTES));
        }
        return connectionFailure(url, error, options.apiKey);
    }
    finally {
        clearTimeout(timer);
        client.dispose();
    }
}
function answer(url, status, headers, body, options) {
    const apiKey = options.apiKey;
    const detail = apiDetail(body, apiKey);
    const said = clientWords.httpSaid(status, detail);
    if (status >= 200 && status <= 299) {
        try {
            return { balance: parseBalance(body, text => secret_redact(text, apiKey)), rateLimit: parseRateLimit(headers) };
        }
        catch (error) {
            if (!(error instanceof BalanceFormatError))
                throw error;
            throw new errors_ActionError('outage', secret_redact(clientWords.notABalance(url, status, error.message), apiKey));
        }
    }
    if (status === 401 || status === 403) {
        throw new errors_ActionError('rejected', clientWords.keyRejected(said));
    }
    if (isRetryableStatus(status)) {
        const now = options.now?.() ?? Date.now();
        const wait = requestedWaitMs(headers, now) ?? (status === 429 ? waitUntilResetMs(headers, now) : undefined);
        return { reason: said, advice: clientWords.outageAdvice, requestedWaitMs: wait };
    }
    if (status >= 300 && status <= 399) {
        const where = [headers.location ?? []].flat()[0];
        const location = where ? errors_clip(errors_oneLine(secret_redact(where, apiKey)), 200) : undefined;
        throw new errors_ActionError('request', clientWords.redirect(url, status, location));
    }
    throw new errors_ActionError('request', clientWords.refused(url, said));
}
function apiDetail(body, apiKey) {
    let detail;
    try {
        detail = JSON.parse(body)?.detail;
    }
    catch {
        return undefined;
    }
    if (detail === undefined || detail === null || detail === '')
        return undefined;
    return errors_clip(errors_oneLine(secret_redact(typeof detail === 'string' ? detail : JSON.stringify(detail), apiKey)), 200);
}
const TLS_CODES = /^(CERT_|ERR_TLS_|ERR_SSL_|UNABLE_TO_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|HOSTNAME_MISMATCH|ERR_CERT)/;
function connectionFailure(url, error, apiKey) {
    const err = error;
    const code = typeof err?.code === 'string' ? err.code : undefined;
    const message = errors_oneLine(secret_redact(err instanceof Error ? err.message : String(error), apiKey));
    const cause = code && !message.includes(code) ? `${code}: ${message}` : message;
    if (code && TLS_CODES.test(code)) {
        throw new errors_ActionError('outage', clientWords.tls(url, cause));
    }
    return { reason: clientWords.connectionFailed(cause), advice: clientWords.connectionAdvice };
}
function prepareWith(signal) {
    return {
        prepareRequest(request) {
            request.signal = signal;
            const agent = request.agent;
            const connect = agent?.proxyOptions ? agent.request : undefined;
            if (agent && connect)
                agent.request = options => connect({ ...options, signal });
            request.rejectUnauthorized = true;
            if (request.host)
                request.host = request.host.replace(/^\[(.*)\]$/, '$1');
        },
        canHandleAuthentication: () => false,
        handleAuthentication: () => Promise.reject(new Error('no authentication handler'))
    };
}
function keepTlsVerificationOn(env = process.env) {
    if (env.NODE_TLS_REJECT_UNAUTHORIZED === undefined || env.NODE_TLS_REJECT_UNAUTHORIZED === '1')
        return undefined;
    delete env.NODE_TLS_REJECT_UNAUTHORIZED;
    return clientWords.tlsEnvIgnored;
}
class BodyTooLargeError extends Error {
}
function readCapped(message, limit) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        message.on('data', (chunk) => {
            size += chunk.length;
            if (size > limit) {
                reject(new BodyTooLargeError());
                message.destroy();
            }
            else
                chunks.push(chunk);
        });
        message.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        message.on('error', reject);
        message.on('close', () => {
            if (!message.complete)
                reject(new Error(clientWords.closedEarly));
        });
    });
}

// EXTERNAL MODULE: ./stubs/core.ts
var core = __nccwpck_require__(911);
;// CONCATENATED MODULE: ../src/logic/workflow-commands.ts
const INVISIBLE = String.raw `\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}`;
const LEADING = String.raw `\p{White_Space}${INVISIBLE}`;
const LINE_COMMAND = new RegExp(`^([${LEADING}]*):(?=[${INVISIBLE}]*:)`, 'u');
const LEGACY_COMMAND = new RegExp(`(#[${INVISIBLE}]*#[${INVISIBLE}]*)\\[`, 'gu');
const LINE_BREAK = /(\r\n|\r|\n)/;
function neutraliseCommands(text) {
    if (!text.includes(':') && !text.includes('#'))
        return text;
    return text
        .split(LINE_BREAK)
        .map((part, index) => index % 2 === 1 ? part : part.replace(LINE_COMMAND, '$1\\:').replace(LEGACY_COMMAND, '$1\\['))
        .join('');
}

;// CONCATENATED MODULE: ../src/logic/credit-flow.ts


const credit_flow_BILLABLE_FLOOR = 1;
function credit_flow_isBillable(totalCredits) {
    return totalCredits > credit_flow_BILLABLE_FLOOR;
}
const credit_flow_FLOW_ORDER = [...balance_SPENDING_ORDER, 'total'];
function credit_flow_creditFlow(readings, current) {
    const window = burnWindow(seriesTo(readings, current));
    const rate = burnRate(window, 'total');
    const burnRates = rate === undefined
        ? undefined
        : Object.fromEntries(CREDIT_TYPES.map(type => [type, burnRate(window, type) ?? 0]));
    const { free, total, regular, referral } = current.values;
    const regularBalance = regular + referral;
    const billableDepletionDate = forecast(total - credit_flow_BILLABLE_FLOOR, rate, current.at).depletionDate;
    const freeOutlastsFloor = free > 0 && total - free < credit_flow_BILLABLE_FLOOR - SPEND_EPSILON;
    const freeDepletionDate = free > 0 && !freeOutlastsFloor ? forecast(free, rate, current.at).depletionDate : undefined;
    const sharedRunsOut = credit_flow_isBillable(total) && !freeOutlastsFloor ? billableDepletionDate : undefined;
    const runsOut = {
        free: freeDepletionDate,
        regular: regular > 0 ? sharedRunsOut : undefined,
        referral: referral > 0 ? sharedRunsOut : undefined,
        total: billableDepletionDate
    };
    const rows = credit_flow_FLOW_ORDER.map(type => ({
        type,
        balance: current.values[type],
        spentPerDay: burnRates?.[type],
        runsOut: runsOut[type]
    }));
    return { burnRates, freeDepletionDate, billableDepletionDate, freeOutlastsFloor, regularBalance, rows };
}

;// CONCATENATED MODULE: ../src/render/messages.ts



const messages_LABELS = {
    total: 'Total',
    regular: 'Regular (purchased)',
    free: 'Free',
    referral: 'Referral'
};
function messages_plural(count, unit) {
    return `${count} ${unit}${count === '1' ? '' : 's'}`;
}
const messages_FORECAST_HORIZON = messages_plural(String(Math.round(MAX_FORECAST_DAYS / 365)), 'year');
const messages_MIN_RATE_SPAN = messages_plural(String(MIN_WINDOW_MS / trend_HOUR_MS), 'hour');
function messages_about(days) {
    return days >= 10 ? String(Math.round(days)) : roundedText(days, 1);
}
function messages_cents(credits) {
    return roundedText(credits, 2);
}
function messages_perDay(credits) {
    return `${messages_plural(messages_cents(credits), 'credit')} a day`;
}
function times(value) {
    return String(Math.round(value * 10) / 10);
}
function messages_span(ms) {
    const minutes = ms / 60_000;
    if (minutes < 90)
        return messages_plural(String(Math.round(minutes)), 'minute');
    const hours = minutes / 60;
    if (hours < 48)
        return messages_plural(String(Math.round(hours * 10) / 10), 'hour');
    return messages_plural(String(Math.round((hours / 24) * 10) / 10), 'day');
}
function messages_againstUsual(ratio) {
    return Number.isFinite(ratio) ? `${times(ratio)} times the usual rate` : 'where the account usually spends nothing';
}
const messages_SPENDING_ORDER = 'Swarms spends free credits first, then the regular balance (purchased and referral credits together).';
const messages_FLOOR_TEXT = credit_flow_BILLABLE_FLOOR.toFixed(2);
function messages_floorLine(total) {
    return `At ${messages_plural(total, 'total credit')}, agents cannot run: the Swarms API refuses billable requests (HTTP 402) at or below ${messages_FLOOR_TEXT} total credits.`;
}
function balanceLine(balance, verdict) {
    const next = verdict.nextCreditType === 'none'
        ? 'no credits are left to spend'
        : `the next charge is taken from ${verdict.nextCreditType === 'free' ? 'free credits' : 'the regular balance'}`;
    return `Swarms credits: total ${balance.texts.total}, free ${balance.texts.free}, regular ${balance.texts.regular}, referral ${balance.texts.referral}; ${next}. ${messages_SPENDING_ORDER}`;
}
function outageAdvice(failOnApiError) {
    return failOnApiError
        ? ' Set `fail-on-api-error: false` so that an outage does not fail the job.'
        : ' The job goes on because fail-on-api-error is false; no balance outputs are set.';
}
function unexpectedMessage(error) {
    const text = error instanceof Error ? error.message : String(error);
    return `Unexpected error in the Swarms credit-balance action: ${errors_oneLine(text)}. Please report it with this line.`;
}
function outputFileMessage(reason) {
    return `The runner's output file (GITHUB_OUTPUT) cannot be written (${errors_oneLine(reason)}), so this step's outputs are not set. The balance was read (see the log above); check the runner's disk and its temporary folder.`;
}
function summaryWriteMessage(reason) {
    return `Could not write the job summary (${errors_oneLine(reason)}); the outputs are set.`;
}
function summaryClippedNote(limitBytes) {
    const size = limitBytes % (1024 * 1024) === 0 ? `${limitBytes / 1024 / 1024} MiB` : `${limitBytes} bytes`;
    return `_The rest of this summary was cut: the runner keeps at most ${size} a step._`;
}

;// CONCATENATED MODULE: ../src/io/toolkit.ts





const NONBLOCK = external_node_fs_namespaceObject.constants.O_NONBLOCK ?? 0;
let checkedOutputFile;
const SUMMARY_LIMIT_BYTES = 1024 * 1024;
const toolkit_runner = {
    mask: secret => core/* setSecret */.Pq(secret),
    info: line => core/* info */.pq(line),
    warning: message => core/* warning */.$e(message),
    notice: message => core/* notice */.lm(message),
    fail: message => core/* setFailed */.C1(message),
    setOutput(name, value) {
        const file = process.env.GITHUB_OUTPUT;
        if (file && file !== checkedOutputFile) {
            (0,external_node_fs_namespaceObject.closeSync)((0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | NONBLOCK));
            checkedOutputFile = file;
        }
        core/* setOutput */.uH(name, value);
    },
    debug: message => core/* debug */.Yz(message),
    appendSummary(markdown) {
        const file = process.env.GITHUB_STEP_SUMMARY;
        if (!file)
            return false;
        const fd = (0,external_node_fs_namespaceObject.openSync)(file, external_node_fs_namespaceObject.constants.O_WRONLY | external_node_fs_namespaceObject.constants.O_APPEND | external_node_fs_namespaceObject.constants.O_CREAT | NONBLOCK);
        try {
            (0,external_node_fs_namespaceObject.writeSync)(fd, markdown);
        }
        finally {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
        }
        return true;
    },
    saveState: (name, value) => core/* saveState */.LZ(name, value)
};
function toolkit_printable(text, secrets) {
    return neutraliseCommands(redactAll(visible(text), typeof secrets === 'string' ? [secrets] : secrets));
}
function toolkit_emit(report, secrets, sink = toolkit_runner) {
    const list = typeof secrets === 'string' ? [secrets] : secrets;
    const safe = (text) => toolkit_printable(text, list);
    for (const line of report.log)
        sink.info(safe(line));
    for (const warning of report.warnings)
        sink.warning(safe(warning));
    for (const notice of report.notices ?? [])
        sink.notice(safe(notice));
    if (report.error)
        sink.fail(safe(report.error));
    try {
        for (const [name, value] of Object.entries(report.outputs))
            sink.setOutput(name, redactAll(value, list));
    }
    catch (error) {
        sink.fail(safe(outputFileMessage(reason(error))));
    }
    if (report.summary === undefined)
        return;
    try {
        sink.appendSummary(clipBytes(safe(report.summary), SUMMARY_LIMIT_BYTES));
    }
    catch (error) {
        sink.warning(safe(summaryWriteMessage(reason(error))));
    }
}
function clipBytes(markdown, limit) {
    if (Buffer.byteLength(markdown) <= limit)
        return markdown;
    const note = `\n\n${summaryClippedNote(limit)}\n`;
    let cut = Buffer.from(markdown)
        .subarray(0, limit - Buffer.byteLength(note))
        .toString('utf8');
    cut = cut.slice(0, Math.max(0, cut.lastIndexOf('\n')));
    return cut + note;
}
function reason(error) {
    return error instanceof Error ? error.message : String(error);
}

;// CONCATENATED MODULE: ../src/io/read-balance.ts



async function read_balance_readBalance(inputs, secrets, sink) {
    const tlsNote = keepTlsVerificationOn();
    if (tlsNote)
        sink.info(tlsNote);
    return fetchBalance({
        baseUrl: inputs.baseUrl,
        apiKey: secrets[0],
        maxRetries: inputs.maxRetries,
        timeoutSeconds: inputs.timeoutSeconds,
        userAgent: USER_AGENT,
        log: message => sink.info(toolkit_printable(message, secrets))
    });
}

;// CONCATENATED MODULE: ../src/io/secrets.ts


function secrets_maskSecrets(env, sink) {
    const apiKey = readApiKey(env);
    if (apiKey)
        sink.mask(apiKey);
    const token = inputValue(env, 'history-branch') ? readGithubToken(env) : '';
    if (!token)
        return [apiKey];
    const credential = basicCredential(token);
    sink.mask(token);
    sink.mask(credential);
    return [apiKey, token, credential];
}

;// CONCATENATED MODULE: ../src/logic/job-spend.ts

const MICRO = 1000000n;
const MICRO_DIGITS = 6;
const NUMBER_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;
function toMicro(text) {
    const match = NUMBER_TEXT.exec(text.trim());
    if (!match)
        return undefined;
    const [, sign, whole = '', fraction = '', exponentText] = match;
    if (whole === '' && fraction === '')
        return undefined;
    const exponent = exponentText === undefined ? 0 : Number(exponentText);
    const shift = exponent - fraction.length + MICRO_DIGITS;
    if (!Number.isSafeInteger(exponent) || Math.abs(shift) > 100_000)
        return undefined;
    const digits = BigInt(`${whole}${fraction}` || '0');
    let micro;
    if (shift >= 0)
        micro = digits * 10n ** BigInt(shift);
    else {
        const divisor = 10n ** BigInt(-shift);
        micro = digits / divisor;
        if ((digits % divisor) * 2n >= divisor)
            micro += 1n;
    }
    return sign === '-' ? -micro : micro;
}
function limitMicro(text) {
    const [whole = '', fraction = ''] = text.trim().split('.');
    return BigInt(whole || '0') * MICRO + BigInt((fraction + '000000').slice(0, MICRO_DIGITS));
}
function job_spend_microValues(texts) {
    const micro = {};
    for (const type of balance_CREDIT_TYPES) {
        const value = toMicro(texts[type]);
        if (value === undefined)
            return undefined;
        micro[type] = value;
    }
    return micro;
}
function jobSpend(start, end) {
    const types = balance_SPENDING_ORDER.map(type => {
        const fell = start.micro[type] - end.micro[type];
        return {
            type,
            start: start.micro[type],
            end: end.micro[type],
            spent: fell > 0n ? fell : 0n,
            toppedUp: fell < 0n ? -fell : 0n
        };
    });
    return {
        types,
        spent: types.reduce((sum, t) => sum + t.spent, 0n),
        startTotal: start.micro.total,
        endTotal: end.micro.total,
        toppedUp: types.some(t => t.toppedUp > 0n),
        durationMs: Math.max(0, end.at - start.at)
    };
}
function overLimit(spent, limit) {
    return spent > limitMicro(limit);
}
const job_spend_STATE_NAME = 'swarms_job_start';
const job_spend_STATE_NO_READING = 'none';
const STATE_VERSION = 'v1';
const MICRO_TEXT = '-?(?:0|[1-9]\\d{0,21})';
const STATE_SHAPE = new RegExp(`^${STATE_VERSION} (0|[1-9]\\d{0,15})((?: ${MICRO_TEXT}){4})$`);
const STATE_ORDER = balance_CREDIT_TYPES;
function job_spend_encodeStart(reading) {
    return [STATE_VERSION, String(reading.at), ...STATE_ORDER.map(type => String(reading.micro[type]))].join(' ');
}
const MAX_JOB_MS = 35 * 86_400_000;
const START_SKEW_MS = 60_000;
const MAX_MICRO = BigInt(MAX_CREDITS) * MICRO;
function decodeStart(text, now) {
    if (text === undefined || text === '')
        return { kind: 'missing' };
    if (text === job_spend_STATE_NO_READING)
        return { kind: 'no-reading' };
    const match = STATE_SHAPE.exec(text);
    if (!match)
        return { kind: 'invalid' };
    const at = Number(match[1]);
    const amounts = match[2].trim().split(' ').map(BigInt);
    if (!Number.isSafeInteger(at) || at > now + START_SKEW_MS || at < now - MAX_JOB_MS)
        return { kind: 'invalid' };
    if (amounts.some(amount => amount > MAX_MICRO || amount < -MAX_MICRO))
        return { kind: 'invalid' };
    const micro = Object.fromEntries(STATE_ORDER.map((type, i) => [type, amounts[i]]));
    return { kind: 'reading', reading: { at, micro } };
}

;// CONCATENATED MODULE: ../src/render/job-spend.ts



function credits(micro) {
    const sign = micro < 0n ? '-' : '';
    const magnitude = micro < 0n ? -micro : micro;
    const fraction = String(magnitude % MICRO)
        .padStart(6, '0')
        .replace(/0+$/, '');
    return `${sign}${magnitude / MICRO}${fraction ? `.${fraction}` : ''}`;
}
function swarmsCredits(micro) {
    return `${credits(micro)} Swarms ${micro === MICRO ? 'credit' : 'credits'}`;
}
function duration(ms) {
    const seconds = Math.floor(ms / 1000);
    if (seconds < 60)
        return `${seconds} s`;
    const minutes = Math.floor(seconds / 60);
    if (minutes < 60)
        return `${minutes} min ${seconds % 60} s`;
    return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
function time(at) {
    return `${new Date(at).toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
const SHARED_ACCOUNT = 'The account is shared: credits spent with the same key by other jobs or people while this job ran are counted too.';
const notDecimalEndReason = 'the balance read at the end of the job has an amount that is not a decimal number';
function job_spend_measuringLine() {
    return "Measuring this job's Swarms credit spend: the balance is read again when the job ends (the post step).";
}
function perType(spend) {
    const spent = spend.types.filter(t => t.spent > 0n).map(t => `${t.type} ${credits(t.spent)}`);
    const rose = spend.types
        .filter(t => t.toppedUp > 0n)
        .map(t => `${t.type} rose by ${credits(t.toppedUp)} (a top-up, not spend)`);
    return [spent.join(', '), ...rose].filter(Boolean).join('; ');
}
function spendNotice(spend) {
    const detail = perType(spend);
    return `This job spent ${swarmsCredits(spend.spent)}${detail ? `: ${detail}` : ''}.`;
}
function spendLogLine(spend) {
    const end = spend.types.map(t => `${t.type} ${credits(t.end)}`).join(', ');
    const detail = perType(spend);
    return `Swarms credits at the end of the job: total ${credits(spend.endTotal)}, ${end}. This job spent ${credits(spend.spent)} in ${duration(spend.durationMs)}${detail ? `: ${detail}` : ''}.`;
}
function overLimitMessage(spend, limit) {
    return `This job spent ${swarmsCredits(spend.spent)}, above the limit of ${limit} (max-job-spend). Find what spent them (an agent in a loop?), or raise \`max-job-spend\`.`;
}
function job_spend_stateNotSavedWarning(reason) {
    return `The runner's state file (GITHUB_STATE) cannot be written (${oneLine(reason)}), so this job's spend will not be measured; the balance was read. Check the runner's disk and its temporary folder.`;
}
function nothingToMeasureLine(why) {
    const reason = why === 'inputs'
        ? 'the inputs are invalid (the main step said which)'
        : 'the main step read no balance at the start of the job';
    return `Nothing to measure: ${reason}, so this job's spend is not known.`;
}
function stateWarning(kind) {
    const what = kind === 'missing'
        ? 'The start reading the main step leaves for this post step is missing'
        : 'The start reading the main step left for this post step is not in the form the action writes (it was changed)';
    return `${what}, so this job's spend is not measured. Run the action once per job with measure-job, and leave STATE_* variables alone.`;
}
function endReadFailure(message, fails, limit, outage) {
    const consequence = `At the end of the job: ${errors_oneLine(message)} This job's spend is not known${limit === undefined ? '' : `, so the limit of ${limit} (max-job-spend) could not be checked`}.`;
    if (!fails)
        return `${consequence} The job goes on because fail-on-api-error is false.`;
    return outage
        ? `${consequence} Set \`fail-on-api-error: false\` so that an outage at the end of the job gives a warning.`
        : consequence;
}
function endNotKeptWarning(path, reason) {
    return `The history file ${path} could not be read (${errors_oneLine(reason)}): the reading at the end of the job is not kept.`;
}
function jobSummary(spend, check, end) {
    const start = end - spend.durationMs;
    const rows = spend.types.map(t => {
        const note = t.toppedUp > 0n ? ` (rose by ${credits(t.toppedUp)}: a top-up)` : '';
        return `| ${messages_LABELS[t.type]} | ${credits(t.start)} | ${credits(t.end)} | ${credits(t.spent)}${note} |`;
    });
    const lines = [
        '### This job',
        '',
        `This job spent **${credits(spend.spent)}** Swarms ${spend.spent === MICRO ? 'credit' : 'credits'} in ${duration(spend.durationMs)} (from ${time(start)} to ${time(end)}).`,
        '',
        '| Credits | Start | End | Spent |',
        '| --- | ---: | ---: | ---: |',
        ...rows,
        `| ${messages_LABELS.total} | ${credits(spend.startTotal)} | ${credits(spend.endTotal)} | ${credits(spend.spent)} |`,
        ''
    ];
    if (spend.toppedUp) {
        lines.push('A type that rose during the job was topped up: its rise is not spend, and any spend from it while it was topped up is hidden by the top-up. The total spent is the sum of what each type fell.', '');
    }
    if (check) {
        lines.push(check.over
            ? `❌ Above the limit of ${check.limit} credits (max-job-spend): the job fails.`
            : `✅ At or below the limit of ${check.limit} credits (max-job-spend).`, '');
    }
    lines.push(SHARED_ACCOUNT, '');
    return lines.join('\n');
}

;// CONCATENATED MODULE: ../src/logic/policy.ts


const FINDINGS = (/* unused pure expression or super */ null && ([
    'below-minimum',
    'history-unreadable',
    'short-of-runway',
    'over-budget',
    'forecast-over-budget',
    'spend-spike',
    'below-warning',
    'not-billable'
]));
function policy_evaluate(balance, policy, tracked) {
    const { creditType } = policy;
    const gated = balance.values[creditType];
    const runway = tracked?.runway;
    const budget = policy.monthlyBudget;
    const spent = tracked?.spentThisMonth;
    const forecast = tracked?.forecastThisMonth;
    const spike = tracked?.spike;
    const billable = isBillable(balance.values.total);
    const gates = [];
    if (policy.minimumDaysRemaining !== undefined)
        gates.push('minimum-days-remaining');
    if (budget !== undefined)
        gates.push('monthly-budget');
    const findings = [];
    if (gated < policy.minimumCredits)
        findings.push({ kind: 'below-minimum', creditType, minimum: policy.minimumCredits, billable });
    if (tracked?.unreadable === true && gates.length)
        findings.push({ kind: 'history-unreadable', gates });
    if (policy.minimumDaysRemaining !== undefined && runway && runway.daysRemaining < policy.minimumDaysRemaining)
        findings.push({ kind: 'short-of-runway', creditType, minimumDays: policy.minimumDaysRemaining, ...runway });
    const overBudget = budget !== undefined && spent !== undefined ? exceeds(spent, budget) : undefined;
    if (overBudget && budget !== undefined && spent !== undefined)
        findings.push({ kind: 'over-budget', spent, budget });
    if (budget !== undefined && forecast !== undefined && exceeds(forecast, budget))
        findings.push({ kind: 'forecast-over-budget', spent, forecast, budget });
    if (spike?.spike)
        findings.push({ kind: 'spend-spike', spent: spike.spent, overMs: spike.overMs, times: spike.times });
    if (policy.warningCredits !== undefined && gated < policy.warningCredits)
        findings.push({ kind: 'below-warning', creditType, warning: policy.warningCredits });
    if (!billable)
        findings.push({ kind: 'not-billable' });
    return {
        belowMinimum: gated < policy.minimumCredits,
        overBudget,
        billable,
        nextCreditType: nextCreditType(balance),
        outcome: decide(findings)
    };
}
const FAILING = (/* unused pure expression or super */ null && (['below-minimum', 'history-unreadable', 'short-of-runway', 'over-budget']));
function decide(findings) {
    const has = (kind) => findings.some(finding => finding.kind === kind);
    const ranked = FINDINGS.flatMap(kind => findings.filter(finding => finding.kind === kind));
    const failure = ranked.find(finding => FAILING.includes(finding.kind));
    const warnings = ranked.filter(finding => {
        if (FAILING.includes(finding.kind))
            return false;
        if (finding.kind === 'forecast-over-budget')
            return !has('over-budget');
        if (finding.kind === 'below-warning' || finding.kind === 'not-billable')
            return !has('below-minimum');
        return true;
    });
    return { failure, warnings };
}
function nextCreditType(balance) {
    if (balance.values.free > 0)
        return 'free';
    if (balance.values.regular > 0 || balance.values.referral > 0)
        return 'regular';
    return 'none';
}
function policy_failsTheJob(kind, failOnApiError) {
    return !(kind === 'outage' && failOnApiError === false);
}

;// CONCATENATED MODULE: ../src/render/findings.ts


const GATE_WORDS = {
    'minimum-days-remaining': 'the runway (minimum-days-remaining)',
    'monthly-budget': 'the monthly budget (monthly-budget)'
};
function findings_findingWords(finding, { balance, history }) {
    switch (finding.kind) {
        case 'below-minimum': {
            const text = balance.texts[finding.creditType];
            const floor = finding.billable ? '' : ` ${floorLine(balance.texts.total)}`;
            return {
                annotation: `Swarms ${finding.creditType} credits are ${text}, below the minimum of ${finding.minimum} (minimum-credits).${floor} Add credits to the account, or lower \`minimum-credits\`.`,
                verdict: `${plural(text, `${finding.creditType} credit`)}, below the minimum of ${finding.minimum}`
            };
        }
        case 'history-unreadable':
            return {
                annotation: `The history file ${history?.path ?? ''} could not be read (${oneLine(history?.unreadable ?? '')}), so ${finding.gates.map(gate => GATE_WORDS[gate]).join(' and ')} could not be checked. ${history?.onBranch ? 'Gates fail closed: fix what the reason says, then run again.' : 'Make the file readable (or remove it to start afresh), or wait for the run holding its lock.'}`,
                verdict: 'the history could not be read, so the gates that need it could not be checked'
            };
        case 'short-of-runway': {
            const text = balance.texts[finding.creditType];
            const days = plural(about(finding.daysRemaining), 'day');
            const rate = finding.burnRatePerDay === undefined ? '' : ` at ${perDay(finding.burnRatePerDay)}`;
            return {
                annotation: `Swarms ${finding.creditType} credits (${text}) last about ${days}${rate} (until ${finding.depletionDate}), fewer than the ${finding.minimumDays} of minimum-days-remaining. Add credits, or lower \`minimum-days-remaining\`.`,
                verdict: `${plural(text, `${finding.creditType} credit`)} last about ${days}, fewer than the ${finding.minimumDays} of minimum-days-remaining`
            };
        }
        case 'over-budget':
            return {
                annotation: `Swarms credits spent this month (UTC): ${cents(finding.spent)}, over the monthly budget of ${finding.budget} (monthly-budget). Find what is spending, or raise \`monthly-budget\`.`,
                verdict: `${plural(cents(finding.spent), 'credit')} spent this month, over the budget of ${finding.budget}`
            };
        case 'forecast-over-budget':
            return {
                annotation: `${finding.spent === undefined ? 'At' : `Swarms credits spent this month (UTC): ${cents(finding.spent)}; at`} the current rate the month ends at about ${cents(finding.forecast)}, over the monthly budget of ${finding.budget} (monthly-budget).`,
                verdict: `on course to spend ${cents(finding.forecast)} this month, over the budget of ${finding.budget}`
            };
        case 'spend-spike':
            return {
                annotation: `Swarms credits are being spent fast: ${plural(cents(finding.spent), 'credit')} in the last ${span(finding.overMs)}, ${againstUsual(finding.times)}. A job may be looping: check the workflows that call Swarms.`,
                verdict: 'spending is far above its usual rate'
            };
        case 'below-warning': {
            const text = balance.texts[finding.creditType];
            return {
                annotation: `Swarms ${finding.creditType} credits are ${text}, below the warning threshold of ${finding.warning} (warning-credits). Add credits before they run out.`,
                verdict: `${plural(text, `${finding.creditType} credit`)}, below the warning threshold of ${finding.warning}`
            };
        }
        case 'not-billable':
            return {
                annotation: `${floorLine(balance.texts.total)} Add credits to the account.`,
                verdict: `${plural(balance.texts.total, 'total credit')}: agents cannot run`
            };
        default:
            return unreachable(finding);
    }
}
function unreachable(finding) {
    throw new Error(`no words for the finding ${JSON.stringify(finding)}`);
}

;// CONCATENATED MODULE: ../src/render/input-errors.ts

const ECHO_LIMIT = 100;
function echo(text) {
    return JSON.stringify(clip(oneLine(text), ECHO_LIMIT));
}
function input_errors_inputErrorText(problem) {
    switch (problem.kind) {
        case 'no-key':
            return 'No Swarms API key: set the `api-key` input (for example `api-key: ${{ secrets.SWARMS_API_KEY }}`) or the SWARMS_API_KEY environment variable.';
        case 'not-a-key':
            return `Input \`api-key\` (or SWARMS_API_KEY) is not an API key: a key is at least ${problem.minLength} characters of printable ASCII without spaces. Paste the key alone, with nothing around it.`;
        case 'needs-history':
            return `Input \`${problem.input}\` needs \`history-file\` or \`history-branch\`: it is computed from the history of readings.`;
        case 'not-decimal':
            return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a non-negative decimal number, such as 10 or 0.5.`;
        case 'not-whole':
            return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a whole number from ${problem.min} to ${problem.max}.`;
        case 'not-timeout':
            return `Input \`timeout-seconds\` is ${echo(problem.value)}: it must be a number of seconds above 0 and at most ${problem.max}, such as 30.`;
        case 'not-factor':
            return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be a decimal number above 1, such as 3.`;
        case 'not-credit-type':
            return `Input \`credit-type\` is ${echo(problem.value)}: it must be one of ${problem.types.join(', ')}.`;
        case 'not-boolean':
            return `Input \`${problem.input}\` is ${echo(problem.value)}: it must be true or false.`;
        case 'not-url':
            return `Input \`base-url\` is ${echo(problem.value)}: it is not a URL; use the API's address, such as ${problem.example}.`;
        case 'not-https':
            return `Input \`base-url\` is ${echo(problem.value)}: https is required (plain http is accepted only for a loopback host such as 127.0.0.1).`;
        case 'url-extras':
            return `Input \`base-url\` is ${echo(`${problem.value}…`)}: it must be the API's address alone, with no credentials, query or fragment.`;
        case 'not-branch':
            return `Input \`history-branch\` is ${echo(problem.value)}: it must be a branch name git accepts (letters, digits, ., _, - and / between parts, such as swarms-credit-history).`;
        case 'not-branch-file':
            return `Input \`history-file\` ends in ${echo(problem.value)}, which cannot name the history's file on \`history-branch\`: use a name of letters, digits, ., _ and - (or leave history-file empty for ${problem.fallback}).`;
        case 'no-token':
            return 'Input `github-token` is empty: `history-branch` needs a token that can read and write the repository (the default, ${{ github.token }}, with `permissions: contents: write`).';
        case 'not-token':
            return 'Input `github-token` is not a token: a token is printable ASCII without spaces. Pass the token alone, such as ${{ github.token }}.';
        case 'not-repository':
            return `\`history-branch\` needs the workflow's repository, and GITHUB_REPOSITORY is ${echo(problem.value)}: it must be owner/name (the runner sets it).`;
        case 'not-server':
            return `\`history-branch\` needs the GitHub server's address, and GITHUB_SERVER_URL is ${echo(problem.value)}: it must be an https URL with nothing but a host and a path (plain http only to a loopback host).`;
        default:
            return input_errors_unreachable(problem);
    }
}
function input_errors_unreachable(problem) {
    throw new Error(`no words for the input problem ${JSON.stringify(problem)}`);
}

;// CONCATENATED MODULE: ../src/render/outputs.ts


const amount = (value) => (value === undefined ? '' : formatAmount(value));
const outputs_whole = (value) => (value === undefined ? '' : String(value));
const flag = (value) => (value === undefined ? '' : String(value));
function outputs_balanceOutputs(answer, verdict) {
    const { balance, rateLimit } = answer;
    return {
        'total-credits': balance.texts.total,
        'regular-credits': balance.texts.regular,
        'free-credits': balance.texts.free,
        'referral-credits': balance.texts.referral,
        'below-minimum': String(verdict.belowMinimum),
        'next-credit-type': verdict.nextCreditType,
        billable: String(verdict.billable),
        'balance-json': balance.json,
        'rate-limit-tier': rateLimit.tier ?? '',
        'requests-remaining-minute': outputs_whole(rateLimit.remainingMinute),
        'requests-remaining-day': outputs_whole(rateLimit.remainingDay)
    };
}
const TRACKING_OUTPUTS = (/* unused pure expression or super */ null && ([
    'credits-used-since-last',
    'burn-rate-per-day',
    'days-remaining',
    'depletion-date',
    'burn-rates-json',
    'free-depletion-date',
    'billable-depletion-date',
    'spent-this-month',
    'forecast-this-month',
    'over-budget',
    'spend-spike'
]));
function outputs_trackingOutputs(tracking, verdict) {
    const { trend, burnRates } = tracking;
    return {
        'credits-used-since-last': amount(trend.usedSinceLast),
        'burn-rate-per-day': amount(trend.burnRatePerDay),
        'days-remaining': amount(trend.daysRemaining),
        'depletion-date': trend.depletionDate ?? '',
        'burn-rates-json': burnRates
            ? JSON.stringify(Object.fromEntries(CREDIT_TYPES.map(type => [type, Number(formatAmount(burnRates[type]))])))
            : '',
        'free-depletion-date': tracking.freeDepletionDate ?? '',
        'billable-depletion-date': tracking.billableDepletionDate ?? '',
        'spent-this-month': amount(tracking.spentThisMonth),
        'forecast-this-month': amount(tracking.forecastThisMonth),
        'over-budget': flag(verdict.overBudget),
        'spend-spike': flag(tracking.spike?.spike)
    };
}
function outputs_emptyTrackingOutputs() {
    return Object.fromEntries(TRACKING_OUTPUTS.map(name => [name, '']));
}

;// CONCATENATED MODULE: ../src/render/chart.ts


const LINE_COLOURS = (/* unused pure expression or super */ null && (['#e8590c', '#868e96']));
const DAILY_POINTS = 30;
const HOURLY_UP_TO_MS = 36 * trend_HOUR_MS;
function timeGrid(readings, options) {
    const sorted = sortReadings(readings.filter(r => r.at <= options.now));
    if (sorted.length < 2)
        return undefined;
    const spanMs = options.now - sorted[0].at;
    const unit = spanMs <= HOURLY_UP_TO_MS ? 'hour' : 'day';
    const step = unit === 'hour' ? HOUR_MS : DAY_MS;
    const steps = Math.min(Math.floor(spanMs / step), unit === 'day' ? DAILY_POINTS - 1 : Infinity);
    if (steps < 1)
        return undefined;
    const times = [];
    const values = [];
    let next = 0;
    let value = sorted[0].values[options.creditType];
    for (let k = steps; k >= 0; k--) {
        const time = options.now - k * step;
        while (next < sorted.length && sorted[next].at <= time)
            value = sorted[next++].values[options.creditType];
        times.push(time);
        values.push(value);
    }
    return { unit, times, values };
}
function niceCeiling(value) {
    if (!(value > 0))
        return 1;
    const power = 10 ** Math.floor(Math.log10(value));
    const step = [1, 2, 2.5, 5, 10].find(f => f * power >= value * 1.05) ?? 10;
    return step * power;
}
function date(at) {
    return new Date(at).toISOString().slice(0, 10);
}
function chart_time(at) {
    return new Date(at).toISOString().slice(11, 16);
}
function dateRange(unit, first, last) {
    if (unit === 'day')
        return `${date(first)} to ${date(last)}`;
    return date(first) === date(last)
        ? `${date(first)} ${chart_time(first)} to ${chart_time(last)}`
        : `${date(first)} ${chart_time(first)} to ${date(last)} ${chart_time(last)}`;
}
function quoted(text) {
    return `"${text.replace(/"/g, "'")}"`;
}
function chart_trendChart(readings, options) {
    const grid = timeGrid(readings, options);
    if (!grid) {
        const first = sortReadings(readings.filter(r => r.at <= options.now))[0]?.at ?? options.now;
        const from = first + HOUR_MS;
        return `_The trend chart appears once the history spans an hour, with the first reading from ${date(from)} ${chart_time(from)} UTC on._`;
    }
    const { unit, times, values } = grid;
    const steps = times.length - 1;
    const minimum = options.minimumCredits > 0 ? formatAmount(options.minimumCredits) : undefined;
    const top = niceCeiling(Math.max(...values, options.minimumCredits));
    return [
        '```mermaid',
        `%%{init: ${JSON.stringify({ themeVariables: { xyChart: { plotColorPalette: LINE_COLOURS.join(', ') } } })}}%%`,
        'xychart-beta',
        `  title ${quoted(`${LABELS[options.creditType]} credits, ${dateRange(unit, times[0], times[steps])} (UTC)`)}`,
        `  x-axis ${quoted(unit === 'day' ? 'Days before the last reading' : 'Hours before the last reading')} ${-steps} --> 0`,
        `  y-axis ${quoted(minimum === undefined ? 'Credits' : `Credits (grey line: the minimum, ${minimum})`)} 0 --> ${top}`,
        `  line [${values.map(formatAmount).join(', ')}]`,
        ...(minimum === undefined ? [] : [`  line [${values.map(() => minimum).join(', ')}]`]),
        '```'
    ].join('\n');
}
const BARS = '▁▂▃▄▅▆▇█';
function chart_sparkline(readings, options) {
    const grid = timeGrid(readings, options);
    if (!grid)
        return undefined;
    const top = Math.max(...grid.values);
    const bars = grid.values
        .map(v => BARS[top > 0 ? Math.min(BARS.length - 1, Math.max(0, Math.round((v / top) * (BARS.length - 1)))) : 0])
        .join('');
    const steps = grid.values.length - 1;
    const span = `${steps} ${grid.unit}${steps === 1 ? '' : 's'}, ${grid.unit === 'day' ? 'daily' : 'hourly'}`;
    const first = formatAmount(grid.values[0]);
    const last = formatAmount(grid.values[steps]);
    return `${LABELS[options.creditType]} credits over ${span}: ${first} ${bars} ${last}`;
}

;// CONCATENATED MODULE: ../src/render/credit-flow.ts



function credit_flow_creditFlowMarkdown(flow, texts) {
    if (!flow.burnRates)
        return '';
    const rows = flow.rows.map(row => {
        const balance = texts?.[row.type] ?? formatAmount(row.balance);
        const rate = row.spentPerDay === undefined ? '' : cents(row.spentPerDay);
        return `| ${LABELS[row.type]} | ${balance} | ${rate} | ${row.runsOut ?? ''} |`;
    });
    return [
        '#### Where the credits go',
        '',
        '| Credit type | Balance | Spent a day | Runs out |',
        '| --- | ---: | ---: | --- |',
        ...rows,
        '',
        creditTimeline(flow),
        ''
    ].join('\n');
}
function creditTimeline(flow) {
    const total = flow.rows.find(row => row.type === 'total')?.balance ?? 0;
    const free = flow.rows.find(row => row.type === 'free')?.balance ?? 0;
    const floor = FLOOR_TEXT;
    const rate = flow.burnRates?.total;
    if (total <= BILLABLE_FLOOR)
        return `The total is ${cents(total)}, at or below ${floor}: the API refuses billable requests now.`;
    if (rate === undefined)
        return 'Not enough history yet to say when each balance runs out.';
    if (rate <= 0)
        return 'Nothing is being spent: no balance runs out.';
    const at = `At ${perDay(rate)}`;
    const stop = flow.billableDepletionDate;
    if (stop === undefined)
        return `${at}, no balance runs out within ${FORECAST_HORIZON}.`;
    if (flow.freeOutlastsFloor) {
        const freeLeft = cents(free - (total - BILLABLE_FLOOR));
        return `${at}, the total falls to ${floor} about ${stop}, before the free credits run out: the API stops accepting billable requests then, with about ${plural(freeLeft, 'free credit')} left.`;
    }
    const regular = `the regular balance (${plural(cents(flow.regularBalance), 'credit')})`;
    const first = free > 0 && flow.freeDepletionDate
        ? `${at}, free credits run out about ${flow.freeDepletionDate}; then charges come from ${regular}.`
        : `${at}, charges come from ${regular}.`;
    return `${first} The API stops accepting billable requests about ${stop}, when the total falls to ${floor}.`;
}

;// CONCATENATED MODULE: ../src/render/summary.ts





const HEADING = '### Swarms credit balance';
function codeSpan(text) {
    const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map(run => run.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence} ${text.replace(/\s+/g, ' ')} ${fence}`;
}
function verdictText(balance, verdict, inputs) {
    const words = (finding) => findingWords(finding, { balance }).verdict;
    const failure = verdict.outcome.failure;
    if (failure)
        return `❌ ${words(failure)}: the job fails.`;
    const warnings = verdict.outcome.warnings.map(words);
    if (warnings.length)
        return `⚠️ ${warnings.join('; ')}.`;
    const gated = plural(balance.texts[inputs.creditType], `${inputs.creditType} credit`);
    return `✅ ${gated}, at or above the minimum of ${inputs.minimumCredits}.`;
}
function balanceTable(balance, verdict, inputs) {
    const rows = FLOW_ORDER.map(type => {
        const notes = [
            type === inputs.creditType ? 'gated' : '',
            type === verdict.nextCreditType ? 'next charge' : '',
            type === 'referral' ? 'spent with the regular balance' : ''
        ].filter(Boolean);
        return `| ${LABELS[type]} | ${balance.texts[type]} | ${notes.join(', ')} |`;
    });
    return ['| Credit type | Balance | |', '| --- | ---: | --- |', ...rows];
}
function rateLimitText(rateLimit) {
    const count = (n) => String(n).replace(/\B(?=(\d{3})+$)/g, ',');
    const parts = [
        rateLimit.remainingMinute === undefined
            ? ''
            : `${count(rateLimit.remainingMinute)}${rateLimit.limitMinute === undefined ? '' : ` of ${count(rateLimit.limitMinute)}`} requests left this minute`,
        rateLimit.remainingDay === undefined
            ? ''
            : `${count(rateLimit.remainingDay)}${rateLimit.limitDay === undefined ? '' : ` of ${count(rateLimit.limitDay)}`} today`
    ].filter(Boolean);
    if (!parts.length && rateLimit.tier === undefined)
        return undefined;
    const tier = rateLimit.tier === undefined
        ? 'Rate limits'
        : /^[\w-]+$/.test(rateLimit.tier)
            ? `${rateLimit.tier[0].toUpperCase()}${rateLimit.tier.slice(1)} tier`
            : `${codeSpan(rateLimit.tier)} tier`;
    return parts.length ? `${tier}: ${parts.join(', ')}.` : `${tier}.`;
}
function summary_chartOptions(tracking, inputs) {
    return { creditType: inputs.creditType, minimumCredits: inputs.minimumCredits, now: tracking.current.at };
}
function summary_balanceSummary(answer, verdict, inputs, tracking, extra = {}) {
    const { balance } = answer;
    const gates = [
        `Gated on **${inputs.creditType}** credits`,
        `minimum **${inputs.minimumCredits}**`,
        `warning below **${inputs.warningCredits ?? 'none'}**`,
        inputs.minimumDaysRemaining === undefined ? '' : `minimum days remaining **${inputs.minimumDaysRemaining}**`,
        inputs.monthlyBudget === undefined ? '' : `monthly budget **${inputs.monthlyBudget}**`
    ].filter(Boolean);
    const rateLimits = rateLimitText(answer.rateLimit);
    return [
        HEADING,
        '',
        ...balanceTable(balance, verdict, inputs),
        '',
        SPENDING_ORDER,
        '',
        gates.join(' · '),
        '',
        `**Verdict:** ${verdictText(balance, verdict, inputs)}`,
        '',
        ...(verdict.billable ? [] : [floorLine(balance.texts.total), '']),
        ...(rateLimits ? [rateLimits, ''] : []),
        ...(tracking
            ? [trendSection(balance, tracking, inputs, extra.sparkline)]
            : extra.historyNote
                ? ['#### Trend', '', extra.historyNote, '']
                : [])
    ].join('\n');
}
function summary_forecastText(balance, trend, inputs) {
    const type = inputs.creditType;
    const left = balance.values[type] - inputs.minimumCredits;
    if (left <= 0) {
        return inputs.minimumCredits > 0
            ? `The ${type} balance is at or below the minimum of ${inputs.minimumCredits}.`
            : `No ${type} credits are left.`;
    }
    if (trend.burnRatePerDay === undefined) {
        return trend.spanMs === 0
            ? `No forecast yet: this is the first reading, and a burn rate needs readings at least ${MIN_RATE_SPAN} apart.`
            : `No forecast yet: the history spans ${span(trend.spanMs)}, and a burn rate needs readings at least ${MIN_RATE_SPAN} apart.`;
    }
    if (trend.daysRemaining === undefined) {
        return trend.burnRatePerDay > 0
            ? `At ${perDay(trend.burnRatePerDay)}, the ${type} credits last more than ${FORECAST_HORIZON}: no depletion in sight.`
            : `No ${type} credits were spent over the last ${trend.windowReadings} readings: no depletion in sight.`;
    }
    const credits = inputs.minimumCredits > 0
        ? `the ${plural(cents(left), `${type} credit`)} above the minimum of ${inputs.minimumCredits}`
        : plural(cents(left), `${type} credit`);
    return `At ${perDay(trend.burnRatePerDay)}, ${credits} last about ${plural(about(trend.daysRemaining), 'day')}, until ${trend.depletionDate}.`;
}
function historySpanText(trend) {
    return trend.readings === 1
        ? '1 reading so far (this one).'
        : `${trend.readings} readings over ${span(trend.spanMs)}.`;
}
function trendSection(balance, tracking, inputs, line) {
    const { trend } = tracking;
    const used = trend.usedSinceLast;
    return [
        '#### Trend',
        '',
        `History: ${historySpanText(trend)}`,
        '',
        trendChart(tracking.readings, summary_chartOptions(tracking, inputs)),
        '',
        ...(line ? [line, ''] : []),
        `Burn rate: **${trend.burnRatePerDay === undefined ? 'not known yet' : perDay(trend.burnRatePerDay)}**` +
            (used === undefined ? '' : ` · used since the last reading: **${cents(used)}**`),
        '',
        summary_forecastText(balance, trend, inputs),
        '',
        creditFlowMarkdown(tracking, balance.texts),
        ...monthSection(tracking, inputs),
        ...spikeSection(tracking)
    ].join('\n');
}
function progressBar(fraction) {
    const cells = 20;
    const filled = Math.min(cells, Math.max(0, Math.round(fraction * cells)));
    return `\`${'█'.repeat(filled)}${'░'.repeat(cells - filled)}\``;
}
function monthSection(tracking, inputs) {
    const spent = tracking.spentThisMonth;
    const forecast = tracking.forecastThisMonth;
    const course = forecast === undefined ? '' : `, on course for ${cents(forecast)}`;
    if (inputs.monthlyBudget === undefined)
        return ['#### This month', '', `${plural(cents(spent), 'credit')} spent so far (UTC)${course}.`, ''];
    const budget = inputs.monthlyBudget;
    const percent = budget > 0 ? ` (${Math.round((spent / budget) * 100)}%)` : '';
    return [
        '#### This month',
        '',
        `This month: ${cents(spent)} of ${plural(String(budget), 'credit')} spent${percent}${course}.`,
        '',
        budget > 0 ? progressBar(spent / budget) : '',
        ''
    ];
}
function spikeSection(tracking) {
    const spike = tracking.spike;
    if (!spike?.spike)
        return [];
    return [
        `**Runaway spend:** ${plural(cents(spike.spent), 'credit')} in the last ${span(spike.overMs)}: ${againstUsual(spike.times)}.`,
        ''
    ];
}
function summary_failureSummary(message, failed) {
    const verdict = failed
        ? '❌ The balance was not read: the job fails.'
        : '⚠️ The balance was not read; the job goes on (`fail-on-api-error: false`).';
    return [HEADING, '', `**Verdict:** ${verdict}`, '', codeSpan(message), ''].join('\n');
}

;// CONCATENATED MODULE: ../src/render/report.ts










function report_balanceReport(answer, verdict, inputs, tracking, notes) {
    const { balance } = answer;
    const log = [words.balanceLine(balance, verdict)];
    const line = tracking && sparkline(tracking.readings, chartOptions(tracking, inputs));
    if (tracking)
        log.push(forecastText(balance, tracking.trend, inputs));
    if (line)
        log.push(line);
    const findingText = (finding) => findingWords(finding, { balance, history: notes }).annotation;
    const historyWarnings = notes ? historyNoteWarnings(notes, verdict) : [];
    const outputs = {
        ...balanceOutputs(answer, verdict),
        ...(tracking ? trackingOutputs(tracking, verdict) : tracksHistory(inputs) ? emptyTrackingOutputs() : {})
    };
    const unreadNote = notes?.unreadable ? history.historyNotReadWarning(notes.path, notes.unreadable) : undefined;
    return {
        log,
        warnings: [...historyWarnings, ...verdict.outcome.warnings.map(findingText)],
        error: verdict.outcome.failure && findingText(verdict.outcome.failure),
        outputs,
        summary: inputs.summary
            ? balanceSummary(answer, verdict, inputs, tracking, { historyNote: unreadNote, sparkline: line })
            : undefined
    };
}
function historyNoteWarnings(notes, verdict) {
    const warnings = [];
    if (notes.unreadable && verdict?.outcome.failure?.kind !== 'history-unreadable') {
        warnings.push(historyNotReadWarning(notes.path, notes.unreadable));
    }
    if (notes.movedAside)
        warnings.push(historyMovedAsideWarning(notes.path, notes.movedAside.reason, notes.movedAside.to));
    if (notes.clockBehind)
        warnings.push(clockBehindWarning(notes.path, notes.clockBehind.now, notes.clockBehind.newest));
    if (notes.tornLine !== undefined)
        warnings.push(tornLineWarning(notes.path, notes.tornLine));
    if (notes.notSaved)
        warnings.push(historyNotSavedWarning(notes.path, notes.notSaved));
    if (notes.lockNotRemoved)
        warnings.push(lockNotRemovedWarning(notes.lockNotRemoved));
    return warnings;
}
function report_failureReport(error, inputs) {
    const known = error instanceof ActionError;
    const fails = !known || failsTheJob(error.kind, inputs?.failOnApiError);
    const base = error instanceof InputError ? inputErrorText(error.problem) : known ? error.message : words.unexpectedMessage(error);
    const message = known && error.kind === 'outage' ? base + words.outageAdvice(fails) : base;
    return {
        log: [],
        warnings: fails ? [] : [message],
        error: fails ? message : undefined,
        outputs: {},
        summary: inputs?.summary ? failureSummary(message, fails) : undefined
    };
}

;// CONCATENATED MODULE: ../src/render/job-report.ts





function jobSpendReport(spend, check, end, inputs, notes) {
    return {
        log: [spendLogLine(spend)],
        notices: check?.over ? [] : [spendNotice(spend)],
        warnings: notes ? historyWarnings(notes) : [],
        error: check?.over ? overLimitMessage(spend, check.limit) : undefined,
        outputs: {},
        summary: inputs.summary ? jobSummary(spend, check, end) : undefined
    };
}
function historyWarnings(notes) {
    return notes.unreadable ? [endNotKeptWarning(notes.path, notes.unreadable)] : historyNoteWarnings(notes);
}
function jobEndFailureReport(error, inputs) {
    const known = error instanceof errors_ActionError;
    const fails = !known || policy_failsTheJob(error.kind, inputs.failOnApiError);
    const message = known
        ? endReadFailure(error.message, fails, inputs.maxJobSpend, error.kind === 'outage')
        : unexpectedMessage(error);
    return {
        log: [],
        warnings: fails ? [] : [message],
        error: fails ? message : undefined,
        outputs: {}
    };
}

;// CONCATENATED MODULE: ../src/io/debug.ts



const FRAME = /(\(|at )((?:\/|[A-Za-z]:\\|file:\/\/)[^()]*?):(\d+):(\d+)(\)?)$/;
function mappedStack(error) {
    const maps = new Map();
    const mapOf = (file) => {
        if (!maps.has(file))
            maps.set(file, readMap(file));
        return maps.get(file);
    };
    return (error.stack ?? `${error.name}: ${error.message}`)
        .split('\n')
        .map(line => {
        const frame = FRAME.exec(line);
        const map = frame && mapOf(frame[2]);
        if (!frame || !map)
            return line;
        const entry = map.findEntry(Number(frame[3]) - 1, Number(frame[4]) - 1);
        if (entry.originalSource === undefined || entry.originalLine === undefined)
            return line;
        const source = `${entry.originalSource.replace(/^(\.\.?\/)+/, '')}:${entry.originalLine + 1}:${(entry.originalColumn ?? 0) + 1}`;
        return line.slice(0, frame.index) + frame[1] + source + frame[5];
    })
        .join('\n');
}
function readMap(file) {
    try {
        const { SourceMap: SourceMapOf } = process.getBuiltinModule('node:module');
        return new SourceMapOf(JSON.parse(readFileSync(`${file.replace(/^file:\/\//, '')}.map`, 'utf8')));
    }
    catch {
        return undefined;
    }
}
function debug_debugUnexpected(error, apiKey, debug) {
    if (error instanceof ActionError || !(error instanceof Error))
        return;
    debug(redact(`Unexpected error: ${mappedStack(error)}`, apiKey));
}

;// CONCATENATED MODULE: ../src/logic/spend-guards.ts

const USUAL_RATE_MIN_SPAN_MS = 24 * trend_HOUR_MS;
function monthBounds(at) {
    const date = new Date(at);
    return {
        start: Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1),
        end: Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)
    };
}
function spend_guards_spentThisMonth(readings, current) {
    const series = seriesTo(readings, current);
    const { start } = monthBounds(current.at);
    let spent = 0;
    for (let i = 1; i < series.length; i++) {
        const [before, after] = [series[i - 1], series[i]];
        if (after.at <= start)
            continue;
        const spend = fall(before.values.total, after.values.total);
        spent += before.at >= start ? spend : (spend * (after.at - start)) / (after.at - before.at);
    }
    return spent;
}
function spend_guards_forecastThisMonth(spent, totalBurnRatePerDay, now) {
    if (totalBurnRatePerDay === undefined)
        return undefined;
    return spent + totalBurnRatePerDay * ((monthBounds(now).end - now) / DAY_MS);
}
const SPIKE_MIN_WINDOW_MS = (/* unused pure expression or super */ null && (HOUR_MS));
const SPIKE_FLOOR_PER_HOUR = 1;
function spend_guards_checkSpike(readings, current, factor) {
    const series = seriesTo(readings, current);
    let start = series.length - 2;
    while (start >= 0 && current.at - series[start].at < SPIKE_MIN_WINDOW_MS)
        start--;
    if (start < 0)
        return undefined;
    const before = series.slice(0, start + 1);
    const from = before[before.length - 1];
    if (from.at - before[0].at < USUAL_RATE_MIN_SPAN_MS)
        return undefined;
    const usualPerDay = burnRate(burnWindow(before), 'total');
    if (usualPerDay === undefined)
        return undefined;
    const overMs = current.at - from.at;
    let spent = 0;
    for (let i = start + 1; i < series.length; i++)
        spent += fall(series[i - 1].values.total, series[i].values.total);
    const recentPerHour = spent / (overMs / HOUR_MS);
    const usualPerHour = usualPerDay / 24;
    const times = usualPerHour > 0 ? recentPerHour / usualPerHour : recentPerHour > 0 ? Infinity : 0;
    const spike = recentPerHour > factor * usualPerHour && recentPerHour > SPIKE_FLOOR_PER_HOUR;
    return { spike, spent, overMs, times };
}

;// CONCATENATED MODULE: ../src/logic/tracking.ts



function tracking_analyse(readings, current, inputs, extent) {
    const computed = computeTrend(readings, current, inputs.creditType, inputs.minimumCredits);
    const trend = extent ? { ...computed, readings: extent.count, spanMs: current.at - extent.oldestAt } : computed;
    const flow = creditFlow(readings, current);
    const spent = spentThisMonth(readings, current);
    const forecast = forecastThisMonth(spent, flow.burnRates?.total, current.at);
    const spike = inputs.spikeFactor === undefined ? undefined : checkSpike(readings, current, inputs.spikeFactor);
    return {
        readings,
        current,
        trend,
        ...flow,
        spentThisMonth: spent,
        forecastThisMonth: forecast,
        spike,
        tracked: {
            runway: trend.daysRemaining === undefined || trend.depletionDate === undefined
                ? undefined
                : {
                    daysRemaining: trend.daysRemaining,
                    depletionDate: trend.depletionDate,
                    burnRatePerDay: trend.burnRatePerDay
                },
            spentThisMonth: spent,
            forecastThisMonth: forecast,
            spike
        }
    };
}

;// CONCATENATED MODULE: ../src/main.ts












async function run({ env = process.env, now, sink = runner, history, clock } = {}) {
    const secrets = maskSecrets(env, sink);
    const [apiKey] = secrets;
    let inputs;
    let started = false;
    try {
        inputs = readInputs(env, workspaceOf(env));
        if (inputs.historyFile)
            checkHistoryPath(inputs.historyFile);
        const answer = await readBalance(inputs, secrets, sink);
        const at = now ?? Date.now();
        if (inputs.measureJob)
            started = leaveStart(answer, at, sink);
        const { tracking, notes } = tracksHistory(inputs) ? await track(answer, at, inputs, { history, env, clock }) : {};
        const verdict = evaluate(answer.balance, inputs, tracking?.tracked ?? (notes?.unreadable ? { unreadable: true } : undefined));
        emit(balanceReport(answer, verdict, inputs, tracking, notes), secrets, sink);
    }
    catch (error) {
        debugUnexpected(error, apiKey, message => sink.debug?.(printable(message, secrets)));
        if (inputs?.measureJob && !started)
            leaveState(STATE_NO_READING, sink);
        emit(failureReport(error, inputs), secrets, sink);
    }
}
function workspaceOf(env) {
    return env.GITHUB_WORKSPACE || process.cwd();
}
function leaveStart(answer, at, sink) {
    const micro = microValues(answer.balance.texts);
    if (leaveState(micro ? encodeStart({ at, micro }) : STATE_NO_READING, sink) && micro)
        sink.info(measuringLine());
    return true;
}
function leaveState(value, sink) {
    try {
        sink.saveState(STATE_NAME, value);
        return true;
    }
    catch (error) {
        sink.warning(stateNotSavedWarning(error instanceof Error ? error.message : String(error)));
        return false;
    }
}
async function track(answer, at, inputs, options) {
    const current = { at, values: answer.balance.values };
    const { recorded, notes } = await keepReading(inputs, current, options);
    if (!recorded)
        return { notes };
    return { tracking: analyse(recorded.readings, recorded.current, inputs, recorded.extent), notes };
}

;// CONCATENATED MODULE: ../src/post.ts









const STATE_VARIABLE = `STATE_${job_spend_STATE_NAME}`;
async function runPost({ env = process.env, now, sink = toolkit_runner, clock } = {}) {
    const secrets = secrets_maskSecrets(env, sink);
    let inputs;
    try {
        inputs = inputs_readInputs(env, workspaceOf(env));
    }
    catch {
        sink.info(nothingToMeasureLine('inputs'));
        return;
    }
    if (!inputs.measureJob)
        return;
    const state = decodeStart(env[STATE_VARIABLE], now ?? Date.now());
    if (state.kind === 'no-reading')
        return sink.info(nothingToMeasureLine('no-reading'));
    if (state.kind !== 'reading')
        return sink.warning(stateWarning(state.kind));
    try {
        const answer = await read_balance_readBalance(inputs, secrets, sink);
        const at = now ?? Date.now();
        const micro = job_spend_microValues(answer.balance.texts);
        if (!micro)
            throw new Error(notDecimalEndReason);
        const end = { at, micro };
        const spend = jobSpend(state.reading, end);
        const check = inputs.maxJobSpend === undefined
            ? undefined
            : { limit: inputs.maxJobSpend, over: overLimit(spend.spent, inputs.maxJobSpend) };
        let notes;
        if (inputs_tracksHistory(inputs))
            notes = (await keep_reading_keepReading(inputs, { at, values: answer.balance.values }, { env, clock })).notes;
        toolkit_emit(jobSpendReport(spend, check, at, inputs, notes), secrets, sink);
    }
    catch (error) {
        toolkit_emit(jobEndFailureReport(error, inputs), secrets, sink);
    }
}


/***/ }),

/***/ 613:
/***/ ((module) => {

"use strict";
module.exports = require("assert");

/***/ }),

/***/ 434:
/***/ ((module) => {

"use strict";
module.exports = require("events");

/***/ }),

/***/ 611:
/***/ ((module) => {

"use strict";
module.exports = require("http");

/***/ }),

/***/ 692:
/***/ ((module) => {

"use strict";
module.exports = require("https");

/***/ }),

/***/ 278:
/***/ ((module) => {

"use strict";
module.exports = require("net");

/***/ }),

/***/ 161:
/***/ ((module) => {

"use strict";
module.exports = require("node:os");

/***/ }),

/***/ 857:
/***/ ((module) => {

"use strict";
module.exports = require("os");

/***/ }),

/***/ 756:
/***/ ((module) => {

"use strict";
module.exports = require("tls");

/***/ }),

/***/ 23:
/***/ ((module) => {

"use strict";
module.exports = require("util");

/***/ }),

/***/ 646:
/***/ ((__unused_webpack_module, exports, __nccwpck_require__) => {

"use strict";
// Stands in for `tunnel` in the bundle (see build/tsconfig.json): the same four agent factories, but
// the real module (which also loads assert) is evaluated only when a request goes through a proxy.
// @actions/http-client imports tunnel on start-up; most runs never use it.
//
// tunnel builds the Proxy-Authorization header with the deprecated `new Buffer()`, which prints
// DEP0005 on stderr on every run through a proxy with credentials. The agent is given the header
// ready-made instead, so tunnel never takes that path.

let tunnel
const load = () => (tunnel ??= __nccwpck_require__(776))

function withProxyAuthorization(agent) {
  const auth = agent.proxyOptions && agent.proxyOptions.proxyAuth
  if (!auth) return agent
  const header = `Basic ${Buffer.from(auth).toString('base64')}`
  const request = agent.request
  agent.proxyOptions = { ...agent.proxyOptions, proxyAuth: undefined }
  agent.request = options => request({ ...options, headers: { ...options.headers, 'Proxy-Authorization': header } })
  return agent
}

exports.xj = options => withProxyAuthorization(load().httpOverHttp(options))
exports.I9 = options => withProxyAuthorization(load().httpsOverHttp(options))
exports.aQ = options => withProxyAuthorization(load().httpOverHttps(options))
exports.vX = options => withProxyAuthorization(load().httpsOverHttps(options))


/***/ }),

/***/ 689:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

"use strict";
__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   issue: () => (/* binding */ issue),
/* harmony export */   issueCommand: () => (/* binding */ issueCommand)
/* harmony export */ });
/* harmony import */ var os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(857);
/* harmony import */ var _utils_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(165);


/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os__WEBPACK_IMPORTED_MODULE_0__.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return (0,_utils_js__WEBPACK_IMPORTED_MODULE_1__.toCommandValue)(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}
//# sourceMappingURL=command.js.map

/***/ }),

/***/ 215:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

"use strict";
// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  issueFileCommand: () => (/* binding */ issueFileCommand),
  prepareKeyValueMessage: () => (/* binding */ prepareKeyValueMessage)
});

;// CONCATENATED MODULE: external "crypto"
const external_crypto_namespaceObject = require("crypto");
;// CONCATENATED MODULE: external "fs"
const external_fs_namespaceObject = require("fs");
// EXTERNAL MODULE: external "os"
var external_os_ = __nccwpck_require__(857);
// EXTERNAL MODULE: ../node_modules/@actions/core/lib/utils.js
var utils = __nccwpck_require__(165);
;// CONCATENATED MODULE: ../node_modules/@actions/core/lib/file-command.js
// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */




function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!external_fs_namespaceObject.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    external_fs_namespaceObject.appendFileSync(filePath, `${(0,utils.toCommandValue)(message)}${external_os_.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${external_crypto_namespaceObject.randomUUID()}`;
    const convertedValue = (0,utils.toCommandValue)(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${external_os_.EOL}${convertedValue}${external_os_.EOL}${delimiter}`;
}
//# sourceMappingURL=file-command.js.map

/***/ }),

/***/ 165:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

"use strict";
__nccwpck_require__.r(__webpack_exports__);
/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   toCommandProperties: () => (/* binding */ toCommandProperties),
/* harmony export */   toCommandValue: () => (/* binding */ toCommandValue)
/* harmony export */ });
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}
//# sourceMappingURL=utils.js.map

/***/ })

/******/ 	});
/************************************************************************/
/******/ 	// The module cache
/******/ 	var __webpack_module_cache__ = {};
/******/ 	
/******/ 	// The require function
/******/ 	function __nccwpck_require__(moduleId) {
/******/ 		// Check if module is in cache
/******/ 		var cachedModule = __webpack_module_cache__[moduleId];
/******/ 		if (cachedModule !== undefined) {
/******/ 			return cachedModule.exports;
/******/ 		}
/******/ 		// Create a new module (and put it into the cache)
/******/ 		var module = __webpack_module_cache__[moduleId] = {
/******/ 			// no module.id needed
/******/ 			// no module.loaded needed
/******/ 			exports: {}
/******/ 		};
/******/ 	
/******/ 		// Execute the module function
/******/ 		var threw = true;
/******/ 		try {
/******/ 			__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 			threw = false;
/******/ 		} finally {
/******/ 			if(threw) delete __webpack_module_cache__[moduleId];
/******/ 		}
/******/ 	
/******/ 		// Return the exports of the module
/******/ 		return module.exports;
/******/ 	}
/******/ 	
/************************************************************************/
/******/ 	/* webpack/runtime/asset-relocator-loader */
/******/ 	if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = __dirname + "/";
/******/ 	
/******/ 	/* webpack/runtime/create fake namespace object */
/******/ 	(() => {
/******/ 		var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 		var leafPrototypes;
/******/ 		// create a fake namespace object
/******/ 		// mode & 1: value is a module id, require it
/******/ 		// mode & 2: merge all properties of value into the ns
/******/ 		// mode & 4: return value when already ns object
/******/ 		// mode & 16: return value when it's Promise-like
/******/ 		// mode & 8|1: behave like require
/******/ 		__nccwpck_require__.t = function(value, mode) {
/******/ 			if(mode & 1) value = this(value);
/******/ 			if(mode & 8) return value;
/******/ 			if(typeof value === 'object' && value) {
/******/ 				if((mode & 4) && value.__esModule) return value;
/******/ 				if((mode & 16) && typeof value.then === 'function') return value;
/******/ 			}
/******/ 			var ns = Object.create(null);
/******/ 			__nccwpck_require__.r(ns);
/******/ 			var def = {};
/******/ 			leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 			for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 				Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 			}
/******/ 			def['default'] = () => (value);
/******/ 			__nccwpck_require__.d(ns, def);
/******/ 			return ns;
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/define property getters */
/******/ 	(() => {
/******/ 		// define getter functions for harmony exports
/******/ 		__nccwpck_require__.d = (exports, definition) => {
/******/ 			for(var key in definition) {
/******/ 				if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 					Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 				}
/******/ 			}
/******/ 		};
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/hasOwnProperty shorthand */
/******/ 	(() => {
/******/ 		__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ 	})();
/******/ 	
/******/ 	/* webpack/runtime/make namespace object */
/******/ 	(() => {
/******/ 		// define __esModule on exports
/******/ 		__nccwpck_require__.r = (exports) => {
/******/ 			if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 				Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 			}
/******/ 			Object.defineProperty(exports, '__esModule', { value: true });
/******/ 		};
/******/ 	})();
/******/ 	
/************************************************************************/
var __webpack_exports__ = {};
// This entry need to be wrapped in an IIFE because it need to be in strict mode.
(() => {
"use strict";
// The measuring half of the post step, loaded by post.js when the inputs ask for a measurement: runs
// runPost(), then ends the process as index.js does (see README.md beside this file).

__nccwpck_require__(524)/* .runPost */ .a()
  .then(() =>
    setImmediate(() => {
      if (process.stdout.writableLength === 0) process.exit()
    })
  )

})();

module.exports = __webpack_exports__;
/******/ })()
;
//# sourceMappingURL=index.js.map