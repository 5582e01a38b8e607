// Public entry `mcpkit/server/http`: Streamable HTTP (both eras, and optionally the 2024-11-05
// HTTP+SSE transport) for an `McpServer`, as a web-standard `(Request) => Promise<Response>`.
export { createMcpHttpHandler } from './mcp-http-handler.js';
export type { McpHttpConnection, McpHttpConnectOptions, McpHttpTarget } from './http-target.js';
export { withCors } from './cors.js';
export type { CorsOptions } from './cors.js';
export type {
  McpHttpHandler,
  McpHttpHandlerStats,
  McpHttpRequestContext,
} from './mcp-http-handler.js';
export {
  DEFAULT_KEEP_ALIVE_INTERVAL_MS,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM,
  DEFAULT_MAX_REQUESTS_PER_SESSION,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_MAX_STATELESS_REQUESTS,
  DEFAULT_RETRY_INTERVAL_MS,
  DEFAULT_SESSION_IDLE_TIMEOUT_MS,
  DEFAULT_STREAM_AFTER_MS,
} from './http-handler-options.js';
export type { LegacySseOptions, McpHttpHandlerOptions } from './http-handler-options.js';
export type { EventStore, StoredEvent } from './event-store.js';
export { InMemoryEventStore } from './in-memory-event-store.js';
export type { InMemoryEventStoreOptions } from './in-memory-event-store.js';
export { LOOPBACK_HOSTS } from './request-origin.js';
