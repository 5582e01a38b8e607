// The two error families: protocol errors (a JSON-RPC code, sent on the wire) and local errors
// (timeouts, closed connections, misuse, limits), which never leave the process.
import { ErrorCode } from '../spec/error-codes.js';
import type { JsonRpcErrorObject } from '../spec/jsonrpc.js';

/** An error that goes on the wire as a JSON-RPC error object. */
export class ProtocolError extends Error {
  override readonly name: string = 'ProtocolError';
  readonly code: number;
  readonly data: unknown;

  constructor(code: number, message: string, data?: unknown) {
    super(message);
    this.code = code;
    this.data = data;
  }

  /** The error object as it goes on the wire: code, message and data, nothing else. */
  toJson(): JsonRpcErrorObject {
    return this.data === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, data: this.data };
  }

  /** Rebuilds the error a peer sent. */
  static fromJson(error: JsonRpcErrorObject): ProtocolError {
    return new ProtocolError(error.code, error.message, error.data);
  }

  static parseError(message = 'Parse error'): ProtocolError {
    return new ProtocolError(ErrorCode.ParseError, message);
  }
  static invalidRequest(message = 'Invalid request', data?: unknown): ProtocolError {
    return new ProtocolError(ErrorCode.InvalidRequest, message, data);
  }
  static methodNotFound(method: string): ProtocolError {
    return new ProtocolError(ErrorCode.MethodNotFound, `Method not found: ${method}`);
  }
  static invalidParams(message = 'Invalid params', data?: unknown): ProtocolError {
    return new ProtocolError(ErrorCode.InvalidParams, message, data);
  }
  static internalError(message = 'Internal error'): ProtocolError {
    return new ProtocolError(ErrorCode.InternalError, message);
  }
}

export type LocalErrorReason = 'timeout' | 'closed' | 'cancelled' | 'misuse' | 'limit' | 'protocol';

/** An error raised in this process about this process; it is never sent to the peer. */
export class LocalError extends Error {
  override readonly name: string = 'LocalError';
  readonly reason: LocalErrorReason;

  constructor(reason: LocalErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

/** A request got no response in time. */
export class RequestTimeoutError extends LocalError {
  override readonly name = 'RequestTimeoutError';
  constructor(message: string) {
    super('timeout', message);
  }
}

/** The connection closed, or was closed, before the operation finished. */
export class ConnectionClosedError extends LocalError {
  override readonly name = 'ConnectionClosedError';
  constructor(message = 'Connection closed', options?: { cause?: unknown }) {
    super('closed', message, options);
  }
}

/** The caller cancelled the request (its `AbortSignal` fired). */
export class RequestCancelledError extends LocalError {
  override readonly name = 'RequestCancelledError';
  constructor(message = 'Request cancelled', options?: { cause?: unknown }) {
    super('cancelled', message, options);
  }
}

/** A limit was reached: message size, requests in flight. */
export class LimitExceededError extends LocalError {
  override readonly name = 'LimitExceededError';
  constructor(message: string) {
    super('limit', message);
  }
}

/** The API was used in a way it does not allow (a handler registered twice, send after close). */
export class UsageError extends LocalError {
  override readonly name = 'UsageError';
  constructor(message: string) {
    super('misuse', message);
  }
}

/** The peer sent something the protocol does not allow (a result of the wrong shape). */
export class InvalidResponseError extends LocalError {
  override readonly name = 'InvalidResponseError';
  constructor(message: string) {
    super('protocol', message);
  }
}

/**
 * The one place where anything a handler throws becomes a wire error. A `ProtocolError` goes out
 * as it is; anything else becomes -32603 with a fixed message, so no stack, path or secret from
 * user code reaches the peer.
 */
export function toWireError(error: unknown): JsonRpcErrorObject {
  if (error instanceof ProtocolError) return error.toJson();
  return { code: ErrorCode.InternalError, message: 'Internal error' };
}
