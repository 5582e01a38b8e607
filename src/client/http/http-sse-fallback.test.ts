// When an `initialize` POST is refused, the transport tries the 2024-11-05 HTTP+SSE transport —
// only on 400/404/405 without a modern error — and talks to it safely once found.
import { describe, expect, it } from 'vitest';
import {
  LiveSse,
  accepted,
  fakeFetch,
  json,
  status,
  until,
  type Delivered,
  type Responder,
} from '../../../test/http/client-fake-fetch.js';
import { HttpEraMemory } from './era-memory.js';
import type { HttpTransportWarning } from './http-client-options.js';
import { StreamableHttpClientTransport } from './streamable-http-client-transport.js';

const URL_ = 'https://old.example/sse';

function setup(respond: Responder, memory = new HttpEraMemory()) {
  const fake = fakeFetch(respond);
  const transport = new StreamableHttpClientTransport(URL_, {
    fetch: fake.fetch,
    eraMemory: memory,
    headers: () => ({ Authorization: 'Bearer t0k3n' }),
    sseEndpointTimeout: 1000,
  });
  const received: Delivered[] = [];
  const warnings: HttpTransportWarning[] = [];
  transport.onMessage((m) => received.push(m as Delivered));
  transport.onWarning((w) => warnings.push(w));
  return { transport, fake, received, warnings, memory };
}

const initialize = {
  jsonrpc: '2.0' as const,
  id: 1,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'c', version: '1' },
  },
};

/** Refuses the POST with `refusal`, then serves an HTTP+SSE stream whose endpoint is `endpoint`. */
function oldServer(refusal: () => Response, endpoint = '/messages?s=1') {
  let stream: LiveSse | undefined;
  const respond: Responder = (call) => {
    if (call.method === 'POST' && call.url.pathname === '/sse') return refusal();
    if (call.method === 'GET') {
      stream = new LiveSse(call.signal);
      stream.send({ event: 'endpoint', data: endpoint });
      return stream.response;
    }
    if (call.body?.method === 'initialize') {
      stream!.send({
        event: 'message',
        data: {
          jsonrpc: '2.0',
          id: call.body.id,
          result: {
            protocolVersion: '2024-11-05',
            capabilities: {},
            serverInfo: { name: 'old', version: '1' },
          },
        },
      });
    }
    return accepted();
  };
  return { respond, stream: () => stream };
}

describe('the HTTP+SSE fallback', () => {
  it.each([400, 404, 405])('follows an initialize refused with a bare %i', async (code) => {
    const server = oldServer(() => status(code));
    const { transport, fake, received, memory } = setup(server.respond);
    await transport.send(initialize);
    await until(() => received.length === 1);
    expect(received[0]!.result!.protocolVersion).toBe('2024-11-05');
    const [post, get, posted] = fake.calls;
    expect(get!.method).toBe('GET');
    expect(get!.headers.get('accept')).toBe('text/event-stream');
    expect(get!.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(posted!.url.href).toBe('https://old.example/messages?s=1');
    expect(posted!.headers.get('authorization')).toBe('Bearer t0k3n');
    expect(posted!.headers.get('content-type')).toBe('application/json');
    expect(post!.body).toEqual(posted!.body);
    expect(memory.get(URL_)).toBe('legacy-sse');
    await transport.close();
    expect(server.stream()!.cancelled).toBe(true);
  });

  it.each([
    [400, { code: -32020, message: 'Header mismatch' }],
    [400, { code: -32022, message: 'Unsupported', data: { supported: ['2026-07-28'] } }],
    [400, { code: -32021, message: 'Missing capability' }],
    [404, { code: -32601, message: 'Method not found' }],
  ])('does not fall back from a %i with modern error %j', async (code, error) => {
    const { transport, fake, received } = setup(() => json({ jsonrpc: '2.0', id: 1, error }, code));
    await transport.send(initialize);
    await until(() => received.length === 1);
    expect(received[0]!.error).toEqual(error);
    expect(fake.callsOf('GET')).toHaveLength(0);
  });

  it.each([401, 403, 500])('does not fall back from a %i', async (code) => {
    const { transport, fake, received } = setup(() => status(code));
    await transport.send(initialize);
    await until(() => received.length === 1);
    expect(received[0]!.error!.data!.status).toBe(code);
    expect(fake.callsOf('GET')).toHaveLength(0);
  });

  it('reports the initialize refusal when the GET opens no stream either, and forgets the origin', async () => {
    const memory = new HttpEraMemory({ 'https://old.example': 'legacy' });
    const { transport, received, warnings } = setup(
      (call) => status(call.method === 'GET' ? 405 : 404),
      memory,
    );
    expect(transport.rememberedEra()).toBe('legacy');
    await transport.send(initialize);
    await until(() => received.length === 1);
    expect(received[0]!.error!.data).toEqual({ kind: 'http-status', status: 404 });
    expect(warnings.map((w) => w.kind)).toEqual(['http-sse-unavailable']);
    expect(memory.get(URL_)).toBeUndefined();
  });

  it('refuses an endpoint on another origin, and sends nothing there', async () => {
    const server = oldServer(() => status(405), 'https://evil.example/steal');
    const { transport, fake, received, warnings } = setup(server.respond);
    await transport.send(initialize);
    await until(() => received.length === 1);
    expect(received[0]!.error!.data!.status).toBe(405);
    expect(fake.calls.some((c) => c.url.origin === 'https://evil.example')).toBe(false);
    expect(warnings[0]?.kind).toBe('http-sse-unavailable');
    expect(warnings[0]?.kind === 'http-sse-unavailable' && warnings[0].reason).toMatch(/origin/);
  });

  it('turns a refused POST to the endpoint into an error for that request', async () => {
    let refuse = false;
    const server = oldServer(() => status(405));
    const { transport, received } = setup((call) =>
      refuse && call.url.pathname === '/messages' ? status(500) : server.respond(call),
    );
    await transport.send(initialize);
    await until(() => received.length === 1);
    refuse = true;
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await until(() => received.length === 2);
    expect(received[1]).toMatchObject({
      id: 2,
      error: { data: { kind: 'http-status', status: 500 } },
    });
  });

  it('POSTs notifications/cancelled to the endpoint', async () => {
    const server = oldServer(() => status(405));
    const { transport, fake, received } = setup(server.respond);
    await transport.send(initialize);
    await until(() => received.length === 1);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow' } });
    await transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 2 },
    });
    const cancel = fake.callsOf('POST', 'notifications/cancelled');
    expect(cancel.map((c) => c.url.pathname)).toEqual(['/messages']);
    // A late answer to the cancelled request still reaches the engine, which drops it.
    server.stream()!.send({ event: 'message', data: { jsonrpc: '2.0', id: 2, result: {} } });
    await until(() => received.length === 2);
  });

  it('starts on HTTP+SSE at once when told the server kind', async () => {
    const server = oldServer(() => status(405));
    const fake = fakeFetch(server.respond);
    const transport = new StreamableHttpClientTransport(URL_, {
      fetch: fake.fetch,
      eraMemory: false,
      serverKind: 'legacy-sse',
    });
    await transport.start();
    expect(transport.usingHttpSse).toBe(true);
    expect(transport.rememberedEra()).toBe('legacy');
    expect(fake.calls.map((c) => c.method)).toEqual(['GET']);
    await transport.close();
  });
});
