// @ts-check
// Reading the referee: which scenarios a run covers (from `conformance list`) and what it decided
// about each (the `checks.json` it writes per scenario). The runner only counts these verdicts.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * @typedef {object} Check
 * @property {string} id
 * @property {string} status SUCCESS, FAILURE, WARNING, INFO or SKIPPED
 * @property {string} [errorMessage]
 * @property {string} [description]
 */

/**
 * @typedef {object} Listing
 * @property {string[]} required scenarios the run scores
 * @property {Map<string, string>} unscored scenarios it runs and reports but never scores, with why
 */

/**
 * Parses `conformance list --server|--client [--requirements R]` for one side.
 * @param {string} text
 * @param {'server' | 'client'} side
 * @returns {Listing}
 */
export function parseListing(text, side) {
  const heading = side === 'server' ? /^Server scenarios/ : /^Client scenarios/;
  /** @type {Listing} */
  const listing = { required: [], unscored: new Map() };
  /** @type {'required' | 'other' | 'unscored'} */
  let section = 'other';
  let reason = 'not scored';
  for (const line of text.split(/\r?\n/)) {
    if (heading.test(line)) section = 'required';
    else if (/^(Server|Client) scenarios/.test(line)) section = 'other';
    else if (/never scored/.test(line)) section = 'unscored';
    else if (section === 'unscored') {
      const group = /^ {2}(\S[^(]*?) \(\d+\):$/.exec(line);
      if (group?.[1] !== undefined) reason = group[1];
      const entry = /^\s+- (\S+) \[(server|client)\]$/.exec(line);
      if (entry?.[1] !== undefined && entry[2] === side) listing.unscored.set(entry[1], reason);
    } else if (section === 'required') {
      const entry = /^\s+- (\S+)/.exec(line);
      if (entry?.[1] !== undefined && !listing.required.includes(entry[1])) {
        listing.required.push(entry[1]);
      }
    }
  }
  return listing;
}

/**
 * Every `checks.json` under `directory`, by the scenario it belongs to. The referee names each
 * result folder `[prefix-]<scenario>-<timestamp>` (a scenario with a slash nests a folder).
 * @param {string} directory
 * @param {string} prefix e.g. `server-`
 * @returns {Map<string, Check[]>}
 */
export function readChecks(directory, prefix) {
  /** @type {Map<string, Check[]>} */
  const found = new Map();
  for (const file of findFiles(directory, 'checks.json')) {
    const folder = relative(directory, file).split(sep).slice(0, -1).join('/');
    const scenario = folder
      .replace(/-\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z$/, '')
      .slice(folder.startsWith(prefix) ? prefix.length : 0);
    const checks = JSON.parse(readFileSync(file, 'utf8'));
    found.set(scenario, [...(found.get(scenario) ?? []), ...(Array.isArray(checks) ? checks : [])]);
  }
  return found;
}

/**
 * @param {string} directory
 * @param {string} name
 * @returns {string[]}
 */
function findFiles(directory, name) {
  if (!existsSync(directory)) return [];
  /** @type {string[]} */
  const files = [];
  for (const entry of readdirSync(directory)) {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) files.push(...findFiles(path, name));
    else if (entry === name) files.push(path);
  }
  return files;
}

/**
 * @typedef {object} Verdict
 * @property {number} passed checks the referee marked SUCCESS
 * @property {number} failed checks it marked FAILURE, plus one when it failed the scenario with
 *   no failing check (a client that crashed or hung, a scenario that left no results)
 * @property {number} warnings checks it marked WARNING
 * @property {string[]} problems one line per failure or warning
 */

/**
 * @param {readonly Check[]} checks
 * @param {string | undefined} failedWithoutChecks why the referee failed the scenario anyway
 * @returns {Verdict}
 */
export function verdictOf(checks, failedWithoutChecks) {
  /** @type {Verdict} */
  const verdict = { passed: 0, failed: 0, warnings: 0, problems: [] };
  for (const check of checks) {
    if (check.status === 'SUCCESS') verdict.passed++;
    else if (check.status === 'FAILURE' || check.status === 'WARNING') {
      if (check.status === 'FAILURE') verdict.failed++;
      else verdict.warnings++;
      const message = (check.errorMessage ?? check.description ?? '').replace(/\s+/g, ' ');
      verdict.problems.push(`${check.status} ${check.id}: ${message.slice(0, 300)}`);
    }
  }
  if (verdict.failed === 0 && verdict.warnings === 0 && failedWithoutChecks !== undefined) {
    verdict.failed++;
    verdict.problems.push(`FAILURE ${failedWithoutChecks}`);
  }
  return verdict;
}
