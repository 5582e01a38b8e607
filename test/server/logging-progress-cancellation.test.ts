// Logging (legacy session level, modern per-request level), progress and cancellation as a
// client sees them, in both eras.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RequestCancelledError } from '../../src/jsonrpc/errors.js';
import type { Progress } from '../../src/jsonrpc/connection-options.js';
import type { ServerContext } from '../../src/server/context.js';
import type { McpServer } from '../../src/server/mcp-server.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import type { LoggingLevel } from '../../src/spec/types/index.js';
import {
  closeTestServers,
  connectLegacy,
  connectModern,
  inBothEras,
  testServer,
  type EraClient,
} from './helpers/era-clients.js';

afterEach(closeTestServers);

const LEVELS: readonly LoggingLevel[] = ['debug', 'info', 'warning', 'error'];

function loggingServer(options: Parameters<typeof testServer>[0] = {}): McpServer {
  const server = testServer(options);
  server.tool('chatty', {}, (_args, context) => {
    for (const level of LEVELS) context.log(level, { said: level }, 'chatty-logger');
    return 'done';
  });
  return server;
}

async function loggedLevels(client: EraClient, meta?: Record<string, unknown>): Promise<string[]> {
  const before = client.peer.notifications('notifications/message').length;
  await client.request(
    'tools/call',
    { name: 'chatty', arguments: {} },
    meta === undefined ? {} : { meta },
  );
  return client.peer
    .notifications('notifications/message')
    .slice(before)
    .map((params) => params['level'] as string);
}

describe('logging, legacy', () => {
  it('sends every level by default, with data and logger', async () => {
    const client = await connectLegacy(loggingServer());
    expect(await loggedLevels(client)).toEqual(LEVELS);
    expect(client.peer.notifications('notifications/message')[0]).toEqual({
      level: 'debug',
      data: { said: 'debug' },
      logger: 'chatty-logger',
    });
  });

  it('filters below the level set with logging/setLevel', async () => {
    const client = await connectLegacy(loggingServer());
    expect(await client.request('logging/setLevel', { level: 'error' })).toEqual({});
    expect(await loggedLevels(client)).toEqual(['error']);
    await client.request('logging/setLevel', { level: 'info' });
    expect(await loggedLevels(client)).toEqual(['info', 'warning', 'error']);
  });

  it('refuses an unknown level with -32602', async () => {
    const client = await connectLegacy(loggingServer());
    expect((await client.failure('logging/setLevel', { level: 'verbose' })).code).toBe(-32602);
  });

  it('keeps each session’s level to itself', async () => {
    const server = loggingServer();
    const quiet = await connectLegacy(server);
    const loud = await connectLegacy(server);
    await quiet.request('logging/setLevel', { level: 'error' });
    expect(await loggedLevels(loud)).toEqual(LEVELS);
  });

  it('sends no log messages from a server that does not declare logging', async () => {
    const client = await connectLegacy(loggingServer({ logging: false }));
    expect(client.initializeResult['capabilities']).not.toHaveProperty('logging');
    expect(await loggedLevels(client)).toEqual([]);
  });

  it('refuses logging/setLevel on a server that does not declare logging with -32601', async () => {
    const client = await connectLegacy(loggingServer({ logging: false }));
    expect((await client.failure('logging/setLevel', { level: 'debug' })).code).toBe(-32601);
  });
});

describe('logging, modern', () => {
  it('sends nothing for a request without a log level', async () => {
    const client = await connectModern(loggingServer());
    expect(await loggedLevels(client)).toEqual([]);
  });

  it('sends the request’s level and above', async () => {
    const client = await connectModern(loggingServer());
    expect(await loggedLevels(client, { [MetaKey.LogLevel]: 'warning' })).toEqual([
      'warning',
      'error',
    ]);
    expect(await loggedLevels(client, { [MetaKey.LogLevel]: 'debug' })).toEqual(LEVELS);
  });

  it('sends no log messages from a server that does not declare logging', async () => {
    const client = await connectModern(loggingServer({ logging: false }));
    expect(await loggedLevels(client, { [MetaKey.LogLevel]: 'debug' })).toEqual([]);
  });

  it('refuses an unknown log level with -32602 before running anything', async () => {
    const server = testServer();
    const handler = vi.fn(() => 'ran');
    server.tool('t', {}, handler);
    const client = await connectModern(server);
    const error = await client.failure(
      'tools/call',
      { name: 't', arguments: {} },
      {
        [MetaKey.LogLevel]: 'loud',
      },
    );
    expect(error.code).toBe(-32602);
    expect(handler).not.toHaveBeenCalled();
  });

  it('ignores the legacy session level on a shared connection, and the other way round', async () => {
    const server = loggingServer();
    const legacy = await connectLegacy(server);
    const modern = await connectModern(server, { peer: legacy.peer });
    await legacy.request('logging/setLevel', { level: 'error' });
    expect(await loggedLevels(modern, { [MetaKey.LogLevel]: 'info' })).toEqual([
      'info',
      'warning',
      'error',
    ]);
    expect(await loggedLevels(modern)).toEqual([]);
    expect(await loggedLevels(legacy)).toEqual(['error']);
  });
});

describe('progress', () => {
  it('reaches a client that sent a progress token, in both eras', async () => {
    const server = testServer();
    server.tool('steps', {}, (_args, context) => {
      context.progress(1, 3, 'first');
      context.progress(2, 3);
      context.progress(3, 3, 'done');
      return 'ok';
    });
    await inBothEras(server, async (client) => {
      const seen: Progress[] = [];
      await client.request(
        'tools/call',
        { name: 'steps', arguments: {} },
        {
          onProgress: (progress) => seen.push(progress),
        },
      );
      expect(seen).toEqual([
        { progress: 1, total: 3, message: 'first' },
        { progress: 2, total: 3 },
        { progress: 3, total: 3, message: 'done' },
      ]);
    });
  });

  it('uses the client’s own token, and sends nothing without one', async () => {
    const server = testServer();
    server.tool('steps', {}, (_args, context) => {
      context.progress(1, 1);
      return 'ok';
    });
    await inBothEras(server, async (client) => {
      const before = client.peer.notifications('notifications/progress').length;
      await client.request('tools/call', { name: 'steps', arguments: {} });
      expect(client.peer.notifications('notifications/progress')).toHaveLength(before);
      await client.request(
        'tools/call',
        { name: 'steps', arguments: {} },
        {
          meta: { progressToken: `token-${client.label}` },
        },
      );
      expect(client.peer.notifications('notifications/progress').at(-1)).toEqual({
        progressToken: `token-${client.label}`,
        progress: 1,
        total: 1,
      });
    });
  });

  it('sends nothing after the response', async () => {
    const server = testServer();
    let saved: ServerContext | undefined;
    server.tool('keeps', {}, (_args, context) => {
      saved = context;
      return 'ok';
    });
    await inBothEras(server, async (client) => {
      await client.request(
        'tools/call',
        { name: 'keeps', arguments: {} },
        {
          meta: { progressToken: 'late', [MetaKey.LogLevel]: 'debug' },
        },
      );
      const before = client.peer.messages().length;
      saved?.progress(5, 5);
      saved?.log('error', 'too late');
      await client.request('tools/list');
      expect(
        client.peer
          .messages()
          .slice(before)
          .map((message) => message.method),
      ).toEqual([undefined]);
    });
  });
});

describe('cancellation', () => {
  it('aborts the handler’s signal, and no response is sent, in both eras', async () => {
    const server = testServer();
    let started: () => void = () => {};
    let finished: (reason: unknown) => void = () => {};
    server.tool('slow', {}, async (_args, context) => {
      started();
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      finished(context.signal.reason);
      return 'finished anyway';
    });
    await inBothEras(server, async (client) => {
      const running = new Promise<void>((resolve) => (started = resolve));
      const ended = new Promise<unknown>((resolve) => (finished = resolve));
      const controller = new AbortController();
      const call = client
        .request('tools/call', { name: 'slow', arguments: {} }, { signal: controller.signal })
        .catch((error: unknown) => error);
      await running;
      const id = client.peer.lastRequestId('tools/call');
      controller.abort('user pressed stop');
      const reason = await ended;
      expect(String((reason as Error).message)).toContain('user pressed stop');
      expect(await call).toBeInstanceOf(RequestCancelledError);
      expect(client.peer.sent).toContainEqual({
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: id, reason: 'user pressed stop' },
      });
      await client.request('tools/list');
      expect(client.peer.messages().filter((message) => message.id === id)).toEqual([]);
    });
  });

  it('does not report a tool that fails because it was cancelled', async () => {
    const failures: unknown[] = [];
    const server = testServer({ onError: (error) => failures.push(error) });
    let started: () => void = () => {};
    server.tool('slow', {}, async (_args, context) => {
      started();
      await new Promise((resolve) => context.signal.addEventListener('abort', resolve));
      throw new Error('aborted midway');
    });
    await inBothEras(server, async (client) => {
      const running = new Promise<void>((resolve) => (started = resolve));
      const controller = new AbortController();
      const call = client
        .request('tools/call', { name: 'slow', arguments: {} }, { signal: controller.signal })
        .catch((error: unknown) => error);
      await running;
      controller.abort();
      await call;
      await client.request('tools/list');
    });
    expect(failures).toEqual([]);
  });

  it('ignores a cancellation for an unknown or finished request', async () => {
    const server = testServer();
    server.tool('quick', {}, () => 'ok');
    await inBothEras(server, async (client) => {
      await client.request('tools/call', { name: 'quick', arguments: {} });
      const id = client.peer.lastRequestId('tools/call');
      client.peer.notify('notifications/cancelled', { requestId: id });
      client.peer.notify('notifications/cancelled', { requestId: 'never-sent' });
      client.peer.notify('notifications/cancelled', { nonsense: true });
      const result = await client.request('tools/call', { name: 'quick', arguments: {} });
      expect(result['content']).toEqual([{ type: 'text', text: 'ok' }]);
    });
  });
});
