// @ts-check
// What every benchmark server process shares: its options from the command line, printing the URL
// it listens on, and answering the suite's memory probe over IPC (after a full gc when the process
// runs with --expose-gc).
import { parseArgs } from 'node:util';

/**
 * @typedef {object} ServerOptions
 * @property {'json' | 'sse' | 'modern'} mode  which scenario the server is set up for
 * @property {number | undefined} maxSessions  a session limit to raise, for the memory suite
 */

/** @returns {ServerOptions} */
export function serverOptions() {
  const { values } = parseArgs({
    options: { mode: { type: 'string', default: 'json' }, 'max-sessions': { type: 'string' } },
  });
  const mode = values.mode;
  if (mode !== 'json' && mode !== 'sse' && mode !== 'modern') {
    throw new Error(`unknown --mode "${mode}"`);
  }
  const limit = values['max-sessions'];
  return { mode, maxSessions: limit === undefined ? undefined : Number(limit) };
}

/**
 * Prints the endpoint URL (the suite reads the first stdout line) and serves the memory probe.
 * @param {URL | string} url
 */
export function announce(url) {
  process.on('message', (message) => {
    if (/** @type {{ type?: unknown }} */ (message)?.type !== 'memory') return;
    void settledMemory().then((usage) => process.send?.({ type: 'memory', usage }));
  });
  // The suite going away, however it ends, takes the server with it.
  process.on('disconnect', () => process.exit(0));
  process.stdout.write(`${String(url)}\n`);
}

/**
 * Memory once garbage is gone: a full gc, then a turn of the event loop so that FinalizationRegistry
 * callbacks run (undici's Request registers one per request with a signal, and what the callbacks
 * release only goes in the next gc), three times over.
 */
async function settledMemory() {
  for (let pass = 0; pass < 3; pass++) {
    globalThis.gc?.();
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  globalThis.gc?.();
  return process.memoryUsage();
}
