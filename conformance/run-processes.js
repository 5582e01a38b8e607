// @ts-check
// The conformance runner's child processes. Each runs in its own process group, so stopping it
// also stops what it started (a referee's mock servers, the client it spawned); whatever is still
// running when the runner ends, fails or is interrupted is stopped by its id.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';

/** @type {Set<import('node:child_process').ChildProcess>} */
const running = new Set();

/** Output kept in memory per process; the rest only goes to its log file. */
const MAX_KEPT_OUTPUT = 4 * 1024 * 1024;

/**
 * @typedef {object} Started
 * @property {import('node:child_process').ChildProcess} child
 * @property {() => string} output stdout and stderr so far, interleaved
 * @property {Promise<{ code: number | null, signal: NodeJS.Signals | null, timedOut: boolean }>} exited
 */

/**
 * Starts `command` with `args`; its output is kept and appended to `logFile`. After
 * `timeoutMs` it is stopped and reported as timed out.
 * @param {string} command
 * @param {readonly string[]} args
 * @param {{ cwd: string, logFile: string, timeoutMs: number, env?: NodeJS.ProcessEnv }} options
 * @returns {Started}
 */
export function startProcess(command, args, options) {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let kept = '';
  const keep = (/** @type {Buffer} */ chunk) => {
    appendFileSync(options.logFile, chunk);
    if (kept.length < MAX_KEPT_OUTPUT) kept += chunk.toString('utf8');
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    stopProcess(child);
  }, options.timeoutMs);
  /** @type {Started['exited']} */
  const exited = new Promise((resolve) => {
    child.once('error', (error) => {
      keep(Buffer.from(`\n[runner] could not start ${command}: ${error.message}\n`));
      if (child.pid === undefined) {
        clearTimeout(timer);
        running.delete(child);
        resolve({ code: null, signal: null, timedOut: false });
      }
    });
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      // A stopped process's group may still hold grandchildren (a client the referee spawned).
      if (timedOut) killGroup(child, 'SIGKILL');
      resolve({ code, signal, timedOut });
    });
  });
  return { child, output: () => kept, exited };
}

/**
 * Stops one process and its group: SIGTERM, then SIGKILL if it is still there a moment later.
 * @param {import('node:child_process').ChildProcess} child
 */
export function stopProcess(child) {
  killGroup(child, 'SIGTERM');
  setTimeout(() => killGroup(child, 'SIGKILL'), 2000).unref();
}

/** Stops every process the runner started that is still running (synchronous: safe on exit). */
export function stopAllProcesses() {
  for (const child of running) killGroup(child, 'SIGKILL');
  running.clear();
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {NodeJS.Signals} signal
 */
function killGroup(child, signal) {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}
