// The legacy handshake as a client sees it: version negotiation, capabilities, instructions and
// identity, what is refused before and after `initialize`, and `notifications/initialized`.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CLIENT_INFO,
  LEGACY_VERSIONS,
  SERVER_INFO,
  closeTestServers,
  connectLegacy,
  testServer,
} from './helpers/era-clients.js';
import { WirePeer } from './helpers/wire-peer.js';

afterEach(closeTestServers);

function initializeParams(protocolVersion: string): Record<string, unknown> {
  return { protocolVersion, capabilities: {}, clientInfo: CLIENT_INFO };
}

describe('initialize: version negotiation', () => {
  it.each(LEGACY_VERSIONS)('echoes the supported version %s', async (version) => {
    const peer = await WirePeer.connect(testServer());
    const result = await peer.request('initialize', initializeParams(version));
    expect(result['protocolVersion']).toBe(version);
  });

  it.each(['1999-01-01', '2026-07-28', 'not-a-date'])(
    'answers an unsupported version (%s) with the newest legacy version',
    async (requested) => {
      const peer = await WirePeer.connect(testServer());
      const result = await peer.request('initialize', initializeParams(requested));
      expect(result['protocolVersion']).toBe('2025-11-25');
    },
  );

  it('answers with the newest legacy version the server was configured with', async () => {
    const server = testServer({ protocolVersions: ['2024-11-05', '2025-03-26', '2026-07-28'] });
    const peer = await WirePeer.connect(server);
    expect(
      (await peer.request('initialize', initializeParams('2025-11-25')))['protocolVersion'],
    ).toBe('2025-03-26');
  });

  it('a modern-only server refuses initialize and names the versions it speaks', async () => {
    const server = testServer({ protocolVersions: ['2026-07-28'] });
    const peer = await WirePeer.connect(server);
    const error = await peer.failure('initialize', initializeParams('2025-11-25'));
    expect(error.message).toContain('2026-07-28');
  });

  it('refuses initialize params that do not match the schema, and stays uninitialized', async () => {
    const peer = await WirePeer.connect(testServer());
    const error = await peer.failure('initialize', { protocolVersion: 7 });
    expect(error.code).toBe(-32602);
    const retry = await peer.request('initialize', initializeParams('2025-06-18'));
    expect(retry['protocolVersion']).toBe('2025-06-18');
  });
});

describe('initialize: what the server says about itself', () => {
  it('returns serverInfo and instructions, and nothing of the modern era', async () => {
    const server = testServer({ instructions: 'Use the echo tool for echoes.' });
    const client = await connectLegacy(server);
    const result = client.initializeResult;
    expect(result['serverInfo']).toEqual(SERVER_INFO);
    expect(result['instructions']).toBe('Use the echo tool for echoes.');
    expect(result).not.toHaveProperty('resultType');
    expect(result).not.toHaveProperty('ttlMs');
    expect(result).not.toHaveProperty('_meta');
  });

  it('omits instructions when none were configured', async () => {
    const client = await connectLegacy(testServer());
    expect(client.initializeResult).not.toHaveProperty('instructions');
  });

  it('declares only logging when nothing is registered', async () => {
    const client = await connectLegacy(testServer());
    expect(client.initializeResult['capabilities']).toEqual({ logging: {} });
  });

  it('declares no logging when logging is turned off', async () => {
    const client = await connectLegacy(testServer({ logging: false }));
    expect(client.initializeResult['capabilities']).toEqual({});
  });

  it('declares each kind once something of it is registered', async () => {
    const server = testServer();
    server.tool('echo', {}, () => 'ok');
    let capabilities = (await connectLegacy(server)).initializeResult['capabilities'];
    expect(capabilities).toEqual({ logging: {}, tools: { listChanged: true } });

    server.resource('file:///a.txt', {}, () => 'a');
    server.prompt('greet', {}, () => ({ messages: [] }));
    capabilities = (await connectLegacy(server)).initializeResult['capabilities'];
    expect(capabilities).toEqual({
      logging: {},
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
    });
  });

  it('leaves out completions for 2024-11-05, which has no such capability', async () => {
    const server = testServer();
    server.prompt('greet', {}, () => ({ messages: [] }));
    const old = await connectLegacy(server, { version: '2024-11-05' });
    expect(old.initializeResult['capabilities']).not.toHaveProperty('completions');
    expect(old.initializeResult['capabilities']).toHaveProperty('prompts');
    const newer = await connectLegacy(server, { version: '2025-03-26' });
    expect(newer.initializeResult['capabilities']).toHaveProperty('completions');
  });
});

describe('before and after initialize', () => {
  it('refuses requests before initialize, but answers ping', async () => {
    const server = testServer();
    server.tool('echo', {}, () => 'ok');
    const peer = await WirePeer.connect(server);
    const error = await peer.failure('tools/list', {});
    expect(error.code).toBe(-32600);
    expect(await peer.request('ping')).toEqual({});
    // Still serves the handshake afterwards.
    expect(
      (await peer.request('initialize', initializeParams('2025-11-25')))['protocolVersion'],
    ).toBe('2025-11-25');
    expect((await peer.request('tools/list', {}))['tools']).toHaveLength(1);
  });

  it('refuses a second initialize and keeps the first session', async () => {
    const server = testServer();
    server.tool('echo', {}, () => 'ok');
    const client = await connectLegacy(server, { version: '2025-03-26' });
    const error = await client.failure('initialize', initializeParams('2025-11-25'));
    expect(error.code).toBe(-32600);
    // The session still speaks 2025-03-26: batches are accepted (only that revision has them).
    expect(client.peer.session.acceptsBatches()).toBe(true);
    expect(await client.request('ping')).toEqual({});
  });

  it('answers ping after initialize with an empty result', async () => {
    const client = await connectLegacy(testServer());
    expect(await client.request('ping')).toEqual({});
  });

  it('holds list-change notifications until notifications/initialized arrives', async () => {
    const server = testServer();
    server.tool('first', {}, () => 'ok');
    const client = await connectLegacy(server, { initialized: false });
    const second = server.tool('second', {}, () => 'ok');
    await client.request('ping');
    expect(client.peer.notifications('notifications/tools/list_changed')).toHaveLength(0);

    client.peer.notify('notifications/initialized');
    await client.request('ping');
    second.dispose();
    await client.peer.next((message) => message.method === 'notifications/tools/list_changed');
    expect(client.peer.notifications('notifications/tools/list_changed')).toHaveLength(1);
  });
});
