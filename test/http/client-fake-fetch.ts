// A scripted `fetch` for the HTTP client's tests: it records every call and answers with the
// `Response`s a test builds, including SSE bodies the test writes to event by event.

/** A JSON-RPC body as the tests look at it. */
export interface PostedBody {
  jsonrpc?: string;
  id?: string | number;
  method?: string;
  params?: Record<string, unknown>;
  result?: Record<string, unknown>;
  [key: string]: unknown;
}

export interface RecordedCall {
  method: string;
  url: URL;
  headers: Headers;
  /** The parsed JSON body of a POST. */
  body: PostedBody | undefined;
  signal: AbortSignal | undefined;
}

export type Responder = (call: RecordedCall) => Response | Promise<Response>;

export interface FakeFetch {
  fetch: (input: string | URL, init?: RequestInit) => Promise<Response>;
  calls: RecordedCall[];
  /** The calls with this HTTP method (and, for POSTs, this JSON-RPC method). */
  callsOf(method: string, rpcMethod?: string): RecordedCall[];
}

export function fakeFetch(respond: Responder): FakeFetch {
  const calls: RecordedCall[] = [];
  return {
    calls,
    callsOf: (method, rpcMethod) =>
      calls.filter(
        (call) =>
          call.method === method && (rpcMethod === undefined || call.body?.method === rpcMethod),
      ),
    fetch: async (input, init = {}) => {
      const signal = init.signal ?? undefined;
      if (signal?.aborted) throw abortError();
      const call: RecordedCall = {
        method: init.method ?? 'GET',
        url: new URL(input),
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? (JSON.parse(init.body) as PostedBody) : undefined,
        signal,
      };
      calls.push(call);
      const response = await respond(call);
      if (signal?.aborted) throw abortError();
      return response;
    },
  };
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function accepted(): Response {
  return new Response(null, { status: 202 });
}

export function status(code: number, body = ''): Response {
  return new Response(body === '' ? null : body, { status: code });
}

export interface SseEventFields {
  data?: unknown;
  id?: string;
  event?: string;
  retry?: number;
}

/** One SSE event as text; `data` is JSON-encoded unless it is a string. */
export function sseEvent(fields: SseEventFields): string {
  let text = '';
  if (fields.event !== undefined) text += `event: ${fields.event}\n`;
  if (fields.id !== undefined) text += `id: ${fields.id}\n`;
  if (fields.retry !== undefined) text += `retry: ${fields.retry}\n`;
  if (fields.data !== undefined) {
    const data = typeof fields.data === 'string' ? fields.data : JSON.stringify(fields.data);
    for (const line of data.split('\n')) text += `data: ${line}\n`;
  }
  return `${text}\n`;
}

/** A complete SSE response: the events, then the end of the stream. */
export function sse(events: (SseEventFields | string)[], headers: Record<string, string> = {}) {
  const text = events.map((e) => (typeof e === 'string' ? e : sseEvent(e))).join('');
  return new Response(text, {
    status: 200,
    headers: { 'content-type': 'text/event-stream', ...headers },
  });
}

/** An SSE response the test writes to as it goes; aborting the request errors its body. */
export class LiveSse {
  readonly response: Response;
  #controller!: ReadableStreamDefaultController<Uint8Array>;
  #open = true;
  /** Set when the client stopped reading (cancelled the body or aborted the request). */
  cancelled = false;
  readonly #encoder = new TextEncoder();

  constructor(signal?: AbortSignal, headers: Record<string, string> = {}) {
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        this.#controller = controller;
      },
      cancel: () => {
        this.cancelled = true;
        this.#open = false;
      },
    });
    signal?.addEventListener('abort', () => {
      this.cancelled = true;
      if (this.#open) this.#controller.error(abortError());
      this.#open = false;
    });
    this.response = new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream', ...headers },
    });
  }

  get open(): boolean {
    return this.#open;
  }

  send(fields: SseEventFields | string): void {
    if (!this.#open) return;
    const text = typeof fields === 'string' ? fields : sseEvent(fields);
    this.#controller.enqueue(this.#encoder.encode(text));
  }

  end(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.close();
  }

  /** The connection breaks mid-stream. */
  fail(): void {
    if (!this.#open) return;
    this.#open = false;
    this.#controller.error(new TypeError('network error'));
  }
}

export function abortError(): Error {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** Resolves when `condition` holds, checking after each macrotask; fails after 10 s. */
export async function until(condition: () => boolean, what = 'condition'): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/** A modern request's `_meta`, as the client's modern session writes it. */
export function modernMeta(version = '2026-07-28'): Record<string, unknown> {
  return {
    'io.modelcontextprotocol/protocolVersion': version,
    'io.modelcontextprotocol/clientCapabilities': {},
    'io.modelcontextprotocol/clientInfo': { name: 'c', version: '1' },
  };
}

/** A message the transport delivered, typed loosely for assertions. */
export interface Delivered {
  jsonrpc?: string;
  id?: string | number | null;
  method?: string;
  params?: Record<string, unknown>;
  result?: { tools?: { name: string }[]; protocolVersion?: string; [key: string]: unknown };
  error?: {
    code: number;
    message: string;
    data?: { kind?: string; status?: number; [key: string]: unknown };
  };
}
