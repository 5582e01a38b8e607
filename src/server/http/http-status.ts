// The one table from failures to HTTP statuses (ARCHITECTURE: "One table maps codes to HTTP
// statuses"): refusals the HTTP layer makes itself, and JSON-RPC errors the engine answered with.
import { ErrorCode } from '../../spec/error-codes.js';
import type { JsonRpcErrorResponse, RequestId } from '../../spec/jsonrpc.js';

/** Why the HTTP layer refuses a request before (or instead of) the JSON-RPC engine seeing it. */
export type HttpRefusal =
  /** `Host` or `Origin` not allowed (DNS rebinding, SECURITY T1/T2/T5). */
  | 'forbidden'
  /** A path that is not the MCP endpoint. */
  | 'not-found'
  /** GET or DELETE without a legacy session, or a method the endpoint does not serve. */
  | 'method-not-allowed'
  /** `Accept` does not allow what the response may be. */
  | 'not-acceptable'
  /** A second standalone GET stream for one session. */
  | 'stream-conflict'
  /** The body is larger than the limit. */
  | 'body-too-large'
  /** `Content-Type` is not `application/json`. */
  | 'unsupported-media-type'
  /** The body is not JSON (or not UTF-8). */
  | 'parse-error'
  /** JSON that is not an acceptable JSON-RPC message here. */
  | 'invalid-request'
  /** A legacy request without `Mcp-Session-Id`. */
  | 'session-required'
  /** An unknown, expired, deleted or foreign session id. */
  | 'session-not-found'
  /** A legacy `MCP-Protocol-Version` header naming no supported revision. */
  | 'unsupported-protocol-version'
  /** 2026-07-28 request-metadata headers that disagree with the body (-32020). */
  | 'header-mismatch'
  /** A modern request without the `_meta` it needs (-32602). */
  | 'invalid-params'
  /** Too many requests in flight for one session. */
  | 'too-many-requests'
  /** Too many sessions or stateless requests at once. */
  | 'server-busy'
  /** The handler is closed, or the session ended while the request waited. */
  | 'shutting-down'
  /** Something failed inside the handler; no detail goes on the wire. */
  | 'internal-error';

const REFUSALS: Readonly<Record<HttpRefusal, { status: number; code: number }>> = {
  forbidden: { status: 403, code: ErrorCode.InvalidRequest },
  'not-found': { status: 404, code: ErrorCode.InvalidRequest },
  'method-not-allowed': { status: 405, code: ErrorCode.InvalidRequest },
  'not-acceptable': { status: 406, code: ErrorCode.InvalidRequest },
  'stream-conflict': { status: 409, code: ErrorCode.InvalidRequest },
  'body-too-large': { status: 413, code: ErrorCode.InvalidRequest },
  'unsupported-media-type': { status: 415, code: ErrorCode.InvalidRequest },
  'parse-error': { status: 400, code: ErrorCode.ParseError },
  'invalid-request': { status: 400, code: ErrorCode.InvalidRequest },
  'session-required': { status: 400, code: ErrorCode.InvalidRequest },
  'session-not-found': { status: 404, code: ErrorCode.InvalidRequest },
  'unsupported-protocol-version': { status: 400, code: ErrorCode.InvalidRequest },
  'header-mismatch': { status: 400, code: ErrorCode.HeaderMismatch },
  'invalid-params': { status: 400, code: ErrorCode.InvalidParams },
  'too-many-requests': { status: 429, code: ErrorCode.InvalidRequest },
  'server-busy': { status: 503, code: ErrorCode.InternalError },
  'shutting-down': { status: 503, code: ErrorCode.InternalError },
  'internal-error': { status: 500, code: ErrorCode.InternalError },
};

/**
 * The HTTP status of a 2026-07-28 JSON response carrying a JSON-RPC error: the spec fixes 404 for
 * -32601 and 400 for -32020/-32021/-32022 and for malformed requests; an internal error is a 500.
 * Anything else (an implementation-defined code from a handler) is an answer, hence 200.
 */
const MODERN_ERROR_STATUS: ReadonlyMap<number, number> = new Map([
  [ErrorCode.ParseError, 400],
  [ErrorCode.InvalidRequest, 400],
  [ErrorCode.MethodNotFound, 404],
  [ErrorCode.InvalidParams, 400],
  [ErrorCode.InternalError, 500],
  [ErrorCode.HeaderMismatch, 400],
  [ErrorCode.MissingRequiredClientCapability, 400],
  [ErrorCode.UnsupportedProtocolVersion, 400],
]);

/**
 * Where a JSON-RPC response goes out: a modern request, a request in a legacy session (where
 * JSON-RPC errors are ordinary answers, 200), or a legacy `initialize` (a failed handshake is a
 * 400, so a client probing eras sees it at the HTTP level).
 */
export type ResponsePhase = 'modern' | 'legacy' | 'handshake';

/** The status of an HTTP response whose body is this JSON-RPC response (or batch of them). */
export function statusForReply(reply: unknown, phase: ResponsePhase): number {
  const code = errorCodeOf(reply);
  if (code === undefined || phase === 'legacy') return 200;
  if (phase === 'handshake') return 400;
  return MODERN_ERROR_STATUS.get(code) ?? 200;
}

function errorCodeOf(reply: unknown): number | undefined {
  if (typeof reply !== 'object' || reply === null || Array.isArray(reply)) return undefined;
  const error = (reply as { error?: unknown }).error;
  if (typeof error !== 'object' || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === 'number' ? code : undefined;
}

export interface RefusalOptions {
  /** The request's id, when it could be read; absent otherwise (an id-less error). */
  id?: RequestId;
  data?: unknown;
  headers?: Readonly<Record<string, string>>;
}

/** A refusal as an HTTP response whose body is a JSON-RPC error. */
export function refusal(
  kind: HttpRefusal,
  message: string,
  options: RefusalOptions = {},
): Response {
  const { status, code } = REFUSALS[kind];
  const error =
    options.data === undefined ? { code, message } : { code, message, data: options.data };
  const body: JsonRpcErrorResponse =
    options.id === undefined
      ? { jsonrpc: '2.0', error }
      : { jsonrpc: '2.0', id: options.id, error };
  return jsonResponse(body, status, options.headers);
}

/** The HTTP status a refusal goes out with (for callers that only need the number). */
export function refusalStatus(kind: HttpRefusal): number {
  return REFUSALS[kind].status;
}

export function jsonResponse(
  body: unknown,
  status: number,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...headers, 'Content-Type': 'application/json' },
  });
}

/** `202 Accepted`, no body: what a notification or a response POST gets. */
export function acceptedResponse(): Response {
  return new Response(null, { status: 202 });
}
