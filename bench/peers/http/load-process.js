// @ts-check
// Runs the load generator (load.js) as its own process against one server and turns its figures
// into the HTTP metrics, adding the server's CPU time per request read from /proc over exactly the
// timed loop (server CPU only: the generator's own CPU is not counted).
import { fork } from 'node:child_process';
import { once } from 'node:events';
import { processCpuUs } from '../../lib/measure.js';

const LOAD_SCRIPT = new URL('./load.js', import.meta.url);

/**
 * @typedef {{ type: 'measuring' }
 *   | { type: 'result', figures: import('./load.js').LoadFigures }
 *   | { type: 'done' }
 *   | { type: 'error', message: string }} LoadMessage
 */

/**
 * @param {Omit<import('./load.js').LoadConfig, 'url'>} config
 * @param {{ url: URL, pid: number }} server
 * @returns {Promise<{ metrics: Record<string, number>, contentTypes: Record<string, number> }>}
 */
export async function runLoad(config, server) {
  const child = fork(LOAD_SCRIPT, [], {
    execArgv: [],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = once(child, 'exit');
  try {
    let cpuBefore = Number.NaN;
    let cpuUs = Number.NaN;
    /** @type {import('./load.js').LoadFigures | undefined} */
    let figures;
    await new Promise((resolve, reject) => {
      child.on('message', (message) => {
        const said = /** @type {LoadMessage} */ (message);
        if (said.type === 'measuring') {
          cpuBefore = processCpuUs(server.pid);
        } else if (said.type === 'result') {
          cpuUs = processCpuUs(server.pid) - cpuBefore;
          figures = said.figures;
        } else if (said.type === 'done') {
          resolve(undefined);
        } else {
          reject(new Error(`load generator: ${said.message}`));
        }
      });
      child.once('exit', (code) => reject(new Error(`load generator exited (${code})`)));
      child.send({ ...config, url: server.url.href });
    });
    if (figures === undefined) throw new Error('load generator sent no figures');
    return {
      metrics: {
        rate: figures.rate,
        p50Us: figures.p50Us,
        p99Us: figures.p99Us,
        cpuUsPerOp: cpuUs / figures.ops,
      },
      contentTypes: figures.contentTypes,
    };
  } finally {
    if (child.exitCode === null && child.signalCode === null) child.kill();
    await exited;
  }
}
