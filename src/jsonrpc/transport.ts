// The contract between a transport (which moves messages) and the JSON-RPC engine (which
// correlates them). It lives with the engine; concrete transports implement it in src/transport/.
// Framing and parsing happen inside the transport, validation in the engine.
import type { Disposable } from './events.js';
import type { JsonRpcMessage, RequestId } from '../spec/jsonrpc.js';

/**
 * Something arrived that is not a usable JSON value: unparseable JSON (-32700), or a frame past
 * the size limit (-32600). The engine answers it with an id-less error and keeps going.
 */
export interface InvalidFrame {
  code: number;
  message: string;
}

export interface TransportCloseInfo {
  /** Set when the transport closed because something failed (a crashed child, a broken pipe). */
  error?: Error;
}

/** What the engine tells a transport about a message it sends. */
export interface SendOptions {
  /**
   * The incoming request this message belongs to (a progress or log notification, a response).
   * Transports with a stream per request (Streamable HTTP) route by it; others ignore it.
   */
  relatedRequestId?: RequestId;
}

export interface Transport {
  /**
   * Sends one message, or a batch (2025-03-26). Throws `ConnectionClosedError` when the
   * transport is closed. The promise, when there is one, settles once the message has been
   * handed to the underlying channel; callers that do not need that may ignore it.
   */
  send(message: JsonRpcMessage | JsonRpcMessage[], options?: SendOptions): void | Promise<void>;
  /** Every parsed JSON value received, not yet validated (an object, or an array for a batch). */
  onMessage(listener: (message: unknown) => void): Disposable;
  onInvalid(listener: (frame: InvalidFrame) => void): Disposable;
  /** Fires once, when the transport is closed from either side. */
  onClose(listener: (info: TransportCloseInfo) => void): Disposable;
  /** Starts delivering messages. Idempotent. */
  start(): Promise<void>;
  /** Closes the transport; idempotent, resolves when it is closed. */
  close(): Promise<void>;
  readonly closed: boolean;
}
