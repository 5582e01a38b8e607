// Public entry point of `mcpkit/node`: the stdio transports (be a server, spawn a server).
// Streamable HTTP on `node:http` is `mcpkit/node/http`.
export { StdioServerTransport } from './stdio-server-transport.js';
export type { StdioServerTransportOptions } from './stdio-server-transport.js';
export { ServerProcessError, StdioClientTransport } from './stdio-client-transport.js';
export type {
  StdioClientTransportOptions,
  StdioExitStatus,
  StdioStderrMode,
} from './stdio-client-transport.js';
export {
  DEFAULT_INHERITED_ENV_VARS,
  buildServerEnvironment,
  defaultServerEnvironment,
} from './server-environment.js';
export type { ServerEnvironment } from './server-environment.js';
export { DEFAULT_MAX_QUEUED_BYTES } from './message-stream-writer.js';
