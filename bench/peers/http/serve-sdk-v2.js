// @ts-check
// The official SDK v2 over Streamable HTTP as its docs show, on node:http behind its localhost
// Host/Origin guards. Legacy: a NodeStreamableHTTPServerTransport and a server per session, found
// by Mcp-Session-Id, JSON (`enableJsonResponse`) or SSE as the scenario asks. Modern (2026-07-28):
// `createMcpHandler` (a fresh server per request, by design) mounted with `toNodeHandler`.
import { randomUUID } from 'node:crypto';
import { createServer as createHttpServer } from 'node:http';
import {
  NodeStreamableHTTPServerTransport,
  localhostHostValidation,
  localhostOriginValidation,
  toNodeHandler,
} from '@modelcontextprotocol/node';
import { createMcpHandler, isInitializeRequest } from '@modelcontextprotocol/server';
import { createServer } from '../sdk-v2.js';
import { announce, serverOptions } from './child-server.js';
import { headerOf, readJsonBody, refuse } from './node-body.js';

const { mode } = serverOptions();
const validateHost = localhostHostValidation();
const validateOrigin = localhostOriginValidation();

/** @type {Map<string, NodeStreamableHTTPServerTransport>} */
const transports = new Map();

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 */
async function serveLegacy(req, res) {
  const sessionId = headerOf(req, 'mcp-session-id');
  const body = req.method === 'POST' ? await readJsonBody(req) : undefined;
  const known = sessionId === undefined ? undefined : transports.get(sessionId);
  if (known !== undefined) {
    await known.handleRequest(req, res, body);
    return;
  }
  if (sessionId !== undefined) return refuse(res, 404, 'Session not found');
  if (!isInitializeRequest(body)) return refuse(res, 400, 'No valid session ID provided');
  const transport = new NodeStreamableHTTPServerTransport({
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

/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => Promise<void>} */
const serve = mode === 'modern' ? modernHandler() : serveLegacy;

/** 2026-07-28 on node:http, as the v2 docs mount it. */
function modernHandler() {
  const handler = toNodeHandler(createMcpHandler(() => createServer()));
  /** @type {typeof serve} */
  return (req, res) =>
    handler(/** @type {import('@modelcontextprotocol/node').NodeIncomingMessageLike} */ (req), res);
}

const http = createHttpServer((req, res) => {
  if (!validateHost(req, res) || !validateOrigin(req, res)) return;
  serve(req, res).catch((/** @type {unknown} */ error) => {
    console.error('sdk v2 server:', error);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  });
});
http.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  announce(`http://127.0.0.1:${address.port}/mcp`);
});
