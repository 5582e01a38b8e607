// Legacy Streamable HTTP sessions (2025-03-26 … 2025-11-25 transports.mdx, "Session Management";
// SECURITY T7, T8, T12, T13): ids, lifecycle, the headers a session checks, batches, principals,
// limits, idle expiry, and that ended sessions leave nothing behind.
import { afterEach, describe, expect, it } from 'vitest';
import {
  answerOf,
  bodyOf,
  errorCode,
  fixtureServer,
  get,
  initializeLegacy,
  modernPost,
  newProbe,
  post,
  type Json,
  type ToolProbe,
} from '../../../test/http/helpers/http-fixture.js';
import { createMcpHttpHandler, InMemoryEventStore, type McpHttpHandler } from './index.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function setup(options: Parameters<typeof createMcpHttpHandler>[1] = {}): {
  handler: McpHttpHandler;
  probe: ToolProbe;
} {
  const probe = newProbe();
  const handler = createMcpHttpHandler(fixtureServer(probe), options);
  handlers.push(handler);
  return { handler, probe };
}

const INITIALIZE = (version: string, id: number | string = 0): Json => ({
  jsonrpc: '2.0',
  id,
  method: 'initialize',
  params: { protocolVersion: version, capabilities: {}, clientInfo: { name: 'c', version: '1' } },
});

describe('initialize', () => {
  it('opens a session whose id is visible ASCII with at least 128 random bits', async () => {
    const { handler } = setup();
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const response = await handler.handle(post(INITIALIZE('2025-11-25')));
      expect(response.status).toBe(200);
      const id = response.headers.get('mcp-session-id') as string;
      expect(id).toMatch(/^[\x21-\x7e]{32,}$/);
      ids.add(id);
    }
    expect(ids.size).toBe(20);
    expect(handler.stats.sessions).toBe(20);
  });

  it('is accepted with or without MCP-Protocol-Version, and negotiates every legacy revision', async () => {
    const { handler } = setup();
    for (const version of ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25']) {
      const response = await handler.handle(post(INITIALIZE(version)));
      expect(((await bodyOf(response))['result'] as Json)['protocolVersion']).toBe(version);
    }
    const withHeader = await handler.handle(
      post(INITIALIZE('2025-06-18'), { 'mcp-protocol-version': '2025-06-18' }),
    );
    expect(withHeader.status).toBe(200);
  });

  it('a failed handshake is 400 and leaves no session', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      post({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { protocolVersion: 7 } }),
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(handler.stats.sessions).toBe(0);
  });

  it('past maxSessions, initialize is 503 with a JSON-RPC error', async () => {
    const { handler } = setup({ maxSessions: 2 });
    await initializeLegacy(handler);
    await initializeLegacy(handler);
    const response = await handler.handle(post(INITIALIZE('2025-11-25', 9)));
    expect(response.status).toBe(503);
    expect((await bodyOf(response))['id']).toBe(9);
  });
});

describe('the session header', () => {
  it('a later request without Mcp-Session-Id is 400', async () => {
    const { handler } = setup();
    await initializeLegacy(handler);
    const response = await handler.handle(post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }));
    expect(response.status).toBe(400);
    expect(errorCode(await bodyOf(response))).toBe(-32600);
    const notification = await handler.handle(
      post({ jsonrpc: '2.0', method: 'notifications/initialized' }),
    );
    expect(notification.status).toBe(400);
  });

  it('an unknown session id is 404 for POST, GET and DELETE', async () => {
    const { handler } = setup();
    const headers = { 'mcp-session-id': 'f'.repeat(32) };
    expect(
      (await handler.handle(post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, headers))).status,
    ).toBe(404);
    expect((await handler.handle(get(headers))).status).toBe(404);
    expect((await handler.handle(get(headers, { method: 'DELETE' }))).status).toBe(404);
  });

  it('DELETE ends the session; its id is 404 from then on', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    const deleted = await handler.handle(get(client.headers(), { method: 'DELETE' }));
    expect(deleted.status).toBe(200);
    expect(handler.stats.sessions).toBe(0);
    const after = await client.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' });
    expect(after.status).toBe(404);
  });

  it('MCP-Protocol-Version must name a legacy revision; absent is fine', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-06-18');
    const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    expect((await client.post(list, { 'mcp-protocol-version': undefined })).status).toBe(200);
    expect(
      (await client.post({ ...list, id: 2 }, { 'mcp-protocol-version': '2025-03-26' })).status,
    ).toBe(200);
    for (const bad of ['1999-01-01', '2026-07-28', 'garbage']) {
      const response = await client.post({ ...list, id: 3 }, { 'mcp-protocol-version': bad });
      expect(response.status).toBe(400);
    }
    const getStream = await handler.handle(get(client.headers({ 'mcp-protocol-version': 'x' })));
    expect(getStream.status).toBe(400);
  });

  it('JSON-RPC errors inside a session are answers (200), and the session goes on', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    const response = await client.post({ jsonrpc: '2.0', id: 1, method: 'no/such/method' });
    expect(response.status).toBe(200);
    expect(errorCode(await bodyOf(response))).toBe(-32601);
    expect(await client.request('tools/list')).toHaveProperty('result');
  });

  it('notifications and responses get 202 and no body', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    const notification = await client.post({ jsonrpc: '2.0', method: 'notifications/unknown' });
    expect(notification.status).toBe(202);
    expect(await notification.text()).toBe('');
    const reply = await client.post({ jsonrpc: '2.0', id: 77, result: {} });
    expect(reply.status).toBe(202);
  });

  it('an invalid message in a session is 400', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler);
    expect((await client.post({ jsonrpc: '2.0', id: null, method: 'x' })).status).toBe(400);
  });
});

describe('principals (T13)', () => {
  it("another principal's session id is 404, and nothing of the session is served", async () => {
    const { handler } = setup();
    const alice = { auth: { principal: 'alice' } };
    const client = await initializeLegacy(handler, '2025-11-25', alice);
    const asBob = async (request: Request) =>
      handler.handle(request, { auth: { principal: 'bob' } });
    expect(
      (await asBob(post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, client.headers()))).status,
    ).toBe(404);
    expect((await asBob(get(client.headers()))).status).toBe(404);
    expect((await asBob(get(client.headers(), { method: 'DELETE' }))).status).toBe(404);
    // Without any principal, too.
    expect(
      (
        await handler.handle(
          post({ jsonrpc: '2.0', id: 1, method: 'tools/list' }, client.headers()),
        )
      ).status,
    ).toBe(404);
    expect(handler.stats.sessions).toBe(1);
    expect(await client.request('tools/list')).toHaveProperty('result');
  });
});

describe('batches (T7)', () => {
  const list = (id: number) => ({ jsonrpc: '2.0', id, method: 'tools/list' });

  it('a 2025-03-26 session answers a batch with one array', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-03-26');
    const response = await client.post([
      list(1),
      { jsonrpc: '2.0', method: 'notifications/x' },
      list(2),
    ]);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Json[];
    expect(body.map((item) => item['id']).sort()).toEqual([1, 2]);
  });

  it('broken items of a 2025-03-26 batch are answered inside the array', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-03-26');
    const body = (await (await client.post([1, list(3)])).json()) as Json[];
    expect(body).toHaveLength(2);
    expect(body.some((item) => errorCode(item) === -32600)).toBe(true);
  });

  it('a batch of notifications only gets 202', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-03-26');
    const response = await client.post([{ jsonrpc: '2.0', method: 'notifications/x' }]);
    expect(response.status).toBe(202);
  });

  it.each(['2024-11-05', '2025-06-18', '2025-11-25'])(
    'a %s session refuses batches with 400',
    async (version) => {
      const { handler } = setup();
      const client = await initializeLegacy(handler, version);
      const response = await client.post([list(1), list(2)]);
      expect(response.status).toBe(400);
      const body = await bodyOf(response);
      expect(Array.isArray(body)).toBe(false);
      expect(errorCode(body)).toBe(-32600);
    },
  );

  it('an empty batch is 400', async () => {
    const { handler } = setup();
    const client = await initializeLegacy(handler, '2025-03-26');
    expect((await client.post([])).status).toBe(400);
  });
});

describe('requests in flight', () => {
  it('a request id already in flight in the session is refused with 400', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const first = client.post({
      jsonrpc: '2.0',
      id: 5,
      method: 'tools/call',
      params: { name: 'wait' },
    });
    await probe.waitStarted.promise;
    const again = await client.post({ jsonrpc: '2.0', id: 5, method: 'tools/list' });
    expect(again.status).toBe(400);
    probe.release.resolve();
    expect(await bodyOf(await first)).toMatchObject({ id: 5 });
  });

  it('past maxRequestsPerSession, a request gets 429', async () => {
    const { handler, probe } = setup({ maxRequestsPerSession: 1 });
    const client = await initializeLegacy(handler);
    const first = client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'wait' },
    });
    await probe.waitStarted.promise;
    const second = await client.post({ jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(second.status).toBe(429);
    probe.release.resolve();
    await first;
    expect((await client.post({ jsonrpc: '2.0', id: 3, method: 'tools/list' })).status).toBe(200);
  });

  it('a client that cancels (notifications/cancelled) ends that request’s response', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const pending = client.post({
      jsonrpc: '2.0',
      id: 8,
      method: 'tools/call',
      params: { name: 'wait' },
    });
    await probe.waitStarted.promise;
    const cancel = await client.post({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 8, reason: 'enough' },
    });
    expect(cancel.status).toBe(202);
    await probe.waitAborted.promise;
    const response = await pending;
    expect(await response.text()).not.toContain('"id":8');
  });
});

describe('streamAfterMs: 0', () => {
  it('answers every request of both eras as an event stream, initialize included', async () => {
    const { handler } = setup({ streamAfterMs: 0 });
    const initialized = await handler.handle(post(INITIALIZE('2025-11-25')));
    expect(initialized.headers.get('content-type')).toBe('text/event-stream');
    expect(initialized.headers.get('mcp-session-id')).not.toBeNull();
    expect(await answerOf(initialized, 0)).toMatchObject({
      result: { protocolVersion: '2025-11-25' },
    });
    const client = await initializeLegacy(handler);
    const listed = await client.post({ jsonrpc: '2.0', id: 7, method: 'tools/list' });
    expect(listed.headers.get('content-type')).toBe('text/event-stream');
    expect(await answerOf(listed, 7)).toMatchObject({ result: { tools: expect.any(Array) } });
    const modern = await handler.handle(modernPost('tools/list', {}, { id: 8 }));
    expect(modern.headers.get('content-type')).toBe('text/event-stream');
    expect(await answerOf(modern, 8)).toMatchObject({ result: { resultType: 'complete' } });
  });
});

describe('idle expiry and cleanup', () => {
  it('a session with nothing in flight and no stream expires after sessionIdleTimeoutMs', async () => {
    const { handler } = setup({ sessionIdleTimeoutMs: 30 });
    const client = await initializeLegacy(handler);
    await expect.poll(() => handler.stats.sessions, { timeout: 5000 }).toBe(0);
    expect((await client.post({ jsonrpc: '2.0', id: 1, method: 'tools/list' })).status).toBe(404);
  });

  it('a request in flight keeps the session alive', async () => {
    const { handler, probe } = setup({ sessionIdleTimeoutMs: 20 });
    const client = await initializeLegacy(handler);
    const pending = client.post({
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/call',
      params: { name: 'wait' },
    });
    await probe.waitStarted.promise;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(handler.stats.sessions).toBe(1);
    probe.release.resolve();
    await pending;
    await expect.poll(() => handler.stats.sessions, { timeout: 5000 }).toBe(0);
  });

  it('N sessions opened, used and deleted leave every map and the event store empty', async () => {
    const eventStore = new InMemoryEventStore();
    const { handler } = setup({ eventStore, streamAfterMs: 0 });
    for (let i = 0; i < 50; i++) {
      const client = await initializeLegacy(handler);
      await client.request('tools/call', { name: 'progress', _meta: { progressToken: i } });
      const stream = await handler.handle(get(client.headers()));
      expect(stream.status).toBe(200);
      await handler.handle(get(client.headers(), { method: 'DELETE' }));
    }
    expect(handler.stats).toEqual({ sessions: 0, sseSessions: 0, statelessRequests: 0 });
    expect(eventStore.streamCount).toBe(0);
    expect(eventStore.totalBytes).toBe(0);
  });

  it('close() ends every session', async () => {
    const { handler } = setup();
    await initializeLegacy(handler);
    await initializeLegacy(handler);
    await handler.close();
    expect(handler.stats.sessions).toBe(0);
  });
});
