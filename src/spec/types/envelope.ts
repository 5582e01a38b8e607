// The schema's names for JSON-RPC messages, built on the era-neutral envelope of ../jsonrpc.ts and
// narrowed to what each revision's schema allows.
import type {
  JsonRpcErrorObject,
  JsonRpcErrorResponse,
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResultResponse,
  RequestId,
} from '../jsonrpc.js';
import type { LegacyResult, Result } from './base.js';

/** The error member of an error response: a code, a one-sentence message, optional data. */
export type Error = JsonRpcErrorObject;

/** A request: it has an `id` and expects a response. */
export type JSONRPCRequest = JsonRpcRequest;

/** A notification: no `id`, no response. */
export type JSONRPCNotification = JsonRpcNotification;

/** A successful response in 2026-07-28: its result always says its `resultType`. */
export interface JSONRPCResultResponse extends JsonRpcResultResponse {
  result: Result;
}

/** A successful response in the legacy revisions. @see {@link JSONRPCResultResponse} for 2026-07-28. */
export interface LegacyJSONRPCResultResponse extends JsonRpcResultResponse {
  result: LegacyResult;
}

/**
 * An error response. Unlike plain JSON-RPC (and {@link JsonRpcErrorResponse}), MCP never sends
 * `id: null`: the id is left out when the request's id could not be read (2025-11-25 and later).
 */
export interface JSONRPCErrorResponse extends JsonRpcErrorResponse {
  id?: RequestId;
  error: Error;
}

/** Either kind of response. */
export type JSONRPCResponse = JSONRPCResultResponse | JSONRPCErrorResponse;
/** Either kind of legacy response. */
export type LegacyJSONRPCResponse = LegacyJSONRPCResultResponse | JSONRPCErrorResponse;

/** Anything that may travel on the wire in 2026-07-28. */
export type JSONRPCMessage =
  JSONRPCRequest | JSONRPCNotification | JSONRPCResultResponse | JSONRPCErrorResponse;

/** Anything that may travel on the wire in 2025-11-25 (batches aside, see {@link JSONRPCBatchRequest}). */
export type LegacyJSONRPCMessage =
  JSONRPCRequest | JSONRPCNotification | LegacyJSONRPCResultResponse | JSONRPCErrorResponse;

/**
 * 2024-11-05 … 2025-06-18 name of the error response; there the `id` is always present.
 * @see {@link JSONRPCErrorResponse} for 2025-11-25 and later.
 */
export interface JSONRPCError extends JsonRpcErrorResponse {
  id: RequestId;
  error: Error;
}

/** 2025-03-26 only: several requests and notifications sent as one JSON array. */
export type JSONRPCBatchRequest = (JSONRPCRequest | JSONRPCNotification)[];

/** 2025-03-26 only: the responses to a {@link JSONRPCBatchRequest}, as one JSON array. */
export type JSONRPCBatchResponse = (LegacyJSONRPCResultResponse | JSONRPCError)[];
