// One SSE stream of a legacy session as the client sees it across reconnections: each event is
// stored (and so gets its id) before it is written; while no connection is attached, events are
// only stored, for a `Last-Event-ID` resumption to replay. Events keep their order whatever the
// store's latency, because every store-then-write runs in one queue per stream.
import type { JsonRpcMessage } from '../../spec/jsonrpc.js';
import type { EventStore, StoredEvent } from './event-store.js';
import { messageEvent } from './sse-event.js';
import type { SseWriter } from './sse-writer.js';

export class SessionStream {
  readonly id: string;
  readonly #store: EventStore | undefined;
  readonly #reportError: (error: unknown, where: string) => void;
  #writer: SseWriter | undefined;
  #queue: Promise<void> = Promise.resolve();
  #finished = false;
  #closed = false;

  constructor(
    id: string,
    store: EventStore | undefined,
    reportError: (error: unknown, where: string) => void,
  ) {
    this.id = id;
    this.#store = store;
    this.#reportError = reportError;
  }

  /** A connection is attached and open. */
  get attached(): boolean {
    return this.#writer?.open === true;
  }

  /** The stream's last event (the reply it was opened for) has been queued. */
  get finished(): boolean {
    return this.#finished;
  }

  /** Sends from now on go to `writer`; a connection attached before is closed (it was lost). */
  attach(writer: SseWriter): void {
    if (this.#writer !== writer) this.#writer?.close();
    this.#writer = writer;
  }

  detach(writer: SseWriter): void {
    if (this.#writer === writer) this.#writer = undefined;
  }

  /** The priming event (an id and empty data) and the reconnection delay (2025-11-25). */
  prime(retryMs: number): void {
    this.#enqueue(null, (writer, id) => {
      if (id !== undefined) writer.send({ id, retry: retryMs, data: '' });
    });
  }

  /** Stores and writes one message; `last` ends the stream (and its connection) after it. */
  deliver(message: JsonRpcMessage | JsonRpcMessage[], last: boolean): void {
    if (last) this.#finished = true;
    this.#enqueue(message, (writer, id) => {
      writer.send(messageEvent(message, id));
      if (last) writer.close();
    });
  }

  /** Ends the stream without a last event (its request was cancelled). */
  finish(): void {
    this.#finished = true;
    this.#enqueue(undefined, (writer) => writer.close());
  }

  /** Runs `task` once everything queued so far has been stored and written. */
  afterQueued(task: () => Promise<void>): void {
    this.#queue = this.#queue.then(task).catch((error: unknown) => {
      this.#reportError(error, 'resuming an event stream');
    });
  }

  /** The session ended: the connection closes, and nothing more is stored or written. */
  close(): void {
    this.#closed = true;
    this.#writer?.close();
    this.#writer = undefined;
  }

  /** Settles once nothing queued is still being stored or written. */
  drained(): Promise<void> {
    return this.#queue;
  }

  /** Queues storing `event` (nothing to store when undefined) and then `write`. */
  #enqueue(
    event: StoredEvent | undefined,
    write: (writer: SseWriter, id: string | undefined) => void,
  ): void {
    const store = this.#store;
    this.#queue = this.#queue.then(async () => {
      if (this.#closed) return;
      let id: string | undefined;
      if (store !== undefined && event !== undefined) {
        try {
          id = await store.storeEvent(this.id, event);
        } catch (error) {
          // A store that fails costs resumability, not delivery.
          this.#reportError(error, 'storing an SSE event');
        }
      }
      const writer = this.#writer;
      if (writer?.open === true) {
        try {
          write(writer, id);
        } catch (error) {
          this.#reportError(error, 'writing an SSE event');
        }
      }
    });
  }
}
