// Interop over HTTP, mcpkit's client → official servers: the fixture servers built with
// `@modelcontextprotocol/sdk` 1.x (Streamable HTTP with sessions, and the 2024-11-05 HTTP+SSE
// transport) and `@modelcontextprotocol/server` 2.x (its sessionful web-standard transport, and
// `createMcpHandler` for 2026-07-28 and its stateless 2025 fallback) are hosted in this process on
// real sockets. mcpkit is only given a URL: it must find the era and transport itself, then run
// the same tests as over stdio. The wire (JSON-RPC and HTTP) is checked as well as the results.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../src/jsonrpc/connection-options.js';
import { ProtocolError } from '../../src/jsonrpc/errors.js';
import { ErrorCode } from '../../src/spec/error-codes.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  fixtureServerTests,
  rejection,
  text,
  type FixtureServer,
} from './helpers/fixture-server-suite.js';
import { mediaType, type HttpExchange } from './helpers/http-log.js';
import { CLIENT_INFO } from './helpers/mcpkit-client-session.js';
import { connectOverHttp, type HttpSession } from './helpers/mcpkit-http-client.js';
import {
  hostV1HttpSse,
  hostV1StreamableHttp,
  hostV2Handler,
  hostV2Sessions,
  type HostedServer,
} from './helpers/official-http-servers.js';

const LEGACY = '2025-11-25';
const MODERN = '2026-07-28';
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;

interface HttpFixtureSetup extends FixtureServer {
  name: string;
  host(): Promise<HostedServer>;
  /** What mcpkit must end up on: a legacy session, 2026-07-28 requests, or the HTTP+SSE transport. */
  transport: 'legacy session' | 'modern' | 'http+sse';
}

const SETUPS: HttpFixtureSetup[] = [
  {
    name: '@modelcontextprotocol/sdk 1.x StreamableHTTPServerTransport, stateful',
    host: hostV1StreamableHttp,
    transport: 'legacy session',
    era: 'legacy',
    version: LEGACY,
    serverName: 'interop-v1',
    unknownTool: 'isError result',
  },
  {
    name: '@modelcontextprotocol/server 2.x WebStandardStreamableHTTPServerTransport, stateful (legacy)',
    host: hostV2Sessions,
    transport: 'legacy session',
    era: 'legacy',
    version: LEGACY,
    serverName: 'interop-v2',
    unknownTool: 'protocol error',
  },
  {
    name: '@modelcontextprotocol/server 2.x createMcpHandler (2026-07-28)',
    host: hostV2Handler,
    transport: 'modern',
    era: 'modern',
    version: MODERN,
    serverName: 'interop-v2',
    unknownTool: 'protocol error',
  },
  {
    name: '@modelcontextprotocol/sdk 1.x SSEServerTransport (HTTP+SSE, 2024-11-05 transport)',
    host: hostV1HttpSse,
    transport: 'http+sse',
    era: 'legacy',
    version: LEGACY,
    serverName: 'interop-v1',
    unknownTool: 'isError result',
  },
];

/** The probe every detection starts with: `server/discover` with the 2026-07-28 envelope. */
function expectProbeFirst(session: HttpSession): HttpExchange {
  const [probe] = session.http.exchanges;
  expect(probe?.method).toBe('POST');
  expect(probe?.message?.method).toBe('server/discover');
  expect(probe?.headers.get('mcp-protocol-version')).toBe(MODERN);
  expect(probe?.message?.params?.['_meta']).toMatchObject({
    [MetaKey.ProtocolVersion]: MODERN,
    [MetaKey.ClientInfo]: CLIENT_INFO,
  });
  expect(session.http.posts('server/discover')).toHaveLength(1);
  return probe!;
}

describe.each(SETUPS)('$name', (setup) => {
  let server: HostedServer;
  let session: HttpSession;

  beforeAll(async () => {
    server = await setup.host();
    session = await connectOverHttp(server.url, {}, server.errors);
  }, 20_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && server !== undefined) {
      console.error(`[${setup.name}] server errors:\n${server.errors.join('\n')}`);
    }
  });

  it(`detects the ${setup.era} era and ${setup.version}, over ${setup.transport}`, () => {
    const { client, http } = session;
    expect(client.era).toBe(setup.era);
    expect(client.protocolVersion).toBe(setup.version);
    expect(session.transports).toHaveLength(1);
    const transport = session.transports[0]!;
    expect(transport.usingHttpSse).toBe(setup.transport === 'http+sse');
    const probe = expectProbeFirst(session);

    if (setup.transport === 'modern') {
      expect(probe.status).toBe(200);
      expect(
        session.wire.responseTo(session.wire.requestsSent('server/discover')[0]!)?.result,
      ).toMatchObject({ supportedVersions: expect.arrayContaining([MODERN]) });
      expect(http.posts('initialize')).toEqual([]);
      expect(transport.sessionId).toBeUndefined();
      return;
    }

    // A legacy server refuses the probe with something that is not a modern error; mcpkit then
    // sends `initialize` (once over the wire, whichever transport carries it).
    expect(probe.status).toBeGreaterThanOrEqual(400);
    expect(session.wire.requestsSent('initialize')).toHaveLength(1);
    expect(session.wire.requestsSent('initialize')[0]?.params).toMatchObject({
      protocolVersion: LEGACY,
      clientInfo: CLIENT_INFO,
    });
    expect(session.wire.notificationsSent('notifications/initialized')).toHaveLength(1);

    if (setup.transport === 'legacy session') {
      expect(probe.status).toBe(400);
      const [initialize, ...more] = http.posts('initialize');
      expect(more).toEqual([]);
      expect(initialize?.status).toBe(200);
      expect(initialize?.headers.has('mcp-protocol-version')).toBe(false);
      const sessionId = initialize?.responseHeaders?.get('mcp-session-id');
      expect(sessionId).toMatch(VISIBLE_ASCII);
      expect(transport.sessionId).toBe(sessionId);
      return;
    }

    // HTTP+SSE: the `initialize` POST to the URL fails as the probe did (405, no modern error),
    // so mcpkit opens the URL's event stream, is told where to post, and posts `initialize` there.
    const [refused, stream, posted] = http.exchanges.slice(1);
    expect(refused).toMatchObject({ method: 'POST', status: 405 });
    expect(refused?.message?.method).toBe('initialize');
    expect(stream).toMatchObject({ method: 'GET', status: 200 });
    expect(stream?.url.href).toBe(server.url.href);
    expect(mediaType(stream!)).toBe('text/event-stream');
    expect(posted?.message?.method).toBe('initialize');
    expect(posted?.url.pathname).toBe('/messages');
    expect(posted?.url.searchParams.get('sessionId')).toMatch(VISIBLE_ASCII);
    expect(transport.sessionId).toBeUndefined();
  });

  fixtureServerTests(setup, () => session);

  it('put every HTTP request where its transport and era require', () => {
    const { http } = session;
    const after = http.exchanges.slice(http.exchanges.findIndex(isInitialize) + 1);
    if (setup.transport === 'modern') {
      expect(http.others()).toEqual([]);
      expect(http.headerValues('mcp-session-id')).toEqual({ sent: [], received: [] });
      for (const post of http.posts()) {
        expect(post.url.href).toBe(server.url.href);
        expect(post.status).toBe(200);
        expect(post.headers.get('mcp-protocol-version')).toBe(MODERN);
        expect(post.headers.get('mcp-method')).toBe(post.message?.method);
      }
      for (const call of http.posts('tools/call')) {
        expect(call.headers.get('mcp-name')).toBe(call.message?.params?.['name']);
      }
      // Answers to the server went as retried requests, never as POSTed responses.
      expect(http.posts().filter((post) => post.message?.method === undefined)).toEqual([]);
      return;
    }
    if (setup.transport === 'http+sse') {
      const endpoint = after[0]!.url.href;
      expect(after.length).toBeGreaterThan(10);
      for (const exchange of after) {
        expect(exchange).toMatchObject({ method: 'POST', status: 202 });
        expect(exchange.url.href).toBe(endpoint);
        // The session is the stream's; the 2024-11-05 transport has no session header.
        expect(exchange.headers.has('mcp-session-id')).toBe(false);
      }
      return;
    }
    const sessionId = session.transports[0]!.sessionId;
    expect(after.length).toBeGreaterThan(10);
    for (const exchange of after) {
      expect(exchange.url.href).toBe(server.url.href);
      expect(exchange.headers.get('mcp-session-id')).toBe(sessionId);
      expect(exchange.headers.get('mcp-protocol-version')).toBe(LEGACY);
    }
    // The session's standalone GET stream: where v1 sends what no request is waiting for.
    const gets = after.filter((exchange) => exchange.method === 'GET');
    expect(gets.length).toBeGreaterThan(0);
    for (const get of gets) expect(mediaType(get)).toBe('text/event-stream');
    // The host's answers to elicitation and sampling were POSTed, and accepted.
    const answers = after.filter((post) => post.method === 'POST' && isResponse(post));
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer.status).toBe(202);
  });

  it('ends what it opened on close', async () => {
    const { http } = session;
    const sessionId = session.transports[0]!.sessionId;
    const before = http.exchanges.length;
    await session.close();
    const closing = http.exchanges.slice(before);
    if (setup.transport === 'legacy session') {
      expect(closing.map((exchange) => exchange.method)).toEqual(['DELETE']);
      expect(closing[0]?.headers.get('mcp-session-id')).toBe(sessionId);
      expect(closing[0]?.status).toBe(200);
      expect(server.sessions()).toBe(0);
    } else {
      // No session to end by request: 2026-07-28 has none; HTTP+SSE ends with its stream.
      expect(closing).toEqual([]);
      await vi.waitFor(() => expect(server.sessions()).toBe(0));
    }
    expect(session.client.connected).toBe(false);
  });
});

describe('@modelcontextprotocol/server 2.x createMcpHandler, stateless 2025 fallback', () => {
  // A client pinned to the 2025 era gets the handler's fallback: a fresh server per request, no
  // session id and no GET stream (405). Such a server cannot ask the client anything, nor keep a
  // log level, so only what needs no session is exercised.
  let server: HostedServer;
  let session: HttpSession;

  beforeAll(async () => {
    server = await hostV2Handler();
    session = await connectOverHttp(server.url, { version: LEGACY }, server.errors);
  }, 20_000);

  afterAll(async () => {
    await session?.close();
    await server?.close();
  });

  it('initializes without a probe, and gets no session id', () => {
    const { client, http } = session;
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe(LEGACY);
    expect(http.posts('server/discover')).toEqual([]);
    expect(http.exchanges[0]?.message?.method).toBe('initialize');
    expect(http.headerValues('mcp-session-id')).toEqual({ sent: [], received: [] });
    expect(session.transports[0]!.sessionId).toBeUndefined();
  });

  it('lists, calls with progress, reads, gets a prompt and completes, each in its own POST', async () => {
    const { client } = session;
    expect((await client.allTools()).map((tool) => tool.name).sort()).toEqual(
      ['add', 'ask_model', 'ask_name', 'count', 'echo'].sort(),
    );
    const added = await client.callTool('add', { a: 2, b: 3 });
    expect(added.structuredContent).toEqual({ sum: 5 });
    const progress: Progress[] = [];
    const counted = await client.callTool(
      'count',
      { to: 2 },
      { onProgress: (update) => progress.push(update) },
    );
    expect(text(counted)).toBe('counted to 2');
    expect(progress.map((update) => update.progress)).toEqual([1, 2]);
    const about = await client.readResource('info://about');
    expect(about.contents).toEqual([
      { uri: 'info://about', mimeType: 'text/plain', text: 'interop-v2 fixture' },
    ]);
    const prompt = await client.getPrompt('review', { language: 'rust' });
    expect(prompt.messages[0]?.content).toEqual({ type: 'text', text: 'Review this rust code.' });
    const completed = await client.complete(
      { type: 'ref/resource', uri: 'colour://{name}' },
      { name: 'name', value: 'g' },
    );
    expect(completed.values).toEqual(['green']);
    const error = await rejection(client.callTool('no_such_tool', {}));
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).code).toBe(ErrorCode.InvalidParams);
    for (const post of session.http.posts().slice(1)) {
      expect(post.headers.get('mcp-protocol-version')).toBe(LEGACY);
    }
  });

  it('takes the refused GET stream in its stride, and sends no DELETE on close', async () => {
    // 405 says there is no stream to have: asked once after `initialized`, never again.
    const gets = session.http.others().filter((exchange) => exchange.method === 'GET');
    expect(gets.map((get) => get.status)).toEqual([405]);
    const before = session.http.exchanges.length;
    await session.close();
    expect(session.http.exchanges.slice(before)).toEqual([]);
  });
});

function isInitialize(exchange: HttpExchange): boolean {
  return exchange.message?.method === 'initialize' && exchange.status !== 405;
}

function isResponse(exchange: HttpExchange): boolean {
  const message = exchange.message;
  return message !== undefined && message.method === undefined && message.id !== undefined;
}
