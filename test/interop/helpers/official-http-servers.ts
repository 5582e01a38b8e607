// The fixture servers of fixtures/v1-server.js and fixtures/v2-server.js hosted over HTTP in this
// process the way each SDK's own documentation wires them: v1 Streamable HTTP with sessions and v1
// HTTP+SSE (2024-11-05) on node:http; v2's sessionful web-standard transport, and its
// `createMcpHandler` (2026-07-28 with a stateless 2025 fallback), through a small node↔fetch bridge.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { SSEServerTransport } from '@modelcontextprotocol/sdk/server/sse.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import { isInitializeRequest as isV1Initialize } from '@modelcontextprotocol/sdk/types.js';
import {
  WebStandardStreamableHTTPServerTransport,
  createMcpHandler,
  isInitializeRequest as isV2Initialize,
} from '@modelcontextprotocol/server';
import { createV1Server } from '../fixtures/v1-server.js';
import { createV2Server } from '../fixtures/v2-server.js';

export interface HostedServer {
  /** Where a client is pointed: the MCP endpoint, or the SSE endpoint of an HTTP+SSE server. */
  readonly url: URL;
  /** Sessions open right now (0 for a server without sessions). */
  sessions(): number;
  /** What went wrong on the server's side, for failure messages. */
  readonly errors: string[];
  /** Ends every session, stops listening and drops every connection. */
  close(): Promise<void>;
}

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
type FetchHandler = (request: Request) => Promise<Response>;

/** What every host keeps: its sessions by id, and everything to close at the end. */
class Sessions<T> {
  readonly byId = new Map<string, T>();
  readonly #closers = new Set<() => Promise<void>>();

  /** Something to close at the end; returns the function that forgets it once closed early. */
  track(close: () => Promise<void>): () => void {
    this.#closers.add(close);
    return () => this.#closers.delete(close);
  }

  async closeAll(): Promise<void> {
    const closers = [...this.#closers];
    this.#closers.clear();
    this.byId.clear();
    await Promise.allSettled(closers.map((close) => close()));
  }
}

const NO_SESSION = {
  jsonrpc: '2.0',
  error: { code: -32000, message: 'Bad Request: No valid session ID provided' },
  id: null,
};

/** `@modelcontextprotocol/sdk` 1.x: a `StreamableHTTPServerTransport` and server per session. */
export async function hostV1StreamableHttp(): Promise<HostedServer> {
  const sessions = new Sessions<StreamableHTTPServerTransport>();
  const errors: string[] = [];
  return listen('/mcp', errors, sessions, async (req, res) => {
    if (new URL(req.url ?? '/', 'http://host').pathname !== '/mcp') {
      res.writeHead(404).end();
      return;
    }
    const sessionId = header(req, 'mcp-session-id');
    const known = sessionId === undefined ? undefined : sessions.byId.get(sessionId);
    if (known !== undefined) {
      await known.handleRequest(req, res, req.method === 'POST' ? await readJson(req) : undefined);
      return;
    }
    if (sessionId !== undefined) {
      res.writeHead(404).end();
      return;
    }
    const body = req.method === 'POST' ? await readJson(req) : undefined;
    if (!isV1Initialize(body)) {
      res.writeHead(400, { 'Content-Type': 'application/json' }).end(JSON.stringify(NO_SESSION));
      return;
    }
    const server = createV1Server();
    const forget = sessions.track(() => server.close());
    const transport: StreamableHTTPServerTransport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      onsessioninitialized: (id) => void sessions.byId.set(id, transport),
      onsessionclosed: (id) => void sessions.byId.delete(id),
    });
    transport.onerror = (error) => errors.push(`v1 transport: ${error.message}`);
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.byId.delete(transport.sessionId);
      forget();
    };
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  });
}

/** `@modelcontextprotocol/sdk` 1.x over HTTP+SSE: GET /sse opens a session, POST /messages feeds it. */
export async function hostV1HttpSse(): Promise<HostedServer> {
  const sessions = new Sessions<SSEServerTransport>();
  const errors: string[] = [];
  return listen('/sse', errors, sessions, async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://host');
    if (url.pathname === '/sse' && req.method === 'GET') {
      const transport = new SSEServerTransport('/messages', res);
      const server = createV1Server();
      sessions.byId.set(transport.sessionId, transport);
      const forget = sessions.track(() => server.close());
      transport.onerror = (error) => errors.push(`v1 SSE transport: ${error.message}`);
      transport.onclose = () => {
        sessions.byId.delete(transport.sessionId);
        forget();
      };
      await server.connect(transport);
      return;
    }
    if (url.pathname === '/messages' && req.method === 'POST') {
      const transport = sessions.byId.get(url.searchParams.get('sessionId') ?? '');
      if (transport === undefined) {
        res.writeHead(404).end('Session not found');
        return;
      }
      await transport.handlePostMessage(req, res);
      return;
    }
    // What an Express app with only `GET /sse` and `POST /messages` routes would answer.
    res.writeHead(url.pathname === '/sse' ? 405 : 404).end();
  });
}

/**
 * `@modelcontextprotocol/server` 2.x, 2025 era with sessions: a web-standard
 * `WebStandardStreamableHTTPServerTransport` and server per session (no 2026-07-28 serving).
 */
export async function hostV2Sessions(): Promise<HostedServer> {
  const sessions = new Sessions<WebStandardStreamableHTTPServerTransport>();
  const errors: string[] = [];
  return listen(
    '/mcp',
    errors,
    sessions,
    bridge(errors, async (request) => {
      if (new URL(request.url).pathname !== '/mcp') return new Response(null, { status: 404 });
      const sessionId = request.headers.get('mcp-session-id') ?? undefined;
      const known = sessionId === undefined ? undefined : sessions.byId.get(sessionId);
      if (known !== undefined) return known.handleRequest(request);
      if (sessionId !== undefined) return new Response(null, { status: 404 });
      const parsedBody: unknown =
        request.method === 'POST' ? await request.json().catch(() => undefined) : undefined;
      if (!isV2Initialize(parsedBody)) return Response.json(NO_SESSION, { status: 400 });
      const server = createV2Server();
      const forget = sessions.track(() => server.close());
      const transport: WebStandardStreamableHTTPServerTransport =
        new WebStandardStreamableHTTPServerTransport({
          sessionIdGenerator: () => randomUUID(),
          onsessioninitialized: (id) => void sessions.byId.set(id, transport),
          onsessionclosed: (id) => void sessions.byId.delete(id),
        });
      transport.onerror = (error) => errors.push(`v2 transport: ${error.message}`);
      transport.onclose = () => {
        if (transport.sessionId !== undefined) sessions.byId.delete(transport.sessionId);
        forget();
      };
      await server.connect(transport);
      return transport.handleRequest(request, { parsedBody });
    }),
  );
}

/**
 * `@modelcontextprotocol/server` 2.x's `createMcpHandler`: 2026-07-28 per request, and 2025-era
 * requests through its stateless fallback (a fresh server per request, no session, no GET).
 */
export async function hostV2Handler(): Promise<HostedServer> {
  const errors: string[] = [];
  const handler = createMcpHandler(() => createV2Server(), {
    onerror: (error) => errors.push(`v2 handler: ${error.message}`),
  });
  const sessions = new Sessions<never>();
  sessions.track(() => handler.close());
  return listen(
    '/mcp',
    errors,
    sessions,
    bridge(errors, (request) =>
      new URL(request.url).pathname === '/mcp'
        ? handler.fetch(request)
        : Promise.resolve(new Response(null, { status: 404 })),
    ),
  );
}

async function listen<T>(
  path: string,
  errors: string[],
  sessions: Sessions<T>,
  listener: Listener,
): Promise<HostedServer> {
  const server = createServer((req, res) => {
    listener(req, res).catch((error: unknown) => {
      errors.push(`${req.method ?? ''} ${req.url ?? ''}: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: new URL(`http://127.0.0.1:${port}${path}`),
    sessions: () => sessions.byId.size,
    errors,
    async close() {
      await sessions.closeAll();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await stopped;
    },
  };
}

/** Serves a web-standard handler on node:http: body streamed both ways, a hang-up aborts it. */
function bridge(errors: string[], handle: FetchHandler): Listener {
  return async (req, res) => {
    const hangUp = new AbortController();
    res.once('close', () => hangUp.abort());
    const headers = new Headers();
    for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
      headers.append(req.rawHeaders[i]!, req.rawHeaders[i + 1]!);
    }
    const hasBody = req.method !== 'GET' && req.method !== 'HEAD';
    const request = new Request(new URL(req.url ?? '/', `http://${req.headers.host ?? 'host'}`), {
      method: req.method ?? 'GET',
      headers,
      signal: hangUp.signal,
      ...(hasBody ? { body: Readable.toWeb(req), duplex: 'half' } : {}),
    } as RequestInit);
    const response = await handle(request);
    res.writeHead(response.status, [...response.headers].flat());
    if (response.body === null) {
      res.end();
      return;
    }
    res.flushHeaders();
    const reader = response.body.getReader();
    res.once('close', () => void reader.cancel().catch(() => {}));
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done || res.destroyed) break;
        res.write(value);
      }
    } catch (error) {
      if (!hangUp.signal.aborted) errors.push(`response stream: ${String(error)}`);
    }
    res.end();
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
