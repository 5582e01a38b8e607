// @ts-check
// In-process suite: `tools/call` round trips between each implementation's own client and server
// over its own in-memory transport, 1 and 64 in flight, beside the raw in-memory limit.
import { measureRoundTrips } from '../lib/measure.js';
import { checkAddResult, checkEchoResult } from '../peers/expect.js';
import { IN_PROCESS_IMPLEMENTATIONS } from '../peers/in-process/pairs.js';

const SUITE = 'in-process';
const SCENARIOS = [
  { scenario: 'tools/call, 1 in flight', inFlight: 1 },
  { scenario: 'tools/call, 64 in flight', inFlight: 64 },
];

/**
 * Alternates echo and add with arguments that change on every call, checking every answer.
 * @param {import('../peers/in-process/pairs.js').InProcessPair} pair
 * @returns {() => Promise<void>}
 */
function alternatingCalls(pair) {
  let count = 0;
  return async () => {
    const n = count++;
    if (n % 2 === 0) {
      const text = `hello ${n}`;
      checkEchoResult(await pair.callTool('echo', { text }), text);
    } else {
      const a = n;
      const b = n * 0.25;
      checkAddResult(await pair.callTool('add', { a, b }), a, b);
    }
  };
}

/**
 * The first implementation of each repetition moves along one place, so none is always measured
 * right after the same neighbour (whose garbage it would collect).
 * @template T
 * @param {readonly T[]} items
 * @param {number} by
 */
function rotated(items, by) {
  const start = by % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  for (const { scenario, inFlight } of SCENARIOS) {
    for (let rep = 0; rep < ctx.reps; rep++) {
      for (const { impl, era, open } of rotated(IN_PROCESS_IMPLEMENTATIONS, rep)) {
        const pair = await open();
        try {
          const figures = await measureRoundTrips(alternatingCalls(pair), {
            inFlight,
            durationMs: ctx.durationMs,
            warmupMs: ctx.warmupMs,
          });
          ctx.record({
            suite: SUITE,
            scenario,
            impl,
            ...(era === undefined ? {} : { era }),
            metrics: {
              rate: figures.rate,
              p50Us: figures.p50Us,
              p99Us: figures.p99Us,
              cpuUsPerOp: figures.cpuUsPerOp,
            },
          });
          const label = era === undefined ? impl : `${impl} (${era})`;
          ctx.log(
            `${scenario}, rep ${rep + 1}/${ctx.reps}, ${label}: ${Math.round(figures.rate)} ops/s`,
          );
        } finally {
          await pair.close();
        }
      }
    }
  }
}
