// @ts-check
// In-process suite: `tools/call` round trips between each implementation's own client and server
// over its own in-memory transport, 1 and 64 in flight, beside the raw in-memory limit. Each
// measurement runs in a fresh process (why: bench/peers/in-process/measure-one.js).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { rotated } from '../lib/order.js';
import { IN_PROCESS_IMPLEMENTATIONS } from '../peers/in-process/pairs.js';

const SUITE = 'in-process';
const SCENARIOS = [
  { scenario: 'tools/call, 1 in flight', inFlight: 1 },
  { scenario: 'tools/call, 64 in flight', inFlight: 64 },
];
const MEASURE_ONE = fileURLToPath(new URL('../peers/in-process/measure-one.js', import.meta.url));
/** Start-up, imports and closing on top of the timed loops, generously. */
const CHILD_OVERHEAD_MS = 30_000;

const execFileAsync = promisify(execFile);

/**
 * @param {import('../peers/in-process/measure-one.js').MeasureOneRequest} request
 * @returns {Promise<import('../lib/measure.js').RoundTripFigures>}
 */
async function measureInChild(request) {
  const { stdout } = await execFileAsync(process.execPath, [MEASURE_ONE, JSON.stringify(request)], {
    timeout: request.warmupMs + request.durationMs + CHILD_OVERHEAD_MS,
    killSignal: 'SIGKILL',
  });
  return JSON.parse(stdout);
}

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  for (const { scenario, inFlight } of SCENARIOS) {
    for (let rep = 0; rep < ctx.reps; rep++) {
      for (const { impl, era } of rotated(IN_PROCESS_IMPLEMENTATIONS, rep)) {
        const figures = await measureInChild({
          impl,
          ...(era === undefined ? {} : { era }),
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
      }
    }
  }
}
