// McpClient over the HTTP transport against scripted servers: the fallback chain modern →
// initialize → HTTP+SSE, the per-origin era memory, and a new session after a 404.
import { describe, expect, it } from 'vitest';
import { McpClient } from '../mcp-client.js';
import { fakeFetch, until, type FakeFetch } from '../../../test/http/client-fake-fetch.js';
import {
  HttpSseServer,
  LegacyStreamableServer,
  modernServer,
} from '../../../test/http/client-fake-servers.js';
import { HttpEraMemory } from './era-memory.js';
import { StreamableHttpClientTransport } from './streamable-http-client-transport.js';
import type { StreamableHttpClientOptions } from './http-client-options.js';

function connectOver(
  url: string,
  fake: FakeFetch,
  memory: HttpEraMemory,
  options: StreamableHttpClientOptions = {},
) {
  const transport = new StreamableHttpClientTransport(url, {
    fetch: fake.fetch,
    eraMemory: memory,
    reconnection: { initialDelay: 1, maxDelay: 2, maxRetries: 1 },
    ...options,
  });
  const client = new McpClient(
    { name: 'c', version: '1' },
    { handlers: { elicit: () => ({ action: 'accept', content: { name: 'Ada' } }) } },
  );
  return { transport, client, connected: client.connect(transport) };
}

/** The calls as "VERB path rpc-method", to read the chain at a glance. */
function trace(fake: FakeFetch): string[] {
  return fake.calls.map(
    (c) => `${c.method} ${c.url.pathname}${c.body?.method ? ` ${c.body.method}` : ''}`,
  );
}

describe('era detection over HTTP', () => {
  it('stays modern when server/discover succeeds, and remembers it', async () => {
    const fake = fakeFetch(modernServer());
    const memory = new HttpEraMemory();
    const { client, connected } = connectOver('https://m.example/mcp', fake, memory);
    await connected;
    expect(client.era).toBe('modern');
    expect(client.serverInfo?.name).toBe('modern-fake');
    expect((await client.callTool('echo')).content).toEqual([{ type: 'text', text: 'echo' }]);
    // The tools/list is the client fetching the tool's output schema.
    expect(trace(fake)).toEqual([
      'POST /mcp server/discover',
      'POST /mcp tools/call',
      'POST /mcp tools/list',
    ]);
    expect(memory.toJSON()).toEqual({ 'https://m.example': 'modern' });
    await client.close();
  });

  it('falls back to initialize on a legacy 400, keeps the session, and skips the probe next time', async () => {
    const server = new LegacyStreamableServer();
    const fake = fakeFetch(server.respond);
    const memory = new HttpEraMemory();
    const first = connectOver('https://l.example/mcp', fake, memory);
    await first.connected;
    expect(first.client.era).toBe('legacy');
    expect(first.client.protocolVersion).toBe('2025-11-25');
    await first.client.callTool('echo');
    expect(trace(fake).filter((t) => t.startsWith('POST'))).toEqual([
      'POST /mcp server/discover',
      'POST /mcp initialize',
      'POST /mcp notifications/initialized',
      'POST /mcp tools/call',
      'POST /mcp tools/list',
    ]);
    // The GET stream opens once the session is initialized (this server answers 405).
    expect(trace(fake).indexOf('GET /mcp')).toBeGreaterThan(2);
    expect(memory.get('https://l.example/other')).toBe('legacy');
    await first.client.close();
    expect(trace(fake).at(-1)).toBe('DELETE /mcp');

    const again = fakeFetch(server.respond);
    const second = connectOver('https://l.example/mcp', again, memory);
    await second.connected;
    expect(trace(again)[0]).toBe('POST /mcp initialize');
    await second.client.close();
  });

  it('falls back to HTTP+SSE when initialize is refused too, answers elicitation, and remembers', async () => {
    const server = new HttpSseServer();
    const fake = fakeFetch(server.respond);
    const memory = new HttpEraMemory();
    const { client, transport, connected } = connectOver('http://127.0.0.1:9/sse', fake, memory);
    await connected;
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(client.serverInfo?.name).toBe('sse-fake');
    expect(transport.usingHttpSse).toBe(true);
    expect(trace(fake)).toEqual([
      'POST /sse server/discover',
      'POST /sse initialize',
      'GET /sse',
      'POST /messages initialize',
      'POST /messages notifications/initialized',
    ]);
    expect(fake.calls[3]!.url.search).toBe('?sessionId=abc');
    expect((await client.allTools()).map((t) => t.name)).toEqual(['echo']);
    const asked = await client.callTool('ask');
    expect(asked.content).toEqual([{ type: 'text', text: 'hello Ada' }]);
    expect(server.answers).toEqual([
      { jsonrpc: '2.0', id: 'elicit-1', result: { action: 'accept', content: { name: 'Ada' } } },
    ]);
    expect(memory.get('http://127.0.0.1:9')).toBe('legacy-sse');
    await client.close();
    expect(server.stream?.cancelled).toBe(true);

    const again = fakeFetch(server.respond);
    const second = connectOver('http://127.0.0.1:9/sse', again, memory);
    await second.connected;
    expect(trace(again)).toEqual([
      'GET /sse',
      'POST /messages initialize',
      'POST /messages notifications/initialized',
    ]);
    await second.client.close();
  });

  it('does not fall back on a recognised modern error', async () => {
    const fake = fakeFetch(
      (call) =>
        new Response(
          JSON.stringify({
            jsonrpc: '2.0',
            id: call.body?.id,
            error: {
              code: -32022,
              message: 'Unsupported protocol version',
              data: { supported: ['2099-01-01'], requested: '2026-07-28' },
            },
          }),
          { status: 400, headers: { 'content-type': 'application/json' } },
        ),
    );
    const { connected } = connectOver('https://x.example/mcp', fake, new HttpEraMemory());
    await expect(connected).rejects.toMatchObject({ code: -32022 });
    expect(trace(fake).every((t) => t.endsWith('server/discover'))).toBe(true);
  });

  it('re-probes an origin whose remembered kind no longer holds', async () => {
    const memory = new HttpEraMemory({ 'https://moved.example': 'legacy-sse' });
    const fake = fakeFetch(modernServer());
    const { client, connected } = connectOver('https://moved.example/mcp', fake, memory);
    await connected;
    expect(client.era).toBe('modern');
    expect(trace(fake)).toEqual(['GET /mcp', 'POST /mcp server/discover']);
    expect(memory.get('https://moved.example')).toBe('modern');
    await client.close();
  });
});

describe('a legacy session the server ended', () => {
  it('fails the call that met the 404, initializes again, and serves the next call', async () => {
    const server = new LegacyStreamableServer();
    const fake = fakeFetch(server.respond);
    const { client, connected } = connectOver('https://l.example/mcp', fake, new HttpEraMemory(), {
      serverKind: 'legacy',
    });
    await connected;
    server.kill();
    await expect(client.callTool('echo')).rejects.toMatchObject({
      data: { kind: 'session-expired' },
    });
    expect((await client.callTool('echo')).content).toEqual([{ type: 'text', text: 'echo' }]);
    expect(server.sessions).toBe(2);
    const [, second] = fake.callsOf('POST', 'initialize');
    expect(second!.headers.has('mcp-session-id')).toBe(false);
    expect(fake.callsOf('POST', 'tools/call').at(-1)!.headers.get('mcp-session-id')).toBe('s-2');
    await client.close();
  });

  it('opens a new HTTP+SSE stream and initializes again when the stream drops', async () => {
    const server = new HttpSseServer();
    const fake = fakeFetch(server.respond);
    const { client, connected } = connectOver('http://127.0.0.1:9/sse', fake, new HttpEraMemory(), {
      serverKind: 'legacy-sse',
    });
    await connected;
    server.endpoint = '/messages?sessionId=def';
    server.stream!.end();
    await until(() => fake.callsOf('POST', 'notifications/initialized').length === 2, 'renewal');
    expect((await client.callTool('echo')).content).toEqual([{ type: 'text', text: 'echo' }]);
    expect(server.streams).toHaveLength(2);
    expect(fake.callsOf('POST', 'initialize').map((c) => c.url.search)).toEqual([
      '?sessionId=abc',
      '?sessionId=def',
    ]);
    await client.close();
  });
});
