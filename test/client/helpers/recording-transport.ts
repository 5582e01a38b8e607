// Wraps the client's transport and records every message in both directions, so a test can see
// what went over the wire (rounds, `_meta`, cancellations), whatever the transport underneath.
import { Emitter, type Disposable } from '../../../src/jsonrpc/events.js';
import type {
  InvalidFrame,
  SendOptions,
  Transport,
  TransportCloseInfo,
} from '../../../src/jsonrpc/transport.js';
import type { JsonRpcMessage, RequestId } from '../../../src/spec/jsonrpc.js';

/** A message as it crossed the wire, read loosely. */
export interface WireMessage {
  id?: RequestId | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: unknown;
  error?: { code: number; message: string; data?: unknown };
}

export class RecordingTransport implements Transport {
  /** Client → server. */
  readonly sent: WireMessage[] = [];
  /** Server → client (parsed values only; invalid frames are counted apart). */
  readonly received: WireMessage[] = [];
  readonly invalidFrames: InvalidFrame[] = [];
  readonly inner: Transport;
  readonly #messages = new Emitter<unknown>();

  constructor(inner: Transport) {
    this.inner = inner;
    inner.onMessage((message) => {
      this.received.push(message as WireMessage);
      this.#messages.emit(message);
    });
    inner.onInvalid((frame) => this.invalidFrames.push(frame));
  }

  get closed(): boolean {
    return this.inner.closed;
  }
  send(message: JsonRpcMessage | JsonRpcMessage[], options?: SendOptions): void | Promise<void> {
    for (const one of Array.isArray(message) ? message : [message]) this.sent.push(one);
    return this.inner.send(message, options);
  }
  onMessage(listener: (message: unknown) => void): Disposable {
    return this.#messages.on(listener);
  }
  onInvalid(listener: (frame: InvalidFrame) => void): Disposable {
    return this.inner.onInvalid(listener);
  }
  onClose(listener: (info: TransportCloseInfo) => void): Disposable {
    return this.inner.onClose(listener);
  }
  start(): Promise<void> {
    return this.inner.start();
  }
  close(): Promise<void> {
    return this.inner.close();
  }

  /** Requests the client sent, for one method or all. */
  requestsSent(method?: string): WireMessage[] {
    return this.sent.filter(
      (m) =>
        m.method !== undefined &&
        m.id !== undefined &&
        (method === undefined || m.method === method),
    );
  }

  notificationsSent(method: string): WireMessage[] {
    return this.sent.filter((m) => m.method === method && m.id === undefined);
  }

  /** Requests the server sent to the client (legacy only: the modern era has none). */
  requestsReceived(method?: string): WireMessage[] {
    return this.received.filter(
      (m) =>
        m.method !== undefined &&
        m.id !== undefined &&
        (method === undefined || m.method === method),
    );
  }

  notificationsReceived(method: string): WireMessage[] {
    return this.received.filter((m) => m.method === method && m.id === undefined);
  }

  /** Requests sent for `tools/call` of one tool. */
  toolCalls(name: string): WireMessage[] {
    return this.requestsSent('tools/call').filter((m) => m.params?.['name'] === name);
  }
}
