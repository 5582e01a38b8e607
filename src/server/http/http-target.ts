// What the HTTP handler serves: anything that takes one connection per legacy session or per
// modern request. An `McpServer` is one; a relay to a server in another process (the
// `mcpkit proxy` bridge) is another, so the HTTP rules live in one place for both.
import type { Transport } from '../../jsonrpc/transport.js';
import type { Tool } from '../../spec/types/index.js';
import type { LegacyProtocolVersion } from '../../spec/versions.js';
import type { AuthInfo } from '../context.js';

export interface McpHttpConnectOptions {
  /** The principal an authorization layer verified; the connection is bound to it. */
  auth?: AuthInfo;
  /**
   * `session`: a legacy session (Streamable HTTP or HTTP+SSE) carrying many requests until it
   * ends; `request`: one 2026-07-28 request, closed once its response is out.
   */
  scope?: 'session' | 'request';
}

/** One connection the handler opened; the handler feeds and drains it through its transport. */
export interface McpHttpConnection {
  /** The revision `initialize` negotiated on this connection; undefined before (and if modern). */
  readonly protocolVersion: LegacyProtocolVersion | undefined;
  /** Whether a JSON-RPC batch may be delivered now (2025-03-26 sessions only). */
  acceptsBatches(): boolean;
  /** Ends the connection; its transport closes too. */
  close(): Promise<void>;
}

export interface McpHttpTarget {
  /**
   * Starts serving `transport`: messages the handler injects are requests and notifications
   * from the client; what the target sends carries `relatedRequestId` when it belongs to one of
   * them, so it goes out on that request's stream. A target at capacity throws a
   * `LimitExceededError` (the client gets 503); any other throw is a 500.
   */
  connect(transport: Transport, options: McpHttpConnectOptions): Promise<McpHttpConnection>;
  /** A tool's definition, for checking `Mcp-Param-*` headers; undefined when unknown. */
  toolDefinition(name: string): Tool | undefined;
}
