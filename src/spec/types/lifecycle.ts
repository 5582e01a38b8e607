// The legacy session lifecycle: the `initialize` handshake, `notifications/initialized`, `ping`.
// 2026-07-28 has none of these; see discover.ts.
import type { RequestId } from '../jsonrpc.js';
import type {
  Implementation,
  LegacyRequestMetaObject,
  LegacyRequestParams,
  MetaObject,
  NotificationParams,
} from './base.js';
import type { LegacyClientCapabilities, LegacyServerCapabilities } from './capabilities.js';

/**
 * Params of `initialize`. Same three members in every legacy revision; what differs is what
 * `capabilities` and `clientInfo` may contain (see their types).
 */
export type InitializeRequestParams = {
  _meta?: LegacyRequestMetaObject;
  /** The newest revision the client speaks; the server answers with the one it picked. */
  protocolVersion: string;
  capabilities: LegacyClientCapabilities;
  clientInfo: Implementation;
};

/** Opens a legacy session; must be the client's first request. */
export type InitializeRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'initialize';
  params: InitializeRequestParams;
};

/** The server's side of the handshake. */
export type InitializeResult = {
  _meta?: MetaObject;
  /** The revision the session will use; the client disconnects if it cannot speak it. */
  protocolVersion: string;
  capabilities: LegacyServerCapabilities;
  serverInfo: Implementation;
  /** How to use the server, e.g. for a system prompt. */
  instructions?: string;
};

/** Sent by the client once it has read the `initialize` result. */
export type InitializedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/initialized';
  params?: NotificationParams;
};

/** Checks that the other side is alive; answered with an empty result. Either side may send it. */
export type PingRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'ping';
  params?: LegacyRequestParams;
};
