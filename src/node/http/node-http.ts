// Node's `http` module around the web-standard MCP handler: IncomingMessage → Request (body
// streamed with backpressure, a client that disconnects aborts `request.signal`) and Response →
// ServerResponse (streamed, paced by the socket); and `serveHttp`, which listens on 127.0.0.1
// unless asked otherwise (SECURITY T3).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AuthInfo } from '../../server/context.js';
import {
  createMcpHttpHandler,
  type McpHttpHandler,
  type McpHttpHandlerOptions,
  type McpHttpRequestContext,
  type McpHttpTarget,
} from '../../server/http/index.js';

/** A web-standard handler, such as `McpHttpHandler.handle`. */
export type FetchHandler = (request: Request, context?: McpHttpRequestContext) => Promise<Response>;

export type NodeRequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export interface NodeHandlerOptions {
  /** The principal behind a request (e.g. from a verified bearer token); sessions are bound to it. */
  authenticate?: (request: IncomingMessage) => AuthInfo | undefined | Promise<AuthInfo | undefined>;
  /** Failures of the adapter itself. Default: `console.error`. */
  onError?: (error: unknown, where: string) => void;
}

/** Bytes of a request body read ahead of the handler. */
const BODY_HIGH_WATER_MARK = 64 * 1024;
/** Bodies declared at most this long are read whole before the handler runs. */
const SMALL_BODY_BYTES = 64 * 1024;
const ABSOLUTE_FORM = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i;
/** `application/json` (any parameters): answers written whole rather than streamed. */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/** A `node:http` request listener that serves requests with `handler`. */
export function toNodeHandler(
  handler: McpHttpHandler | FetchHandler,
  options: NodeHandlerOptions = {},
): NodeRequestListener {
  const handle: FetchHandler =
    typeof handler === 'function'
      ? handler
      : (request, context) => handler.handle(request, context);
  const onError =
    options.onError ?? ((error, where) => console.error(`[mcpkit] ${where} failed:`, error));
  return (req, res) => {
    void serveOne(req, res, handle, options.authenticate).catch((error: unknown) => {
      // The path only: a query may carry an HTTP+SSE session id, which is not for logs.
      onError(error, `HTTP ${req.method ?? ''} ${(req.url ?? '').split('?')[0] ?? ''}`);
      if (!res.headersSent) {
        res.writeHead(500, { 'Content-Type': 'application/json' });
        res.end(
          JSON.stringify({ jsonrpc: '2.0', error: { code: -32603, message: 'Internal error' } }),
        );
      } else {
        res.destroy();
      }
    });
  };
}

async function serveOne(
  req: IncomingMessage,
  res: ServerResponse,
  handle: FetchHandler,
  authenticate: NodeHandlerOptions['authenticate'],
): Promise<void> {
  const abort = new AbortController();
  res.once('close', () => {
    if (!res.writableFinished) abort.abort(new Error('The client closed the connection'));
  });
  const small = await readSmallBody(req);
  const body = small ?? new BodyStream(req);
  const request = toRequest(req, abort.signal, body);
  if (request === undefined) {
    body.discard();
    res.writeHead(400, { 'Content-Type': 'text/plain' }).end('Bad Request');
    return;
  }
  const auth = authenticate === undefined ? undefined : await authenticate(req);
  const response = await handle(request, auth === undefined ? {} : { auth });
  // Whatever the handler left unread (a refused request, an oversized body) is drained unbuffered.
  body.discard();
  await writeResponse(response, res);
}

function toRequest(
  req: IncomingMessage,
  signal: AbortSignal,
  body: BodyStream | SmallBody,
): Request | undefined {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i] as string, raw[i + 1] as string);
    } catch {
      // A value `Headers` refuses (it cannot be checked either, so the request fails later).
    }
  }
  const target = req.url ?? '/';
  const absolute = ABSOLUTE_FORM.exec(target);
  // RFC 9112 §3.2.2: with an absolute-form target, its authority is the host, whatever Host says.
  if (absolute !== null) headers.set('host', absolute[1] as string);
  const local = req.socket.localAddress ?? '127.0.0.1';
  const fallback = `${local.includes(':') ? `[${local}]` : local}:${req.socket.localPort ?? 0}`;
  const path = absolute === null ? target : target.slice(absolute[0].length) || '/';
  let url: URL;
  try {
    // The URL only carries path and query to the handler; the Host header is what gets checked.
    url = new URL(path.startsWith('/') ? path : `/${path}`, `http://${fallback}`);
  } catch {
    return undefined;
  }
  if (!headers.has('host')) headers.set('host', fallback);
  const method = req.method ?? 'GET';
  const init: RequestInit & { duplex?: 'half' } = { method, headers, signal };
  if (method !== 'GET' && method !== 'HEAD') {
    init.body = body instanceof BodyStream ? body.stream : body.bytes;
    init.duplex = 'half';
  }
  return new Request(url, init);
}

/** A body read whole before the handler runs; nothing is left to drain. */
interface SmallBody {
  bytes: Uint8Array<ArrayBuffer>;
  discard(): void;
}

/**
 * A body that declares a small length (every ordinary MCP message) is read at once: handing
 * `Request` bytes is far cheaper than a stream fed from the socket. Anything else (no length,
 * a large one, a client that sends less than it declared) is left for `BodyStream`.
 */
function readSmallBody(req: IncomingMessage): Promise<SmallBody | undefined> | undefined {
  const declared = req.headers['content-length'];
  if (declared === undefined || !/^\d+$/.test(declared)) return undefined;
  const length = Number(declared);
  if (length > SMALL_BODY_BYTES || req.method === 'GET' || req.method === 'HEAD') return undefined;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    const onData = (chunk: Buffer): void => {
      chunks.push(chunk);
      received += chunk.byteLength;
    };
    const finish = (complete: boolean): void => {
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('close', onClose);
      resolve(
        complete
          ? { bytes: wholeBody(chunks), discard: () => {} }
          : { bytes: new Uint8Array(0), discard: () => {} },
      );
    };
    const onEnd = (): void => finish(received === length);
    const onClose = (): void => finish(false);
    req.on('data', onData);
    req.once('end', onEnd);
    req.once('close', onClose);
  });
}

/** The chunks as one buffer (socket buffers are never shared memory). */
function wholeBody(chunks: readonly Buffer[]): Uint8Array<ArrayBuffer> {
  const whole = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  return whole as Uint8Array<ArrayBuffer>;
}

/**
 * The request body as a web stream that reads from the socket only as fast as it is consumed;
 * `discard` stops buffering and drains the rest, for a body the handler did not (fully) read.
 */
class BodyStream {
  readonly stream: ReadableStream<Uint8Array>;
  readonly #req: IncomingMessage;
  #finished = false;

  constructor(req: IncomingMessage) {
    this.#req = req;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          req.on('data', (chunk: Buffer) => {
            if (this.#finished) return;
            controller.enqueue(new Uint8Array(chunk));
            if ((controller.desiredSize ?? 0) <= 0) req.pause();
          });
          req.once('end', () => {
            if (this.#finished) return;
            this.#finished = true;
            controller.close();
          });
          req.once('close', () => {
            if (this.#finished) return;
            this.#finished = true;
            controller.error(new Error('The client closed the connection mid-body'));
          });
          // Nothing is read until the handler asks.
          req.pause();
        },
        pull: () => {
          req.resume();
        },
        cancel: () => this.discard(),
      },
      { highWaterMark: BODY_HIGH_WATER_MARK, size: (chunk) => chunk.byteLength },
    );
  }

  discard(): void {
    this.#finished = true;
    if (this.#req.complete) return;
    this.#req.removeAllListeners('data');
    this.#req.resume();
  }
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) {
    if (name !== 'set-cookie') res.setHeader(name, value);
  }
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader('set-cookie', cookies);
  const body = response.body;
  if (res.destroyed) {
    // The client left while the handler worked: nothing to write, and the stream must stop.
    await body?.cancel().catch(() => {});
    return;
  }
  if (body === null) {
    res.end();
    return;
  }
  const type = response.headers.get('content-type');
  if (type !== null && JSON_TYPE.test(type)) {
    // A JSON answer is one small document: sent in one write with its length, not chunked.
    let bytes: Buffer;
    try {
      bytes = Buffer.from(await response.arrayBuffer());
    } catch {
      res.destroy();
      return;
    }
    res.setHeader('content-length', bytes.byteLength);
    res.end(bytes);
    return;
  }
  // An event stream's headers go out at once: the first event may be a while.
  if (type === 'text/event-stream') res.flushHeaders();
  const reader = (body as ReadableStream<Uint8Array>).getReader();
  const cancel = (): void => void reader.cancel().catch(() => {});
  res.once('close', cancel);
  // A stream the handler cut (a client that did not read) drops the connection, even mid-wait.
  reader.closed.catch(() => res.destroy());
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!res.write(value)) await drained(res);
      if (res.destroyed) return;
    }
    res.end();
  } catch {
    res.destroy();
  } finally {
    res.off('close', cancel);
  }
}

function drained(res: ServerResponse): Promise<void> {
  if (res.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

export interface ServeHttpOptions extends McpHttpHandlerOptions, NodeHandlerOptions {
  /** Port to listen on; 0 picks a free one. Default 0. */
  port?: number;
  /** Address to listen on. Default `127.0.0.1`; anything else only because you ask for it. */
  host?: string;
  /** Where warnings about risky settings go. Default: `console.warn`. */
  onWarning?: (message: string) => void;
}

export interface HttpServerHandle extends AsyncDisposable {
  readonly server: Server;
  /** The MCP endpoint's URL (the server's root when the handler was given ready-made). */
  readonly url: URL;
  /** Stops listening, ends the sessions and streams of a handler it created, and closes sockets. */
  close(): Promise<void>;
}

const LOOPBACK_ADDRESSES = new Set(['127.0.0.1', '::1', 'localhost']);

/**
 * Serves MCP over HTTP: from an `McpServer` or another `McpHttpTarget` (a handler is made with
 * `options`, at `/mcp` unless `endpointPath` says otherwise), an `McpHttpHandler`, or any
 * web-standard handler.
 */
export async function serveHttp(
  target: McpHttpTarget | McpHttpHandler | FetchHandler,
  options: ServeHttpOptions = {},
): Promise<HttpServerHandle> {
  const host = options.host ?? '127.0.0.1';
  const owned = isTarget(target)
    ? createMcpHttpHandler(target, { ...options, endpointPath: options.endpointPath ?? '/mcp' })
    : undefined;
  const handler = owned ?? (target as McpHttpHandler | FetchHandler);
  const loopback = LOOPBACK_ADDRESSES.has(host) || host.startsWith('127.');
  const loopbackChecks = typeof handler === 'function' ? undefined : handler.loopbackOnly;
  if (!loopback && loopbackChecks === true) {
    (options.onWarning ?? console.warn)(
      `[mcpkit] listening on ${host}, but Host and Origin are still checked against loopback ` +
        'names only, so remote clients get 403: set allowedHosts (and allowedOrigins) to the ' +
        'names clients use. Also put authentication in front of a server reachable from the network.',
    );
  }
  const server = createServer(toNodeHandler(handler, options));
  server.listen(options.port ?? 0, host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const path = owned === undefined ? '/' : (options.endpointPath ?? '/mcp');
  const url = new URL(`http://${shown}:${address.port}${path}`);
  let closing: Promise<void> | undefined;
  const close = (): Promise<void> =>
    (closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      await owned?.close();
      server.closeAllConnections();
      await stopped;
    })());
  return { server, url, close, [Symbol.asyncDispose]: close };
}

function isTarget(value: McpHttpTarget | McpHttpHandler | FetchHandler): value is McpHttpTarget {
  return (
    typeof value === 'object' && typeof (value as Partial<McpHttpTarget>).connect === 'function'
  );
}
