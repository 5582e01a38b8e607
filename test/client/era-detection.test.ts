// Era detection against hand-driven servers (stdio.mdx, "Backward Compatibility"): any error but
// a recognised modern one, a silent server or a closed pipe means legacy; a modern error or a
// DiscoverResult means modern; versions nobody shares are a clear error, never a fallback.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { McpClient, type McpClientOptions } from '../../src/client/index.js';
import {
  ConnectionClosedError,
  InvalidResponseError,
  ProtocolError,
} from '../../src/jsonrpc/errors.js';
import type { Transport } from '../../src/jsonrpc/transport.js';
import { StdioClientTransport } from '../../src/node/stdio-client-transport.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  FakeServer,
  MODERN_VERSION,
  discoverAnswer,
  initializeAnswer,
  legacyFake,
  modernFake,
} from './helpers/fake-server.js';
import { CLIENT_INFO } from './helpers/harness.js';
import { failOnUnhandledRejections } from './helpers/unhandled-rejections.js';

failOnUnhandledRejections();

const clients: McpClient[] = [];
const transports: Transport[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
  await Promise.all(transports.splice(0).map((transport) => transport.close()));
});

function newClient(options: McpClientOptions = {}): McpClient {
  const client = new McpClient(CLIENT_INFO, options);
  clients.push(client);
  return client;
}

function unsupportedVersion(supported: readonly string[]): {
  error: { code: number; message: string; data: unknown };
} {
  return {
    error: {
      code: -32022,
      message: 'Unsupported protocol version',
      data: { supported, requested: MODERN_VERSION },
    },
  };
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  return promise.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error as Error,
  );
}

describe('a legacy server', () => {
  it.each([
    [-32601, 'Method not found'],
    [-32602, 'Invalid params: not initialized'],
    [-32600, 'Invalid request'],
    [-32603, 'Internal error'],
    [-32000, 'Server not initialized'],
  ])('answering the probe with %d is legacy', async (code, message) => {
    const fake = legacyFake({ error: { code, message } });
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
    expect(client.serverInfo).toEqual({ name: 'fake-legacy', version: '1.0.0' });
    expect(fake.requests().map((m) => m.method)).toEqual(['server/discover', 'initialize']);
    expect(fake.requests('initialize')[0]?.params).toMatchObject({
      protocolVersion: '2025-11-25',
      clientInfo: CLIENT_INFO,
      capabilities: {},
    });
    await expect
      .poll(() => fake.received.some((m) => m.method === 'notifications/initialized'))
      .toBe(true);
    // The probe carried the preferred modern version.
    expect(fake.requests('server/discover')[0]?.params?.['_meta']).toMatchObject({
      [MetaKey.ProtocolVersion]: MODERN_VERSION,
    });
  });

  it('answering the probe with a result that is not a DiscoverResult is legacy', async () => {
    // Some lenient legacy servers answer any unknown method with an empty result.
    const fake = legacyFake({ result: {} });
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.era).toBe('legacy');
    expect(fake.requests().map((m) => m.method)).toEqual(['server/discover', 'initialize']);
  });

  it('that never answers the probe is legacy once probeTimeout passes', async () => {
    const fake = legacyFake('silence');
    const client = newClient({ probeTimeout: 100 });
    await client.connect(fake.transport);
    expect(client.era).toBe('legacy');
    const probe = fake.requests('server/discover')[0];
    // The client gave up on the probe and said so.
    expect(
      fake.received
        .filter((m) => m.method === 'notifications/cancelled')
        .map((m) => m.params?.['requestId']),
    ).toEqual([probe?.id]);
    // A late answer to the probe changes nothing.
    fake.send({ jsonrpc: '2.0', id: probe?.id, error: { code: -32601, message: 'late' } });
    fake.on('tools/list', { result: { tools: [] } });
    expect(await client.listTools()).toEqual({ items: [], nextCursor: undefined });
  });

  it('that closes the connection on the probe is reached again through a transport factory', async () => {
    const fakes: FakeServer[] = [];
    const factory = (): Transport => {
      const fake = legacyFake('close');
      fakes.push(fake);
      return fake.transport;
    };
    const client = newClient();
    await client.connect(factory);
    expect(client.era).toBe('legacy');
    expect(fakes).toHaveLength(2);
    expect(fakes[0]?.requests().map((m) => m.method)).toEqual(['server/discover']);
    expect(fakes[1]?.requests().map((m) => m.method)).toEqual(['initialize']);
    expect(client.connected).toBe(true);
  });

  it('that closes the connection on the probe, without a factory, is a clear ConnectionClosedError', async () => {
    const fake = legacyFake('close');
    const error = await failure(newClient().connect(fake.transport));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.message).toMatch(/transport factory/);
    expect(error.message).toMatch(/version: "legacy"/);
  });

  it('is not probed when the client is pinned to legacy, or to a legacy version', async () => {
    const fake = legacyFake();
    const client = newClient({ version: 'legacy' });
    await client.connect(fake.transport);
    expect(fake.requests().map((m) => m.method)).toEqual(['initialize']);

    const older = legacyFake();
    const pinned = newClient({ version: '2025-03-26' });
    await pinned.connect(older.transport);
    expect(pinned.protocolVersion).toBe('2025-03-26');
    expect(older.requests('initialize')[0]?.params?.['protocolVersion']).toBe('2025-03-26');
  });

  it('that picks an older legacy version than asked is followed', async () => {
    const fake = legacyFake().on('initialize', initializeAnswer('2025-03-26'));
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.protocolVersion).toBe('2025-03-26');
  });

  it('that picks a version the client does not speak is an error, and the connection closes', async () => {
    for (const version of ['2099-01-01', MODERN_VERSION]) {
      const fake = legacyFake().on('initialize', initializeAnswer(version));
      const client = newClient();
      const error = await failure(client.connect(fake.transport));
      expect(error.message).toContain(version);
      expect(client.connected).toBe(false);
      await fake.closed;
      expect(fake.received.some((m) => m.method === 'notifications/initialized')).toBe(false);
    }
  });

  it('that answers initialize with an invalid result is an InvalidResponseError, and the connection closes', async () => {
    const fake = legacyFake().on('initialize', { result: { protocolVersion: '2025-11-25' } });
    const error = await failure(newClient().connect(fake.transport));
    expect(error).toBeInstanceOf(InvalidResponseError);
    // A failed connect leaves nothing open: the caller has no client to close.
    expect(fake.isClosed).toBe(true);
  });

  it('to a client pinned to modern is an error, never an initialize', async () => {
    const fake = legacyFake();
    const error = await failure(newClient({ version: 'modern' }).connect(fake.transport));
    expect(error).toBeInstanceOf(Error);
    expect(fake.requests('initialize')).toEqual([]);
  });
});

describe('a modern server', () => {
  it('answering the probe with a DiscoverResult is modern', async () => {
    const fake = modernFake();
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.era).toBe('modern');
    expect(client.protocolVersion).toBe(MODERN_VERSION);
    expect(client.serverInfo).toEqual({ name: 'fake-modern', version: '1.0.0' });
    expect(client.serverCapabilities).toEqual({ tools: {} });
    expect(fake.requests().map((m) => m.method)).toEqual(['server/discover']);
  });

  it('answering the probe with -32022 naming a version the client speaks stays modern', async () => {
    let probes = 0;
    const fake = new FakeServer().on('server/discover', () =>
      ++probes === 1 ? unsupportedVersion([MODERN_VERSION]) : discoverAnswer(),
    );
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.era).toBe('modern');
    expect(fake.requests('initialize')).toEqual([]);
  });

  it('answering -32022 with nothing in common is a clear error, never an initialize', async () => {
    const fake = new FakeServer().on('server/discover', unsupportedVersion(['2099-01-01']));
    const client = newClient();
    const error = await failure(client.connect(fake.transport));
    expect(fake.requests('initialize')).toEqual([]);
    // The user learns which versions the server wants.
    expect(error.message).toContain('2099-01-01');
    expect(fake.isClosed).toBe(true);
  });

  it('answering -32022 with only legacy versions is reached with initialize', async () => {
    // What a dual-era server limited to legacy revisions (mcpkit's, for one) answers.
    const fake = new FakeServer()
      .on('server/discover', unsupportedVersion(['2025-11-25', '2025-06-18']))
      .on('initialize', initializeAnswer());
    const client = newClient();
    await client.connect(fake.transport);
    expect(client.era).toBe('legacy');
    expect(client.protocolVersion).toBe('2025-11-25');
  });

  it.each([-32021, -32020])(
    'answering the probe with modern error %d is not legacy',
    async (code) => {
      const fake = new FakeServer().on('server/discover', {
        error: { code, message: 'modern says no' },
      });
      const error = await failure(newClient().connect(fake.transport));
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).code).toBe(code);
      expect(fake.requests('initialize')).toEqual([]);
    },
  );

  it('whose supportedVersions has nothing in common is a clear error, and the connection closes', async () => {
    const fake = new FakeServer().on('server/discover', discoverAnswer(['2099-01-01']));
    const error = await failure(newClient().connect(fake.transport));
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error.message).toContain('2099-01-01');
    expect(fake.requests('initialize')).toEqual([]);
    expect(fake.isClosed).toBe(true);
  });

  it('is not sent initialize when the client is pinned to modern', async () => {
    const fake = modernFake();
    const client = newClient({ version: 'modern' });
    await client.connect(fake.transport);
    expect(client.era).toBe('modern');
    expect(fake.requests().map((m) => m.method)).toEqual(['server/discover']);
  });
});

describe('a legacy stdio server that exits on the probe', () => {
  const SERVER = fileURLToPath(new URL('../fixtures/misbehaving-server.js', import.meta.url));
  const spawnServer = (): StdioClientTransport => {
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [SERVER, '--exit-on-discover'],
    });
    transports.push(transport);
    return transport;
  };

  it('is restarted through the factory and initialized', async () => {
    let spawned = 0;
    const client = newClient();
    await client.connect(() => {
      spawned++;
      return spawnServer();
    });
    expect(spawned).toBe(2);
    expect(client.era).toBe('legacy');
    expect(client.serverInfo?.name).toBe('misbehaving');
    expect((await client.callTool('echo', { text: 'hi' })).content).toEqual([
      { type: 'text', text: 'hi' },
    ]);
  });

  it('without a factory is a clear ConnectionClosedError', async () => {
    const error = await failure(newClient().connect(spawnServer()));
    expect(error).toBeInstanceOf(ConnectionClosedError);
    expect(error.message).toMatch(/transport factory/);
  });
});
