// @ts-check
// The official SDK v1 over Streamable HTTP as its README shows: on node:http, a
// StreamableHTTPServerTransport and a server per session, found by Mcp-Session-Id; JSON responses
// (`enableJsonResponse`) or SSE as the scenario asks. v1 has no 2026-07-28 serving.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest } from '@modelcontextprotocol/sdk/types.js';
import { createServer } from '../sdk-v1.js';
import { announce, serverOptions } from './child-server.js';
import { headerOf, readJsonBody, refuse } from './node-body.js';

const { mode } = serverOptions();
if (mode === 'modern') throw new Error('sdk v1 does not serve 2026-07-28');

/** @type {Map<string, StreamableHTTPServerTransport>} */
const transports = new Map();

const http = createHttpServer((req, res) => {
  serve(req, res).catch((/** @type {unknown} */ error) => {
    console.error('sdk v1 server:', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function serve(req, res) {
  const sessionId = headerOf(req, 'mcp-session-id');
  const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
  const known = sessionId === undefined ? undefined : transports.get(sessionId);
  if (known !== undefined) {
    await known.handleRequest(req, res, body);
    return;
  }
  if (sessionId !== undefined) return refuse(res, 404, 'Session not found');
  if (!isInitializeRequest(body)) return refuse(res, 400, 'No valid session ID provided');
  const transport = new StreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    enableJsonResponse: mode === 'json',
    onsessioninitialized: (id) => void transports.set(id, transport),
  });
  transport.onclose = () => {
    if (transport.sessionId !== undefined) transports.delete(transport.sessionId);
  };
  await createServer().connect(transport);
  await transport.handleRequest(req, res, body);
}

http.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  announce(`http://127.0.0.1:${address.port}/mcp`);
});
