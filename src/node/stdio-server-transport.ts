// The server end of stdio: newline-delimited JSON-RPC read from stdin and written to stdout, and
// nothing else on stdout.
import type { Readable, Writable } from 'node:stream';
import { Buffer } from 'node:buffer';
import { ConnectionClosedError } from '../jsonrpc/errors.js';
import type { JsonRpcMessage } from '../spec/jsonrpc.js';
import { LineFramer, serializeMessage } from '../transport/line-framer.js';
import { TransportEvents } from '../jsonrpc/transport-events.js';
import type { Transport, TransportCloseInfo } from '../transport/transport.js';
import { redirectConsole } from './console-redirect.js';
import { MessageStreamWriter } from './message-stream-writer.js';

export interface StdioServerTransportOptions {
  /** Where messages come from. Default `process.stdin`. */
  stdin?: Readable;
  /** Where messages go; nothing else is written to it. Default `process.stdout`. */
  stdout?: Writable;
  /**
   * While the transport runs, send `console.log`, `info`, `debug`, `warn` (and the other console
   * methods that print to stdout) to `consoleTarget` instead, so stray logging cannot corrupt the
   * protocol stream. Restored on close. Default true.
   */
  redirectConsole?: boolean;
  /** Where redirected console output goes. Default `process.stderr`. */
  consoleTarget?: Writable;
  /** Longest incoming line, in bytes. Default 10 MiB (`DEFAULT_MAX_LINE_BYTES`). */
  maxLineBytes?: number;
  /**
   * Bytes of outgoing messages that may wait while stdout is backed up; past it `send` throws
   * `LimitExceededError`. Default 64 MiB (`DEFAULT_MAX_QUEUED_BYTES`).
   */
  maxQueuedBytes?: number;
}

/**
 * Serves one client over a pair of streams. It closes when stdin ends (the client's shutdown
 * signal) or fails, or when stdout fails; it never exits the process, and it leaves both
 * streams open (stdin is paused so the process can exit once nothing else keeps it alive).
 */
export class StdioServerTransport extends TransportEvents implements Transport {
  readonly #stdin: Readable;
  readonly #stdout: Writable;
  readonly #redirectConsole: boolean;
  readonly #consoleTarget: Writable | undefined;
  readonly #writer: MessageStreamWriter;
  readonly #framer: LineFramer;
  #started = false;
  #closed = false;
  #restoreConsole: (() => void) | undefined;

  constructor(options: StdioServerTransportOptions = {}) {
    super();
    this.#stdin = options.stdin ?? process.stdin;
    this.#stdout = options.stdout ?? process.stdout;
    this.#redirectConsole = options.redirectConsole ?? true;
    this.#consoleTarget = options.consoleTarget;
    this.#writer = new MessageStreamWriter(this.#stdout, options.maxQueuedBytes);
    this.#framer = new LineFramer({
      onMessage: (message) => {
        if (!this.#closed) this.messageEvents.emit(message);
      },
      onInvalid: (frame) => {
        if (!this.#closed) this.invalidEvents.emit(frame);
      },
      ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
    });
    // Attached now, not at start: a write that fails (EPIPE, the client went away) must never
    // become an uncaught 'error' event.
    this.#stdout.on('error', this.#onStdoutError);
  }

  get closed(): boolean {
    return this.#closed;
  }

  send(message: JsonRpcMessage | JsonRpcMessage[]): Promise<void> {
    if (this.#closed) throw new ConnectionClosedError();
    return this.#writer.write(serializeMessage(message));
  }

  start(): Promise<void> {
    if (this.#started || this.#closed) return Promise.resolve();
    this.#started = true;
    if (this.#redirectConsole) {
      this.#restoreConsole = redirectConsole(this.#consoleTarget ?? process.stderr);
    }
    this.#stdin.on('data', this.#onData);
    this.#stdin.on('end', this.#onEnd);
    this.#stdin.on('error', this.#onStdinError);
    this.#stdin.on('close', this.#onEnd);
    this.#stdin.resume();
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.#shutdown({});
    return Promise.resolve();
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  readonly #onData = (chunk: Buffer | string): void => {
    this.#framer.push(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk);
  };

  readonly #onEnd = (): void => {
    const dropped = this.#framer.end();
    this.#shutdown(
      dropped === 0
        ? {}
        : { error: new Error(`stdin ended inside a message (${dropped} bytes discarded)`) },
    );
  };

  readonly #onStdinError = (error: Error): void => {
    this.#shutdown({ error: new Error(`stdin failed: ${error.message}`, { cause: error }) });
  };

  readonly #onStdoutError = (error: Error): void => {
    // After close the listener stays only to absorb late failures of writes already handed over.
    this.#writer.release(new ConnectionClosedError('stdout failed', { cause: error }));
    this.#shutdown({ error: new Error(`stdout failed: ${error.message}`, { cause: error }) });
  };

  #shutdown(info: TransportCloseInfo): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#stdin.off('data', this.#onData);
    this.#stdin.off('end', this.#onEnd);
    this.#stdin.off('error', this.#onStdinError);
    this.#stdin.off('close', this.#onEnd);
    if (this.#started) {
      this.#stdin.pause();
      // Absorb a late stdin error now that nobody listens to it any more.
      this.#stdin.on('error', ignoreError);
    }
    this.#writer.release();
    if (this.#stdout.writableLength === 0) this.#stdout.off('error', this.#onStdoutError);
    this.#restoreConsole?.();
    this.#restoreConsole = undefined;
    this.closeEvents.emit(info);
  }
}

function ignoreError(): void {}
