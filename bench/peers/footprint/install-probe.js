// @ts-check
// Installs what a stdio server needs into an empty project in a temporary folder, as a user
// would (`npm install --omit=dev`), measures the node_modules it got, and removes the folder.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { measureNodeModules } from './node-modules-size.js';

const run = promisify(execFile);

/**
 * @param {readonly string[]} specs  what to install; the word `mcpkit` stands for a tarball
 *   packed from `repo` into the temporary folder (mcpkit is not published)
 * @param {string} repo  mcpkit's repository root
 * @returns {Promise<{ packages: number, installedBytes: number }>}
 */
export async function installAndMeasure(specs, repo) {
  const folder = await mkdtemp(join(tmpdir(), 'mcpkit-bench-footprint-'));
  try {
    await writeFile(
      join(folder, 'package.json'),
      `${JSON.stringify({ name: 'footprint-probe', version: '1.0.0', private: true })}\n`,
    );
    /** @type {string[]} */
    const resolved = [];
    for (const spec of specs) resolved.push(spec === 'mcpkit' ? await pack(repo, folder) : spec);
    await npm(folder, [
      'install',
      '--omit=dev',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      ...resolved,
    ]);
    return await measureNodeModules(join(folder, 'node_modules'));
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/**
 * `npm pack` of the repository into `folder`; returns the tarball as an install spec.
 * @param {string} repo
 * @param {string} folder
 */
async function pack(repo, folder) {
  const output = await npm(folder, ['pack', '--json', '--pack-destination', folder, repo]);
  const [packed] = /** @type {{ filename: string }[]} */ (JSON.parse(output));
  if (packed === undefined) throw new Error('npm pack reported no tarball');
  return `./${packed.filename}`;
}

/**
 * @param {string} cwd
 * @param {string[]} args
 * @returns {Promise<string>} npm's stdout
 */
async function npm(cwd, args) {
  try {
    const { stdout } = await run('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const stderr = /** @type {{ stderr?: string }} */ (error).stderr ?? '';
    throw new Error(`npm ${args[0]} failed: ${stderr.trim().slice(-2000)}`, { cause: error });
  }
}
