// Servers that die, hang, break the pipe or answer garbage: every call ends with a clear error
// (never a hang), calls not concerned are unaffected, and nothing is left unhandled.
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import {
  ConnectionClosedError,
  InvalidResponseError,
  ProtocolError,
  RequestTimeoutError,
  UsageError,
} from '../../src/jsonrpc/errors.js';
import { StdioClientTransport } from '../../src/node/stdio-client-transport.js';
import {
  legacyFake,
  modernFake,
  modernResult,
  type Answer,
  type FakeServer,
} from './helpers/fake-server.js';
import { CLIENT_INFO } from './helpers/harness.js';
import { RecordingTransport } from './helpers/recording-transport.js';
import { failOnUnhandledRejections } from './helpers/unhandled-rejections.js';

failOnUnhandledRejections();

const clients: McpClient[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()));
});

const MISBEHAVING = fileURLToPath(new URL('../fixtures/misbehaving-server.js', import.meta.url));

/** How a call ended, within a sanity bound so that a hang fails here and fast. */
async function outcomeOf(promise: Promise<unknown>, boundMs = 10_000): Promise<unknown> {
  return Promise.race([
    promise.then(
      (value) => ({ value }),
      (error: unknown) => error,
    ),
    new Promise((resolve) =>
      setTimeout(() => resolve(`still pending after ${boundMs} ms`), boundMs),
    ),
  ]);
}

async function misbehavingClient(): Promise<{
  client: McpClient;
  tap: RecordingTransport;
  closes: (Error | undefined)[];
}> {
  const tap = new RecordingTransport(
    new StdioClientTransport({ command: process.execPath, args: [MISBEHAVING] }),
  );
  const client = new McpClient(CLIENT_INFO);
  clients.push(client);
  const closes: (Error | undefined)[] = [];
  client.onClose((error) => closes.push(error));
  await client.connect(tap);
  expect(client.era).toBe('legacy');
  return { client, tap, closes };
}

async function fakeClient(fake: FakeServer): Promise<McpClient> {
  const client = new McpClient(CLIENT_INFO);
  clients.push(client);
  await client.connect(fake.transport);
  return client;
}

describe('a stdio server that dies mid-request', () => {
  it('rejects every pending call with ConnectionClosedError and reports why through onClose', async () => {
    const { client, closes } = await misbehavingClient();
    const pending = [
      client.callTool('hang'),
      client.callTool('hang'),
      client.listTools().then(() => client.callTool('hang')),
    ];
    // Let the last one get its call out before the server dies.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const dying = client.callTool('die');
    for (const call of [...pending, dying]) {
      expect(await outcomeOf(call)).toBeInstanceOf(ConnectionClosedError);
    }
    expect(client.connected).toBe(false);
    expect(closes).toHaveLength(1);
    expect(closes[0]).toBeInstanceOf(Error);
    expect(closes[0]?.message).toMatch(/code 3/);
    expect(closes[0]?.message).toMatch(/dying in the middle of a tool call/);
    // Later calls fail at once, as closed.
    expect(await outcomeOf(client.callTool('echo'))).toBeInstanceOf(ConnectionClosedError);
  });
});

describe('a stdio server that closes its output mid-request', () => {
  it('fails the pending call, never hangs', async () => {
    const { client, closes } = await misbehavingClient();
    const other = client.callTool('hang');
    const outcome = await outcomeOf(client.callTool('close-stdout'));
    expect(outcome).toBeInstanceOf(ConnectionClosedError);
    expect(await outcomeOf(other)).toBeInstanceOf(ConnectionClosedError);
    expect(closes).toHaveLength(1);
    expect(closes[0]).toBeInstanceOf(Error);
  });
});

describe('a stdio server that hangs', () => {
  it('times the call out with RequestTimeoutError; other calls go on', async () => {
    const { client, tap } = await misbehavingClient();
    const hung = client.callTool('hang', {}, { timeout: 200 });
    const echoed = client.callTool('echo', { text: 'still here' });
    expect(await outcomeOf(hung)).toBeInstanceOf(RequestTimeoutError);
    expect((await echoed).content).toEqual([{ type: 'text', text: 'still here' }]);
    expect(tap.notificationsSent('notifications/cancelled')).toHaveLength(1);
    expect(client.connected).toBe(true);
  });
});

describe('a stdio server that answers garbage', () => {
  it('writes lines that are not JSON: that call times out, the connection lives on', async () => {
    const { client, tap } = await misbehavingClient();
    const garbled = client.callTool('garbage', {}, { timeout: 500 });
    const echoed = client.callTool('echo', { text: 'unaffected' });
    expect(await outcomeOf(garbled)).toBeInstanceOf(RequestTimeoutError);
    expect((await echoed).content).toEqual([{ type: 'text', text: 'unaffected' }]);
    expect(tap.invalidFrames.length).toBeGreaterThan(0);
    expect((await client.callTool('echo', { text: 'after' })).content).toEqual([
      { type: 'text', text: 'after' },
    ]);
  });

  it('sends a result of the wrong shape: InvalidResponseError for that call only', async () => {
    const { client } = await misbehavingClient();
    const wrong = client.callTool('wrong-shape');
    const echoed = client.callTool('echo', { text: 'fine' });
    const outcome = await outcomeOf(wrong);
    expect(outcome).toBeInstanceOf(InvalidResponseError);
    expect((outcome as Error).message).toMatch(/tools\/call/);
    expect((await echoed).content).toEqual([{ type: 'text', text: 'fine' }]);
  });

  it('sends a response whose result is not an object: InvalidResponseError, not a wait for the timeout', async () => {
    const { client } = await misbehavingClient();
    const outcome = await outcomeOf(client.callTool('non-object', {}, { timeout: 2_000 }), 8_000);
    expect(outcome).toBeInstanceOf(InvalidResponseError);
    expect((await client.callTool('echo', { text: 'ok' })).content).toEqual([
      { type: 'text', text: 'ok' },
    ]);
  });
});

describe('structured output against the output schema', () => {
  const calcTool = {
    name: 'calc',
    inputSchema: { type: 'object' },
    outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
  };

  function withCalc(
    fake: FakeServer,
    era: 'legacy' | 'modern',
    call: Record<string, unknown>,
  ): FakeServer {
    const wrap = (result: Record<string, unknown>): Answer =>
      era === 'modern' ? modernResult(result) : { result };
    return fake.on('tools/list', wrap({ tools: [calcTool] })).on('tools/call', wrap(call));
  }

  it.each(['legacy', 'modern'] as const)(
    'refuses content that breaks the schema (%s)',
    async (era) => {
      const fake = withCalc(era === 'legacy' ? legacyFake() : modernFake(), era, {
        content: [{ type: 'text', text: '{"sum":"five"}' }],
        structuredContent: { sum: 'five' },
      });
      const client = await fakeClient(fake);
      expect(client.era).toBe(era);
      const outcome = await outcomeOf(client.callTool('calc', { a: 2, b: 3 }));
      expect(outcome).toBeInstanceOf(InvalidResponseError);
      expect((outcome as Error).message).toMatch(/output schema/);
    },
  );

  it.each(['legacy', 'modern'] as const)(
    'refuses a result without structured content (%s)',
    async (era) => {
      const fake = withCalc(era === 'legacy' ? legacyFake() : modernFake(), era, {
        content: [{ type: 'text', text: '5' }],
      });
      const client = await fakeClient(fake);
      expect(await outcomeOf(client.callTool('calc'))).toBeInstanceOf(InvalidResponseError);
    },
  );

  it.each(['legacy', 'modern'] as const)('returns an isError result as it is (%s)', async (era) => {
    const fake = withCalc(era === 'legacy' ? legacyFake() : modernFake(), era, {
      content: [{ type: 'text', text: 'division by zero' }],
      isError: true,
    });
    const client = await fakeClient(fake);
    const result = await client.callTool('calc');
    expect(result.isError).toBe(true);
    expect(result.content).toEqual([{ type: 'text', text: 'division by zero' }]);
  });
});

describe('an in-memory server that misbehaves', () => {
  it('closes the connection mid-request: every pending call rejects, onClose fires', async () => {
    const fake = legacyFake().on('tools/call', (request) =>
      request.params?.['name'] === 'quit' ? 'close' : 'silence',
    );
    const client = await fakeClient(fake);
    const closes: (Error | undefined)[] = [];
    client.onClose((error) => closes.push(error));
    const pending = [client.callTool('slow'), client.callTool('slow'), client.callTool('quit')];
    for (const call of pending) expect(await outcomeOf(call)).toBeInstanceOf(ConnectionClosedError);
    expect(closes).toHaveLength(1);
    expect(client.connected).toBe(false);
  });

  it('answers lists and reads with the wrong shape: InvalidResponseError', async () => {
    const fake = legacyFake()
      .on('tools/list', { result: { tools: 'none' } })
      .on('resources/read', { result: { text: 'no contents array' } })
      .on('prompts/get', { result: { messages: [{ role: 'robot' }] } });
    const client = await fakeClient(fake);
    expect(await outcomeOf(client.listTools())).toBeInstanceOf(InvalidResponseError);
    expect(await outcomeOf(client.readResource('mem://x'))).toBeInstanceOf(InvalidResponseError);
    expect(await outcomeOf(client.getPrompt('p'))).toBeInstanceOf(InvalidResponseError);
  });

  it('hands out the same cursor twice: InvalidResponseError, not an endless loop', async () => {
    const fake = legacyFake().on('tools/list', {
      result: { tools: [{ name: 't', inputSchema: { type: 'object' } }], nextCursor: 'again' },
    });
    const client = await fakeClient(fake);
    expect(await outcomeOf(client.allTools())).toBeInstanceOf(InvalidResponseError);
    const iterated = (async () => {
      for await (const _tool of client.iterate('tools')) {
        // Reading is enough.
      }
    })();
    expect(await outcomeOf(iterated)).toBeInstanceOf(InvalidResponseError);
  });

  it('answers with an unknown resultType (modern): InvalidResponseError', async () => {
    const fake = modernFake().on('tools/list', modernResult({ resultType: 'mystery', tools: [] }));
    const client = await fakeClient(fake);
    expect(await outcomeOf(client.listTools())).toBeInstanceOf(InvalidResponseError);
  });

  it('asks for input on a request that cannot (modern): InvalidResponseError', async () => {
    const fake = modernFake().on('tools/list', {
      result: {
        resultType: 'input_required',
        inputRequests: { q: { method: 'roots/list' } },
        requestState: 'x',
      },
    });
    const client = await fakeClient(fake);
    expect(await outcomeOf(client.listTools())).toBeInstanceOf(InvalidResponseError);
  });

  it('sends answers nobody asked for, and notifications of every kind: nothing breaks', async () => {
    const fake = legacyFake().on('ping', { result: {} });
    const client = await fakeClient(fake);
    fake.send({ jsonrpc: '2.0', id: 999, result: {} });
    fake.send({ jsonrpc: '2.0', id: 'nobody', error: { code: -32603, message: 'stray' } });
    fake.send({ jsonrpc: '2.0', method: 'notifications/resources/updated', params: { uri: 42 } });
    fake.send({ jsonrpc: '2.0', method: 'notifications/message' });
    fake.send({ jsonrpc: '2.0', method: 'notifications/unknown/thing', params: {} });
    fake.send(['not', 'a', 'batch']);
    fake.send('a string');
    await expect(client.ping()).resolves.toBeUndefined();
    expect(client.connected).toBe(true);
  });

  it('asks the client something it has no handler for: -32601, and the connection lives on', async () => {
    const fake = legacyFake().on('ping', { result: {} });
    const client = await fakeClient(fake);
    fake.send({
      jsonrpc: '2.0',
      id: 'ask-1',
      method: 'sampling/createMessage',
      params: { messages: [], maxTokens: 1 },
    });
    await expect
      .poll(
        () => fake.received.find((m) => m.id === 'ask-1' && m.method === undefined)?.error?.code,
      )
      .toBe(-32601);
    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('is used before connect or connected twice: UsageError', async () => {
    const client = new McpClient(CLIENT_INFO);
    clients.push(client);
    expect(() => client.era).toThrow(UsageError);
    await expect(client.listTools()).rejects.toBeInstanceOf(UsageError);
    await client.connect(legacyFake().transport);
    await expect(client.connect(legacyFake().transport)).rejects.toBeInstanceOf(UsageError);
  });

  it('answers an error: ProtocolError with code, message and data', async () => {
    const fake = legacyFake().on('tools/call', {
      error: { code: -32602, message: 'Unknown tool: nope', data: { name: 'nope' } },
    });
    const client = await fakeClient(fake);
    const outcome = await outcomeOf(client.callTool('nope'));
    expect(outcome).toBeInstanceOf(ProtocolError);
    expect(outcome).toMatchObject({
      code: -32602,
      message: 'Unknown tool: nope',
      data: { name: 'nope' },
    });
  });
});

describe('a modern server that leaves out resultType', () => {
  it('is taken as complete, as basic/index.mdx requires, and not retried', async () => {
    const fake = modernFake().on('tools/call', {
      result: { content: [{ type: 'text', text: 'done' }] },
    });
    const client = await fakeClient(fake);
    const result = await client.callTool('anything');
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(fake.requests('tools/call')).toHaveLength(1);
  });
});
