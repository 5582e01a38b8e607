// @ts-check
// Heap and RSS per idle legacy Streamable HTTP session: each server (the HTTP suite's scripts) in
// a child process run with --expose-gc, measured after a full gc before, with N sessions open
// (initialize + notifications/initialized each, then nothing), and after DELETE-ing them all.
import { Agent } from 'node:http';
import { rotated } from '../lib/order.js';
import { startServer } from '../peers/http/server-process.js';
import { closeSessions, openSessions } from '../peers/memory/idle-sessions.js';

/** Sessions opened and closed before the baseline, so lazily compiled code is not counted. */
const WARMUP_SESSIONS = 200;

/** @type {readonly { impl: string, script: string }[]} */
const IMPLS = [
  { impl: 'mcpkit', script: 'serve-mcpkit.js' },
  { impl: 'sdk v1', script: 'serve-sdk-v1.js' },
  { impl: 'sdk v2', script: 'serve-sdk-v2.js' },
  { impl: 'tmcp', script: 'serve-tmcp.js' },
];

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  for (const count of ctx.quick ? [200] : [1000, 10_000]) {
    const scenario = `${count.toLocaleString('en-US')} idle sessions`;
    for (let rep = 0; rep < ctx.reps; rep++) {
      for (const { impl, script } of rotated(IMPLS, rep)) {
        const metrics = await measure(new URL(`../peers/http/${script}`, import.meta.url), count);
        ctx.record({ suite: 'memory', scenario, impl, era: 'legacy', metrics });
        ctx.log(
          `memory ${scenario} ${impl}: ${Math.round(metrics.heapPerSession ?? 0)} B heap/session`,
        );
      }
    }
  }
}

/**
 * @param {URL} script
 * @param {number} count
 * @returns {Promise<Record<string, number>>}
 */
async function measure(script, count) {
  // mcpkit refuses sessions past 10,000 by default (503); raised with margin. The others have no limit.
  const server = await startServer(
    script,
    ['--mode', 'json', '--max-sessions', String(count + WARMUP_SESSIONS + 1000)],
    { exposeGc: true },
  );
  const agent = new Agent({ keepAlive: true, maxSockets: 16 });
  try {
    await closeSessions(agent, server.url, await openSessions(agent, server.url, WARMUP_SESSIONS));
    const baseline = await server.memory();
    const sessions = await openSessions(agent, server.url, count);
    const open = await server.memory();
    await closeSessions(agent, server.url, sessions);
    const closed = await server.memory();
    return {
      heapPerSession: (open.heapUsed - baseline.heapUsed) / count,
      rssPerSession: (open.rss - baseline.rss) / count,
      heapAfterClose: closed.heapUsed - baseline.heapUsed,
    };
  } finally {
    agent.destroy();
    await server.stop();
  }
}
