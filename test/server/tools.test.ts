// Tools as a client sees them in both eras: listing and paging, calls and their failures,
// structured output, fields trimmed for older revisions, and removal with list_changed.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ProtocolError } from '../../src/jsonrpc/errors.js';
import { ToolError } from '../../src/server/errors.js';
import type { ToolOutput } from '../../src/server/tools.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  LEGACY_VERSIONS,
  closeTestServers,
  connectLegacy,
  connectModern,
  inBothEras,
  reportedErrors,
  testServer,
  type EraClient,
} from './helpers/era-clients.js';
import { openListen } from './helpers/listen.js';
import type { Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

const ADD_SCHEMA = {
  type: 'object',
  properties: { a: { type: 'number' }, b: { type: 'number' } },
  required: ['a', 'b'],
} as const;

function textOf(result: Json): string {
  const content = result['content'] as { type: string; text?: string }[];
  return content.map((block) => block.text ?? '').join('');
}

async function allToolNames(client: EraClient): Promise<string[]> {
  const names: string[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 20; page++) {
    const result = await client.request('tools/list', cursor === undefined ? {} : { cursor });
    names.push(...(result['tools'] as { name: string }[]).map((tool) => tool.name));
    cursor = result['nextCursor'] as string | undefined;
    if (cursor === undefined) return names;
    expect(typeof cursor).toBe('string');
  }
  throw new Error('tools/list never ended');
}

describe('tools/list', () => {
  it('lists tools in registration order with their schemas, in both eras', async () => {
    const server = testServer();
    server.tool('zeta', { description: 'last letter' }, () => 'z');
    server.tool('add', { inputSchema: ADD_SCHEMA }, () => 'sum');
    server.tool('alpha', {}, () => 'a');
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/list');
      const tools = result['tools'] as Json[];
      expect(tools.map((tool) => tool['name'])).toEqual(['zeta', 'add', 'alpha']);
      expect(tools[0]?.['description']).toBe('last letter');
      expect(tools[1]?.['inputSchema']).toMatchObject(ADD_SCHEMA);
      // A tool without a schema still has an object input schema.
      expect((tools[2]?.['inputSchema'] as Json)['type']).toBe('object');
      expect(result).not.toHaveProperty('nextCursor');
    });
  });

  it('pages with an opaque cursor, each tool exactly once, in both eras', async () => {
    const server = testServer({ pageSize: 2 });
    const names = ['t1', 't2', 't3', 't4', 't5'];
    for (const name of names) server.tool(name, {}, () => name);
    await inBothEras(server, async (client) => {
      const first = await client.request('tools/list');
      expect(first['tools']).toHaveLength(2);
      expect(typeof first['nextCursor']).toBe('string');
      expect(await allToolNames(client)).toEqual(names);
    });
  });

  it('refuses an invalid cursor with -32602, in both eras', async () => {
    const server = testServer({ pageSize: 1 });
    server.tool('one', {}, () => '1');
    server.tool('two', {}, () => '2');
    await inBothEras(server, async (client) => {
      for (const cursor of ['not-a-cursor', 'bzk5OTk5', '', 42]) {
        const error = await client.failure('tools/list', { cursor });
        expect(error.code, JSON.stringify(cursor)).toBe(-32602);
      }
    });
  });

  it('pageSize 0 turns paging off', async () => {
    const server = testServer({ pageSize: 0 });
    for (let index = 0; index < 150; index++) server.tool(`tool-${index}`, {}, () => 'x');
    const client = await connectModern(server);
    const result = await client.request('tools/list');
    expect(result['tools']).toHaveLength(150);
    expect(result).not.toHaveProperty('nextCursor');
  });
});

describe('tools/call', () => {
  it('runs the handler with the validated arguments and its context, in both eras', async () => {
    const server = testServer();
    const seen: { era: string; version: string; args: unknown }[] = [];
    server.tool('add', { inputSchema: ADD_SCHEMA }, (args, context) => {
      seen.push({ era: context.era, version: context.protocolVersion, args });
      const { a, b } = args as { a: number; b: number };
      return { content: [{ type: 'text', text: String(a + b) }] };
    });
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/call', { name: 'add', arguments: { a: 2, b: 3 } });
      expect(textOf(result)).toBe('5');
      expect(result['isError']).not.toBe(true);
      expect(seen.at(-1)).toEqual({
        era: client.era,
        version: client.version,
        args: { a: 2, b: 3 },
      });
    });
    expect(seen).toHaveLength(4);
  });

  it('accepts a Standard Schema (zod) and passes its output to the handler', async () => {
    const server = testServer();
    server.tool(
      'shout',
      { inputSchema: z.object({ word: z.string().transform((word) => word.toUpperCase()) }) },
      (args) => `${args.word}!`,
    );
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/call', {
        name: 'shout',
        arguments: { word: 'hi' },
      });
      expect(textOf(result)).toBe('HI!');
      const invalid = await client.request('tools/call', { name: 'shout', arguments: { word: 3 } });
      expect(invalid['isError']).toBe(true);
    });
  });

  it('answers invalid arguments with an isError result the model can read, in both eras', async () => {
    const server = testServer();
    const handler = vi.fn(() => 'never');
    server.tool('add', { inputSchema: ADD_SCHEMA }, handler);
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/call', {
        name: 'add',
        arguments: { a: 'two', b: 3 },
      });
      expect(result['isError']).toBe(true);
      expect(textOf(result)).toContain('add');
      expect(textOf(result)).toMatch(/\ba\b/);
      const missing = await client.request('tools/call', { name: 'add', arguments: { a: 1 } });
      expect(missing['isError']).toBe(true);
      expect(textOf(missing)).toMatch(/\bb\b/);
    });
    expect(handler).not.toHaveBeenCalled();
  });

  it('refuses an unknown tool with -32602, in both eras', async () => {
    const server = testServer();
    server.tool('known', {}, () => 'ok');
    await inBothEras(server, async (client) => {
      const error = await client.failure('tools/call', { name: 'unknown', arguments: {} });
      expect(error.code).toBe(-32602);
      expect(error.message).toContain('unknown');
    });
  });

  it('turns a ToolError into an isError result with its message, in both eras', async () => {
    const server = testServer();
    server.tool('divide', {}, () => {
      throw new ToolError('Cannot divide by zero; pass a non-zero divisor');
    });
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/call', { name: 'divide', arguments: {} });
      expect(result['isError']).toBe(true);
      expect(textOf(result)).toBe('Cannot divide by zero; pass a non-zero divisor');
    });
    expect(reportedErrors).toHaveLength(0);
  });

  it('hides what a plain Error says, and reports it to onError, in both eras', async () => {
    const failures: { error: unknown; where: string }[] = [];
    const server = testServer({ onError: (error, where) => failures.push({ error, where }) });
    const secret = 'password=hunter2 at /srv/app/db.ts:42';
    server.tool('leaky', {}, () => {
      throw new Error(secret);
    });
    await inBothEras(server, async (client) => {
      const before = failures.length;
      const result = await client.request('tools/call', { name: 'leaky', arguments: {} });
      expect(result['isError']).toBe(true);
      expect(textOf(result).length).toBeGreaterThan(0);
      expect(client.peer.wireText()).not.toContain('hunter2');
      expect(client.peer.wireText()).not.toContain('db.ts');
      expect(failures).toHaveLength(before + 1);
      expect((failures.at(-1)?.error as Error).message).toBe(secret);
      expect(failures.at(-1)?.where).toContain('leaky');
    });
  });

  it('sends a ProtocolError from the handler as a JSON-RPC error, in both eras', async () => {
    const server = testServer();
    server.tool('strict', {}, () => {
      throw new ProtocolError(-32602, 'Quota exceeded for this argument', { retryAfter: 30 });
    });
    await inBothEras(server, async (client) => {
      const error = await client.failure('tools/call', { name: 'strict', arguments: {} });
      expect(error.code).toBe(-32602);
      expect(error.message).toBe('Quota exceeded for this argument');
      expect(error.data).toEqual({ retryAfter: 30 });
    });
  });

  it('accepts a plain string as the result', async () => {
    const server = testServer();
    server.tool('plain', {}, () => 'just text');
    await inBothEras(server, async (client) => {
      const result = await client.request('tools/call', { name: 'plain', arguments: {} });
      expect(result['content']).toEqual([{ type: 'text', text: 'just text' }]);
    });
  });
});

describe('structured output', () => {
  const OUTPUT_SCHEMA = {
    type: 'object',
    properties: { temperature: { type: 'number' } },
    required: ['temperature'],
  };

  function weatherServer(structured: unknown): ReturnType<typeof testServer> {
    const server = testServer();
    server.tool('weather', { outputSchema: OUTPUT_SCHEMA }, () => ({
      content: [{ type: 'text', text: JSON.stringify(structured) }],
      structuredContent: structured as Record<string, unknown>,
    }));
    return server;
  }

  it('lists the output schema and returns valid structured content, in both eras', async () => {
    const server = weatherServer({ temperature: 21.5 });
    await inBothEras(server, async (client) => {
      const tools = (await client.request('tools/list'))['tools'] as Json[];
      expect(tools[0]?.['outputSchema']).toMatchObject(OUTPUT_SCHEMA);
      const result = await client.request('tools/call', { name: 'weather', arguments: {} });
      expect(result['structuredContent']).toEqual({ temperature: 21.5 });
    });
  });

  it('refuses structured content that does not match the output schema with -32603', async () => {
    const server = weatherServer({ temperature: 'warm' });
    await inBothEras(server, async (client) => {
      const error = await client.failure('tools/call', { name: 'weather', arguments: {} });
      expect(error.code).toBe(-32603);
    });
  });

  it('refuses a result without structured content when there is an output schema', async () => {
    const server = testServer();
    server.tool('weather', { outputSchema: OUTPUT_SCHEMA }, () => 'sunny');
    const error = await (
      await connectModern(server)
    ).failure('tools/call', {
      name: 'weather',
      arguments: {},
    });
    expect(error.code).toBe(-32603);
  });

  it('does not check an isError result against the output schema', async () => {
    const server = testServer();
    server.tool('weather', { outputSchema: OUTPUT_SCHEMA }, () => {
      throw new ToolError('Station offline');
    });
    const result = await (
      await connectModern(server)
    ).request('tools/call', {
      name: 'weather',
      arguments: {},
    });
    expect(result['isError']).toBe(true);
  });

  it('fills in content from structured content when the handler gave none', async () => {
    const server = testServer();
    // The ToolOutput type requires `content`; the server fills it in when it is missing.
    const structuredOnly = { structuredContent: { temperature: 3 } } as unknown as ToolOutput;
    server.tool('weather', { outputSchema: OUTPUT_SCHEMA }, () => structuredOnly);
    const result = await (
      await connectModern(server)
    ).request('tools/call', {
      name: 'weather',
      arguments: {},
    });
    expect(JSON.parse(textOf(result))).toEqual({ temperature: 3 });
  });

  it.each([
    ['2024-11-05', false],
    ['2025-03-26', false],
    ['2025-06-18', true],
    ['2025-11-25', true],
  ] as const)('structured content in a %s session: kept = %s', async (version, kept) => {
    const server = weatherServer({ temperature: 10 });
    const client = await connectLegacy(server, { version });
    const result = await client.request('tools/call', { name: 'weather', arguments: {} });
    expect(Object.hasOwn(result, 'structuredContent')).toBe(kept);
    expect(textOf(result)).toBe('{"temperature":10}');
    const tool = ((await client.request('tools/list'))['tools'] as Json[])[0];
    expect(Object.hasOwn(tool ?? {}, 'outputSchema')).toBe(kept);
  });
});

describe('fields newer than the session revision', () => {
  const ICONS = [{ src: 'https://example.com/icon.png', mimeType: 'image/png' }];

  function decoratedServer(): ReturnType<typeof testServer> {
    const server = testServer();
    server.tool(
      'fancy',
      {
        title: 'Fancy Tool',
        icons: ICONS,
        annotations: { readOnlyHint: true },
        _meta: { 'com.example/owner': 'team-a' },
      },
      () => 'ok',
    );
    return server;
  }

  const EXPECTED: Readonly<Record<(typeof LEGACY_VERSIONS)[number], readonly string[]>> = {
    '2024-11-05': ['name', 'inputSchema'],
    '2025-03-26': ['name', 'inputSchema', 'annotations'],
    '2025-06-18': ['name', 'inputSchema', 'annotations', 'title', '_meta'],
    '2025-11-25': ['name', 'inputSchema', 'annotations', 'title', '_meta', 'icons'],
  };

  it.each(LEGACY_VERSIONS)(
    'a %s session sees only the tool fields its revision has',
    async (version) => {
      const client = await connectLegacy(decoratedServer(), { version });
      const tool = ((await client.request('tools/list'))['tools'] as Json[])[0] ?? {};
      expect(Object.keys(tool).sort()).toEqual([...EXPECTED[version]].sort());
    },
  );

  it('a modern client sees every field', async () => {
    const client = await connectModern(decoratedServer());
    const tool = ((await client.request('tools/list'))['tools'] as Json[])[0] ?? {};
    expect(tool['title']).toBe('Fancy Tool');
    expect(tool['icons']).toEqual(ICONS);
    expect(tool['annotations']).toEqual({ readOnlyHint: true });
  });
});

describe('content newer than the session revision', () => {
  const CONTENT_TYPES: Readonly<Record<(typeof LEGACY_VERSIONS)[number], readonly string[]>> = {
    '2024-11-05': ['text', 'image', 'resource'],
    '2025-03-26': ['text', 'image', 'resource', 'audio'],
    '2025-06-18': ['text', 'image', 'resource', 'audio', 'resource_link'],
    '2025-11-25': ['text', 'image', 'resource', 'audio', 'resource_link'],
  };

  it.each(LEGACY_VERSIONS)(
    'a %s session gets only content types its revision has',
    async (version) => {
      const server = testServer();
      server.tool('media', {}, () => ({
        content: [
          { type: 'text', text: 'a clip and a link' },
          { type: 'audio', data: 'UklGRg==', mimeType: 'audio/wav' },
          { type: 'resource_link', uri: 'file:///clip.wav', name: 'clip' },
        ],
      }));
      const client = await connectLegacy(server, { version });
      const result = await client.request('tools/call', { name: 'media', arguments: {} });
      const types = (result['content'] as { type: string }[]).map((block) => block.type);
      expect(types.length).toBeGreaterThan(0);
      for (const type of types) expect(CONTENT_TYPES[version], type).toContain(type);
    },
  );
});

describe('removing a tool', () => {
  it('removes it from the list and from calls, in both eras', async () => {
    const server = testServer();
    server.tool('stays', {}, () => 'ok');
    const goes = server.tool('goes', {}, () => 'ok');
    goes.dispose();
    await inBothEras(server, async (client) => {
      const tools = (await client.request('tools/list'))['tools'] as Json[];
      expect(tools.map((tool) => tool['name'])).toEqual(['stays']);
      expect((await client.failure('tools/call', { name: 'goes', arguments: {} })).code).toBe(
        -32602,
      );
    });
  });

  it('tells an initialized legacy session and a modern listener that asked, and nobody else', async () => {
    const server = testServer();
    server.tool('stays', {}, () => 'ok');
    const legacy = await connectLegacy(server);
    const asked = await openListen(await connectModern(server), { toolsListChanged: true });
    const otherClient = await connectModern(server);
    const other = await openListen(otherClient, { promptsListChanged: true });
    expect(asked.acknowledgement['notifications']).toEqual({ toolsListChanged: true });

    server.tool('goes', {}, () => 'ok').dispose();

    const legacyNotice = await legacy.peer.next(
      (message) => message.method === 'notifications/tools/list_changed',
    );
    expect(legacyNotice.id).toBeUndefined();
    const modernNotice = await asked.next('notifications/tools/list_changed');
    expect((modernNotice.params?.['_meta'] as Json)[MetaKey.SubscriptionId]).toBe(asked.id);

    // A round trip on the other stream's connection: anything sent before it has arrived.
    await otherClient.request('server/discover');
    expect(other.notifications('notifications/tools/list_changed')).toHaveLength(0);
    expect(other.messages().map((message) => message.method)).toEqual([
      'notifications/subscriptions/acknowledged',
    ]);
  });

  it('sends one list_changed for many registrations in one turn', async () => {
    const server = testServer();
    server.tool('first', {}, () => 'ok');
    const legacy = await connectLegacy(server);
    await legacy.request('ping');
    for (let index = 0; index < 10; index++) server.tool(`bulk-${index}`, {}, () => 'ok');
    await legacy.peer.next((message) => message.method === 'notifications/tools/list_changed');
    await legacy.request('ping');
    expect(legacy.peer.notifications('notifications/tools/list_changed')).toHaveLength(1);
  });
});
