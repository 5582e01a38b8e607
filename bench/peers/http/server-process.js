// @ts-check
// Starts one benchmark server script as a child process (IPC channel open for the memory probe),
// waits for the URL it prints, and stops it again.
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';

/** How long a server may take to print its URL. */
const START_TIMEOUT_MS = 15_000;

/**
 * @typedef {object} ServerProcess
 * @property {URL} url
 * @property {number} pid
 * @property {() => Promise<NodeJS.MemoryUsage>} memory  after a full gc, if started with `exposeGc`
 * @property {() => Promise<void>} stop
 */

/**
 * @param {URL} script
 * @param {readonly string[]} args
 * @param {{ exposeGc?: boolean }} [options]
 * @returns {Promise<ServerProcess>}
 */
export async function startServer(script, args, options = {}) {
  const child = fork(script, args, {
    execArgv: options.exposeGc === true ? ['--expose-gc'] : [],
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  };
  try {
    const url = await firstLine(child, START_TIMEOUT_MS);
    const pid = /** @type {number} */ (child.pid);
    return {
      url: new URL(url),
      pid,
      memory: () => memoryOf(child),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {number} timeoutMs
 * @returns {Promise<string>}
 */
function firstLine(child, timeoutMs) {
  const lines = createInterface({
    input: /** @type {import('node:stream').Readable} */ (child.stdout),
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('server printed no URL in time')), timeoutMs);
    const fail = () =>
      reject(new Error(`server exited before printing its URL (${child.exitCode})`));
    child.once('exit', fail);
    lines.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', fail);
      // The rest of its output (there should be none) still has to be read.
      lines.on('line', (more) => process.stderr.write(`server: ${more}\n`));
      resolve(line.trim());
    });
  });
}

/**
 * @param {import('node:child_process').ChildProcess} child
 * @returns {Promise<NodeJS.MemoryUsage>}
 */
function memoryOf(child) {
  return new Promise((resolve, reject) => {
    /** @param {unknown} message */
    const onMessage = (message) => {
      const reply = /** @type {{ type?: unknown, usage?: NodeJS.MemoryUsage }} */ (message);
      if (reply.type !== 'memory' || reply.usage === undefined) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(reply.usage);
    };
    const onExit = () => reject(new Error('server exited during the memory probe'));
    child.on('message', onMessage);
    child.once('exit', onExit);
    child.send({ type: 'memory' });
  });
}
