// Interop over HTTP, official clients → mcpkit: the demo server (src/cli/demo-server.ts) is served
// in this process by `serveHttp` on a real socket, and the official SDK clients reach it with
// their own HTTP transports — `@modelcontextprotocol/sdk` 1.x over Streamable HTTP and over the
// deprecated HTTP+SSE transport (mcpkit's opt-in 2024-11-05 endpoints),
// `@modelcontextprotocol/client` 2.x in its legacy and its 2026-07-28 mode — then run the same
// tests as over stdio, and check on the wire that the transport and era are the ones each setup
// claims.
// Server and `serveHttp` both come from the source tree, so that one McpServer class is in play.
import { StreamableHTTPClientTransport as V1StreamableHttp } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { SSEClientTransport } from '@modelcontextprotocol/sdk/client/sse.js';
import { StreamableHTTPClientTransport as V2StreamableHttp } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDemoServer } from '../../src/cli/demo-server.js';
import { serveHttp, type HttpServerHandle } from '../../src/node/http/index.js';
import { ErrorCode } from '../../src/spec/error-codes.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import { everythingServerTests, type EverythingSetup } from './helpers/everything-server-suite.js';
import { HttpLog, mediaType, type HttpExchange, type RecordingFetch } from './helpers/http-log.js';
import type { InteropClient } from './helpers/interop-client.js';
import { connectV1 } from './helpers/v1-client.js';
import { connectV2 } from './helpers/v2-client.js';

type TransportKind = 'streamable-http' | 'http+sse';

/** A connected client, and how to end its legacy Streamable HTTP session (DELETE) if it has one. */
interface Connected {
  client: InteropClient;
  terminateSession?: () => Promise<void>;
}

interface HttpSetup extends Omit<EverythingSetup, 'connect'> {
  transport: TransportKind;
  /** Connects to the server whose Streamable HTTP endpoint is `mcp`, through `fetch`. */
  connect(mcp: URL, fetch: RecordingFetch, stderr: string[]): Promise<Connected>;
}

const SETUPS: HttpSetup[] = [
  {
    name: '@modelcontextprotocol/sdk 1.x, Streamable HTTP',
    transport: 'streamable-http',
    era: 'legacy',
    version: '2025-11-25',
    sdkResourceNotFoundCode: ErrorCode.ResourceNotFound,
    async connect(mcp, fetch, stderr) {
      const transport = new V1StreamableHttp(mcp, { fetch });
      const client = await connectV1({ transport, stderr });
      return { client, terminateSession: () => transport.terminateSession() };
    },
  },
  {
    name: '@modelcontextprotocol/client 2.x, Streamable HTTP, default (legacy) mode',
    transport: 'streamable-http',
    era: 'legacy',
    version: '2025-11-25',
    // v2 folds a received -32002 into its ResourceNotFoundError, whose code is -32602.
    sdkResourceNotFoundCode: ErrorCode.InvalidParams,
    async connect(mcp, fetch, stderr) {
      const transport = new V2StreamableHttp(mcp, { fetch });
      const client = await connectV2(undefined, { transport, stderr });
      return { client, terminateSession: () => transport.terminateSession() };
    },
  },
  {
    name: '@modelcontextprotocol/client 2.x, Streamable HTTP, versionNegotiation auto (2026-07-28)',
    transport: 'streamable-http',
    era: 'modern',
    version: '2026-07-28',
    sdkResourceNotFoundCode: ErrorCode.InvalidParams,
    async connect(mcp, fetch, stderr) {
      const transport = new V2StreamableHttp(mcp, { fetch });
      return { client: await connectV2({ mode: 'auto' }, { transport, stderr }) };
    },
  },
  {
    name: '@modelcontextprotocol/sdk 1.x, HTTP+SSE (2024-11-05 transport)',
    transport: 'http+sse',
    era: 'legacy',
    // The transport is the old one; the version is still negotiated, and both sides know 2025-11-25.
    version: '2025-11-25',
    sdkResourceNotFoundCode: ErrorCode.ResourceNotFound,
    async connect(mcp, fetch, stderr) {
      const transport = new SSEClientTransport(new URL('/sse', mcp), { fetch });
      return { client: await connectV1({ transport, stderr }) };
    },
  },
];

const LEGACY = '2025-11-25';
const MODERN = '2026-07-28';

function isResponse(exchange: HttpExchange): boolean {
  const message = exchange.message;
  return message !== undefined && message.method === undefined && message.id !== undefined;
}

function toolCallPosts(http: HttpLog, tool: string): HttpExchange[] {
  return http.posts('tools/call').filter((post) => post.message?.params?.['name'] === tool);
}

describe.each(SETUPS)('$name', (setup) => {
  const http = new HttpLog();
  const stderr: string[] = [];
  let server: HttpServerHandle;
  let connected: Connected;

  beforeAll(async () => {
    server = await serveHttp(createDemoServer(), {
      port: 0,
      legacySse: true,
      onError: (error, where) => stderr.push(`${where}: ${String(error)}`),
    });
  });

  afterAll(async () => {
    // Registered first, so it runs last: after the shared tests' afterAll closed the client.
    await server?.close();
  });

  everythingServerTests({
    ...setup,
    async connect() {
      connected = await setup.connect(server.url, http.fetch, stderr);
      return connected.client;
    },
  });

  if (setup.transport === 'http+sse') {
    it('used the HTTP+SSE transport: one GET stream, then every message POSTed to its endpoint', () => {
      const [stream, ...posts] = http.exchanges as [HttpExchange, ...HttpExchange[]];
      expect(stream).toMatchObject({ method: 'GET', status: 200 });
      expect(stream.url.pathname).toBe('/sse');
      expect(mediaType(stream)).toBe('text/event-stream');
      expect(posts.length).toBeGreaterThan(10);
      const endpoint = posts[0]!.url;
      expect(endpoint.pathname).toBe('/messages');
      expect(endpoint.searchParams.get('sessionId')).toMatch(/^[\x21-\x7e]+$/);
      for (const post of posts) {
        expect(post.method).toBe('POST');
        expect(post.url.href).toBe(endpoint.href);
        // Every answer travels on the stream; a POST only gets "accepted".
        expect(post.status).toBe(202);
      }
      expect(posts[0]!.message?.method).toBe('initialize');
      // The Streamable HTTP endpoint was never touched.
      expect(http.exchanges.filter((exchange) => exchange.url.pathname === '/mcp')).toEqual([]);
    });
    return;
  }

  if (setup.era === 'modern') {
    it('spoke 2026-07-28 on every POST: version and method in headers, no session, no GET', () => {
      const posts = http.posts();
      expect(posts[0]?.message?.method).toBe('server/discover');
      expect(http.posts('server/discover')).toHaveLength(1);
      expect(http.posts('initialize')).toEqual([]);
      expect(http.others()).toEqual([]);
      expect(http.headerValues('mcp-session-id')).toEqual({ sent: [], received: [] });
      for (const post of posts) {
        expect(post.url.pathname).toBe('/mcp');
        expect(post.headers.get('mcp-protocol-version')).toBe(MODERN);
        expect(post.headers.get('mcp-method')).toBe(post.message?.method);
        const meta = post.message?.params?.['_meta'] as Record<string, unknown> | undefined;
        expect(meta?.[MetaKey.ProtocolVersion]).toBe(MODERN);
      }
      for (const call of http.posts('tools/call')) {
        expect(call.headers.get('mcp-name')).toBe(call.message?.params?.['name']);
      }
    });

    it('took every answer to the server as a retried request, never as a POSTed response', () => {
      expect(http.posts().filter(isResponse)).toEqual([]);
      for (const tool of ['ask_name', 'ask_model', 'list_roots']) {
        const [asked, retried, ...more] = toolCallPosts(http, tool);
        expect(more).toEqual([]);
        expect(asked?.status).toBe(200);
        expect(retried?.message?.params).toMatchObject({
          requestState: expect.any(String),
          inputResponses: expect.any(Object),
        });
      }
      // Progress and log messages came on the call's own SSE stream.
      const slow = toolCallPosts(http, 'slow');
      expect(slow.map(mediaType)).toContain('text/event-stream');
    });
    return;
  }

  it('opened one legacy session: initialize first, then its id and version on every request', () => {
    const [first, ...rest] = http.exchanges as [HttpExchange, ...HttpExchange[]];
    expect(first).toMatchObject({ method: 'POST', status: 200 });
    expect(first.message?.method).toBe('initialize');
    expect(first.headers.has('mcp-session-id')).toBe(false);
    const sessionId = first.responseHeaders?.get('mcp-session-id');
    expect(sessionId).toMatch(/^[\x21-\x7e]+$/);
    expect(http.posts('server/discover')).toEqual([]);
    expect(rest.length).toBeGreaterThan(10);
    for (const exchange of rest) {
      expect(exchange.url.pathname).toBe('/mcp');
      expect(exchange.headers.get('mcp-session-id')).toBe(sessionId);
      expect(exchange.headers.get('mcp-protocol-version')).toBe(LEGACY);
    }
    // The session's standalone stream, where a server may send what no request is waiting for.
    const gets = http.others().filter((exchange) => exchange.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const get of gets) {
      expect(get.status).toBe(200);
      expect(mediaType(get)).toBe('text/event-stream');
    }
  });

  it('asked for input on the call’s own SSE stream, and took each answer as a 202 POST', () => {
    for (const tool of ['ask_name', 'ask_model', 'list_roots']) {
      const calls = toolCallPosts(http, tool);
      expect(calls).toHaveLength(1);
      expect(mediaType(calls[0]!)).toBe('text/event-stream');
    }
    const answers = http.posts().filter(isResponse);
    expect(answers.map((answer) => answer.status)).toEqual([202, 202, 202]);
  });

  it('ends the session on DELETE, and then answers its id with 404', async () => {
    const sessionId = http.exchanges[0]?.responseHeaders?.get('mcp-session-id');
    await connected.terminateSession?.();
    const deletes = http.others().filter((exchange) => exchange.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0]?.headers.get('mcp-session-id')).toBe(sessionId);
    expect(deletes[0]?.status).toBeGreaterThanOrEqual(200);
    expect(deletes[0]?.status).toBeLessThan(300);
    const late = await fetch(server.url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json, text/event-stream',
        'Mcp-Session-Id': sessionId ?? '',
        'MCP-Protocol-Version': LEGACY,
      },
      body: JSON.stringify({ jsonrpc: '2.0', id: 'late', method: 'ping' }),
    });
    await late.body?.cancel();
    expect(late.status).toBe(404);
  });
});
