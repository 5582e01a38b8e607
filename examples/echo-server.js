// @ts-check
// A JSON-RPC server over stdio built on mcpkit's engine: `echo` reports progress and can be
// cancelled; bad params get -32602. Run by examples/echo-client.js.
import { JsonRpcConnection, ProtocolError } from 'mcpkit/jsonrpc';
import { StdioServerTransport } from 'mcpkit/node';

/** Waits `ms`, or rejects as soon as `signal` aborts. */
function sleep(/** @type {number} */ ms, /** @type {AbortSignal} */ signal) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
}

const connection = new JsonRpcConnection(new StdioServerTransport());

connection.setRequestHandler('echo', async (params, context) => {
  const text = params?.['text'];
  if (typeof text !== 'string') throw new ProtocolError(-32602, 'echo needs a string "text"');
  for (let step = 1; step <= 3; step++) {
    context.sendProgress(step, 3, `step ${step} of 3`);
    await sleep(20, context.signal);
  }
  // Whatever a handler logs goes to stderr: stdout carries protocol messages only.
  console.log(`echoed ${JSON.stringify(text)}`);
  return { text };
});

await connection.start();
