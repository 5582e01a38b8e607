// The body of one SSE response: events are queued for the client, with a cap on the bytes it may
// leave unread (SECURITY J5, N7) — past it the stream is cut and the queue dropped — and comment
// keep-alives while it is quiet (never JSON-RPC pings).
import { encodeSseComment, encodeSseEvent, type SseEvent } from './sse-event.js';
import { backgroundInterval, type TimerHandle } from './timers.js';

/** How a stream ended: the server closed it, the client went away, the client read too slowly. */
export type SseEnd = 'closed' | 'cancelled' | 'overflow';

export interface SseWriterSettings {
  /** Bytes that may wait unread before the stream is cut; one event larger than this still goes. */
  maxBufferedBytes: number;
  /** Milliseconds between keep-alive comments; 0 turns them off. */
  keepAliveIntervalMs: number;
}

export class SseWriter {
  readonly body: ReadableStream<Uint8Array>;
  readonly #settings: SseWriterSettings;
  readonly #onEnd: (how: SseEnd) => void;
  readonly #encoder = new TextEncoder();
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #keepAlive: TimerHandle | undefined;
  #end: SseEnd | undefined;

  constructor(settings: SseWriterSettings, onEnd: (how: SseEnd) => void = () => {}) {
    this.#settings = settings;
    this.#onEnd = onEnd;
    this.body = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.#controller = controller;
        },
        cancel: () => this.#finish('cancelled'),
      },
      { highWaterMark: settings.maxBufferedBytes, size: (chunk) => chunk.byteLength },
    );
    this.#keepAlive = backgroundInterval(
      () => this.comment('keep-alive'),
      settings.keepAliveIntervalMs,
    );
  }

  get open(): boolean {
    return this.#end === undefined;
  }

  /** How the stream ended; undefined while it is open. */
  get end(): SseEnd | undefined {
    return this.#end;
  }

  /** Queues an event; false when the stream is no longer open (or was just cut for overflow). */
  send(event: SseEvent): boolean {
    return this.#enqueue(encodeSseEvent(event));
  }

  comment(text: string): boolean {
    return this.#enqueue(encodeSseComment(text));
  }

  /** Ends the stream after what is queued has been read. */
  close(): void {
    if (!this.open) return;
    this.#controller.close();
    this.#finish('closed');
  }

  #enqueue(text: string): boolean {
    if (!this.open) return false;
    const waitingBefore = this.#waitingBytes();
    this.#controller.enqueue(this.#encoder.encode(text));
    if (waitingBefore > 0 && this.#waitingBytes() > this.#settings.maxBufferedBytes) {
      // Erroring (not closing) the stream discards the queue: a client that never reads holds
      // nothing. It also tells the HTTP layer to drop the connection.
      this.#controller.error(new Error('The client is not reading its event stream'));
      this.#finish('overflow');
      return false;
    }
    return true;
  }

  #waitingBytes(): number {
    return this.#settings.maxBufferedBytes - (this.#controller.desiredSize ?? 0);
  }

  #finish(how: SseEnd): void {
    if (this.#end !== undefined) return;
    this.#end = how;
    if (this.#keepAlive !== undefined) clearInterval(this.#keepAlive);
    this.#onEnd(how);
  }
}

/** The response that carries an SSE stream (with `X-Accel-Buffering: no` for nginx-like proxies). */
export function sseResponse(
  writer: SseWriter,
  headers: Readonly<Record<string, string>> = {},
): Response {
  return new Response(writer.body, {
    status: 200,
    headers: {
      ...headers,
      'Content-Type': 'text/event-stream',
      'Cache-Control': 'no-cache, no-transform',
      'X-Accel-Buffering': 'no',
    },
  });
}
