// A transport fed by the HTTP layer: each POSTed message is injected, and what the engine sends
// goes to a router that picks the HTTP response (or stream) it belongs on.
import { ConnectionClosedError } from '../../jsonrpc/errors.js';
import { TransportEvents } from '../../jsonrpc/transport-events.js';
import type { SendOptions, Transport } from '../../jsonrpc/transport.js';
import type { JsonRpcMessage } from '../../spec/jsonrpc.js';

export type OutgoingRouter = (
  message: JsonRpcMessage | JsonRpcMessage[],
  options: SendOptions | undefined,
) => void;

export class InjectedTransport extends TransportEvents implements Transport {
  readonly #route: OutgoingRouter;
  #closed = false;

  constructor(route: OutgoingRouter) {
    super();
    this.#route = route;
  }

  get closed(): boolean {
    return this.#closed;
  }

  start(): Promise<void> {
    return Promise.resolve();
  }

  send(message: JsonRpcMessage | JsonRpcMessage[], options?: SendOptions): void {
    if (this.#closed) throw new ConnectionClosedError();
    this.#route(message, options);
  }

  /** Hands a received message (already parsed) to the engine, synchronously. */
  inject(message: unknown): void {
    if (!this.#closed) this.messageEvents.emit(message);
  }

  close(): Promise<void> {
    if (!this.#closed) {
      this.#closed = true;
      this.closeEvents.emit({});
    }
    return Promise.resolve();
  }
}
