// HTTP failures as JSON-RPC error responses for the request they belong to, so the engine rejects
// that one call (and the era probe can read a modern error code) instead of waiting forever.
import { ErrorCode, MODERN_ERROR_CODES } from '../../spec/error-codes.js';
import type { JsonRpcErrorObject, JsonRpcErrorResponse, RequestId } from '../../spec/jsonrpc.js';
import { parseJson } from './http-body.js';

/**
 * The code of an error this transport makes up when the server's answer carried none: an HTTP
 * status without a JSON-RPC body, a network failure, a stream that ended early. It is in the
 * range JSON-RPC leaves to implementations, and no MCP revision gives it a meaning.
 */
export const HTTP_TRANSPORT_ERROR_CODE = -32000;

/** Why the transport made an error up; carried in its `data`. */
export type HttpFailureKind =
  /** The server answered with an HTTP error status and no JSON-RPC error. */
  | 'http-status'
  /** The request never got an HTTP answer (DNS, refused connection, reset, CORS …). */
  | 'network'
  /** An SSE response ended, and could not be resumed, before the response arrived. */
  | 'stream-ended'
  /** The answer was not something this transport can read (wrong media type, bad JSON, too big). */
  | 'bad-response'
  /** HTTP 404 on a request of a legacy session: the session is gone and a new one is needed. */
  | 'session-expired';

export interface HttpFailureData {
  kind: HttpFailureKind;
  /** The HTTP status, when there was one. */
  status?: number;
}

export function errorResponse(id: RequestId, error: JsonRpcErrorObject): JsonRpcErrorResponse {
  return { jsonrpc: '2.0', id, error };
}

/** An error this transport made up (no server text: it may echo secrets or be hostile). */
export function transportFailure(
  id: RequestId,
  kind: HttpFailureKind,
  message: string,
  status?: number,
): JsonRpcErrorResponse {
  const data: HttpFailureData = status === undefined ? { kind } : { kind, status };
  return errorResponse(id, { code: HTTP_TRANSPORT_ERROR_CODE, message, data });
}

/** The JSON-RPC error an error body carries (an error response, with or without an id). */
export function jsonRpcErrorIn(body: string): JsonRpcErrorObject | undefined {
  const parsed = parseJson(body);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const error = (parsed as Record<string, unknown>)['error'];
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, message, data } = error as Record<string, unknown>;
  if (!Number.isInteger(code) || typeof message !== 'string') return undefined;
  return data === undefined
    ? { code: code as number, message }
    : { code: code as number, message, data };
}

/** The error response for a request the server refused with `status` and `body`. */
export function statusFailure(
  id: RequestId,
  status: number,
  statusText: string,
  body: string,
): JsonRpcErrorResponse {
  const carried = jsonRpcErrorIn(body);
  if (carried !== undefined) return errorResponse(id, carried);
  const text = statusText === '' ? '' : ` ${statusText}`;
  return transportFailure(id, 'http-status', `HTTP ${status}${text}`, status);
}

/**
 * Whether an HTTP error answer proves the server is modern (streamable-http.mdx, "Backward
 * Compatibility"; SPEC-MAP §18.5): a modern error code, or a 404 whose body says -32601.
 */
export function isModernRefusal(status: number, body: string): boolean {
  const error = jsonRpcErrorIn(body);
  if (error === undefined) return false;
  if (MODERN_ERROR_CODES.has(error.code)) return true;
  return status === 404 && error.code === ErrorCode.MethodNotFound;
}
