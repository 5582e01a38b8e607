// The 2026-07-28 envelope as a client sees it: `server/discover`, the required `_meta`, version
// and method errors, and the decoration every modern result carries (and legacy results do not).
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer } from '../../src/server/mcp-server.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import { PROTOCOL_VERSIONS } from '../../src/spec/versions.js';
import {
  CLIENT_INFO,
  SERVER_INFO,
  closeTestServers,
  connectLegacy,
  connectModern,
  testServer,
  type EraClient,
} from './helpers/era-clients.js';
import { WirePeer, type Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

function fullServer(options: Parameters<typeof testServer>[0] = {}): McpServer {
  const server = testServer(options);
  server.tool('echo', { description: 'Echoes' }, () => 'echoed');
  server.resource('file:///readme.md', { mimeType: 'text/markdown' }, () => '# Readme');
  server.resourceTemplate(
    'file:///notes/{name}',
    { complete: { name: () => ['alpha', 'beta'] } },
    (_uri, variables) => `note ${variables['name'] as string}`,
  );
  server.prompt('greet', {}, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'Hello' } }],
  }));
  return server;
}

/** One request of each feature method, and whether its result is cacheable in 2026-07-28. */
const FEATURE_CALLS: readonly [string, Json, boolean][] = [
  ['tools/list', {}, true],
  ['tools/call', { name: 'echo', arguments: {} }, false],
  ['resources/list', {}, true],
  ['resources/templates/list', {}, true],
  ['resources/read', { uri: 'file:///readme.md' }, true],
  ['resources/read', { uri: 'file:///notes/alpha' }, true],
  ['prompts/list', {}, true],
  ['prompts/get', { name: 'greet' }, false],
  [
    'completion/complete',
    { ref: { type: 'ref/prompt', name: 'greet' }, argument: { name: 'x', value: '' } },
    false,
  ],
];

describe('server/discover', () => {
  it('lists every supported version, capabilities, instructions and serverInfo', async () => {
    const client = await connectModern(fullServer({ instructions: 'Be brief.' }));
    const result = await client.request('server/discover');
    expect([...(result['supportedVersions'] as string[])].sort()).toEqual([...PROTOCOL_VERSIONS]);
    expect(result['capabilities']).toEqual({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
    expect(result['instructions']).toBe('Be brief.');
    expect(result['resultType']).toBe('complete');
    expect((result['_meta'] as Json)[MetaKey.ServerInfo]).toEqual(SERVER_INFO);
    expect(result['ttlMs']).toBe(0);
    expect(result['cacheScope']).toBe('private');
  });

  it('lists only the versions the server was configured with', async () => {
    const client = await connectModern(
      testServer({ protocolVersions: ['2025-11-25', '2026-07-28'] }),
    );
    const result = await client.request('server/discover');
    expect([...(result['supportedVersions'] as string[])].sort()).toEqual([
      '2025-11-25',
      '2026-07-28',
    ]);
  });

  it('follows registrations: a kind disappears when its last registration is removed', async () => {
    const server = testServer();
    const tool = server.tool('only', {}, () => 'x');
    const client = await connectModern(server);
    expect((await client.request('server/discover'))['capabilities']).toHaveProperty('tools');
    tool.dispose();
    expect((await client.request('server/discover'))['capabilities']).not.toHaveProperty('tools');
    expect((await client.failure('tools/list')).code).toBe(-32601);
  });

  it('carries the configured cache hint', async () => {
    const server = testServer({
      cache: { 'server/discover': { ttlMs: 60_000, cacheScope: 'public' } },
    });
    const result = await (await connectModern(server)).request('server/discover');
    expect(result['ttlMs']).toBe(60_000);
    expect(result['cacheScope']).toBe('public');
  });

  it('is answered on a connection that never sent initialize, and on one that did', async () => {
    const server = fullServer();
    const legacy = await connectLegacy(server);
    const onLegacyConnection = await connectModern(server, { peer: legacy.peer });
    const result = await onLegacyConnection.request('server/discover');
    expect(result['resultType']).toBe('complete');
    // The legacy session is untouched: its requests still get legacy results.
    expect(await legacy.request('tools/list')).not.toHaveProperty('resultType');
  });

  it('without _meta at all is invalid params', async () => {
    const peer = await WirePeer.connect(testServer());
    const error = await peer.failure('server/discover', {});
    expect(error.code).toBe(-32602);
    expect(error.message).toContain(MetaKey.ProtocolVersion);
  });
});

describe('required _meta', () => {
  it('a missing clientCapabilities is -32602', async () => {
    const peer = await WirePeer.connect(fullServer());
    for (const method of ['server/discover', 'tools/list']) {
      const error = await peer.failure(method, {
        _meta: { [MetaKey.ProtocolVersion]: '2026-07-28', [MetaKey.ClientInfo]: CLIENT_INFO },
      });
      expect(error.code, method).toBe(-32602);
      expect(error.message, method).toContain(MetaKey.ClientCapabilities);
    }
  });

  it('clientCapabilities that is not an object is -32602', async () => {
    const peer = await WirePeer.connect(fullServer());
    const error = await peer.failure('tools/list', {
      _meta: { [MetaKey.ProtocolVersion]: '2026-07-28', [MetaKey.ClientCapabilities]: 'all' },
    });
    expect(error.code).toBe(-32602);
  });

  it('clientInfo is optional', async () => {
    const peer = await WirePeer.connect(fullServer());
    const result = await peer.request('tools/list', {
      _meta: { [MetaKey.ProtocolVersion]: '2026-07-28', [MetaKey.ClientCapabilities]: {} },
    });
    expect(result['resultType']).toBe('complete');
  });

  it('a request with modern _meta but no protocolVersion is refused, naming the missing key', async () => {
    const peer = await WirePeer.connect(fullServer());
    const error = await peer.failure('tools/list', {
      _meta: { [MetaKey.ClientCapabilities]: {}, [MetaKey.ClientInfo]: CLIENT_INFO },
    });
    expect([-32600, -32602]).toContain(error.code);
    expect(error.message).toContain(MetaKey.ProtocolVersion);
  });
});

describe('unsupported protocol version', () => {
  it.each(['1900-01-01', '2025-11-25', '2030-01-01'])(
    '%s in _meta is -32022 with data.supported and data.requested',
    async (requested) => {
      const client = await connectModern(fullServer());
      for (const method of ['server/discover', 'tools/list', 'tools/call']) {
        const error = await client.failure(
          method,
          method === 'tools/call' ? { name: 'echo', arguments: {} } : {},
          { [MetaKey.ProtocolVersion]: requested },
        );
        expect(error.code, method).toBe(-32022);
        const data = error.data as { supported: string[]; requested: string };
        expect([...data.supported].sort(), method).toEqual([...PROTOCOL_VERSIONS]);
        expect(data.requested, method).toBe(requested);
      }
    },
  );

  it('a server configured without 2026-07-28 answers modern requests with -32022', async () => {
    const client = await connectModern(testServer({ protocolVersions: ['2025-11-25'] }));
    const error = await client.failure('server/discover');
    expect(error.code).toBe(-32022);
    expect((error.data as { supported: string[] }).supported).toEqual(['2025-11-25']);
  });
});

describe('methods that do not exist in 2026-07-28', () => {
  it.each([
    ['ping', undefined],
    ['logging/setLevel', { level: 'debug' }],
    ['resources/subscribe', { uri: 'file:///readme.md' }],
    ['resources/unsubscribe', { uri: 'file:///readme.md' }],
    ['initialize', { protocolVersion: '2026-07-28', capabilities: {}, clientInfo: CLIENT_INFO }],
    ['tasks/list', {}],
    [
      'elicitation/create',
      { mode: 'form', message: 'hi', requestedSchema: { type: 'object', properties: {} } },
    ],
    ['no/such/method', {}],
  ] as const)('%s is -32601', async (method, params) => {
    const client = await connectModern(fullServer());
    const error = await client.failure(method, params === undefined ? undefined : { ...params });
    expect(error.code).toBe(-32601);
  });
});

describe('result decoration', () => {
  async function everyFeatureCall(client: EraClient): Promise<[string, Json, boolean][]> {
    const results: [string, Json, boolean][] = [];
    for (const [method, params, cacheable] of FEATURE_CALLS) {
      results.push([
        `${method} ${JSON.stringify(params)}`,
        await client.request(method, params),
        cacheable,
      ]);
    }
    return results;
  }

  it('every modern result has resultType and serverInfo; lists and reads have cache hints', async () => {
    const server = fullServer({
      cache: { 'tools/list': { ttlMs: 5_000, cacheScope: 'public' } },
    });
    const client = await connectModern(server);
    for (const [label, result, cacheable] of await everyFeatureCall(client)) {
      expect(result['resultType'], label).toBe('complete');
      expect((result['_meta'] as Json | undefined)?.[MetaKey.ServerInfo], label).toEqual(
        SERVER_INFO,
      );
      if (cacheable) {
        expect(typeof result['ttlMs'], label).toBe('number');
        expect(result['ttlMs'] as number, label).toBeGreaterThanOrEqual(0);
        expect(['public', 'private'], label).toContain(result['cacheScope']);
      } else {
        expect(result, label).not.toHaveProperty('ttlMs');
        expect(result, label).not.toHaveProperty('cacheScope');
      }
    }
    const tools = await client.request('tools/list');
    expect(tools['ttlMs']).toBe(5_000);
    expect(tools['cacheScope']).toBe('public');
  });

  it('legacy results carry none of it, in every legacy revision', async () => {
    const server = fullServer();
    for (const version of ['2025-03-26', '2025-06-18', '2025-11-25'] as const) {
      const client = await connectLegacy(server, { version });
      for (const [label, result] of await everyFeatureCall(client)) {
        expect(result, `${version} ${label}`).not.toHaveProperty('resultType');
        expect(result, `${version} ${label}`).not.toHaveProperty('ttlMs');
        expect(result, `${version} ${label}`).not.toHaveProperty('cacheScope');
        const meta = result['_meta'] as Json | undefined;
        expect(meta?.[MetaKey.ServerInfo], `${version} ${label}`).toBeUndefined();
      }
    }
  });

  it('keeps the _meta a handler returned and adds serverInfo beside it', async () => {
    const server = testServer();
    server.tool('meta', {}, () => ({
      content: [{ type: 'text', text: 'x' }],
      _meta: { 'com.example/trace': 'abc' },
    }));
    const result = await (
      await connectModern(server)
    ).request('tools/call', {
      name: 'meta',
      arguments: {},
    });
    expect(result['_meta']).toEqual({
      'com.example/trace': 'abc',
      [MetaKey.ServerInfo]: SERVER_INFO,
    });
  });
});
