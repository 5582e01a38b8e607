// mcpkit/jsonrpc: the JSON-RPC engine, its error families and the transport contract.
export { JsonRpcConnection } from './connection.js';
export type { DroppedMessage, HandlerFailure } from './connection.js';
export {
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  DEFAULT_MAX_PENDING_REQUESTS,
  DEFAULT_MAX_QUEUED_REQUESTS,
  DEFAULT_MAX_TOTAL_TIMEOUT,
  DEFAULT_REQUEST_TIMEOUT,
} from './connection-options.js';
export type { ConnectionOptions, Progress, RequestOptions } from './connection-options.js';
export {
  ConnectionClosedError,
  InvalidResponseError,
  LimitExceededError,
  LocalError,
  ProtocolError,
  RequestCancelledError,
  RequestTimeoutError,
  UsageError,
  toWireError,
} from './errors.js';
export type { LocalErrorReason } from './errors.js';
export { Emitter, disposable } from './events.js';
export type { Disposable, Listener } from './events.js';
export type { FallbackRequestHandler, RequestContext, RequestHandler } from './request-context.js';
export type { InvalidFrame, SendOptions, Transport, TransportCloseInfo } from './transport.js';
export { TransportEvents } from './transport-events.js';
