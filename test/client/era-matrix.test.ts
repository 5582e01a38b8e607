// The client against mcpkit's own server in every way it can pick an era (pinned or detected,
// legacy or modern) and over both the in-memory pair and stdio: what the connection established,
// and every typed method, cursors followed.
import { afterEach, describe, expect, it } from 'vitest';
import { ProtocolError } from '../../src/jsonrpc/errors.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  FIXED_RESOURCES,
  INSTRUCTIONS,
  ITEM_TEMPLATE,
  SERVER_INFO,
} from '../fixtures/client-test-features.js';
import {
  CLIENT_INFO,
  MODES,
  WIRES,
  closeHarnesses,
  eraOf,
  openHarness,
  type Mode,
  type Wire,
} from './helpers/harness.js';
import { failOnUnhandledRejections } from './helpers/unhandled-rejections.js';

failOnUnhandledRejections();
afterEach(closeHarnesses);

const TOOL_NAMES = [
  'add',
  'fail',
  'whoami',
  'ask',
  'sample',
  'roots',
  'interview',
  'log',
  'progress',
  'wait',
  'endless',
  'register',
  'touch',
  'shaped',
  'reshape',
];
const RESOURCE_URIS = [...FIXED_RESOURCES, 'mem://items/1'];
const PROMPT_NAMES = ['greet', 'plain', 'third'];

const cases: [Wire, Mode][] = WIRES.flatMap((wire) =>
  MODES.map((mode): [Wire, Mode] => [wire, mode]),
);

describe.each(cases)('over %s, %s', (wire, mode) => {
  const era = eraOf(mode);

  it('reports what the connection established', async () => {
    const { client, tap } = await openHarness(wire, mode);
    expect(client.connected).toBe(true);
    expect(client.era).toBe(era);
    expect(client.protocolVersion).toBe(era === 'legacy' ? '2025-11-25' : '2026-07-28');
    expect(client.serverInfo).toEqual(SERVER_INFO);
    expect(client.instructions).toBe(INSTRUCTIONS);
    expect(client.serverCapabilities).toMatchObject({
      tools: { listChanged: true },
      resources: { subscribe: true, listChanged: true },
      prompts: { listChanged: true },
      completions: {},
      logging: {},
    });

    const methods = tap.requestsSent().map((request) => request.method);
    if (mode === 'legacy-pin') expect(methods).toEqual(['initialize']);
    else if (mode === 'legacy-detect') expect(methods).toEqual(['server/discover', 'initialize']);
    else expect(methods).toEqual(['server/discover']);
    if (era === 'legacy')
      expect(tap.notificationsSent('notifications/initialized')).toHaveLength(1);
    // The probe carries the preferred modern version and the client's identity.
    if (mode !== 'legacy-pin') {
      expect(tap.requestsSent('server/discover')[0]?.params?.['_meta']).toMatchObject({
        [MetaKey.ProtocolVersion]: '2026-07-28',
        [MetaKey.ClientInfo]: CLIENT_INFO,
      });
    }
  });

  it('puts the era envelope on every request', async () => {
    const { client, tap } = await openHarness(wire, mode);
    await client.listTools();
    await client.callTool('add', { a: 1, b: 2 });
    const after = tap
      .requestsSent()
      .filter((m) => m.method !== 'server/discover' && m.method !== 'initialize');
    expect(after.length).toBeGreaterThan(0);
    for (const request of after) {
      const meta = request.params?.['_meta'] as Record<string, unknown> | undefined;
      if (era === 'modern') {
        expect(meta).toMatchObject({
          [MetaKey.ProtocolVersion]: '2026-07-28',
          [MetaKey.ClientInfo]: CLIENT_INFO,
          [MetaKey.ClientCapabilities]: {},
        });
      } else {
        expect(meta?.[MetaKey.ProtocolVersion]).toBeUndefined();
      }
    }
  });

  it('follows cursors page by page, in full and as an iterator', async () => {
    const { client, tap } = await openHarness(wire, mode, {}, { pageSize: 2 });

    const first = await client.listTools();
    expect(first.items.map((tool) => tool.name)).toEqual(TOOL_NAMES.slice(0, 2));
    expect(typeof first.nextCursor).toBe('string');
    const byHand: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await client.listTools(cursor);
      expect(page.items.length).toBeLessThanOrEqual(2);
      byHand.push(...page.items.map((tool) => tool.name));
      cursor = page.nextCursor;
    } while (cursor !== undefined);
    expect(byHand).toEqual(TOOL_NAMES);

    const before = tap.requestsSent('tools/list').length;
    expect((await client.allTools()).map((tool) => tool.name)).toEqual(TOOL_NAMES);
    expect(tap.requestsSent('tools/list').length - before).toBe(Math.ceil(TOOL_NAMES.length / 2));

    const iterated: string[] = [];
    for await (const tool of client.iterate<{ name: string }>('tools')) iterated.push(tool.name);
    expect(iterated).toEqual(TOOL_NAMES);

    expect((await client.allResources()).map((resource) => resource.uri)).toEqual(RESOURCE_URIS);
    expect((await client.listResources()).nextCursor).toBeDefined();
    expect((await client.allResourceTemplates()).map((t) => t.uriTemplate)).toEqual([
      ITEM_TEMPLATE,
    ]);
    expect((await client.listResourceTemplates()).nextCursor).toBeUndefined();
    expect((await client.allPrompts()).map((prompt) => prompt.name)).toEqual(PROMPT_NAMES);
    const prompts: string[] = [];
    for await (const prompt of client.iterate<{ name: string }>('prompts'))
      prompts.push(prompt.name);
    expect(prompts).toEqual(PROMPT_NAMES);
  });

  it('calls tools: structured output checked, failures returned as results', async () => {
    const { client } = await openHarness(wire, mode);
    const sum = await client.callTool('add', { a: 2, b: 3 });
    expect(sum.structuredContent).toEqual({ sum: 5 });
    expect(sum.isError).not.toBe(true);

    const failed = await client.callTool('fail');
    expect(failed.isError).toBe(true);
    expect(failed.content).toEqual([{ type: 'text', text: 'the tool failed on purpose' }]);

    // Invalid arguments are a tool error the model can read, not an exception.
    const invalid = await client.callTool('add', { a: 'two' });
    expect(invalid.isError).toBe(true);

    const unknown = await client.callTool('no-such-tool').catch((error: unknown) => error);
    expect(unknown).toBeInstanceOf(ProtocolError);
    expect((unknown as ProtocolError).code).toBe(-32602);
  });

  it('reads resources, gets prompts, completes arguments and pings', async () => {
    const { client } = await openHarness(wire, mode);
    const fixed = await client.readResource('mem://b');
    expect(fixed.contents).toEqual([
      { uri: 'mem://b', mimeType: 'text/plain', text: 'content of mem://b' },
    ]);
    const item = await client.readResource('mem://items/42');
    expect(item.contents[0]).toMatchObject({ uri: 'mem://items/42', text: 'item 42' });

    const prompt = await client.getPrompt('greet', { name: 'Ada' });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Hello Ada' } },
    ]);

    const names = await client.complete(
      { type: 'ref/prompt', name: 'greet' },
      { name: 'name', value: 'A' },
    );
    expect(names.values).toEqual(['Ada', 'Alan']);
    const ids = await client.complete(
      { type: 'ref/resource', uri: ITEM_TEMPLATE },
      { name: 'id', value: '1' },
      { other: 'x' },
    );
    expect(ids.values).toEqual(['1', '10']);

    await expect(client.ping()).resolves.toBeUndefined();
  });

  it('closes: calls fail afterwards, onClose fires once without an error', async () => {
    const { client } = await openHarness(wire, mode);
    const closes: (Error | undefined)[] = [];
    client.onClose((error) => closes.push(error));
    await client.close();
    expect(client.connected).toBe(false);
    expect(closes).toEqual([undefined]);
    await expect(client.listTools()).rejects.toThrow();
  });
});
