// The deprecated HTTP+SSE transport of 2024-11-05, client side: a GET opens an SSE stream whose
// first event names the endpoint to POST messages to; every server message arrives on the stream.
import { InvalidResponseError } from '../../jsonrpc/errors.js';
import { mediaTypeOf } from './http-body.js';
import type { FetchLike } from './http-client-options.js';
import { readSseEvents } from './sse-reader.js';

export interface HttpSseChannelSettings {
  url: URL;
  fetch: FetchLike;
  /** The host's own headers (authorization …), asked for on every HTTP request. */
  headers: () => Promise<Headers>;
  /** One message's data from the stream, not yet parsed. */
  onData: (data: string) => void;
  /** The stream ended without being closed from here; `error` when it broke. */
  onEnd: (error: unknown) => void;
  maxEventSize: number;
  /** How long to wait for the `endpoint` event. */
  endpointTimeout: number;
}

/** The GET did not open an HTTP+SSE stream (so the server does not speak this transport). */
export class HttpSseUnavailableError extends InvalidResponseError {
  readonly status: number | undefined;
  constructor(message: string, status?: number) {
    super(message);
    this.status = status;
  }
}

export class HttpSseChannel {
  readonly endpoint: URL;
  readonly #settings: HttpSseChannelSettings;
  readonly #controller: AbortController;

  private constructor(
    settings: HttpSseChannelSettings,
    endpoint: URL,
    controller: AbortController,
  ) {
    this.#settings = settings;
    this.endpoint = endpoint;
    this.#controller = controller;
  }

  /** Opens the stream and waits for its `endpoint` event; rejects when there is none. */
  static async open(settings: HttpSseChannelSettings): Promise<HttpSseChannel> {
    const controller = new AbortController();
    // Bounds the whole opening (the GET and the wait for `endpoint`), never the stream after it.
    const timer = setTimeout(() => controller.abort(), settings.endpointTimeout);
    try {
      const channel = await HttpSseChannel.#open(settings, controller);
      return channel;
    } catch (error) {
      controller.abort();
      throw error instanceof HttpSseUnavailableError
        ? error
        : new HttpSseUnavailableError(`The HTTP+SSE stream could not be opened: ${text(error)}`);
    } finally {
      clearTimeout(timer);
    }
  }

  static async #open(
    settings: HttpSseChannelSettings,
    controller: AbortController,
  ): Promise<HttpSseChannel> {
    const headers = await settings.headers();
    headers.set('Accept', 'text/event-stream');
    const response = await settings.fetch(settings.url, {
      method: 'GET',
      headers,
      signal: controller.signal,
    });
    if (!response.ok || mediaTypeOf(response) !== 'text/event-stream' || response.body === null) {
      response.body?.cancel().catch(() => {});
      throw new HttpSseUnavailableError(
        `The server did not open an HTTP+SSE stream (HTTP ${response.status})`,
        response.status,
      );
    }
    let endpointSeen = false;
    let found!: (endpoint: URL) => void;
    let missing!: (error: unknown) => void;
    const endpoint = new Promise<URL>((resolve, reject) => {
      found = resolve;
      missing = reject;
    });
    const reading = readSseEvents(response.body, {
      signal: controller.signal,
      maxEventSize: settings.maxEventSize,
      onEvent: (event) => {
        if (event.event === 'endpoint') {
          if (endpointSeen) return false;
          endpointSeen = true;
          try {
            found(resolveEndpoint(settings.url, event.data));
          } catch (error) {
            missing(error);
            return true;
          }
        } else if (endpointSeen && (event.event ?? 'message') === 'message') {
          settings.onData(event.data);
        }
        return false;
      },
    });
    reading.then(
      (outcome) =>
        missing(
          new HttpSseUnavailableError(
            outcome === 'aborted'
              ? 'No endpoint event arrived in time'
              : 'The stream ended before its endpoint event',
          ),
        ),
      (error: unknown) => missing(error),
    );
    const opened = new HttpSseChannel(settings, await endpoint, controller);
    reading.then(
      (outcome) => {
        if (outcome !== 'aborted') opened.#ended(undefined);
      },
      (error: unknown) => opened.#ended(error),
    );
    return opened;
  }

  get closed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** POSTs one message (or batch) to the endpoint; the answer comes on the stream. */
  async post(body: string, signal: AbortSignal): Promise<Response> {
    const headers = await this.#settings.headers();
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json, text/event-stream');
    return this.#settings.fetch(this.endpoint, {
      method: 'POST',
      headers,
      body,
      signal: AbortSignal.any([signal, this.#controller.signal]),
    });
  }

  close(): void {
    this.#controller.abort();
  }

  #ended(error: unknown): void {
    if (this.closed) return;
    this.#controller.abort();
    this.#settings.onEnd(error);
  }
}

/**
 * The endpoint the server named, resolved against the stream's URL. It must be on the same
 * origin: a server must not be able to send the client's messages and headers elsewhere.
 */
function resolveEndpoint(base: URL, data: string): URL {
  let endpoint: URL;
  try {
    endpoint = new URL(data.trim(), base);
  } catch {
    throw new HttpSseUnavailableError('The endpoint event does not hold a URL');
  }
  if (endpoint.origin !== base.origin) {
    throw new HttpSseUnavailableError('The endpoint event names another origin; refused');
  }
  return endpoint;
}

function text(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
