// @ts-check
// The footprint suite: what installing a stdio server brings into node_modules, and how long
// importing each implementation's server and client entry takes in a fresh process.
import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { check } from '../lib/measure.js';
import { median } from '../lib/stats.js';
import { installAndMeasure } from '../peers/footprint/install-probe.js';

const SUITE = 'footprint';
const here = dirname(fileURLToPath(import.meta.url));
const repo = join(here, '..', '..');
const importTimer = join(here, '..', 'peers', 'footprint', 'time-import.js');
const execFileAsync = promisify(execFile);

/**
 * What a stdio server needs, per implementation; the schema library the user picks is left out,
 * unless the package depends on one itself (then npm installs it and it counts).
 * @type {readonly { impl: string, specs: readonly string[] }[]}
 */
const INSTALLS = [
  { impl: 'mcpkit', specs: ['mcpkit'] },
  { impl: 'sdk v1', specs: ['@modelcontextprotocol/sdk@1.32.2'] },
  { impl: 'sdk v2', specs: ['@modelcontextprotocol/server@2.4.0'] },
  { impl: 'tmcp', specs: ['tmcp@1.20.0', '@tmcp/transport-stdio@0.5.0'] },
];

/**
 * The entry a user imports, and an export it must have, per implementation.
 * @type {readonly { scenario: string, entries: readonly { impl: string, specifier: string, exportName: string }[] }[]}
 */
const IMPORTS = [
  {
    scenario: 'import server',
    entries: [
      { impl: 'mcpkit', specifier: 'mcpkit/server', exportName: 'McpServer' },
      {
        impl: 'sdk v1',
        specifier: '@modelcontextprotocol/sdk/server/mcp.js',
        exportName: 'McpServer',
      },
      { impl: 'sdk v2', specifier: '@modelcontextprotocol/server', exportName: 'McpServer' },
      { impl: 'tmcp', specifier: 'tmcp', exportName: 'McpServer' },
    ],
  },
  {
    scenario: 'import client',
    entries: [
      { impl: 'mcpkit', specifier: 'mcpkit/client', exportName: 'McpClient' },
      {
        impl: 'sdk v1',
        specifier: '@modelcontextprotocol/sdk/client/index.js',
        exportName: 'Client',
      },
      { impl: 'sdk v2', specifier: '@modelcontextprotocol/client', exportName: 'Client' },
    ],
  },
];

/** @param {import('../run.js').SuiteContext} ctx */
export async function run(ctx) {
  await installed(ctx);
  for (const { scenario, entries } of IMPORTS) await imports(ctx, scenario, entries);
}

/**
 * One install per implementation (the figures are deterministic); --quick installs only mcpkit,
 * which needs nothing beyond the npm cache.
 * @param {import('../run.js').SuiteContext} ctx
 */
async function installed(ctx) {
  for (const { impl, specs } of ctx.quick ? INSTALLS.slice(0, 1) : INSTALLS) {
    ctx.log(`footprint installed, ${impl}: npm install ${specs.join(' ')}`);
    const { installedBytes, packages } = await installAndMeasure(specs, repo);
    check(packages > 0 && installedBytes > 0, `${impl}: something was installed`);
    ctx.record({
      suite: SUITE,
      scenario: 'installed',
      impl,
      metrics: { installedBytes, packages },
    });
  }
}

/**
 * Several fresh children per repetition, interleaved across implementations, after one
 * unrecorded child each so every entry starts from a warm file cache.
 * @param {import('../run.js').SuiteContext} ctx
 * @param {string} scenario
 * @param {readonly { impl: string, specifier: string, exportName: string }[]} entries
 */
async function imports(ctx, scenario, entries) {
  const children = ctx.quick ? 3 : 10;
  for (const entry of entries) await timeImport(entry.specifier, entry.exportName);
  for (let rep = 0; rep < ctx.reps; rep++) {
    ctx.log(`footprint ${scenario}, repetition ${rep + 1}/${ctx.reps}`);
    /** @type {number[][]} */
    const times = entries.map(() => []);
    for (let child = 0; child < children; child++) {
      for (const [index, entry] of entries.entries()) {
        times[index]?.push(await timeImport(entry.specifier, entry.exportName));
      }
    }
    for (const [index, entry] of entries.entries()) {
      ctx.record({
        suite: SUITE,
        scenario,
        impl: entry.impl,
        metrics: { importMs: median(times[index] ?? []) },
      });
    }
  }
}

/**
 * @param {string} specifier
 * @param {string} exportName
 * @returns {Promise<number>} ms, as the child measured it
 */
async function timeImport(specifier, exportName) {
  const { stdout } = await execFileAsync(process.execPath, [importTimer, specifier, exportName], {
    cwd: repo,
  });
  const { importMs } = /** @type {{ importMs?: unknown }} */ (JSON.parse(stdout));
  check(typeof importMs === 'number' && importMs > 0, `${specifier}: an import time`);
  return importMs;
}
