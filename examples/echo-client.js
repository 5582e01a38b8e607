// @ts-check
// Spawns examples/echo-server.js over stdio and calls it: a result with progress, an error with
// its JSON-RPC code, and a cancelled call. Run with `npm run example`.
import { fileURLToPath } from 'node:url';
import { JsonRpcConnection, ProtocolError, RequestCancelledError } from 'mcpkit/jsonrpc';
import { StdioClientTransport } from 'mcpkit/node';

const server = fileURLToPath(new URL('./echo-server.js', import.meta.url));
const transport = new StdioClientTransport({ command: process.execPath, args: [server] });
transport.onStderr((line) => console.log(`  server stderr: ${line}`));
const connection = new JsonRpcConnection(transport, { requestTimeout: 5_000 });
await connection.start();

const result = await connection.request(
  'echo',
  { text: 'hello, MCP' },
  { onProgress: (p) => console.log(`  progress ${p.progress}/${p.total}: ${p.message}`) },
);
console.log('echo result:', JSON.stringify(result));

try {
  await connection.request('echo', { text: 42 });
} catch (error) {
  if (!(error instanceof ProtocolError)) throw error;
  console.log(`bad params: error ${error.code} (${error.message})`);
}

try {
  await connection.request('echo', { text: 'never mind' }, { signal: AbortSignal.timeout(10) });
} catch (error) {
  if (!(error instanceof RequestCancelledError)) throw error;
  console.log('cancelled call: rejected locally, server told with notifications/cancelled');
}

await connection.close();
console.log('server shut down');
