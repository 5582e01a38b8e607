// Public entry point of `mcpkit/node/http`: Streamable HTTP on `node:http` (`serveHttp`,
// `toNodeHandler`). Apart from `mcpkit/node` so a stdio server or client never loads the HTTP
// server.
export { serveHttp, toNodeHandler } from './node-http.js';
export type {
  FetchHandler,
  HttpServerHandle,
  NodeHandlerOptions,
  NodeRequestListener,
  ServeHttpOptions,
} from './node-http.js';
