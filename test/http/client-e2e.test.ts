// The HTTP client against mcpkit's own HTTP handler, passed as `fetch` and over a real socket
// (`serveHttp`): the modern era, a legacy Streamable HTTP session and the 2024-11-05 HTTP+SSE
// transport, each with x-mcp-header arguments, progress, elicitation and sampling (legacy: server
// requests; modern: MRTR), cancellation, and everything released on close.
import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import {
  HttpEraMemory,
  StreamableHttpClientTransport,
  type HttpTransportWarning,
} from '../../src/client/http/index.js';
import { serveHttp, type HttpServerHandle } from '../../src/node/http/index.js';
import { createMcpHttpHandler, type McpHttpHandler } from '../../src/server/http/index.js';
import { McpServer } from '../../src/server/index.js';
import type { VersionChoice } from '../../src/client/index.js';
import { until } from './client-fake-fetch.js';

interface Probe {
  waitAborted: boolean;
  waitStarted: boolean;
  regionArgs: unknown;
}

function server(probe: Probe): McpServer {
  const s = new McpServer({ name: 'e2e', version: '1' }, { onError: () => {} });
  s.tool(
    'region',
    {
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          place: {
            type: 'object',
            properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } },
          },
        },
      },
    },
    (args) => {
      probe.regionArgs = args;
      return 'ok';
    },
  );
  s.tool('progress', {}, (_args, ctx) => {
    ctx.progress(1, 2, 'half');
    ctx.progress(2, 2, 'done');
    return 'progressed';
  });
  s.tool('ask', {}, async (_args, ctx) => {
    const answer = await ctx.elicit({
      message: 'Your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    });
    return `hello ${String(answer.content?.['name'])}`;
  });
  s.tool('think', {}, async (_args, ctx) => {
    const reply = await ctx.sample({
      messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
      maxTokens: 10,
    });
    return reply.content && 'text' in reply.content ? String(reply.content.text) : '?';
  });
  s.tool('wait', {}, async (_args, ctx) => {
    probe.waitStarted = true;
    await new Promise<void>((resolve) =>
      ctx.signal.addEventListener(
        'abort',
        () => {
          probe.waitAborted = true;
          resolve();
        },
        { once: true },
      ),
    );
    return 'cancelled';
  });
  return s;
}

interface Case {
  name: string;
  path: string;
  version: VersionChoice;
  era: 'modern' | 'legacy';
  wire: 'streamable' | 'http-sse';
}

const CASES: Case[] = [
  {
    name: 'modern Streamable HTTP',
    path: '/mcp',
    version: 'auto',
    era: 'modern',
    wire: 'streamable',
  },
  {
    name: 'legacy Streamable HTTP',
    path: '/mcp',
    version: 'legacy',
    era: 'legacy',
    wire: 'streamable',
  },
  {
    name: 'legacy HTTP+SSE (found by the fallback chain)',
    path: '/sse',
    version: 'auto',
    era: 'legacy',
    wire: 'http-sse',
  },
];

type Carrier = 'handler as fetch' | 'real socket';

let handler: McpHttpHandler | undefined;
let listening: HttpServerHandle | undefined;
afterEach(async () => {
  await listening?.close();
  await handler?.close();
  handler = undefined;
  listening = undefined;
});

async function connect(test: Case, probe: Probe, carrier: Carrier = 'handler as fetch') {
  handler = createMcpHttpHandler(server(probe), { legacySse: true, endpointPath: '/mcp' });
  const served = handler;
  let base = new URL('http://127.0.0.1/');
  let send = (request: Request): Promise<Response> => served.handle(request);
  if (carrier === 'real socket') {
    listening = await serveHttp(served);
    base = listening.url;
    send = (request) => fetch(request);
  }
  const calls: string[] = [];
  /** The JSON-RPC method of each POST. */
  const posted: string[] = [];
  const warnings: HttpTransportWarning[] = [];
  const transport = new StreamableHttpClientTransport(new URL(test.path, base), {
    fetch: (input, init) => {
      const request = new Request(input, init);
      calls.push(`${request.method} ${new URL(request.url).pathname}`);
      if (typeof init?.body === 'string') {
        posted.push(String((JSON.parse(init.body) as { method?: string }).method));
      }
      return send(request);
    },
    eraMemory: new HttpEraMemory(),
    reconnection: { initialDelay: 5, maxDelay: 20, maxRetries: 2 },
  });
  transport.onWarning((w) => warnings.push(w));
  const client = new McpClient(
    { name: 'e2e-client', version: '1' },
    {
      version: test.version,
      handlers: {
        elicit: () => ({ action: 'accept', content: { name: 'Ada' } }),
        sample: () => ({ role: 'assistant', content: { type: 'text', text: 'Paris' }, model: 'm' }),
      },
    },
  );
  return { client, transport, calls, posted, warnings, handler: served };
}

const text = (result: { content: unknown[] }) =>
  (result.content[0] as { type: string; text: string }).text;

const MATRIX = (['handler as fetch', 'real socket'] as const).flatMap((carrier) =>
  CASES.map((test) => ({ ...test, carrier })),
);

describe.each(MATRIX)('mcpkit client ⇄ mcpkit HTTP handler: $name, $carrier', (test) => {
  const carrier = test.carrier;
  it('connects in the expected era and wire', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport, calls } = await connect(test, probe, carrier);
    await client.connect(transport);
    expect(client.era).toBe(test.era);
    expect(client.serverInfo?.name).toBe('e2e');
    expect(transport.usingHttpSse).toBe(test.wire === 'http-sse');
    if (test.era === 'legacy' && test.wire === 'streamable') {
      expect(transport.sessionId).toMatch(/^[\x21-\x7e]+$/);
    }
    if (test.wire === 'http-sse') {
      expect(calls.slice(0, 3)).toEqual(['POST /sse', 'POST /sse', 'GET /sse']);
    }
    await client.close();
  });

  it('calls tools with header arguments, progress, elicitation and sampling', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport, warnings } = await connect(test, probe, carrier);
    await client.connect(transport);
    expect((await client.allTools()).map((t) => t.name)).toEqual([
      'region',
      'progress',
      'ask',
      'think',
      'wait',
    ]);
    const args = { region: 'Zürich ', count: 7, place: { zone: 'b' } };
    expect(text(await client.callTool('region', args))).toBe('ok');
    expect(probe.regionArgs).toEqual(args);
    const progress: number[] = [];
    const done = await client.callTool(
      'progress',
      {},
      { onProgress: (p) => progress.push(p.progress) },
    );
    expect(text(done)).toBe('progressed');
    expect(progress).toEqual([1, 2]);
    expect(text(await client.callTool('ask'))).toBe('hello Ada');
    expect(text(await client.callTool('think'))).toBe('Paris');
    expect(warnings).toEqual([]);
    await client.close();
  });

  it('cancels a running call on the server', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport } = await connect(test, probe, carrier);
    await client.connect(transport);
    const controller = new AbortController();
    const call = client.callTool('wait', {}, { signal: controller.signal });
    await until(() => probe.waitStarted, 'the tool to start');
    controller.abort();
    await expect(call).rejects.toThrow();
    await until(() => probe.waitAborted, 'the server to see the cancellation');
    await client.close();
  });

  it('leaves nothing open on the server after close', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport, handler: served } = await connect(test, probe, carrier);
    await client.connect(transport);
    await client.callTool('progress');
    await client.close();
    await until(
      () =>
        served.stats.sessions === 0 &&
        served.stats.sseSessions === 0 &&
        served.stats.statelessRequests === 0,
      'the server to release everything',
    );
  });
});

describe('header arguments before the tools were listed (modern)', () => {
  it('recovers from the HeaderMismatch by listing the tools and retrying', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport, posted } = await connect(CASES[0]!, probe);
    await client.connect(transport);
    expect(transport.toolHeaders.knows('region')).toBe(false);
    const args = { region: 'eu', count: 1 };
    expect(text(await client.callTool('region', args))).toBe('ok');
    expect(probe.regionArgs).toEqual(args);
    expect(transport.toolHeaders.knows('region')).toBe(true);
    expect(posted.slice(0, 4)).toEqual([
      'server/discover',
      'tools/call',
      'tools/list',
      'tools/call',
    ]);
    await client.close();
  });
});

describe('a legacy session the server ended', () => {
  it('is initialized again, and the next call works', async () => {
    const probe: Probe = { waitAborted: false, waitStarted: false, regionArgs: undefined };
    const { client, transport, handler: served } = await connect(CASES[1]!, probe);
    await client.connect(transport);
    const first = transport.sessionId!;
    // Someone (an admin, a restart) ends the session on the server.
    const ended = await served.handle(
      new Request('http://127.0.0.1/mcp', {
        method: 'DELETE',
        headers: { 'mcp-session-id': first, 'mcp-protocol-version': client.protocolVersion },
      }),
    );
    expect(ended.status).toBeLessThan(300);
    // The client learns it from the 404 on its GET stream (then it renews before the next call)
    // or from the 404 on that call, which fails; either way a new session follows.
    const outcome = await client.callTool('progress').then(
      () => 'ok',
      (error: { data?: { kind?: string } }) => error.data?.kind,
    );
    expect(['ok', 'session-expired']).toContain(outcome);
    await until(
      () => transport.sessionId !== undefined && transport.sessionId !== first,
      'renewal',
    );
    expect(text(await client.callTool('progress'))).toBe('progressed');
    await client.close();
  });
});
