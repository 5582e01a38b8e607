// A transport driven by the test: it records what the engine sends and delivers what the test
// injects, synchronously, so each behaviour can be observed step by step.
import { Emitter, type Disposable } from '../../src/jsonrpc/events.js';
import { ConnectionClosedError } from '../../src/jsonrpc/errors.js';
import type {
  InvalidFrame,
  SendOptions,
  Transport,
  TransportCloseInfo,
} from '../../src/jsonrpc/transport.js';
import type { JsonRpcMessage } from '../../src/spec/jsonrpc.js';

export interface SentMessage {
  message: JsonRpcMessage | JsonRpcMessage[];
  options: SendOptions | undefined;
}

export class ScriptedTransport implements Transport {
  readonly sent: SentMessage[] = [];
  readonly #messages = new Emitter<unknown>();
  readonly #invalid = new Emitter<InvalidFrame>();
  readonly #close = new Emitter<TransportCloseInfo>();
  closed = false;

  send(message: JsonRpcMessage | JsonRpcMessage[], options?: SendOptions): void | Promise<void> {
    if (this.closed) throw new ConnectionClosedError();
    this.sent.push({ message, options });
  }
  onMessage(listener: (message: unknown) => void): Disposable {
    return this.#messages.on(listener);
  }
  onInvalid(listener: (frame: InvalidFrame) => void): Disposable {
    return this.#invalid.on(listener);
  }
  onClose(listener: (info: TransportCloseInfo) => void): Disposable {
    return this.#close.on(listener);
  }
  start(): Promise<void> {
    return Promise.resolve();
  }
  close(): Promise<void> {
    this.closeWith({});
    return Promise.resolve();
  }

  /** The peer sends something. */
  receive(value: unknown): void {
    this.#messages.emit(value);
  }
  receiveInvalid(frame: InvalidFrame): void {
    this.#invalid.emit(frame);
  }
  closeWith(info: TransportCloseInfo): void {
    if (this.closed) return;
    this.closed = true;
    this.#close.emit(info);
  }

  /** Messages sent so far, without send options, and clears the record. */
  take(): unknown[] {
    return this.sent.splice(0).map((entry) => entry.message);
  }
}

/** Lets every queued promise callback run (one macrotask turn). */
export function flush(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Two scripted transports wired to each other; delivery is deferred to a microtask. */
export function linkScripted(): [ScriptedTransport, ScriptedTransport] {
  const a = new ScriptedTransport();
  const b = new ScriptedTransport();
  const wire = (from: ScriptedTransport, to: ScriptedTransport): void => {
    from.send = (message) => {
      if (from.closed) throw new ConnectionClosedError();
      queueMicrotask(() => {
        if (!to.closed) to.receive(message);
      });
    };
  };
  wire(a, b);
  wire(b, a);
  return [a, b];
}
