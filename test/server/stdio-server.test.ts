// A real child process serving MCP on stdio, built from the published entry points: a legacy
// client and a modern client each list and call tools over the pipe, MRTR round trip included.
// Needs `npm run build` first (`npm test` does it).
import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { JsonRpcConnection } from '../../src/jsonrpc/connection.js';
import { StdioClientTransport } from '../../src/node/stdio-client-transport.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import { CLIENT_INFO } from './helpers/era-clients.js';
import type { Json } from './helpers/wire-peer.js';

const FIXTURE = fileURLToPath(new URL('./helpers/stdio-server-fixture.js', import.meta.url));

interface Child {
  connection: JsonRpcConnection;
  transport: StdioClientTransport;
  stderr: string[];
  invalidFrames: unknown[];
  call(method: string, params?: Json): Promise<Json>;
}

const children: Child[] = [];

afterEach(async () => {
  await Promise.all(children.splice(0).map((child) => child.connection.close()));
});

async function spawnServer(): Promise<Child> {
  const transport = new StdioClientTransport({ command: process.execPath, args: [FIXTURE] });
  const stderr: string[] = [];
  const invalidFrames: unknown[] = [];
  transport.onStderr((line) => stderr.push(line));
  transport.onInvalid((frame) => invalidFrames.push(frame));
  const connection = new JsonRpcConnection(transport, { resetTimeoutOnProgress: false });
  await connection.start();
  const child: Child = {
    connection,
    transport,
    stderr,
    invalidFrames,
    call: async (method, params) => {
      try {
        return (await connection.request(method, params, { timeout: 20_000 })) as Json;
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        const why = cause instanceof Error ? cause.message : '';
        throw new Error(
          `${method} failed: ${String(error)} ${why}\nserver stderr:\n${stderr.join('\n')}`,
          { cause: error },
        );
      }
    },
  };
  children.push(child);
  return child;
}

const MODERN_META = {
  [MetaKey.ProtocolVersion]: '2026-07-28',
  [MetaKey.ClientCapabilities]: { elicitation: { form: {} } },
  [MetaKey.ClientInfo]: CLIENT_INFO,
};

function modern(params: Json = {}): Json {
  return { ...params, _meta: MODERN_META };
}

function text(result: Json): string {
  return (result['content'] as { text: string }[]).map((block) => block.text).join('');
}

async function initializeLegacy(child: Child): Promise<Json> {
  const result = await child.call('initialize', {
    protocolVersion: '2025-11-25',
    capabilities: { elicitation: { form: {} } },
    clientInfo: CLIENT_INFO,
  });
  child.connection.notify('notifications/initialized');
  return result;
}

describe('McpServer over stdio, from the built package', () => {
  it('serves a legacy client: initialize, list, call, and a real elicitation request', async () => {
    const child = await spawnServer();
    const init = await initializeLegacy(child);
    expect(init['protocolVersion']).toBe('2025-11-25');
    expect(init['serverInfo']).toEqual({ name: 'stdio-fixture', version: '1.0.0' });
    expect(init['instructions']).toBe('A fixture for the stdio tests.');

    const tools = (await child.call('tools/list', {}))['tools'] as Json[];
    expect(tools.map((tool) => tool['name'])).toEqual(['add', 'confirm']);
    expect(text(await child.call('tools/call', { name: 'add', arguments: { a: 2, b: 40 } }))).toBe(
      '42',
    );

    child.connection.setRequestHandler('elicitation/create', (params) => {
      expect(params?.['message']).toBe('Go ahead?');
      return { action: 'accept', content: { ok: true } };
    });
    expect(text(await child.call('tools/call', { name: 'confirm', arguments: {} }))).toBe(
      'accept:true',
    );
    expect(child.invalidFrames).toEqual([]);
    expect(child.stderr.join('\n')).toContain('confirm called in the legacy era');
  });

  it('serves a modern client: discover, list, call, and the MRTR round trip', async () => {
    const child = await spawnServer();
    const discover = await child.call('server/discover', modern());
    expect(discover['supportedVersions']).toContain('2026-07-28');
    expect(discover['resultType']).toBe('complete');

    const listed = await child.call('tools/list', modern());
    expect((listed['tools'] as Json[]).map((tool) => tool['name'])).toEqual(['add', 'confirm']);
    expect(listed['resultType']).toBe('complete');
    expect(typeof listed['ttlMs']).toBe('number');
    const sum = await child.call('tools/call', modern({ name: 'add', arguments: { a: 1, b: 2 } }));
    expect(text(sum)).toBe('3');

    const first = await child.call('tools/call', modern({ name: 'confirm', arguments: {} }));
    expect(first['resultType']).toBe('input_required');
    const [key, question] = Object.entries(first['inputRequests'] as Json)[0]!;
    expect((question as Json)['method']).toBe('elicitation/create');
    const done = await child.call(
      'tools/call',
      modern({
        name: 'confirm',
        arguments: {},
        inputResponses: { [key]: { action: 'accept', content: { ok: true } } },
        requestState: first['requestState'],
      }),
    );
    expect(done['resultType']).toBe('complete');
    expect(text(done)).toBe('accept:true');
    expect(child.invalidFrames).toEqual([]);
  });

  it('serves both eras in one process on one pipe', async () => {
    const child = await spawnServer();
    await initializeLegacy(child);
    const legacyList = await child.call('tools/list', {});
    const modernList = await child.call('tools/list', modern());
    expect(legacyList).not.toHaveProperty('resultType');
    expect(modernList['resultType']).toBe('complete');
    expect(legacyList['tools']).toEqual(modernList['tools']);
    const error = await child.connection.request('ping', modern()).then(
      () => undefined,
      (failure: unknown) => failure as { code?: number },
    );
    expect(error?.code).toBe(-32601);
    expect(await child.call('ping')).toEqual({});
  });

  it('exits on its own, with code 0, when the client closes stdin', async () => {
    const child = await spawnServer();
    await initializeLegacy(child);
    await child.call('tools/list', modern());
    await child.connection.close();
    expect(child.transport.exitStatus).toEqual({ code: 0, signal: null });
  });
});
