// Resumable legacy streams (2025-11-25 transports.mdx, "Resumability and Redelivery"; SECURITY
// T15): event ids from the store, the priming event and retry hint, replay of only the stream that
// broke, within the same session and principal, and nothing for forged or foreign ids.
import { afterEach, describe, expect, it } from 'vitest';
import {
  fixtureServer,
  get,
  initializeLegacy,
  newProbe,
  type Json,
  type LegacyClient,
  type ToolProbe,
} from '../../../test/http/helpers/http-fixture.js';
import { SseReader, type ReadEvent } from '../../../test/http/helpers/sse.js';
import type { McpServer } from '../mcp-server.js';
import type { EventStore } from './event-store.js';
import { createMcpHttpHandler, InMemoryEventStore, type McpHttpHandler } from './index.js';

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

const messageOf = (event: ReadEvent | undefined): Json => JSON.parse(event?.data ?? 'null') as Json;

async function waitCall(client: LegacyClient, signal?: AbortSignal): Promise<SseReader> {
  const response = await client.post(
    {
      jsonrpc: '2.0',
      id: 'w',
      method: 'tools/call',
      params: { name: 'wait', _meta: { progressToken: 't' } },
    },
    {},
    signal,
  );
  return new SseReader(response.body);
}

describe('event ids and priming', () => {
  it('a 2025-11-25 stream starts with a priming event: an id, a retry hint, empty data', async () => {
    const { handler, probe } = setup({ retryIntervalMs: 2500 });
    const client = await initializeLegacy(handler, '2025-11-25');
    const reader = await waitCall(client);
    const priming = await reader.next();
    expect(priming).toEqual({ id: expect.any(String), retry: 2500, data: '' });
    const progress = await reader.nextEvent();
    expect(progress?.id).toEqual(expect.any(String));
    expect(progress?.id).not.toBe(priming?.id);
    probe.release.resolve();
  });

  it('a 2025-06-18 stream has event ids but no priming event', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler, '2025-06-18');
    const reader = await waitCall(client);
    const first = await reader.next();
    expect(messageOf(first)['method']).toBe('notifications/progress');
    expect(first?.id).toEqual(expect.any(String));
    probe.release.resolve();
  });

  it('without an event store, streams have no ids and no priming', async () => {
    const { handler, probe } = setup({ eventStore: false });
    const client = await initializeLegacy(handler, '2025-11-25');
    const reader = await waitCall(client);
    const first = await reader.next();
    expect(messageOf(first)['method']).toBe('notifications/progress');
    expect(first?.id).toBeUndefined();
    probe.release.resolve();
  });
});

describe('resuming with Last-Event-ID', () => {
  it('replays what a broken POST stream missed, then ends it', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const abort = new AbortController();
    const reader = await waitCall(client, abort.signal);
    const priming = await reader.next();
    await reader.nextEvent();
    abort.abort();
    probe.release.resolve();
    const replayed = async (): Promise<unknown[]> => {
      const response = await handler.handle(get(client.headers({ 'last-event-id': priming?.id })));
      const events = (await new SseReader(response.body).rest()).filter(
        (event) => event.data !== '',
      );
      return events.map((event) => messageOf(event)['method'] ?? messageOf(event)['id']);
    };
    // After the priming event: the progress it had read, then the result it missed (once stored).
    await expect.poll(replayed).toEqual(['notifications/progress', 'w']);
  });

  it('resumes a POST stream whose request is still running, then goes on live', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const abort = new AbortController();
    const reader = await waitCall(client, abort.signal);
    await reader.next();
    const progress = await reader.nextEvent();
    abort.abort();
    const resumed = new SseReader(
      (await handler.handle(get(client.headers({ 'last-event-id': progress?.id })))).body,
    );
    probe.release.resolve();
    const result = await resumed.nextMessage();
    expect(result?.['id']).toBe('w');
    expect(await resumed.next()).toBeUndefined();
  });

  it('resumes the standalone stream with what it missed, then goes on live', async () => {
    const { handler, server } = setup();
    const client = await initializeLegacy(handler);
    const first = new SseReader((await handler.handle(get(client.headers()))).body);
    const priming = await first.next();
    await first.cancel();
    server.tool('while-away', {}, () => 'x');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const resumed = new SseReader(
      (await handler.handle(get(client.headers({ 'last-event-id': priming?.id })))).body,
    );
    expect((await resumed.nextMessage())?.['method']).toBe('notifications/tools/list_changed');
    server.tool('after-resume', {}, () => 'y');
    expect((await resumed.nextMessage())?.['method']).toBe('notifications/tools/list_changed');
    // The resumed stream is the session's GET stream now.
    expect((await handler.handle(get(client.headers()))).status).toBe(409);
    await resumed.cancel();
  });

  it('a forged Last-Event-ID replays nothing (a fresh GET stream instead)', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler);
    const reader = await waitCall(client);
    await reader.next();
    await reader.nextEvent();
    for (const forged of ['garbage', 'x_1', '_0', `${'a'.repeat(16)}.0_0`]) {
      const response = await handler.handle(get(client.headers({ 'last-event-id': forged })));
      expect(response.status).toBe(200);
      const stream = new SseReader(response.body);
      expect((await stream.next())?.data).toBe(''); // only its own priming event
      await stream.cancel();
    }
    probe.release.resolve();
  });

  it('another session’s event id replays nothing of that session', async () => {
    const { handler, probe } = setup();
    const alice = await initializeLegacy(handler);
    const mallory = await initializeLegacy(handler);
    const reader = await waitCall(alice);
    const priming = await reader.next();
    await reader.nextEvent();
    const response = await handler.handle(get(mallory.headers({ 'last-event-id': priming?.id })));
    expect(response.status).toBe(200);
    const stream = new SseReader(response.body);
    const first = await stream.next();
    expect(first?.data).toBe('');
    expect(first?.id).not.toBe(priming?.id);
    probe.release.resolve();
    await reader.rest();
    await stream.cancel();
  });

  it('another principal’s resumption is 404 before any replay', async () => {
    const { handler, probe } = setup();
    const client = await initializeLegacy(handler, '2025-11-25', { auth: { principal: 'alice' } });
    const reader = await waitCall(client);
    const priming = await reader.next();
    const response = await handler.handle(get(client.headers({ 'last-event-id': priming?.id })), {
      auth: { principal: 'bob' },
    });
    expect(response.status).toBe(404);
    probe.release.resolve();
  });
});

describe('a store with latency', () => {
  /** The in-memory store behind random delays, like a remote one. */
  function slowStore(): EventStore {
    const inner = new InMemoryEventStore();
    const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
    return {
      async storeEvent(streamId, event) {
        await pause();
        return inner.storeEvent(streamId, event);
      },
      async replayEventsAfter(lastEventId, send) {
        await pause();
        return inner.replayEventsAfter(lastEventId, send);
      },
      async deleteStream(streamId) {
        await pause();
        inner.deleteStream(streamId);
      },
    };
  }

  it('keeps events in order and resumes without loss or repeats', async () => {
    const { handler } = setup({ eventStore: slowStore() });
    const client = await initializeLegacy(handler);
    const response = await client.post({
      jsonrpc: '2.0',
      id: 'f',
      method: 'tools/call',
      params: { name: 'flood', arguments: { count: 20, size: 1 }, _meta: { progressToken: 1 } },
    });
    const events = (await new SseReader(response.body).rest()).filter((event) => event.data !== '');
    const progress = events
      .slice(0, -1)
      .map((event) => (messageOf(event)['params'] as Json)['progress']);
    expect(progress).toEqual([...Array(20).keys()]);
    expect(messageOf(events.at(-1))['id']).toBe('f');
    const middle = events[9]?.id as string;
    const resumed = await new SseReader(
      (await handler.handle(get(client.headers({ 'last-event-id': middle })))).body,
    ).rest();
    expect(resumed.map((event) => event.id)).toEqual(events.slice(10).map((event) => event.id));
  });
});
