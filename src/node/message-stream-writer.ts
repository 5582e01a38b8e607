// Writes framed messages to a Node Writable in order, honouring backpressure with a bounded queue;
// shared by the stdio server and client transports.
import { Buffer } from 'node:buffer';
import type { Writable } from 'node:stream';
import { LimitExceededError } from '../jsonrpc/errors.js';

/** The default bound on bytes waiting for the stream to drain: 64 MiB. */
export const DEFAULT_MAX_QUEUED_BYTES = 64 * 1024 * 1024;

interface QueuedWrite {
  data: Buffer;
  resolve: () => void;
  reject: (error: Error) => void;
}

/**
 * While the stream is under its high-water mark, a line goes straight to `write()`. Once `write()`
 * returns false, later lines wait here, in order, until 'drain'. The wait is bounded: a line that
 * would take the queue past `maxQueuedBytes` is refused with `LimitExceededError` (and not sent),
 * so a peer that stops reading cannot make this process buffer without end.
 */
export class MessageStreamWriter {
  readonly #stream: Writable;
  readonly #maxQueuedBytes: number;
  readonly #queue: QueuedWrite[] = [];
  #queuedBytes = 0;
  #waitingForDrain = false;
  #released = false;
  readonly #onDrain = (): void => this.#flush();

  constructor(stream: Writable, maxQueuedBytes = DEFAULT_MAX_QUEUED_BYTES) {
    this.#stream = stream;
    this.#maxQueuedBytes = maxQueuedBytes;
    stream.on('drain', this.#onDrain);
  }

  /** Bytes waiting for 'drain'. */
  get queuedBytes(): number {
    return this.#queuedBytes;
  }

  /**
   * Resolves when the line has been handed to the stream. The promise is pre-handled, so a caller
   * that ignores it never causes an unhandled rejection.
   */
  write(line: string): Promise<void> {
    const data = Buffer.from(line, 'utf8');
    if (!this.#waitingForDrain) {
      this.#waitingForDrain = !this.#stream.write(data);
      return Promise.resolve();
    }
    if (this.#queuedBytes + data.byteLength > this.#maxQueuedBytes) {
      throw new LimitExceededError(
        `Outgoing queue full: the peer is not reading (limit ${this.#maxQueuedBytes} bytes)`,
      );
    }
    const queued = new Promise<void>((resolve, reject) => {
      this.#queue.push({ data, resolve, reject });
    });
    this.#queuedBytes += data.byteLength;
    queued.catch(() => {});
    return queued;
  }

  /**
   * Stops watching the stream. With `error`, queued lines are dropped and their promises reject;
   * without, they are handed to the stream as they are (it buffers them), so a last response
   * written just before a close still goes out.
   */
  release(error?: Error): void {
    if (this.#released) return;
    this.#released = true;
    this.#stream.off('drain', this.#onDrain);
    const queue = this.#queue.splice(0);
    this.#queuedBytes = 0;
    for (const item of queue) {
      if (error === undefined) {
        this.#stream.write(item.data);
        item.resolve();
      } else {
        item.reject(error);
      }
    }
  }

  #flush(): void {
    this.#waitingForDrain = false;
    while (this.#queue.length > 0 && !this.#waitingForDrain) {
      const item = this.#queue.shift() as QueuedWrite;
      this.#queuedBytes -= item.data.byteLength;
      this.#waitingForDrain = !this.#stream.write(item.data);
      item.resolve();
    }
  }
}
