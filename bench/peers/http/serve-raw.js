// @ts-check
// The raw limit: plain node:http answering every POST with one fixed JSON-RPC result (as JSON, or
// as one SSE event in the SSE scenario), no MCP work at all.
import { createServer } from 'node:http';
import { announce, serverOptions } from './child-server.js';
import { RAW_ANSWER } from './workload.js';

const { mode } = serverOptions();
const body = mode === 'sse' ? `event: message\ndata: ${RAW_ANSWER}\n\n` : RAW_ANSWER;
const contentType = mode === 'sse' ? 'text/event-stream' : 'application/json';

const server = createServer((req, res) => {
  // The body is read to its end, as any server must before answering on a kept-alive connection.
  req.resume();
  req.once('end', () => {
    res.writeHead(req.method === 'POST' ? 200 : 405, { 'content-type': contentType });
    res.end(req.method === 'POST' ? body : undefined);
  });
});
server.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  announce(`http://127.0.0.1:${address.port}/mcp`);
});
