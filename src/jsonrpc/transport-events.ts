// The listener half every transport shares: many listeners per event, each with its disposer.
// Concrete transports extend it and emit; the engine only ever subscribes.
import { Emitter, type Disposable } from './events.js';
import type { InvalidFrame, TransportCloseInfo } from './transport.js';

export abstract class TransportEvents {
  protected readonly messageEvents = new Emitter<unknown>();
  protected readonly invalidEvents = new Emitter<InvalidFrame>();
  protected readonly closeEvents = new Emitter<TransportCloseInfo>();

  onMessage(listener: (message: unknown) => void): Disposable {
    return this.messageEvents.on(listener);
  }

  onInvalid(listener: (frame: InvalidFrame) => void): Disposable {
    return this.invalidEvents.on(listener);
  }

  onClose(listener: (info: TransportCloseInfo) => void): Disposable {
    return this.closeEvents.on(listener);
  }
}
