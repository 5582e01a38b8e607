// @ts-check
// The stdio suite: each server in its own `node` child behind its own stdio transport, driven by
// one neutral driver; cold start (spawn to the first `tools/list` answer) and `tools/call`
// throughput with 1 and 64 requests in flight.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureRoundTrips } from '../lib/measure.js';
import { rotated } from '../lib/order.js';
import { median } from '../lib/stats.js';
import { firstExchange, openConversation, toolCalls } from '../peers/stdio/conversation.js';
import { StdioDriver } from '../peers/stdio/driver.js';

const SUITE = 'stdio';
const scripts = join(dirname(fileURLToPath(import.meta.url)), '..', 'peers', 'stdio');

/**
 * @typedef {object} Target  one server (or the raw echo child) in one era
 * @property {string} impl
 * @property {'legacy' | 'modern'} [era]
 * @property {string} script  file under bench/peers/stdio/
 * @property {import('../peers/stdio/conversation.js').Dialect} dialect
 */

/** @type {readonly Target[]} */
const TARGETS = [
  { impl: 'raw', script: 'raw-echo.js', dialect: 'raw' },
  { impl: 'mcpkit', era: 'legacy', script: 'mcpkit-server.js', dialect: 'legacy' },
  { impl: 'sdk v1', era: 'legacy', script: 'sdk-v1-server.js', dialect: 'legacy' },
  { impl: 'sdk v2', era: 'legacy', script: 'sdk-v2-server.js', dialect: 'legacy' },
  { impl: 'tmcp', era: 'legacy', script: 'tmcp-server.js', dialect: 'legacy' },
  { impl: 'mcpkit', era: 'modern', script: 'mcpkit-server.js', dialect: 'modern' },
  { impl: 'sdk v2', era: 'modern', script: 'sdk-v2-serve-stdio.js', dialect: 'modern' },
  { impl: 'tmcp', era: 'modern', script: 'tmcp-server.js', dialect: 'modern' },
];

const IN_FLIGHT = [1, 64];

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  try {
    await coldStarts(ctx);
    for (const inFlight of IN_FLIGHT) await throughput(ctx, inFlight);
  } finally {
    await StdioDriver.killAll();
  }
}

/**
 * Spawn to the first `tools/list` answer, several spawns per repetition, interleaved across
 * targets; one spawn of each first, unrecorded, so every target starts from a warm file cache.
 * @param {import('../run.js').SuiteContext} ctx
 */
async function coldStarts(ctx) {
  const spawns = ctx.quick ? 3 : 10;
  for (const target of TARGETS) await coldStart(target);
  for (let rep = 0; rep < ctx.reps; rep++) {
    ctx.log(`stdio cold start, repetition ${rep + 1}/${ctx.reps}`);
    /** @type {number[][]} */
    const times = TARGETS.map(() => []);
    for (let spawn = 0; spawn < spawns; spawn++) {
      for (const [index, target] of TARGETS.entries()) {
        times[index]?.push(await coldStart(target));
      }
    }
    for (const [index, target] of TARGETS.entries()) {
      ctx.record({
        suite: SUITE,
        scenario: 'cold start',
        impl: target.impl,
        ...(target.era && { era: target.era }),
        metrics: { coldStartMs: median(times[index] ?? []) },
      });
    }
  }
}

/**
 * @param {Target} target
 * @returns {Promise<number>} ms from spawn to the first answer
 */
async function coldStart(target) {
  const driver = new StdioDriver(join(scripts, target.script));
  try {
    await openConversation(driver, target.dialect);
    await firstExchange(driver, target.dialect);
    return performance.now() - driver.spawnedAt;
  } finally {
    await driver.close();
  }
}

/**
 * `tools/call` in a closed loop, a fresh child per repetition and target.
 * @param {import('../run.js').SuiteContext} ctx
 * @param {number} inFlight
 */
async function throughput(ctx, inFlight) {
  const scenario = `tools/call, ${inFlight} in flight`;
  for (let rep = 0; rep < ctx.reps; rep++) {
    for (const target of rotated(TARGETS, rep)) {
      ctx.log(`stdio ${scenario}, ${label(target)}, repetition ${rep + 1}/${ctx.reps}`);
      const driver = new StdioDriver(join(scripts, target.script));
      try {
        const version = await openConversation(driver, target.dialect);
        if (rep === 0 && version !== undefined) ctx.log(`${label(target)} negotiated ${version}`);
        const figures = await measureRoundTrips(toolCalls(driver, target.dialect), {
          inFlight,
          durationMs: ctx.durationMs,
          warmupMs: ctx.warmupMs,
          otherPid: driver.pid,
        });
        ctx.record({
          suite: SUITE,
          scenario,
          impl: target.impl,
          ...(target.era && { era: target.era }),
          metrics: {
            rate: figures.rate,
            p50Us: figures.p50Us,
            p99Us: figures.p99Us,
            cpuUsPerOp: figures.cpuUsPerOp,
          },
        });
      } finally {
        await driver.close();
      }
    }
  }
}

/** @param {Target} target */
function label(target) {
  return target.era === undefined ? target.impl : `${target.impl} (${target.era})`;
}
