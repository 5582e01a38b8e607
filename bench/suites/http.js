// @ts-check
// Streamable HTTP on 127.0.0.1: each implementation's server in a child process, served the way
// its docs show (bench/peers/http/serve-*.js), driven by one load generator in a third process
// (64 tools/call requests in flight, every answer checked). cpuUsPerOp is the SERVER's CPU time
// per request only; the load generator's own CPU is left out.
import { rotated } from '../lib/order.js';
import { runLoad } from '../peers/http/load-process.js';
import { startServer } from '../peers/http/server-process.js';

const IN_FLIGHT = 64;

/** @type {Record<string, string>} */
const SCRIPTS = {
  raw: 'serve-raw.js',
  mcpkit: 'serve-mcpkit.js',
  'sdk v1': 'serve-sdk-v1.js',
  'sdk v2': 'serve-sdk-v2.js',
  tmcp: 'serve-tmcp.js',
};

/**
 * @typedef {object} Scenario
 * @property {string} name
 * @property {'legacy' | 'modern'} era
 * @property {'json' | 'sse' | 'modern'} mode  passed to every server script
 * @property {string} contentType               what the answers must be, unless `answers` says otherwise
 * @property {readonly string[]} impls
 * @property {Record<string, string>} [answers] implementations that cannot answer as the scenario says
 */

/** @type {readonly Scenario[]} */
const SCENARIOS = [
  {
    name: 'legacy stateful, JSON responses',
    era: 'legacy',
    mode: 'json',
    contentType: 'application/json',
    impls: ['raw', 'mcpkit', 'sdk v1', 'sdk v2', 'tmcp'],
    // tmcp has no JSON-response option: every POST gets a short event stream.
    answers: { tmcp: 'text/event-stream' },
  },
  {
    name: 'legacy stateful, SSE responses',
    era: 'legacy',
    mode: 'sse',
    contentType: 'text/event-stream',
    impls: ['raw', 'mcpkit', 'sdk v1', 'sdk v2', 'tmcp'],
  },
  {
    name: 'modern stateless',
    era: 'modern',
    mode: 'modern',
    contentType: 'application/json',
    // sdk v1 has no 2026-07-28 serving; tmcp serves it on the same endpoint, always as SSE.
    impls: ['raw', 'mcpkit', 'sdk v2', 'tmcp'],
    answers: { tmcp: 'text/event-stream' },
  },
];

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  for (const scenario of SCENARIOS) {
    /** @type {Map<string, import('../peers/http/server-process.js').ServerProcess>} */
    const servers = new Map();
    try {
      for (const impl of scenario.impls) {
        const script = new URL(`../peers/http/${SCRIPTS[impl]}`, import.meta.url);
        servers.set(impl, await startServer(script, ['--mode', scenario.mode]));
      }
      for (let rep = 0; rep < ctx.reps; rep++) {
        for (const impl of rotated(scenario.impls, rep)) {
          const server = /** @type {import('../peers/http/server-process.js').ServerProcess} */ (
            servers.get(impl)
          );
          const { metrics, contentTypes } = await runLoad(
            {
              raw: impl === 'raw',
              modern: scenario.era === 'modern',
              inFlight: IN_FLIGHT,
              warmupMs: ctx.warmupMs,
              durationMs: ctx.durationMs,
            },
            server,
          );
          checkContentTypes(scenario, impl, contentTypes);
          ctx.record({ suite: 'http', scenario: scenario.name, impl, era: scenario.era, metrics });
          ctx.log(
            `http ${scenario.name} ${impl}: ${Math.round(metrics.rate ?? 0)} req/s ` +
              `(${Object.keys(contentTypes).join(', ')})`,
          );
        }
      }
    } finally {
      await Promise.all([...servers.values()].map((server) => server.stop()));
    }
  }
}

/**
 * A scenario's figures must come from answers of the kind it names.
 * @param {Scenario} scenario
 * @param {string} impl
 * @param {Record<string, number>} contentTypes
 */
function checkContentTypes(scenario, impl, contentTypes) {
  const expected = scenario.answers?.[impl] ?? scenario.contentType;
  const seen = Object.keys(contentTypes);
  if (seen.length !== 1 || seen[0] !== expected) {
    throw new Error(
      `http ${scenario.name} ${impl}: expected every answer as ${expected}, got ${JSON.stringify(contentTypes)}`,
    );
  }
}
