/******/ (() => { // webpackBootstrap
/******/ 	"use strict";
/******/ 	var __webpack_modules__ = ({

/***/ 706:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __nccwpck_require__) => {

// ESM COMPAT FLAG
__nccwpck_require__.r(__webpack_exports__);

// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  FALSE_VALUES: () => (/* binding */ FALSE_VALUES),
  mayMeasure: () => (/* binding */ mayMeasure)
});

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
function inputVariable(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`
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
// The post step's entry (action.yml runs.post), run at the end of every job that uses the action. A job
// that does not measure its spend pays for Node's start and this check alone: mayMeasure reads two
// inputs, and the measuring code is a separate bundle (dist/post/measure/index.js, from
// post-measure.js), loaded only when they ask for a measurement, so this file stays a few kB.

const { mayMeasure } = __nccwpck_require__(706)

// eslint-disable-next-line no-undef -- webpack's name for Node's own require: not bundled, loaded at run time
if (mayMeasure(process.env)) eval("require")('./measure/index.js')

module.exports = __webpack_exports__;
/******/ })()
;