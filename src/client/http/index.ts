// Public entry of the HTTP client (`mcpkit/client/http`): the Streamable HTTP transport with its
// HTTP+SSE fallback, its options, the per-origin era memory, and the errors it makes up.
export { StreamableHttpClientTransport } from './streamable-http-client-transport.js';
export type {
  FetchLike,
  HeadersSource,
  HttpTransportWarning,
  StreamableHttpClientOptions,
} from './http-client-options.js';
export type { ReconnectionOptions } from './reconnect-policy.js';
export { HttpEraMemory, sharedHttpEraMemory } from './era-memory.js';
export type { HttpServerKind } from './era-memory.js';
export { HTTP_TRANSPORT_ERROR_CODE } from './http-failures.js';
export type { HttpFailureData, HttpFailureKind } from './http-failures.js';
export { ToolHeaderParams } from './tool-header-params.js';
export type { RejectedTool, ToolScreening } from './tool-header-params.js';
export { encodeHeaderValue } from './header-value-encoding.js';
