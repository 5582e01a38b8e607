// @ts-check
// One in-process measurement in a process of its own: opens one implementation's pair, runs the
// closed loop, closes the pair and prints the figures as one JSON line. The suite runs every
// measurement like this because what one implementation does to the process outlives it: on
// Node 20 a single AsyncLocalStorage.run() (tmcp's server uses one per request) turns on promise
// hooks for good, making every later promise dearer for whichever implementation comes next.
// A fresh process also gives each measurement the same start: no JIT or heap state left behind.
import { measureRoundTrips } from '../../lib/measure.js';
import { alternatingCalls } from './alternating-calls.js';
import { findInProcessImplementation } from './pairs.js';

/**
 * @typedef {object} MeasureOneRequest
 * @property {string} impl
 * @property {'legacy' | 'modern'} [era]
 * @property {number} inFlight
 * @property {number} durationMs
 * @property {number} warmupMs
 */

const request = /** @type {MeasureOneRequest} */ (JSON.parse(process.argv[2] ?? '{}'));
const pair = await findInProcessImplementation(request.impl, request.era).open();
try {
  const figures = await measureRoundTrips(alternatingCalls(pair), request);
  process.stdout.write(`${JSON.stringify(figures)}\n`);
} finally {
  await pair.close();
}
