// The streams of legacy sessions (2025-11-25 transports.mdx): each message on exactly one stream
// (T14), the one standalone GET stream (409 for a second), server-to-client requests on the POST's
// stream, disconnects that are not cancellations, and per-stream buffer caps (N7).
import { afterEach, describe, expect, it } from 'vitest';
import {
  fixtureServer,
  get,
  initializeLegacy,
  modernPost,
  newProbe,
  type Json,
  type ToolProbe,
} from '../../../test/http/helpers/http-fixture.js';
import { SseReader } from '../../../test/http/helpers/sse.js';
import type { McpServer } from '../mcp-server.js';
import { createMcpHttpHandler, type McpHttpHandler } from './index.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function setup(options: Parameters<typeof createMcpHttpHandler>[1] = {}): {
  handler: McpHttpHandler;
  server: McpServer;
  probe: ToolProbe;
} {
  const probe = newProbe();
  const server = fixtureServer(probe);
  const handler = createMcpHttpHandler(server, { keepAliveIntervalMs: 0, ...options });
  handlers.push(handler);
  return { handler, server, probe };
}

function textOf(message: Json | undefined): string {
  const result = message?.['result'] as { content: { text: string }[] };
  return result.content.map((block) => block.text).join('');
}

describe('one message, one stream (T14)', () => {
  it('request-related messages go on the POST stream, unrelated ones on the GET stream', async () => {
    const { handler, server } = setup();
    const client = await initializeLegacy(handler);
    const getStream = new SseReader((await handler.handle(get(client.headers()))).body);
    expect((await getStream.next())?.data).toBe(''); // priming

    const response = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'progress', _meta: { progressToken: 'p' } },
    });
    const postMessages = (await new SseReader(response.body).rest())
      .filter((event) => event.data !== '')
      .map((event) => JSON.parse(event.data as string) as Json);
    expect(postMessages.map((message) => message['method'] ?? message['id'])).toEqual([
      'notifications/progress',
      'notifications/progress',
      1,
    ]);

    server.tool('late', {}, () => 'x');
    const unrelated = await getStream.nextMessage();
    expect(unrelated?.['method']).toBe('notifications/tools/list_changed');
    // The GET stream saw neither the progress nor the response.
    expect(
      postMessages.filter((message) => message['method'] === 'notifications/tools/list_changed'),
    ).toEqual([]);
    await getStream.cancel();
  });

  it('a change while a POST stream is open goes on the GET stream only', async () => {
    const { handler, server, probe } = setup();
    const client = await initializeLegacy(handler);
    const getStream = new SseReader((await handler.handle(get(client.headers()))).body);
    await getStream.next();
    const response = await client.post({
      jsonrpc: '2.0',
      id: 'busy',
      method: 'tools/call',
      params: { name: 'wait', _meta: { progressToken: 'w' } },
    });
    const postStream = new SseReader(response.body);
    expect((await postStream.nextMessage())?.['method']).toBe('notifications/progress');
    server.tool('during', {}, () => 'x');
    expect((await getStream.nextMessage())?.['method']).toBe('notifications/tools/list_changed');
    probe.release.resolve();
    const rest = (await postStream.rest()).filter((event) => event.data !== '');
    expect(rest.map((event) => (JSON.parse(event.data as string) as Json)['id'])).toEqual(['busy']);
    server.tool('after', {}, () => 'y');
    expect((await getStream.nextMessage())?.['method']).toBe('notifications/tools/list_changed');
    await getStream.cancel();
  });

  it('a second GET stream while one is open is 409; after it closes, a new one opens', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    const first = await handler.handle(get(client.headers()));
    expect(first.status).toBe(200);
    expect(first.headers.get('content-type')).toBe('text/event-stream');
    const second = await handler.handle(get(client.headers()));
    expect(second.status).toBe(409);
    await first.body?.cancel();
    expect((await handler.handle(get(client.headers()))).status).toBe(200);
  });

  it('a GET that does not accept text/event-stream is 406', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    const response = await handler.handle(get(client.headers({ accept: 'application/json' })));
    expect(response.status).toBe(406);
  });

  it('an open GET stream keeps an idle session alive', async () => {
    const { handler } = setup({ sessionIdleTimeoutMs: 20 });
    const client = await initializeLegacy(handler);
    const stream = await handler.handle(get(client.headers()));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handler.stats.sessions).toBe(1);
    await stream.body?.cancel();
    await expect.poll(() => handler.stats.sessions, { timeout: 5000 }).toBe(0);
  });
});

describe('colliding request ids (J3, N11)', () => {
  it('sessions and stateless requests using the same ids each get only their own messages', async () => {
    const { handler } = setup();
    const clients = await Promise.all([initializeLegacy(handler), initializeLegacy(handler)]);
    const call = (text: string) => ({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'flood', arguments: { count: 5, size: 1 }, _meta: { progressToken: text } },
    });
    const replies = await Promise.all([
      clients[0]?.post(call('first')),
      clients[1]?.post(call('second')),
      handler.handle(
        modernPost(
          'tools/call',
          { name: 'flood', arguments: { count: 5, size: 1 } },
          { meta: { progressToken: 'third' } },
        ),
      ),
    ]);
    const tokens = await Promise.all(
      replies.map(async (reply) => {
        const events = await new SseReader(reply?.body ?? null).rest();
        return new Set(
          events
            .filter((event) => event.data !== undefined && event.data !== '')
            .map((event) => JSON.parse(event.data as string) as Json)
            .filter((message) => message['method'] === 'notifications/progress')
            .map((message) => (message['params'] as Json)['progressToken']),
        );
      }),
    );
    expect(tokens.map((set) => [...set])).toEqual([['first'], ['second'], ['third']]);
  });
});

describe('server-to-client requests', () => {
  it('elicitation goes on the POST’s stream; the answer comes as a later POST', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-11-25', {
      capabilities: { elicitation: { form: {} } },
    });
    const getStream = new SseReader((await handler.handle(get(client.headers()))).body);
    await getStream.next();
    const response = await client.post({
      jsonrpc: '2.0',
      id: 'call-1',
      method: 'tools/call',
      params: { name: 'ask' },
    });
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = new SseReader(response.body);
    const question = await reader.nextMessage();
    expect(question?.['method']).toBe('elicitation/create');
    const answer = await client.post({
      jsonrpc: '2.0',
      id: question?.['id'],
      result: { action: 'accept', content: { name: 'Ada' } },
    });
    expect(answer.status).toBe(202);
    const result = await reader.nextMessage();
    expect(result?.['id']).toBe('call-1');
    expect(textOf(result)).toBe('accept:Ada');
    expect(await reader.next()).toBeUndefined();
    await getStream.cancel();
  });
});

describe('disconnects', () => {
  it('a legacy client that disconnects mid-stream has not cancelled: the handler goes on', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const abort = new AbortController();
    const response = await client.post(
      {
        jsonrpc: '2.0',
        id: 4,
        method: 'tools/call',
        params: { name: 'wait', _meta: { progressToken: 1 } },
      },
      {},
      abort.signal,
    );
    const reader = new SseReader(response.body);
    await reader.nextMessage();
    abort.abort();
    let aborted = false;
    void probe.waitAborted.promise.then(() => (aborted = true));
    // The session still serves, and the tool still runs.
    expect(await client.request('tools/list')).toHaveProperty('result');
    expect(aborted).toBe(false);
    expect(handler.stats.sessions).toBe(1);
    probe.release.resolve();
  });

  it('a modern client that disconnects does not disturb a legacy session', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const abort = new AbortController();
    const pending = handler.handle(
      modernPost('tools/call', { name: 'wait' }, { signal: abort.signal }),
    );
    await probe.waitStarted.promise;
    abort.abort();
    await probe.waitAborted.promise;
    await pending;
    expect(await client.request('tools/list')).toHaveProperty('result');
  });
});

describe('clients that do not read (N7)', () => {
  it('a legacy stream past its buffer cap is cut; the session keeps serving', async () => {
    const { handler, probe } = setup({ maxBufferedBytesPerStream: 64 * 1024 });
    const client = await initializeLegacy(handler);
    const response = await client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'flood', arguments: { count: 200, size: 4096 }, _meta: { progressToken: 1 } },
    });
    // Never read: once 64 KiB wait, the stream errors and its queue is dropped.
    await probe.floodStopped.promise;
    await expect(new SseReader(response.body).rest()).rejects.toThrow();
    expect(await client.request('tools/list')).toHaveProperty('result');
  });

  it('a modern stream past its cap is cut, which cancels its request', async () => {
    const { handler, probe } = setup({ maxBufferedBytesPerStream: 64 * 1024 });
    const response = await handler.handle(
      modernPost(
        'tools/call',
        { name: 'flood', arguments: { count: 10_000, size: 4096 } },
        { meta: { progressToken: 'f' } },
      ),
    );
    expect(await probe.floodStopped.promise).toBeGreaterThan(0);
    await expect(new SseReader(response.body).rest()).rejects.toThrow();
    expect((await handler.handle(modernPost('server/discover'))).status).toBe(200);
  });

  it('one event larger than the cap still goes to a client that reads', async () => {
    const { handler } = setup({ maxBufferedBytesPerStream: 1024 });
    const response = await handler.handle(
      modernPost(
        'tools/call',
        { name: 'flood', arguments: { count: 3, size: 10_000 } },
        { meta: { progressToken: 'big' } },
      ),
    );
    const reader = new SseReader(response.body);
    for (let i = 0; i < 3; i++) {
      const progress = await reader.nextMessage();
      expect((progress?.['params'] as Json)['message']).toHaveLength(10_000);
    }
    expect(textOf(await reader.nextMessage())).toBe('flooded');
  });
});
