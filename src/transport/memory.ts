// Two transports wired to each other in memory: for tests, and for running a client and a server
// in one process without a byte stream between them.
import { ConnectionClosedError } from '../jsonrpc/errors.js';
import { TransportEvents } from '../jsonrpc/transport-events.js';
import type { JsonRpcMessage } from '../spec/jsonrpc.js';
import type { Transport } from './transport.js';

export interface LinkedTransportsOptions {
  /**
   * Deliver a `structuredClone` of each message instead of the object itself. Off by default:
   * messages are passed by reference, so a sender must not mutate a message after sending it.
   */
  clone?: boolean;
}

/** One end of a linked pair; `send` hands the message over at once and returns nothing. */
export interface LinkedTransport extends Transport {
  send(message: JsonRpcMessage | JsonRpcMessage[]): void;
}

/** What waits in a receiver's inbox: a message, or the news that the peer closed. */
type Delivery = { kind: 'message'; message: unknown } | { kind: 'peer-closed' };

/**
 * Delivery is always asynchronous (a microtask), so `send` never runs the peer's listeners inside
 * the caller's stack; order is preserved. An end that is never started never delivers, not even
 * its `onClose` when the peer closes: that waits for `start()` like everything else.
 */
class LinkedTransportEnd extends TransportEvents implements LinkedTransport {
  peer: LinkedTransportEnd | undefined;
  readonly #clone: boolean;
  readonly #inbox: Delivery[] = [];
  #started = false;
  #drainScheduled = false;
  /** No more sending: this side closed, or the peer did. */
  #sendClosed = false;
  /** onClose has fired; nothing more is delivered. */
  #finished = false;

  constructor(clone: boolean) {
    super();
    this.#clone = clone;
  }

  get closed(): boolean {
    return this.#sendClosed;
  }

  send(message: JsonRpcMessage | JsonRpcMessage[]): void {
    if (this.#sendClosed || this.peer === undefined) throw new ConnectionClosedError();
    this.peer.receive(this.#clone ? structuredClone(message) : message);
  }

  start(): Promise<void> {
    if (!this.#started) {
      this.#started = true;
      this.#scheduleDrain();
    }
    return Promise.resolve();
  }

  close(): Promise<void> {
    if (!this.#finished) {
      const peer = this.peer;
      this.#sendClosed = true;
      this.#finish();
      peer?.peerClosed();
    }
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  /** Called by the peer's `send`. */
  receive(message: unknown): void {
    if (this.#finished) return;
    this.#inbox.push({ kind: 'message', message });
    this.#scheduleDrain();
  }

  /**
   * The peer closed. Sending stops now; `onClose` fires once the messages it sent before closing
   * have been delivered, as a pipe delivers its data before its end.
   */
  peerClosed(): void {
    if (this.#finished) return;
    this.#sendClosed = true;
    this.#inbox.push({ kind: 'peer-closed' });
    this.#scheduleDrain();
  }

  #scheduleDrain(): void {
    if (!this.#started || this.#drainScheduled || this.#inbox.length === 0) return;
    this.#drainScheduled = true;
    queueMicrotask(() => {
      this.#drainScheduled = false;
      this.#drain();
    });
  }

  #drain(): void {
    // Listeners may send, close or add deliveries while this runs; the loop sees all of it.
    while (this.#inbox.length > 0 && !this.#finished) {
      for (const delivery of this.#inbox.splice(0)) {
        if (this.#finished) return;
        if (delivery.kind === 'message') this.messageEvents.emit(delivery.message);
        else this.#finish();
      }
    }
  }

  #finish(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.#inbox.length = 0;
    this.peer = undefined;
    this.closeEvents.emit({});
  }
}

/**
 * Two connected transports: what one sends, the other receives. Messages sent before the
 * receiver's `start()` wait for it. Closing either side closes both; each fires `onClose` once.
 */
export function createLinkedTransports(
  options: LinkedTransportsOptions = {},
): [LinkedTransport, LinkedTransport] {
  const clone = options.clone ?? false;
  const first = new LinkedTransportEnd(clone);
  const second = new LinkedTransportEnd(clone);
  first.peer = second;
  second.peer = first;
  return [first, second];
}
