// @ts-check
// mcpkit over Streamable HTTP as its README shows: `serveHttp` from mcpkit/node/http with its defaults,
// one McpServer for every session and both eras. It answers JSON whenever the reply is the first
// thing to send (SSE only when something comes before it, or after `streamAfterMs` of silence).
import { serveHttp } from 'mcpkit/node/http';
import { createServer } from '../mcpkit.js';
import { announce, serverOptions } from './child-server.js';

const { maxSessions } = serverOptions();
const { url } = await serveHttp(createServer(), {
  port: 0,
  ...(maxSessions === undefined ? {} : { maxSessions }),
});
announce(url);
