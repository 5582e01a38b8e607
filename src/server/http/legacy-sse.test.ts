// The deprecated HTTP+SSE transport of 2024-11-05, opt-in: the `endpoint` event, POSTs answered
// on the stream, sessions bound to their principal and ended with their stream.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_INFO,
  fixtureServer,
  get,
  post,
  type Json,
} from '../../../test/http/helpers/http-fixture.js';
import { SseReader } from '../../../test/http/helpers/sse.js';
import { createMcpHttpHandler, type McpHttpHandler } from './index.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function newHandler(options: Parameters<typeof createMcpHttpHandler>[1] = {}): McpHttpHandler {
  const handler = createMcpHttpHandler(fixtureServer(), { keepAliveIntervalMs: 0, ...options });
  handlers.push(handler);
  return handler;
}

const SSE_URL = 'http://localhost:3000/sse';

async function open(
  handler: McpHttpHandler,
  auth?: { principal: string },
): Promise<{ reader: SseReader; endpoint: string }> {
  const response = await handler.handle(
    get({}, { url: SSE_URL }),
    auth === undefined ? {} : { auth },
  );
  expect(response.status).toBe(200);
  const reader = new SseReader(response.body);
  const first = await reader.next();
  expect(first?.event).toBe('endpoint');
  return { reader, endpoint: first?.data as string };
}

function send(
  handler: McpHttpHandler,
  endpoint: string,
  body: unknown,
  auth?: { principal: string },
) {
  return handler.handle(
    post(body, { accept: undefined }, { url: new URL(endpoint, SSE_URL).href }),
    auth === undefined ? {} : { auth },
  );
}

describe('HTTP+SSE (2024-11-05)', () => {
  it('is off unless asked for', async () => {
    const handler = newHandler();
    const response = await handler.handle(get({}, { url: SSE_URL }));
    expect(response.status).toBe(405);
  });

  it('announces the POST endpoint first, then answers POSTs on the stream', async () => {
    const handler = newHandler({ legacySse: true });
    const { reader, endpoint } = await open(handler);
    expect(endpoint).toMatch(/^\/messages\?sessionId=[0-9a-f]{32}$/);
    const accepted = await send(handler, endpoint, {
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: { protocolVersion: '2024-11-05', capabilities: {}, clientInfo: CLIENT_INFO },
    });
    expect(accepted.status).toBe(202);
    const answer = await reader.nextEvent();
    expect(answer?.event).toBe('message');
    expect((JSON.parse(answer?.data as string) as Json)['id']).toBe(1);
    await send(handler, endpoint, { jsonrpc: '2.0', method: 'notifications/initialized' });
    await send(handler, endpoint, {
      jsonrpc: '2.0',
      id: 2,
      method: 'tools/call',
      params: { name: 'progress', _meta: { progressToken: 'x' } },
    });
    const kinds = [];
    for (let i = 0; i < 3; i++) {
      const message = (await reader.nextMessage()) as Json;
      kinds.push(message['method'] ?? message['id']);
    }
    expect(kinds).toEqual(['notifications/progress', 'notifications/progress', 2]);
    expect(handler.stats.sseSessions).toBe(1);
    await reader.cancel();
    await expect.poll(() => handler.stats.sseSessions).toBe(0);
    expect((await send(handler, endpoint, { jsonrpc: '2.0', method: 'x' })).status).toBe(404);
  });

  it('uses the configured paths', async () => {
    const handler = newHandler({ legacySse: { ssePath: '/events', messagePath: '/in' } });
    const response = await handler.handle(get({}, { url: 'http://localhost:3000/events' }));
    const first = await new SseReader(response.body).next();
    expect(first?.data).toMatch(/^\/in\?sessionId=/);
  });

  it('refuses unknown sessions, other principals, bad bodies and bad Hosts', async () => {
    const handler = newHandler({ legacySse: true });
    const { endpoint } = await open(handler, { principal: 'alice' });
    const ping = { jsonrpc: '2.0', id: 1, method: 'ping' };
    expect((await send(handler, '/messages?sessionId=nope', ping)).status).toBe(404);
    expect((await send(handler, '/messages', ping)).status).toBe(400);
    expect((await send(handler, endpoint, ping, { principal: 'bob' })).status).toBe(404);
    expect((await send(handler, endpoint, 'not json', { principal: 'alice' })).status).toBe(400);
    expect((await send(handler, endpoint, { nope: 1 }, { principal: 'alice' })).status).toBe(400);
    const evil = await handler.handle(get({ host: 'evil.example.com' }, { url: SSE_URL }));
    expect(evil.status).toBe(403);
    const notSse = await handler.handle(get({ accept: 'application/json' }, { url: SSE_URL }));
    expect(notSse.status).toBe(406);
  });

  it('counts against maxSessions', async () => {
    const handler = newHandler({ legacySse: true, maxSessions: 1 });
    await open(handler);
    expect((await handler.handle(get({}, { url: SSE_URL }))).status).toBe(503);
  });
});
