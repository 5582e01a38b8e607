// @ts-check
// mcpkit over Streamable HTTP as its README shows: `serveHttp` from mcpkit/node/http with its
// defaults, one McpServer for every session and both eras. By default it answers JSON whenever
// the reply is the first thing to send; `--mode sse` sets `streamAfterMs: 0`, which streams every
// answer as SSE.
import { serveHttp } from 'mcpkit/node/http';
import { createServer } from '../mcpkit.js';
import { announce, serverOptions } from './child-server.js';

const { mode, maxSessions } = serverOptions();
const { url } = await serveHttp(createServer(), {
  port: 0,
  ...(maxSessions === undefined ? {} : { maxSessions }),
  ...(mode === 'sse' ? { streamAfterMs: 0 } : {}),
});
announce(url);
