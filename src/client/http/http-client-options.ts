// Options of the Streamable HTTP client transport, and the warnings it reports instead of logging
// (a library does not write to the console, and a log line could carry a secret).
import type { HttpEraMemory, HttpServerKind } from './era-memory.js';
import type { ReconnectionOptions } from './reconnect-policy.js';

/** The part of `fetch` the transport uses; `globalThis.fetch` is one. */
export type FetchLike = (input: string | URL, init?: RequestInit) => Promise<Response>;

/** Headers for every HTTP request; a function is asked each time, so a token can be refreshed. */
export type HeadersSource = HeadersInit | (() => HeadersInit | Promise<HeadersInit>);

export interface StreamableHttpClientOptions {
  /** The `fetch` to use (a test double, a proxy-aware one …). Default `globalThis.fetch`. */
  fetch?: FetchLike;
  /**
   * The host's own headers (e.g. `Authorization`). The transport's protocol headers
   * (`Accept`, `Content-Type`, `MCP-*`, `Mcp-*`, `Last-Event-ID`) take precedence.
   */
  headers?: HeadersSource;
  /**
   * What the server is known to speak, which skips detection: 'legacy' makes the client send
   * `initialize` without probing, 'legacy-sse' uses the 2024-11-05 HTTP+SSE transport from the
   * start. Default: what `eraMemory` remembers for the URL's origin, else detect.
   */
  serverKind?: 'auto' | HttpServerKind;
  /**
   * Where what each origin speaks is remembered. Default: one memory shared by every transport
   * in this process; `false` neither reads nor writes one.
   */
  eraMemory?: HttpEraMemory | false;
  /** How dropped SSE streams of legacy sessions are opened again. */
  reconnection?: ReconnectionOptions;
  /** The largest JSON body or SSE event accepted, in bytes (characters for SSE). Default 10 MiB. */
  maxMessageBytes?: number;
  /** How long to wait for an HTTP+SSE stream's `endpoint` event, in ms. Default 30 s. */
  sseEndpointTimeout?: number;
  /** How long `close()` waits for the DELETE that ends a legacy session, in ms. Default 5 s. */
  closeTimeout?: number;
  /** The random source of the reconnection jitter (0 ≤ r < 1). Default `Math.random`. */
  random?: () => number;
}

/** Something the transport dropped or gave up on; the spec asks clients to log some of these. */
export type HttpTransportWarning =
  /** A tool whose `x-mcp-header` annotations break the spec's rules was left out of `tools/list`. */
  | { kind: 'tool-rejected'; tool: string; reason: string }
  /** A message that is not JSON arrived on a stream and was dropped. */
  | { kind: 'unreadable-message'; reason: string }
  /** The standalone GET stream of a legacy session could not be kept open. */
  | { kind: 'listen-stream-lost'; reason: string }
  /** The server sent an `Mcp-Session-Id` that is not visible ASCII; it was not used. */
  | { kind: 'session-id-refused'; reason: string }
  /** An `initialize` POST was refused and the HTTP+SSE transport could not be reached either. */
  | { kind: 'http-sse-unavailable'; reason: string };

export const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
export const DEFAULT_SSE_ENDPOINT_TIMEOUT = 30_000;
export const DEFAULT_CLOSE_TIMEOUT = 5_000;
/** How much of an HTTP error body is read, looking for a JSON-RPC error in it. */
export const ERROR_BODY_LIMIT = 64 * 1024;
