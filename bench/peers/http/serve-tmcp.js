// @ts-check
// tmcp over Streamable HTTP as its README shows: one server and one HttpTransport (sessions in its
// default in-memory managers, 2026-07-28 per request on the same endpoint), mounted on node:http
// through a fetch bridge — @hono/node-server's, since the README's @remix-run one is not installed.
// tmcp answers every request with a short SSE stream; it has no JSON-response option.
import { getRequestListener } from '@hono/node-server';
import { HttpTransport } from '@tmcp/transport-http';
import { createServer as createHttpServer } from 'node:http';
import { createServer } from '../tmcp.js';
import { announce, serverOptions } from './child-server.js';

serverOptions();
const transport = new HttpTransport(createServer(), { path: '/mcp' });
const http = createHttpServer(
  getRequestListener(
    async (request) => (await transport.respond(request)) ?? new Response(null, { status: 404 }),
  ),
);
http.listen(0, '127.0.0.1', () => {
  const address = /** @type {import('node:net').AddressInfo} */ (http.address());
  announce(`http://127.0.0.1:${address.port}/mcp`);
});
