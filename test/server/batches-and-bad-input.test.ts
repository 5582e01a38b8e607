// JSON-RPC batches (2025-03-26 sessions only) and bad input of every kind: each is answered with
// the right error, and the server keeps serving the same connection afterwards.
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer } from '../../src/server/mcp-server.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  LEGACY_VERSIONS,
  closeTestServers,
  connectLegacy,
  inBothEras,
  testServer,
  type EraClient,
} from './helpers/era-clients.js';
import { WirePeer, type Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

function toolServer(onError?: (error: unknown, where: string) => void): McpServer {
  const server = testServer(onError === undefined ? {} : { onError });
  server.tool(
    'echo',
    { inputSchema: { type: 'object', properties: { text: { type: 'string' } } } },
    (args) => String(args['text']),
  );
  return server;
}

/** The client still works: a tool call succeeds on the same connection. */
async function stillServes(client: EraClient): Promise<void> {
  const result = await client.request('tools/call', { name: 'echo', arguments: { text: 'alive' } });
  expect(result['content']).toEqual([{ type: 'text', text: 'alive' }]);
}

describe('batches', () => {
  it('a 2025-03-26 session gets an array reply with one response per request', async () => {
    const client = await connectLegacy(toolServer(), { version: '2025-03-26' });
    const replies = client.peer.nextBatchReply();
    client.peer.sendRaw([
      { jsonrpc: '2.0', id: 'b1', method: 'ping' },
      {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 'x', progress: 1 },
      },
      {
        jsonrpc: '2.0',
        id: 'b2',
        method: 'tools/call',
        params: { name: 'echo', arguments: { text: 'hi' } },
      },
      { jsonrpc: '2.0', id: 'b3', method: 'no/such' },
    ]);
    const reply = await replies;
    const byId = new Map(reply.map((message) => [message.id, message]));
    expect([...byId.keys()].sort()).toEqual(['b1', 'b2', 'b3']);
    expect(byId.get('b1')?.result).toEqual({});
    expect(byId.get('b2')?.result?.['content']).toEqual([{ type: 'text', text: 'hi' }]);
    expect(byId.get('b3')?.error?.code).toBe(-32601);
    await stillServes(client);
  });

  it.each(['2024-11-05', '2025-06-18', '2025-11-25'] as const)(
    'a %s session refuses a batch and runs none of it',
    async (version) => {
      const server = testServer();
      const calls: string[] = [];
      server.tool('record', {}, () => {
        calls.push('ran');
        return 'ok';
      });
      const client = await connectLegacy(server, { version });
      client.peer.sendRaw([
        {
          jsonrpc: '2.0',
          id: 'b1',
          method: 'tools/call',
          params: { name: 'record', arguments: {} },
        },
        { jsonrpc: '2.0', id: 'b2', method: 'ping' },
      ]);
      const refusal = await client.peer.next(
        (message) =>
          message.error !== undefined && (message.id === undefined || message.id === null),
      );
      expect(refusal.error?.code).toBe(-32600);
      await client.request('ping');
      expect(calls).toEqual([]);
      expect(client.peer.received.some((message) => Array.isArray(message))).toBe(false);
      expect(
        client.peer.messages().filter((message) => message.id === 'b1' || message.id === 'b2'),
      ).toEqual([]);
    },
  );

  it('refuses a batch before initialize', async () => {
    const peer = await WirePeer.connect(toolServer());
    peer.sendRaw([{ jsonrpc: '2.0', id: 'b1', method: 'ping' }]);
    const refusal = await peer.next((message) => message.error !== undefined);
    expect(refusal.error?.code).toBe(-32600);
  });

  it('refuses an empty batch in a 2025-03-26 session', async () => {
    const client = await connectLegacy(toolServer(), { version: '2025-03-26' });
    client.peer.sendRaw([]);
    const refusal = await client.peer.next((message) => message.error !== undefined);
    expect(refusal.error?.code).toBe(-32600);
    await stillServes(client);
  });
});

describe('bad input keeps the server serving', () => {
  it('malformed params are -32602, in both eras', async () => {
    await inBothEras(toolServer(), async (client) => {
      for (const [method, params] of [
        ['tools/call', { name: 42 }],
        ['tools/call', { arguments: {} }],
        ['resources/read', { uri: ['not', 'a', 'string'] }],
        ['prompts/get', { name: 'x', arguments: 'not-an-object' }],
        ['tools/list', { cursor: { nested: true } }],
      ] as const) {
        const error = await client.failure(method, { ...params });
        expect([-32602, -32601], `${method} ${JSON.stringify(params)}`).toContain(error.code);
        if (method.startsWith('tools/')) expect(error.code, method).toBe(-32602);
      }
      await stillServes(client);
    });
  });

  it('an unknown method is -32601, in both eras', async () => {
    await inBothEras(toolServer(), async (client) => {
      expect((await client.failure('tools/explode', {})).code).toBe(-32601);
      expect((await client.failure('notifications/initialized', {})).code).toBe(-32601);
      await stillServes(client);
    });
  });

  it('a request for a capability the server lacks is -32601, in both eras', async () => {
    await inBothEras(toolServer(), async (client) => {
      expect((await client.failure('prompts/list', {})).code).toBe(-32601);
      expect((await client.failure('prompts/get', { name: 'p' })).code).toBe(-32601);
      expect((await client.failure('resources/list', {})).code).toBe(-32601);
      expect((await client.failure('resources/read', { uri: 'file:///x' })).code).toBe(-32601);
      expect((await client.failure('resources/templates/list', {})).code).toBe(-32601);
      await stillServes(client);
    });
  });

  it.each(LEGACY_VERSIONS)('a method newer than the %s session is -32601', async (version) => {
    const client = await connectLegacy(toolServer(), { version });
    // server/discover always counts as modern, so without modern _meta it is invalid params.
    expect((await client.failure('server/discover', {})).code).toBe(-32602);
    expect((await client.failure('subscriptions/listen', { notifications: {} })).code).toBe(-32601);
    expect((await client.failure('tasks/list', {})).code).toBe(-32601);
    await stillServes(client);
  });

  it('invalid JSON-RPC messages get -32600 and the connection goes on', async () => {
    const client = await connectLegacy(toolServer());
    for (const [label, message] of [
      ['wrong version', { jsonrpc: '1.0', id: 'bad-1', method: 'ping' }],
      ['no method, no result', { jsonrpc: '2.0', id: 'bad-2' }],
      ['method not a string', { jsonrpc: '2.0', id: 'bad-3', method: 7 }],
      ['params not an object', { jsonrpc: '2.0', id: 'bad-4', method: 'ping', params: 'x' }],
      ['null id', { jsonrpc: '2.0', id: null, method: 'ping' }],
    ] as const) {
      const errorsBefore = client.peer.messages().filter((m) => m.error !== undefined).length;
      client.peer.sendRaw(message);
      await client.request('ping');
      const errors = client.peer.messages().filter((m) => m.error !== undefined);
      expect(errors.length, label).toBe(errorsBefore + 1);
      expect(errors.at(-1)?.error?.code, label).toBe(-32600);
    }
    await stillServes(client);
  });

  it('a request id still in use is refused, and the first request is unaffected', async () => {
    const server = toolServer();
    let release: () => void = () => {};
    server.tool('wait', {}, async () => {
      await new Promise<void>((resolve) => (release = resolve));
      return 'released';
    });
    const client = await connectLegacy(server);
    client.peer.sendRaw({
      jsonrpc: '2.0',
      id: 'dup',
      method: 'tools/call',
      params: { name: 'wait', arguments: {} },
    });
    await client.request('ping');
    client.peer.sendRaw({ jsonrpc: '2.0', id: 'dup', method: 'ping' });
    const refusal = await client.peer.next(
      (message) => message.id === 'dup' && message.error !== undefined,
    );
    expect(refusal.error?.code).toBe(-32600);
    release();
    const answer = await client.peer.next(
      (message) => message.id === 'dup' && message.result !== undefined,
    );
    expect(answer.result?.['content']).toEqual([{ type: 'text', text: 'released' }]);
  });

  it('a resource reader that throws is -32603 with nothing of its message, and is reported', async () => {
    const failures: { error: unknown; where: string }[] = [];
    const server = toolServer((error, where) => failures.push({ error, where }));
    server.resource('file:///secret', {}, () => {
      throw new Error('ENOENT /etc/shadow');
    });
    await inBothEras(server, async (client) => {
      const error = await client.failure('resources/read', { uri: 'file:///secret' });
      expect(error.code).toBe(-32603);
      expect(client.peer.wireText()).not.toContain('shadow');
      await stillServes(client);
    });
    expect(failures).toHaveLength(4);
    expect(String((failures[0]?.error as Error).message)).toContain('shadow');
  });

  it('a modern request with broken _meta on a legacy connection leaves the session intact', async () => {
    const client = await connectLegacy(toolServer());
    for (const meta of [
      { [MetaKey.ProtocolVersion]: '2026-07-28' },
      { [MetaKey.ProtocolVersion]: 42, [MetaKey.ClientCapabilities]: {} },
      {
        [MetaKey.ProtocolVersion]: '2026-07-28',
        [MetaKey.ClientCapabilities]: {},
        [MetaKey.LogLevel]: 'x',
      },
    ]) {
      const error = await client.peer.failure('tools/list', { _meta: meta });
      expect([-32602, -32022]).toContain(error.code);
    }
    const tools = await client.request('tools/list');
    expect(tools).not.toHaveProperty('resultType');
    await stillServes(client);
  });

  it('unknown notifications are ignored', async () => {
    await inBothEras(toolServer(), async (client) => {
      client.peer.notify('notifications/whatever', { x: 1 });
      client.peer.notify('notifications/roots/list_changed');
      await stillServes(client);
    });
  });

  it('_meta that is not an object does not make a request modern', async () => {
    const client = await connectLegacy(toolServer());
    const result: Json = await client.peer
      .request('tools/list', { _meta: 'nonsense' })
      .catch((error: unknown) => ({ failed: error }));
    expect(result).not.toHaveProperty('resultType');
    await stillServes(client);
  });
});
