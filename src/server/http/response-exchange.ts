// The HTTP response to one POST, decided lazily: one JSON body when the reply is the first thing
// to send; an SSE stream as soon as anything comes before it, or when the reply is slow to come
// (so headers and keep-alives flow, and no client times out waiting for them), or always when
// the server is set to stream every answer (`streamAfterMs: 0`).
import { jsonResponse } from './http-status.js';
import { SseWriter, sseResponse, type SseEnd, type SseWriterSettings } from './sse-writer.js';
import { backgroundTimeout, type TimerHandle } from './timers.js';

export interface ExchangeSettings {
  sse: SseWriterSettings;
  /** Milliseconds without anything to send before the response becomes a stream anyway. */
  streamAfterMs: number;
}

export interface ExchangeEvents {
  /** The client went away: it aborted the request, or closed (or overflowed) its stream. */
  clientGone(how: 'aborted' | SseEnd): void;
  /** Nothing to send for `streamAfterMs`: the owner decides how the stream starts. */
  quiet(): void;
}

export class ResponseExchange {
  readonly response: Promise<Response>;
  readonly #settings: ExchangeSettings;
  readonly #events: ExchangeEvents;
  readonly #headers: Readonly<Record<string, string>>;
  readonly #signal: AbortSignal;
  #resolve!: (response: Response) => void;
  #writer: SseWriter | undefined;
  #settled = false;
  #gone = false;
  #quietTimer: TimerHandle | undefined;

  constructor(
    signal: AbortSignal,
    settings: ExchangeSettings,
    events: ExchangeEvents,
    headers: Readonly<Record<string, string>> = {},
  ) {
    this.#signal = signal;
    this.#settings = settings;
    this.#events = events;
    this.#headers = headers;
    this.response = new Promise((resolve) => (this.#resolve = resolve));
    if (signal.aborted) queueMicrotask(this.#onAbort);
    else signal.addEventListener('abort', this.#onAbort, { once: true });
  }

  /**
   * Starts the clock, once the owner is ready for `quiet`: with `streamAfterMs` 0 the response is
   * a stream from the start (every answer as SSE), otherwise after that long without one.
   */
  begin(): void {
    if (this.#settled) return;
    if (this.#settings.streamAfterMs === 0) {
      this.#events.quiet();
      return;
    }
    this.#quietTimer = backgroundTimeout(() => {
      this.#quietTimer = undefined;
      if (!this.#settled) this.#events.quiet();
    }, this.#settings.streamAfterMs);
  }

  /** No response chosen yet. */
  get pending(): boolean {
    return !this.#settled;
  }

  /** The stream, once the response is one. */
  get writer(): SseWriter | undefined {
    return this.#writer;
  }

  /** The client is gone; nothing sent from now on reaches it. */
  get clientGone(): boolean {
    return this.#gone;
  }

  /** Answers with a ready-made response (JSON, 202, an error); ignored once answered. */
  respond(response: Response): void {
    if (this.#settled) return;
    this.#settle();
    this.#resolve(response);
  }

  respondJson(body: unknown, status: number, headers: Readonly<Record<string, string>> = {}): void {
    this.respond(jsonResponse(body, status, { ...this.#headers, ...headers }));
  }

  /** The SSE stream of this response, started now if the response is still undecided. */
  stream(): SseWriter | undefined {
    if (this.#writer !== undefined || this.#settled) return this.#writer;
    const writer = new SseWriter(this.#settings.sse, (how) => {
      if (how !== 'closed') this.#clientLeft(how);
    });
    this.#writer = writer;
    this.#settle();
    this.#resolve(sseResponse(writer, this.#headers));
    return writer;
  }

  /** Ends the response: closes its stream, or, if none was chosen, answers with an empty one. */
  finish(): void {
    if (!this.#settled) this.stream();
    this.#writer?.close();
  }

  #settle(): void {
    this.#settled = true;
    if (this.#quietTimer !== undefined) clearTimeout(this.#quietTimer);
    this.#quietTimer = undefined;
    // A JSON answer is complete; only a stream still cares about the request being aborted.
    if (this.#writer === undefined) this.#signal.removeEventListener('abort', this.#onAbort);
  }

  readonly #onAbort = (): void => {
    // After a JSON answer, or a stream that ended normally, an abort changes nothing.
    if (this.#settled && (this.#writer === undefined || this.#writer.end === 'closed')) return;
    this.#writer?.close();
    this.#clientLeft('aborted');
  };

  #clientLeft(how: 'aborted' | SseEnd): void {
    if (this.#gone) return;
    this.#gone = true;
    if (!this.#settled) this.respond(new Response(null, { status: 499 }));
    this.#events.clientGone(how);
  }
}
