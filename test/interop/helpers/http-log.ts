// Records every HTTP request a client makes through a `fetch` it is given, with the answer's status
// and headers, so the HTTP interop tests can check the transport and era on the wire itself.
import type { WireMessage } from './wire-tap.js';

/** One HTTP request and the head of its answer (bodies are left to the client to read). */
export interface HttpExchange {
  readonly method: string;
  readonly url: URL;
  readonly headers: Headers;
  /** The JSON-RPC message a POST carried (parsed from its body), if any. */
  readonly message: WireMessage | undefined;
  /** Undefined when the request failed before any answer (e.g. aborted). */
  readonly status: number | undefined;
  readonly responseHeaders: Headers | undefined;
}

/** The `fetch` shape every SDK's HTTP transport takes. */
export type RecordingFetch = (input: string | URL, init?: RequestInit) => Promise<Response>;

export class HttpLog {
  readonly exchanges: HttpExchange[] = [];

  /** Hands each request to `globalThis.fetch` and records it once its answer's head arrives. */
  readonly fetch: RecordingFetch = async (input, init) => {
    const url = new URL(input);
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    const message = typeof init?.body === 'string' ? parseMessage(init.body) : undefined;
    let response: Response | undefined;
    try {
      response = await globalThis.fetch(input, init);
      return response;
    } finally {
      this.exchanges.push({
        method,
        url,
        headers,
        message,
        status: response?.status,
        responseHeaders: response?.headers,
      });
    }
  };

  /** POSTs, optionally only those carrying a JSON-RPC message for `method`. */
  posts(method?: string): HttpExchange[] {
    return this.exchanges.filter(
      (exchange) =>
        exchange.method === 'POST' && (method === undefined || exchange.message?.method === method),
    );
  }

  /** Requests other than POST (the GET streams, a DELETE). */
  others(): HttpExchange[] {
    return this.exchanges.filter((exchange) => exchange.method !== 'POST');
  }

  /** The value of `name` on every request and on every answer, wherever it was present. */
  headerValues(name: string): { sent: string[]; received: string[] } {
    const present = (value: string | null | undefined): value is string =>
      value !== null && value !== undefined;
    return {
      sent: this.exchanges.map((exchange) => exchange.headers.get(name)).filter(present),
      received: this.exchanges
        .map((exchange) => exchange.responseHeaders?.get(name))
        .filter(present),
    };
  }
}

/** The media type of an answer, without parameters. */
export function mediaType(exchange: HttpExchange): string | undefined {
  return exchange.responseHeaders?.get('content-type')?.split(';')[0]?.trim();
}

function parseMessage(body: string): WireMessage | undefined {
  try {
    const value = JSON.parse(body) as WireMessage | null;
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
