// Options of the Streamable HTTP handler and their defaults: secure (Host and Origin checked) and
// bounded (body, sessions, idle time, requests in flight, unread stream bytes) unless told otherwise.
import { UsageError } from '../../jsonrpc/errors.js';
import type { EventStore } from './event-store.js';
import { InMemoryEventStore } from './in-memory-event-store.js';
import type { ExchangeSettings } from './response-exchange.js';

export interface LegacySseOptions {
  /** Where a GET opens the event stream. Default `/sse`. */
  ssePath?: string;
  /** Where the client POSTs its messages (named in the `endpoint` event). Default `/messages`. */
  messagePath?: string;
}

export interface McpHttpHandlerOptions {
  /** The MCP endpoint's path; other paths get 404. Default: every path is the endpoint. */
  endpointPath?: string;
  /**
   * Accepted `Host` values: names for any port (`example.com`) or `host:port`. Default (and what
   * an empty list means): `localhost`, `127.0.0.1` and `[::1]`, any port. `'any'` turns the
   * check off — only behind something that checks it instead.
   */
  allowedHosts?: readonly string[] | 'any';
  /**
   * Accepted `Origin` values (`https://app.example.com`, `http://localhost:*` for any port), when
   * a request has one. Default: http and https on the allowed hosts (on the loopback names when
   * `allowedHosts` is `'any'`). `null` never passes.
   * `'any'` turns the check off.
   */
  allowedOrigins?: readonly string[] | 'any';
  /** Largest POST body, in bytes. Default 4 MiB. */
  maxBodyBytes?: number;
  /** Legacy sessions (and HTTP+SSE sessions) open at once; past it, `initialize` gets 503. Default 10 000. */
  maxSessions?: number;
  /** A legacy session with no request and no open stream for this long is closed. Default 30 min. */
  sessionIdleTimeoutMs?: number;
  /** Requests one legacy session may have in flight; past it, 429. Default 100. */
  maxRequestsPerSession?: number;
  /** 2026-07-28 requests (listen streams included) in flight at once; past it, 503. Default 10 000. */
  maxStatelessRequests?: number;
  /** Bytes a client may leave unread on one event stream before it is cut. Default 1 MiB. */
  maxBufferedBytesPerStream?: number;
  /** Milliseconds between SSE keep-alive comments; 0 turns them off. Default 15 000. */
  keepAliveIntervalMs?: number;
  /**
   * A request whose reply has not come after this many milliseconds is answered with an event
   * stream (headers now, keep-alives while it runs) rather than one JSON body. Default 10 000.
   * 0: every answer is an event stream.
   */
  streamAfterMs?: number;
  /**
   * Where legacy (2025-03-26 … 2025-11-25) SSE events are kept for `Last-Event-ID` resumption.
   * Default: an `InMemoryEventStore` (bounded). `false`: streams are not resumable.
   */
  eventStore?: EventStore | false;
  /** The `retry` hint, in milliseconds, on the priming event of 2025-11-25 streams. Default 1000. */
  retryIntervalMs?: number;
  /** Also serve the deprecated HTTP+SSE transport of 2024-11-05. Default off. */
  legacySse?: boolean | LegacySseOptions;
  /** Failures nobody else hears about. Default: `console.error`. */
  onError?: (error: unknown, where: string) => void;
}

export const DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;
export const DEFAULT_MAX_SESSIONS = 10_000;
export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const DEFAULT_MAX_REQUESTS_PER_SESSION = 100;
export const DEFAULT_MAX_STATELESS_REQUESTS = 10_000;
export const DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM = 1024 * 1024;
export const DEFAULT_KEEP_ALIVE_INTERVAL_MS = 15_000;
export const DEFAULT_STREAM_AFTER_MS = 10_000;
export const DEFAULT_RETRY_INTERVAL_MS = 1000;

/** The options with every default filled in and every number checked. */
export interface HttpSettings {
  readonly endpointPath: string | undefined;
  readonly maxBodyBytes: number;
  readonly maxSessions: number;
  readonly sessionIdleTimeoutMs: number;
  readonly maxRequestsPerSession: number;
  readonly maxStatelessRequests: number;
  readonly exchange: ExchangeSettings;
  readonly eventStore: EventStore | undefined;
  readonly retryIntervalMs: number;
  readonly legacySse: Required<LegacySseOptions> | undefined;
  readonly reportError: (error: unknown, where: string) => void;
}

export function resolveHttpSettings(options: McpHttpHandlerOptions): HttpSettings {
  const legacySse =
    options.legacySse === undefined || options.legacySse === false
      ? undefined
      : {
          ssePath: (options.legacySse === true ? undefined : options.legacySse.ssePath) ?? '/sse',
          messagePath:
            (options.legacySse === true ? undefined : options.legacySse.messagePath) ?? '/messages',
        };
  return {
    endpointPath: options.endpointPath,
    maxBodyBytes: positive('maxBodyBytes', options.maxBodyBytes, DEFAULT_MAX_BODY_BYTES),
    maxSessions: positive('maxSessions', options.maxSessions, DEFAULT_MAX_SESSIONS),
    sessionIdleTimeoutMs: positive(
      'sessionIdleTimeoutMs',
      options.sessionIdleTimeoutMs,
      DEFAULT_SESSION_IDLE_TIMEOUT_MS,
    ),
    maxRequestsPerSession: positive(
      'maxRequestsPerSession',
      options.maxRequestsPerSession,
      DEFAULT_MAX_REQUESTS_PER_SESSION,
    ),
    maxStatelessRequests: positive(
      'maxStatelessRequests',
      options.maxStatelessRequests,
      DEFAULT_MAX_STATELESS_REQUESTS,
    ),
    exchange: {
      sse: {
        maxBufferedBytes: positive(
          'maxBufferedBytesPerStream',
          options.maxBufferedBytesPerStream,
          DEFAULT_MAX_BUFFERED_BYTES_PER_STREAM,
        ),
        keepAliveIntervalMs: nonNegative(
          'keepAliveIntervalMs',
          options.keepAliveIntervalMs,
          DEFAULT_KEEP_ALIVE_INTERVAL_MS,
        ),
      },
      streamAfterMs: nonNegative('streamAfterMs', options.streamAfterMs, DEFAULT_STREAM_AFTER_MS),
    },
    eventStore:
      options.eventStore === false ? undefined : (options.eventStore ?? new InMemoryEventStore()),
    retryIntervalMs: nonNegative(
      'retryIntervalMs',
      options.retryIntervalMs,
      DEFAULT_RETRY_INTERVAL_MS,
    ),
    legacySse,
    reportError:
      options.onError ??
      ((error, where) => console.error(`[mcpkit] HTTP handler: ${where} failed:`, error)),
  };
}

function positive(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!(chosen > 0) || Number.isNaN(chosen)) {
    throw new UsageError(`${name} must be a positive number, got ${String(value)}`);
  }
  return chosen;
}

function nonNegative(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!(chosen >= 0)) throw new UsageError(`${name} must be 0 or more, got ${String(value)}`);
  return chosen;
}
