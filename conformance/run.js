// @ts-check
// `npm run conformance`: the official MCP conformance referee against mcpkit. Builds mcpkit,
// installs the pinned referees and a Node 22 runtime for them (cached in .cache/conformance/),
// runs the server suites against conformance/server.js and the client suites against
// conformance/client.js, stops everything it started, and ends with
// `conformance: N passed, M failed`. Exit code 1 on any failure not in expected-failures.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureNodeRuntime, ensureReferee } from './run-install.js';
import { startProcess, stopAllProcesses, stopProcess } from './run-processes.js';
import { parseListing, readChecks, verdictOf } from './run-results.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CACHE = join(ROOT, '.cache', 'conformance');
const RESULTS = join(CACHE, 'results');
const SERVER_SCRIPT = join(ROOT, 'conformance', 'server.js');
const CLIENT_SCRIPT = join(ROOT, 'conformance', 'client.js');
const EXPECTED_FAILURES = join(ROOT, 'conformance', 'expected-failures.json');

/**
 * The two referee versions and how each is asked for its suites: 0.1.16 checks the legacy era,
 * 0.2.0-alpha.12 what 2026-07-28 requires. A client scenario runs on its own (so the referee's
 * verdict covers a client that crashes), with the options its suite would give it.
 */
const REFEREES = [
  { version: '0.1.16', list: [], server: ['--suite', 'all'], clientScenario: [] },
  {
    version: '0.2.0-alpha.12',
    list: ['--requirements', '2026-07-28'],
    server: ['--requirements', '2026-07-28'],
    clientScenario: ['--spec-version', '2026-07-28', '--force'],
  },
];

const CLIENT_CONCURRENCY = 4;
const SERVER_SUITE_TIMEOUT_MS = 10 * 60_000;
const CLIENT_SCENARIO_TIMEOUT_MS = 2 * 60_000;

/**
 * @typedef {import('./run-results.js').Verdict & { scenario: string, scored: boolean, note?: string | undefined }} ScenarioResult
 * @typedef {{ title: string, results: ScenarioResult[] }} Suite
 */

async function main() {
  const startedAt = Date.now();
  const expected = readExpectedFailures();
  build();
  const node = ensureNodeRuntime(CACHE);
  const referees = REFEREES.map((referee) => ({
    ...referee,
    bin: ensureReferee(CACHE, referee.version),
  }));
  rmSync(RESULTS, { recursive: true, force: true });
  mkdirSync(RESULTS, { recursive: true });

  /** @type {Suite[]} */
  const suites = [];
  const server = await startServer();
  try {
    for (const referee of referees) suites.push(await runServerSuite(node, referee, server.url));
  } finally {
    stopProcess(server.child);
    await server.exited;
  }
  if (existsSync(CLIENT_SCRIPT)) {
    for (const referee of referees) suites.push(await runClientSuite(node, referee));
  } else {
    console.log(`\nconformance: client suites skipped: ${CLIENT_SCRIPT} does not exist yet`);
  }
  return report(suites, expected, Date.now() - startedAt);
}

function build() {
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const outcome = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], {
    cwd: ROOT,
    stdio: 'inherit',
  });
  if (outcome.status !== 0) throw new Error('the build failed (tsc -b tsconfig.build.json)');
}

/** @returns {Map<string, string>} scenario → why it is expected to fail */
function readExpectedFailures() {
  const file = JSON.parse(readFileSync(EXPECTED_FAILURES, 'utf8'));
  const entries = new Map(Object.entries(file.scenarios ?? {}));
  for (const [scenario, reason] of entries) {
    if (!scenario.startsWith('auth/')) {
      throw new Error(`expected-failures.json may list authorization scenarios only: ${scenario}`);
    }
    if (typeof reason !== 'string' || reason.trim() === '') {
      throw new Error(`expected-failures.json: ${scenario} needs a reason`);
    }
  }
  return entries;
}

async function startServer() {
  const started = startProcess(process.execPath, [SERVER_SCRIPT, '--port', '0'], {
    cwd: ROOT,
    logFile: join(RESULTS, 'server.log'),
    timeoutMs: 2 * SERVER_SUITE_TIMEOUT_MS * REFEREES.length,
  });
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = /listening on (\S+)/.exec(started.output());
    if (ready?.[1] !== undefined) return { ...started, url: ready[1] };
    if (started.child.exitCode !== null || Date.now() > deadline) {
      stopProcess(started.child);
      throw new Error(`the conformance server did not start:\n${started.output()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * @param {string} node
 * @param {(typeof REFEREES)[number] & { bin: string }} referee
 * @param {'server' | 'client'} side
 */
function listScenarios(node, referee, side) {
  const listed = spawnSync(node, [referee.bin, 'list', `--${side}`, ...referee.list], {
    encoding: 'utf8',
  });
  if (listed.status !== 0) throw new Error(`conformance list failed:\n${listed.stderr}`);
  return parseListing(listed.stdout, side);
}

/**
 * @param {string} node
 * @param {(typeof REFEREES)[number] & { bin: string }} referee
 * @param {string} url
 * @returns {Promise<Suite>}
 */
async function runServerSuite(node, referee, url) {
  const title = `server, referee ${referee.version} (${referee.server.join(' ')})`;
  console.log(`\nconformance: running ${title} against ${url}`);
  const listing = listScenarios(node, referee, 'server');
  const output = join(RESULTS, referee.version, 'server');
  mkdirSync(output, { recursive: true });
  const run = startProcess(
    node,
    [referee.bin, 'server', '--url', url, ...referee.server, '-o', output],
    {
      cwd: ROOT,
      logFile: join(RESULTS, referee.version, 'server.log'),
      timeoutMs: SERVER_SUITE_TIMEOUT_MS,
    },
  );
  const exit = await run.exited;
  const found = readChecks(output, 'server-');
  const scenarios = [...listing.required, ...listing.unscored.keys()];
  const results = scenarios.map((scenario) => {
    const checks = found.get(scenario);
    const missing = exit.timedOut ? 'the referee timed out' : 'the referee left no results';
    return {
      scenario,
      scored: !listing.unscored.has(scenario),
      note: listing.unscored.get(scenario),
      ...verdictOf(checks ?? [], checks === undefined ? missing : undefined),
    };
  });
  return { title, results };
}

/**
 * @param {string} node
 * @param {(typeof REFEREES)[number] & { bin: string }} referee
 * @returns {Promise<Suite>}
 */
async function runClientSuite(node, referee) {
  const title = `client, referee ${referee.version} (${referee.list.join(' ') || 'all scenarios'})`;
  console.log(`\nconformance: running ${title}`);
  const listing = listScenarios(node, referee, 'client');
  const scenarios = [...listing.required, ...listing.unscored.keys()];
  const command = [process.execPath, CLIENT_SCRIPT].map(shellQuote).join(' ');
  /** @type {ScenarioResult[]} */
  const results = [];
  let next = 0;
  const worker = async () => {
    while (next < scenarios.length) {
      const index = next++;
      const scenario = /** @type {string} */ (scenarios[index]);
      const output = join(RESULTS, referee.version, 'client', String(index));
      mkdirSync(output, { recursive: true });
      const run = startProcess(
        node,
        [
          referee.bin,
          'client',
          '--command',
          command,
          '--scenario',
          scenario,
          ...referee.clientScenario,
          '-o',
          output,
        ],
        { cwd: ROOT, logFile: join(output, 'referee.log'), timeoutMs: CLIENT_SCENARIO_TIMEOUT_MS },
      );
      const exit = await run.exited;
      const checks = [...readChecks(output, '').values()].flat();
      // The referee's exit code is its verdict on the whole scenario: it also fails a client
      // that crashed, hung or exited with an error (unless the scenario expects that).
      const failedAnyway =
        exit.code === 0 && !exit.timedOut
          ? undefined
          : `${scenario}: the referee failed the scenario (${exit.timedOut ? 'timed out' : `exit ${exit.code ?? exit.signal}`}); see ${join(output, 'referee.log')}`;
      results[index] = {
        scenario,
        scored: !listing.unscored.has(scenario),
        note: listing.unscored.get(scenario),
        ...verdictOf(checks, failedAnyway),
      };
    }
  };
  await Promise.all(Array.from({ length: CLIENT_CONCURRENCY }, worker));
  return { title, results };
}

/** @param {string} text */
function shellQuote(text) {
  return /^[\w@%+=:,./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * Prints per-suite counts and every problem; returns the exit code.
 * @param {Suite[]} suites
 * @param {Map<string, string>} expected
 * @param {number} elapsedMs
 */
function report(suites, expected, elapsedMs) {
  let passed = 0;
  let failed = 0;
  let unexpected = 0;
  let expectedFailed = 0;
  /** Listed scenarios the referee scored and never failed: the list should lose them. */
  const stillPassing = /** @type {Set<string>} */ (new Set());
  const failedSomewhere = /** @type {Set<string>} */ (new Set());
  console.log('\n=== conformance summary ===');
  for (const suite of suites) {
    const scored = suite.results.filter((result) => result.scored);
    const sum = sumOf(scored);
    passed += sum.passed;
    failed += sum.failed + sum.warnings;
    console.log(
      `${suite.title}: ${scored.length} scenarios, ${sum.passed} passed, ${sum.failed} failed, ${sum.warnings} warnings`,
    );
    for (const result of scored) {
      if (result.failed + result.warnings === 0) {
        if (expected.has(result.scenario)) stillPassing.add(result.scenario);
        continue;
      }
      if (expected.has(result.scenario)) {
        failedSomewhere.add(result.scenario);
        expectedFailed += result.failed + result.warnings;
        console.log(`  ~ ${result.scenario} (expected: ${expected.get(result.scenario)})`);
        continue;
      }
      unexpected += result.failed + result.warnings;
      console.log(`  ✗ ${result.scenario}`);
      for (const problem of result.problems) console.log(`      ${problem}`);
    }
    const unscored = suite.results.filter((result) => !result.scored);
    if (unscored.length > 0) {
      const other = sumOf(unscored);
      const failing = unscored.filter((result) => result.failed + result.warnings > 0);
      console.log(
        `  not scored by the referee (${[...new Set(unscored.map((r) => r.note))].join(', ')}): ` +
          `${unscored.length} scenarios, ${other.passed} passed, ${other.failed} failed, ${other.warnings} warnings` +
          (failing.length > 0 ? ` (failing: ${failing.map((r) => r.scenario).join(', ')})` : ''),
      );
    }
  }
  for (const scenario of stillPassing) {
    if (failedSomewhere.has(scenario)) continue;
    console.log(`note: ${scenario} is listed in expected-failures.json but did not fail`);
  }
  writeFileSync(join(RESULTS, 'summary.json'), JSON.stringify({ suites, elapsedMs }, null, 2));
  console.log(`results: ${RESULTS} (${Math.round(elapsedMs / 1000)} s)`);
  console.log(
    unexpected === 0
      ? `verdict: no unexpected failures (${expectedFailed} expected, in authorization scenarios)`
      : `verdict: ${unexpected} unexpected failures or warnings`,
  );
  console.log(`conformance: ${passed} passed, ${failed} failed`);
  return unexpected === 0 ? 0 : 1;
}

/** @param {ScenarioResult[]} results */
function sumOf(results) {
  return results.reduce(
    (sum, result) => ({
      passed: sum.passed + result.passed,
      failed: sum.failed + result.failed,
      warnings: sum.warnings + result.warnings,
    }),
    { passed: 0, failed: 0, warnings: 0 },
  );
}

process.on('exit', stopAllProcesses);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
  // Stop what this runner started, then end by the same signal (the default action, now).
  process.once(signal, () => {
    stopAllProcesses();
    process.kill(process.pid, signal);
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(`conformance: ${error instanceof Error ? error.message : String(error)}`);
    console.log('conformance: 0 passed, 1 failed');
    process.exitCode = 1;
  },
);
