// @ts-check
// The HTTP load generator, a process of its own so that neither the suite nor the server pays for
// it: node:http with a keep-alive Agent, `inFlight` tools/call requests in a closed loop, every
// answer checked. Told what to do by one IPC message; says `measuring` when the timed loop starts
// (the suite reads the server's CPU then), sends its figures the moment it ends, then `done`.
import { Agent } from 'node:http';
import { measureRoundTrips } from '../../lib/measure.js';
import { closeSession, openSession } from './legacy-session.js';
import { answerTo, send } from './wire.js';
import { checkAnswer, checkRawAnswer, toolCall } from './workload.js';

/**
 * @typedef {object} LoadConfig
 * @property {string} url
 * @property {boolean} raw      the raw server: no session, one fixed answer
 * @property {boolean} modern   2026-07-28 requests instead of a legacy session
 * @property {number} inFlight
 * @property {number} warmupMs
 * @property {number} durationMs
 */

/**
 * @typedef {object} LoadFigures
 * @property {number} rate
 * @property {number} p50Us
 * @property {number} p99Us
 * @property {number} ops
 * @property {Record<string, number>} contentTypes  answers per Content-Type, to show what was measured
 */

/** @param {LoadConfig} config */
async function run(config) {
  const url = new URL(config.url);
  const agent = new Agent({ keepAlive: true, maxSockets: config.inFlight });
  const session = config.raw || config.modern ? undefined : await openSession(agent, url);
  /** @type {Record<string, number>} */
  const contentTypes = {};
  let next = 1;
  const operation = async () => {
    const call = toolCall(
      next++,
      config.modern ? { modern: true } : { modern: false, ...(session && { session }) },
    );
    const reply = await send(agent, url, call.headers, call.body);
    contentTypes[reply.contentType] = (contentTypes[reply.contentType] ?? 0) + 1;
    if (config.raw) checkRawAnswer(answerTo(reply, 0));
    else checkAnswer(answerTo(reply, call.id), call);
  };
  await measureRoundTrips(operation, {
    inFlight: config.inFlight,
    durationMs: config.warmupMs,
    warmupMs: 0,
  });
  for (const type of Object.keys(contentTypes)) delete contentTypes[type];
  process.send?.({ type: 'measuring' });
  const figures = await measureRoundTrips(operation, {
    inFlight: config.inFlight,
    durationMs: config.durationMs,
    warmupMs: 0,
  });
  /** @type {LoadFigures} */
  const result = {
    rate: figures.rate,
    p50Us: figures.p50Us,
    p99Us: figures.p99Us,
    ops: figures.ops,
    contentTypes,
  };
  // At once, so that the server's CPU is read before the session is closed.
  process.send?.({ type: 'result', figures: result });
  if (session !== undefined) await closeSession(agent, url, session);
  agent.destroy();
}

// The suite going away ends the load at once; so does the generator's own disconnect when done.
process.on('disconnect', () => process.exit(0));
process.once('message', (config) => {
  run(/** @type {LoadConfig} */ (config)).then(
    () => process.send?.({ type: 'done' }, () => process.disconnect()),
    (/** @type {unknown} */ error) =>
      process.send?.({ type: 'error', message: String(error) }, () => process.disconnect()),
  );
});
