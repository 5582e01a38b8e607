// The transport in a legacy Streamable HTTP session (2025-03-26 … 2025-11-25): the session id and
// negotiated version on later requests, the GET stream, resumption, 404 expiry and DELETE.
import { describe, expect, it } from 'vitest';
import {
  LiveSse,
  accepted,
  fakeFetch,
  json,
  sse,
  status,
  until,
  type Delivered,
  type RecordedCall,
  type Responder,
} from '../../../test/http/client-fake-fetch.js';
import { HttpEraMemory } from './era-memory.js';
import type { HttpTransportWarning } from './http-client-options.js';
import type { ReconnectionOptions } from './reconnect-policy.js';
import { StreamableHttpClientTransport } from './streamable-http-client-transport.js';

const URL_ = 'http://127.0.0.1:8123/mcp';
const FAST: ReconnectionOptions = { initialDelay: 1, maxDelay: 4, maxRetries: 2 };

function setup(respond: Responder, reconnection: ReconnectionOptions = FAST) {
  const fake = fakeFetch(respond);
  const memory = new HttpEraMemory();
  const transport = new StreamableHttpClientTransport(URL_, {
    fetch: fake.fetch,
    eraMemory: memory,
    reconnection,
    random: () => 0.5,
  });
  const received: Delivered[] = [];
  const warnings: HttpTransportWarning[] = [];
  let expired = 0;
  transport.onMessage((m) => received.push(m as Delivered));
  transport.onWarning((w) => warnings.push(w));
  transport.onSessionExpired(() => expired++);
  return { transport, fake, received, warnings, memory, expired: () => expired };
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
const initialized = { jsonrpc: '2.0' as const, method: 'notifications/initialized' };

function initResult(call: RecordedCall, session = 'session-1') {
  return json(
    {
      jsonrpc: '2.0',
      id: call.body?.id,
      result: {
        protocolVersion: '2025-06-18',
        capabilities: {},
        serverInfo: { name: 's', version: '1' },
      },
    },
    200,
    { 'Mcp-Session-Id': session },
  );
}

/** A legacy server: hands out a session on initialize, 202s one-way messages, GET per `get`. */
function legacy(
  options: { get?: (call: RecordedCall) => Response; onRequest?: Responder } = {},
): Responder {
  return (call) => {
    if (call.method === 'GET') return options.get?.(call) ?? status(405);
    if (call.method === 'DELETE') return status(200);
    if (call.body?.method === 'initialize') return initResult(call);
    if (call.body?.id === undefined || call.body.method === undefined) return accepted();
    if (options.onRequest !== undefined) return options.onRequest(call);
    return json({ jsonrpc: '2.0', id: call.body.id, result: {} });
  };
}

async function handshake(transport: StreamableHttpClientTransport, received: unknown[]) {
  await transport.start();
  await transport.send(initialize);
  await until(() => received.length === 1, 'the initialize answer');
  await transport.send(initialized);
}

describe('legacy sessions', () => {
  it('sends the session id and negotiated version on every request after initialize', async () => {
    const { transport, fake, received, memory } = setup(legacy());
    await handshake(transport, received);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await until(() => received.length === 2);
    const [init, notified, list] = fake.callsOf('POST');
    expect(init!.headers.has('mcp-session-id')).toBe(false);
    expect(init!.headers.has('mcp-protocol-version')).toBe(false);
    expect(init!.headers.has('mcp-method')).toBe(false);
    for (const later of [notified!, list!]) {
      expect(later.headers.get('mcp-session-id')).toBe('session-1');
      expect(later.headers.get('mcp-protocol-version')).toBe('2025-06-18');
    }
    expect(transport.sessionId).toBe('session-1');
    expect(memory.get(URL_)).toBe('legacy');
    expect(transport.rememberedEra()).toBeUndefined();
  });

  it('ignores a session id that is not visible ASCII, and warns', async () => {
    const { transport, fake, received, warnings } = setup((call) =>
      call.body?.method === 'initialize' ? initResult(call, 'bad id') : accepted(),
    );
    await handshake(transport, received);
    expect(transport.sessionId).toBeUndefined();
    expect(fake.callsOf('POST')[1]!.headers.has('mcp-session-id')).toBe(false);
    expect(warnings.map((w) => w.kind)).toContain('session-id-refused');
  });

  it('opens the GET stream after initialized, and delivers what the server sends on it', async () => {
    let listen: LiveSse | undefined;
    const { transport, fake, received } = setup(
      legacy({ get: (call) => (listen = new LiveSse(call.signal)).response }),
    );
    await handshake(transport, received);
    await until(() => listen !== undefined, 'the GET stream');
    const get = fake.callsOf('GET')[0]!;
    expect(get.headers.get('accept')).toBe('text/event-stream');
    expect(get.headers.get('mcp-session-id')).toBe('session-1');
    expect(get.headers.get('mcp-protocol-version')).toBe('2025-06-18');
    listen!.send({ id: 'g1', data: { jsonrpc: '2.0', id: 'srv-1', method: 'roots/list' } });
    await until(() => received.length === 2);
    expect(received[1]).toEqual({ jsonrpc: '2.0', id: 'srv-1', method: 'roots/list' });
    // The client's answer is a POST that carries the session.
    await transport.send({ jsonrpc: '2.0', id: 'srv-1', result: { roots: [] } });
    const answer = fake.callsOf('POST').at(-1)!;
    expect(answer.body).toEqual({ jsonrpc: '2.0', id: 'srv-1', result: { roots: [] } });
    expect(answer.headers.get('mcp-session-id')).toBe('session-1');
  });

  it('takes a 405 on the GET as "no stream" and does not retry', async () => {
    const { transport, fake, received, warnings } = setup(legacy());
    await handshake(transport, received);
    await until(() => fake.callsOf('GET').length === 1);
    await new Promise((r) => setTimeout(r, 20));
    expect(fake.callsOf('GET')).toHaveLength(1);
    expect(warnings).toEqual([]);
  });

  it('reopens the GET stream with Last-Event-ID after it ends', async () => {
    const streams: LiveSse[] = [];
    const { transport, fake, received } = setup(
      legacy({
        get: (call) => {
          const stream = new LiveSse(call.signal);
          streams.push(stream);
          return stream.response;
        },
      }),
    );
    await handshake(transport, received);
    await until(() => streams.length === 1);
    streams[0]!.send({ id: 'ev-7', retry: 2, data: '' });
    streams[0]!.end();
    await until(() => streams.length === 2, 'the reconnection');
    const [first, second] = fake.callsOf('GET');
    expect(first!.headers.has('last-event-id')).toBe(false);
    expect(second!.headers.get('last-event-id')).toBe('ev-7');
    await transport.close();
  });

  it("waits the server's retry, not the default delay, before reconnecting", async () => {
    const streams: LiveSse[] = [];
    const { transport, received } = setup(
      legacy({
        get: (call) => {
          const stream = new LiveSse(call.signal);
          streams.push(stream);
          return stream.response;
        },
      }),
      // Without the server's retry the wait would be a minute; the test would time out.
      { initialDelay: 60_000, maxDelay: 120_000, maxRetries: 2 },
    );
    await handshake(transport, received);
    await until(() => streams.length === 1);
    streams[0]!.send({ id: 'a', retry: 1, data: '' });
    streams[0]!.end();
    await until(() => streams.length === 2, 'the reconnection after the retry interval');
    await transport.close();
  });

  it('gives up on a GET stream that keeps failing, after maxRetries, with a warning', async () => {
    const { transport, fake, received, warnings } = setup(legacy({ get: () => status(503) }));
    await handshake(transport, received);
    await until(() => warnings.length === 1, 'the warning');
    expect(warnings[0]!.kind).toBe('listen-stream-lost');
    expect(fake.callsOf('GET')).toHaveLength(3);
  });

  it('resumes a request stream with Last-Event-ID and gets the response', async () => {
    const { transport, fake, received } = setup(
      legacy({
        onRequest: () =>
          sse([
            { id: 'r-1', retry: 1, data: '' },
            {
              id: 'r-2',
              data: {
                jsonrpc: '2.0',
                method: 'notifications/progress',
                params: { progressToken: 2, progress: 1 },
              },
            },
          ]),
        get: (call) =>
          call.headers.get('last-event-id') === 'r-2'
            ? sse([{ id: 'r-3', data: { jsonrpc: '2.0', id: 2, result: { done: true } } }])
            : status(405),
      }),
    );
    await handshake(transport, received);
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/call', params: { name: 'slow' } });
    await until(() => received.some((m) => m.id === 2), 'the resumed answer');
    expect(received.filter((m) => m.method === 'notifications/progress')).toHaveLength(1);
    expect(received.find((m) => m.id === 2)).toEqual({
      jsonrpc: '2.0',
      id: 2,
      result: { done: true },
    });
    const resumed = fake.callsOf('GET').find((c) => c.headers.has('last-event-id'))!;
    expect(resumed.headers.get('mcp-session-id')).toBe('session-1');
  });

  it('fails a request whose stream ends without an event id to resume from', async () => {
    const { transport, fake, received } = setup(
      legacy({
        onRequest: () =>
          sse([
            {
              data: {
                jsonrpc: '2.0',
                method: 'notifications/message',
                params: { level: 'info', data: 1 },
              },
            },
          ]),
      }),
    );
    await handshake(transport, received);
    const gets = fake.callsOf('GET').length;
    await transport.send({ jsonrpc: '2.0', id: 3, method: 'tools/call', params: { name: 'x' } });
    await until(() => received.some((m) => m.id === 3));
    expect(received.find((m) => m.id === 3)!.error!.data!.kind).toBe('stream-ended');
    expect(fake.callsOf('GET').length).toBe(gets);
  });

  it('gives a resumption that keeps failing up after maxRetries tries', async () => {
    const { transport, fake, received } = setup(
      legacy({
        onRequest: () => sse([{ id: 'x-1', data: '' }]),
        get: (call) => (call.headers.has('last-event-id') ? status(502) : status(405)),
      }),
    );
    await handshake(transport, received);
    await transport.send({ jsonrpc: '2.0', id: 4, method: 'tools/call', params: { name: 'x' } });
    await until(() => received.some((m) => m.id === 4));
    expect(received.find((m) => m.id === 4)!.error!.data!.kind).toBe('stream-ended');
    expect(fake.callsOf('GET').filter((c) => c.headers.has('last-event-id'))).toHaveLength(3);
  });

  it('POSTs notifications/cancelled for a legacy request, then lets its stream go', async () => {
    let stream: LiveSse | undefined;
    const { transport, fake, received } = setup(
      legacy({ onRequest: (call) => (stream = new LiveSse(call.signal)).response }),
    );
    await handshake(transport, received);
    await transport.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: 'slow' } });
    await until(() => stream !== undefined);
    await transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 5 },
    });
    const cancel = fake.callsOf('POST', 'notifications/cancelled');
    expect(cancel).toHaveLength(1);
    expect(cancel[0]!.headers.get('mcp-session-id')).toBe('session-1');
    expect(stream!.cancelled).toBe(true);
  });

  it('treats a 404 on a session request as an expired session', async () => {
    let alive = true;
    const { transport, fake, received, expired } = setup((call) => {
      if (call.method === 'GET') return status(405);
      if (call.body?.method === 'initialize')
        return initResult(call, alive ? 'session-1' : 'session-2');
      if (call.headers.get('mcp-session-id') === 'session-1' && !alive) return status(404);
      return call.body?.id === undefined
        ? accepted()
        : json({ jsonrpc: '2.0', id: call.body.id, result: {} });
    });
    await handshake(transport, received);
    alive = false;
    await transport.send({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    await until(() => received.length === 2);
    expect(received[1]!.error!.data).toEqual({ kind: 'session-expired', status: 404 });
    expect(expired()).toBe(1);
    expect(transport.sessionId).toBeUndefined();
    // A new initialize goes out without the dead session, and the new one is used after it.
    await transport.send({ ...initialize, id: 3 });
    await until(() => received.length === 3);
    expect(fake.callsOf('POST', 'initialize')[1]!.headers.has('mcp-session-id')).toBe(false);
    expect(transport.sessionId).toBe('session-2');
  });

  it('ends the session with DELETE on close', async () => {
    const { transport, fake, received } = setup(legacy());
    await handshake(transport, received);
    await transport.close();
    const [deleted] = fake.callsOf('DELETE');
    expect(deleted!.headers.get('mcp-session-id')).toBe('session-1');
    expect(deleted!.headers.get('mcp-protocol-version')).toBe('2025-06-18');
  });

  it('closes even when the DELETE is refused (405) or fails', async () => {
    const { transport, received } = setup((call) => {
      if (call.method === 'DELETE') return Promise.reject(new TypeError('down'));
      return legacy()(call);
    });
    await handshake(transport, received);
    await expect(transport.close()).resolves.toBeUndefined();
    expect(transport.closed).toBe(true);
  });
});
