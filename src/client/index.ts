// Public entry `mcpkit/client`: the high-level client and its options.
export { McpClient } from './mcp-client.js';
export type {
  CallOptions,
  ClientHandlers,
  InputHandlerContext,
  McpClientOptions,
  VersionChoice,
} from './options.js';
export type { ServerDescription } from './establish.js';
export type { ListName } from './list-cache.js';
export { Subscription } from './subscription.js';
