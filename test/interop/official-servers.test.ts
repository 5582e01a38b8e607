// Interop over stdio, the other way round: mcpkit's client (version 'auto', a transport factory)
// spawns servers built with `@modelcontextprotocol/sdk` 1.x and `@modelcontextprotocol/server`
// 2.x (hand-wired legacy, and `serveStdio` for 2026-07-28) from test/interop/fixtures/, and
// `@modelcontextprotocol/server-everything`, then lists and calls everything they offer,
// including elicitation and sampling round trips.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Progress } from '../../src/jsonrpc/connection-options.js';
import { ProtocolError } from '../../src/jsonrpc/errors.js';
import { ErrorCode } from '../../src/spec/error-codes.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import type { CallToolResult, ContentBlock, TextContent } from '../../src/spec/types/index.js';
import {
  CLIENT_INFO,
  ROOTS,
  SAMPLING_ANSWER,
  isRunning,
  connectOverStdio,
  type StdioSession,
  type Wire,
} from './helpers/mcpkit-stdio-client.js';

type Era = 'legacy' | 'modern';

interface FixtureSetup {
  name: string;
  args: string[];
  era: Era;
  version: string;
  serverName: string;
  /** v1's McpServer answers an unknown tool with an `isError` result; v2 (and the spec) with -32602. */
  unknownTool: 'isError result' | 'protocol error';
}

const fixture = (file: string): string =>
  fileURLToPath(new URL(`./fixtures/${file}`, import.meta.url));

const FIXTURES: FixtureSetup[] = [
  {
    name: '@modelcontextprotocol/sdk 1.x McpServer',
    args: [fixture('v1-server.js')],
    era: 'legacy',
    version: '2025-11-25',
    serverName: 'interop-v1',
    unknownTool: 'isError result',
  },
  {
    name: '@modelcontextprotocol/server 2.x, hand-wired (legacy)',
    args: [fixture('v2-server.js'), 'legacy'],
    era: 'legacy',
    version: '2025-11-25',
    serverName: 'interop-v2',
    unknownTool: 'protocol error',
  },
  {
    name: '@modelcontextprotocol/server 2.x, serveStdio (2026-07-28)',
    args: [fixture('v2-server.js'), 'modern'],
    era: 'modern',
    version: '2026-07-28',
    serverName: 'interop-v2',
    unknownTool: 'protocol error',
  },
];

const RESOURCE_NOT_FOUND_CODES = [ErrorCode.ResourceNotFound, ErrorCode.InvalidParams];

function text(result: { content: readonly ContentBlock[] }): string {
  return result.content
    .filter((block): block is TextContent => block.type === 'text')
    .map((block) => block.text)
    .join('\n');
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to be rejected'),
    (error: unknown) => error,
  );
}

/** What the client sent in `_meta` on every request once the era was picked. */
function expectEraOnEveryRequest(wire: Wire, era: Era, version: string): void {
  const after = wire.requestsSent().filter((request) => request.method !== 'server/discover');
  expect(after.length).toBeGreaterThan(0);
  for (const request of after) {
    const meta = request.params?.['_meta'] as Record<string, unknown> | undefined;
    if (era === 'modern') {
      expect(meta?.[MetaKey.ProtocolVersion], request.method).toBe(version);
      expect(meta?.[MetaKey.ClientInfo], request.method).toEqual(CLIENT_INFO);
    } else {
      expect(meta?.[MetaKey.ProtocolVersion], request.method).toBeUndefined();
    }
  }
}

/**
 * Proves how the server got the host's answer to `method` during one call of `tool`: legacy, by
 * a server→client request inside one `tools/call`; 2026-07-28, by an `InputRequiredResult` and a
 * retry carrying the answer (and the state, echoed), with no server→client request at all.
 */
function expectInputRoundTrip(
  wire: Wire,
  era: Era,
  tool: string,
  method: string,
  answer: unknown,
): void {
  const calls = wire.toolCalls(tool);
  if (era === 'legacy') {
    expect(calls).toHaveLength(1);
    const asked = wire.requestsReceived();
    expect(asked.map((request) => request.method)).toEqual([method]);
    expect(wire.answerTo(asked[0]!)?.result).toEqual(answer);
    return;
  }
  expect(wire.requestsReceived()).toEqual([]);
  expect(calls).toHaveLength(2);
  const [first, retry] = calls as [(typeof calls)[0], (typeof calls)[0]];
  const asked = first.response?.result;
  expect(asked?.['resultType']).toBe('input_required');
  const requests = Object.entries(asked?.['inputRequests'] as Record<string, { method: string }>);
  expect(requests.map(([, request]) => request.method)).toEqual([method]);
  const [key] = requests[0]!;
  expect(retry.request.params?.['inputResponses']).toEqual({ [key]: answer });
  expect(retry.request.params?.['requestState']).toBe(asked?.['requestState']);
  expect(retry.request.params?.['arguments']).toEqual(first.request.params?.['arguments']);
  expect(retry.response?.result?.['resultType']).toBe('complete');
}

describe.each(FIXTURES)('$name', (setup) => {
  let session: StdioSession;

  beforeAll(async () => {
    session = await connectOverStdio(process.execPath, setup.args);
  }, 20_000);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && session !== undefined) {
      console.error(`[${setup.name}] server stderr:\n${session.stderr.join('\n')}`);
    }
  });

  it(`detects the ${setup.era} era and ${setup.version} by probing`, () => {
    const { client, wire } = session;
    expect(client.era).toBe(setup.era);
    expect(client.protocolVersion).toBe(setup.version);
    // The server survived the probe: no restart.
    expect(session.transports).toHaveLength(1);

    const probes = wire.requestsSent('server/discover');
    expect(probes).toHaveLength(1);
    expect(wire.entries[0]?.message).toBe(probes[0]);
    expect(probes[0]?.params?.['_meta']).toMatchObject({
      [MetaKey.ProtocolVersion]: '2026-07-28',
      [MetaKey.ClientInfo]: CLIENT_INFO,
    });
    const probeAnswer = wire.responseTo(probes[0]!);
    const initializes = wire.requestsSent('initialize');
    if (setup.era === 'legacy') {
      expect(probeAnswer?.error?.code).toBe(ErrorCode.MethodNotFound);
      expect(initializes).toHaveLength(1);
      expect(initializes[0]?.params).toMatchObject({
        protocolVersion: '2025-11-25',
        clientInfo: CLIENT_INFO,
      });
      expect(wire.responseTo(initializes[0]!)?.result).toMatchObject({
        protocolVersion: setup.version,
      });
      expect(wire.notificationsSent('notifications/initialized')).toHaveLength(1);
    } else {
      expect(probeAnswer?.result?.['supportedVersions']).toContain(setup.version);
      expect(initializes).toEqual([]);
      expect(wire.notificationsSent('notifications/initialized')).toEqual([]);
    }
  });

  it('sees the server’s identity, instructions and capabilities', () => {
    const { client } = session;
    expect(client.serverInfo).toMatchObject({ name: setup.serverName });
    expect(client.instructions).toMatch(/^An interop fixture built with @modelcontextprotocol\//);
    for (const capability of ['tools', 'resources', 'prompts', 'completions', 'logging']) {
      expect(client.serverCapabilities).toHaveProperty(capability);
    }
  });

  it('lists every tool with its input and output schemas', async () => {
    const tools = await session.client.allTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual(
      ['add', 'ask_model', 'ask_name', 'count', 'echo'].sort(),
    );
    for (const tool of tools) expect(tool.inputSchema.type, tool.name).toBe('object');
    const byName = new Map(tools.map((tool) => [tool.name, tool]));
    expect(byName.get('echo')?.inputSchema).toMatchObject({
      properties: { text: { type: 'string' } },
      required: ['text'],
    });
    expect(byName.get('add')?.inputSchema).toMatchObject({
      properties: { a: { type: 'number' }, b: { type: 'number' } },
    });
    expect(byName.get('add')?.outputSchema).toMatchObject({
      type: 'object',
      properties: { sum: { type: 'number' } },
      required: ['sum'],
    });
    expect(byName.get('echo')?.outputSchema).toBeUndefined();
  });

  it('calls echo, and add with structured content that matches its output schema', async () => {
    const { client } = session;
    const echoed = await client.callTool('echo', { text: 'hello, MCP' });
    expect(echoed.isError ?? false).toBe(false);
    expect(echoed.content).toEqual([{ type: 'text', text: 'hello, MCP' }]);

    const added = await client.callTool('add', { a: 2, b: 3 });
    expect(added.isError ?? false).toBe(false);
    expect(added.structuredContent).toEqual({ sum: 5 });
    expect(text(added)).toBe('5');
  });

  it('reports progress and delivers log messages at the level it set', async () => {
    const { client } = session;
    const mark = session.wire.mark();
    const logsBefore = session.logs.length;
    await client.setLogLevel('info');
    const progress: Progress[] = [];
    const result = await client.callTool(
      'count',
      { to: 3 },
      { onProgress: (update) => progress.push(update) },
    );
    expect(text(result)).toBe('counted to 3');
    expect(progress).toEqual(
      [1, 2, 3].map((step) => ({ progress: step, total: 3, message: `step ${step}` })),
    );
    // Notifications precede the response on the one pipe, so all have arrived by now; the
    // debug messages the tool also wrote fell under the level.
    const logs = session.logs.slice(logsBefore).filter((log) => log.logger === 'count');
    expect(logs.map(({ level, data }) => ({ level, data }))).toEqual(
      [1, 2, 3].map((step) => ({ level: 'info', data: `step ${step}` })),
    );

    const wire = session.wire.since(mark);
    const [call] = wire.requestsSent('tools/call');
    const meta = call?.params?.['_meta'] as Record<string, unknown>;
    expect(meta[MetaKey.ProgressToken]).toBeDefined();
    if (setup.era === 'legacy') {
      expect(wire.requestsSent('logging/setLevel').map((request) => request.params)).toEqual([
        { level: 'info', _meta: expect.any(Object) },
      ]);
    } else {
      // 2026-07-28 has no logging/setLevel: the level rides on each request.
      expect(wire.requestsSent('logging/setLevel')).toEqual([]);
      expect(meta[MetaKey.LogLevel]).toBe('info');
    }
  });

  it('answers a form elicitation through handlers.elicit', async () => {
    const mark = session.wire.mark();
    session.inputs.elicitations.length = 0;
    session.inputs.elicitAnswer = { action: 'accept', content: { name: 'Ada' } };
    const result = await session.client.callTool('ask_name');
    expect(result.isError ?? false).toBe(false);
    expect(text(result)).toBe('Hello, Ada!');
    expect(session.inputs.elicitations).toHaveLength(1);
    expect(session.inputs.elicitations[0]).toMatchObject({
      message: 'What is your name?',
      requestedSchema: {
        type: 'object',
        properties: { name: { type: 'string' } },
        required: ['name'],
      },
    });
    expectInputRoundTrip(session.wire.since(mark), setup.era, 'ask_name', 'elicitation/create', {
      action: 'accept',
      content: { name: 'Ada' },
    });
  });

  it('passes a declined elicitation back to the server', async () => {
    const mark = session.wire.mark();
    session.inputs.elicitAnswer = { action: 'decline' };
    const result = await session.client.callTool('ask_name');
    expect(text(result)).toBe('(decline)');
    expectInputRoundTrip(session.wire.since(mark), setup.era, 'ask_name', 'elicitation/create', {
      action: 'decline',
    });
  });

  it('answers a sampling request through handlers.sample', async () => {
    const mark = session.wire.mark();
    session.inputs.samplings.length = 0;
    const result = await session.client.callTool('ask_model', { question: 'What is 6 x 7?' });
    expect(result.isError ?? false).toBe(false);
    expect(text(result)).toBe('interop-test-model: 42');
    expect(session.inputs.samplings).toHaveLength(1);
    expect(session.inputs.samplings[0]).toMatchObject({
      messages: [{ role: 'user', content: { type: 'text', text: 'What is 6 x 7?' } }],
      maxTokens: 50,
    });
    expectInputRoundTrip(
      session.wire.since(mark),
      setup.era,
      'ask_model',
      'sampling/createMessage',
      SAMPLING_ANSWER,
    );
  });

  it('lists and reads a static resource and a templated one', async () => {
    const { client } = session;
    expect(await client.allResources()).toEqual([
      expect.objectContaining({ uri: 'info://about', name: 'about', mimeType: 'text/plain' }),
    ]);
    expect(await client.allResourceTemplates()).toEqual([
      expect.objectContaining({ uriTemplate: 'colour://{name}', name: 'colour' }),
    ]);
    const about = await client.readResource('info://about');
    expect(about.contents).toEqual([
      { uri: 'info://about', mimeType: 'text/plain', text: `${setup.serverName} fixture` },
    ]);
    const blue = await client.readResource('colour://blue');
    expect(blue.contents).toEqual([
      { uri: 'colour://blue', mimeType: 'text/plain', text: 'colour blue' },
    ]);
  });

  it('rejects a read of an unknown resource with the server’s protocol error', async () => {
    const error = await rejection(session.client.readResource('nowhere://nothing'));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(RESOURCE_NOT_FOUND_CODES).toContain((error as ProtocolError).code);
  });

  it('lists and gets a prompt with an argument', async () => {
    const { client } = session;
    expect(await client.allPrompts()).toEqual([
      expect.objectContaining({
        name: 'review',
        arguments: [expect.objectContaining({ name: 'language', required: true })],
      }),
    ]);
    const prompt = await client.getPrompt('review', { language: 'rust' });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: 'Review this rust code.' } },
    ]);
  });

  it('completes a prompt argument and a template variable', async () => {
    const { client } = session;
    const languages = await client.complete(
      { type: 'ref/prompt', name: 'review' },
      { name: 'language', value: 't' },
    );
    expect(languages.values).toEqual(['typescript']);
    const colours = await client.complete(
      { type: 'ref/resource', uri: 'colour://{name}' },
      { name: 'name', value: 'g' },
    );
    expect(colours.values).toEqual(['green']);
  });

  it('surfaces an unknown tool as the server reports it', async () => {
    const call = session.client.callTool('no_such_tool', {});
    if (setup.unknownTool === 'protocol error') {
      const error = await rejection(call);
      expect(error).toBeInstanceOf(ProtocolError);
      expect((error as ProtocolError).code).toBe(ErrorCode.InvalidParams);
      expect((error as ProtocolError).message).toContain('no_such_tool');
    } else {
      const result: CallToolResult = await call;
      expect(result.isError).toBe(true);
      expect(text(result)).toContain('no_such_tool');
    }
  });

  it('pings, and kept the era envelope on every request', async () => {
    await session.client.ping();
    expectEraOnEveryRequest(session.wire, setup.era, setup.version);
  });

  it('shuts the server down on close: stdin first, and it exits', async () => {
    await session.close();
    for (const transport of session.transports) {
      // Closing stdin was enough: the server exited on its own, not by signal.
      expect(transport.exitStatus).toEqual({ code: 0, signal: null });
      expect(isRunning(transport.pid!)).toBe(false);
    }
  });
});

/** The stdio entry of server-everything, from its package.json `bin`. */
function everythingEntry(): string {
  const require = createRequire(import.meta.url);
  const manifestPath = require.resolve('@modelcontextprotocol/server-everything/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    bin: Record<string, string>;
  };
  const bin = manifest.bin['mcp-server-everything'];
  if (bin === undefined) throw new Error('server-everything has no mcp-server-everything bin');
  return join(dirname(manifestPath), bin);
}

describe('@modelcontextprotocol/server-everything', () => {
  let session: StdioSession;

  beforeAll(async () => {
    session = await connectOverStdio(process.execPath, [everythingEntry(), 'stdio']);
    // It asks for the roots on a timer after `initialized`; let that happen before the tests
    // that expect exactly one server→client request of their own.
    await vi.waitFor(() => expect(session.inputs.rootsListed).toBe(1), { timeout: 10_000 });
  }, 20_000);

  afterAll(async () => {
    await session?.close();
  });

  afterEach(({ task }) => {
    if (task.result?.state === 'fail' && session !== undefined) {
      console.error(`[server-everything] server stderr:\n${session.stderr.join('\n')}`);
    }
  });

  it('is detected as a legacy server by probing, and initialized at 2025-11-25', () => {
    expect(session.client.era).toBe('legacy');
    expect(session.client.protocolVersion).toBe('2025-11-25');
    expect(session.transports).toHaveLength(1);
    const [probe, ...more] = session.wire.requestsSent('server/discover');
    expect(more).toEqual([]);
    expect(session.wire.entries[0]?.message).toBe(probe);
    expect(session.wire.responseTo(probe!)?.error?.code).toBe(ErrorCode.MethodNotFound);
    expect(session.wire.requestsSent('initialize')).toHaveLength(1);
    expect(session.client.serverInfo).toMatchObject({ name: 'mcp-servers/everything' });
    expect(session.client.serverCapabilities).toMatchObject({
      tools: { listChanged: true },
      resources: { subscribe: true },
    });
  });

  it('lists its tools, including those it registers for the client’s capabilities', async () => {
    const tools = await session.client.allTools();
    const names = tools.map((tool) => tool.name);
    // Registered after `initialized` because the client declared elicitation, sampling and roots.
    expect(names).toEqual(
      expect.arrayContaining([
        'echo',
        'get-sum',
        'get-structured-content',
        'get-tiny-image',
        'get-resource-links',
        'trigger-long-running-operation',
        'trigger-elicitation-request',
        'trigger-sampling-request',
        'get-roots-list',
      ]),
    );
    for (const tool of tools) expect(tool.inputSchema.type, tool.name).toBe('object');
    expect(session.listChanges).toContain('tools');
  });

  it('calls echo and get-sum', async () => {
    const echoed = await session.client.callTool('echo', { message: 'hello' });
    expect(echoed.content).toEqual([{ type: 'text', text: 'Echo: hello' }]);
    const sum = await session.client.callTool('get-sum', { a: 2, b: 3 });
    expect(text(sum)).toBe('The sum of 2 and 3 is 5.');
  });

  it('validates get-structured-content against its output schema', async () => {
    const tool = (await session.client.allTools()).find((t) => t.name === 'get-structured-content');
    expect(tool?.outputSchema).toMatchObject({ type: 'object', properties: { humidity: {} } });
    const result = await session.client.callTool('get-structured-content', {
      location: 'Chicago',
    });
    expect(result.structuredContent).toEqual({
      temperature: 36,
      conditions: 'Light rain / drizzle',
      humidity: 82,
    });
  });

  it('receives image and resource-link content', async () => {
    const image = await session.client.callTool('get-tiny-image');
    expect(image.content).toContainEqual(
      expect.objectContaining({ type: 'image', mimeType: 'image/png', data: expect.any(String) }),
    );
    const links = await session.client.callTool('get-resource-links', { count: 2 });
    const linked = links.content.filter((block) => block.type === 'resource_link');
    expect(linked).toHaveLength(2);
    expect(linked[0]).toMatchObject({ uri: expect.stringMatching(/^demo:\/\/resource\//) });
  });

  it('follows progress of a long-running operation', async () => {
    const progress: Progress[] = [];
    const result = await session.client.callTool(
      'trigger-long-running-operation',
      { duration: 0.2, steps: 2 },
      { onProgress: (update) => progress.push(update) },
    );
    expect(text(result)).toContain('Long running operation completed');
    expect(progress).toEqual([
      { progress: 1, total: 2 },
      { progress: 2, total: 2 },
    ]);
  });

  it('answers its form elicitation', async () => {
    const mark = session.wire.mark();
    session.inputs.elicitations.length = 0;
    const answer = {
      action: 'accept',
      content: { name: 'Ada Lovelace', check: true, integer: 7 },
    } as const;
    session.inputs.elicitAnswer = answer;
    const result = await session.client.callTool('trigger-elicitation-request');
    expect(text(result)).toContain('- Name: Ada Lovelace');
    expect(text(result)).toContain('- Favorite Integer: 7');
    expect(session.inputs.elicitations).toHaveLength(1);
    expect(session.inputs.elicitations[0]).toMatchObject({
      requestedSchema: { type: 'object', required: ['name'] },
    });
    expectInputRoundTrip(
      session.wire.since(mark),
      'legacy',
      'trigger-elicitation-request',
      'elicitation/create',
      answer,
    );
  });

  it('answers its sampling request', async () => {
    const mark = session.wire.mark();
    session.inputs.samplings.length = 0;
    const result = await session.client.callTool('trigger-sampling-request', {
      prompt: 'What is 6 x 7?',
      maxTokens: 10,
    });
    expect(text(result)).toContain('"model": "interop-test-model"');
    expect(session.inputs.samplings[0]).toMatchObject({
      messages: [
        { role: 'user', content: { type: 'text', text: expect.stringContaining('6 x 7') } },
      ],
      maxTokens: 10,
    });
    expectInputRoundTrip(
      session.wire.since(mark),
      'legacy',
      'trigger-sampling-request',
      'sampling/createMessage',
      SAMPLING_ANSWER,
    );
  });

  it('hands it the host’s roots', async () => {
    const result = await session.client.callTool('get-roots-list');
    expect(text(result)).toContain(ROOTS[0]!.uri);
    // The answer to its one roots/list request after `initialized`, which it kept.
    expect(session.inputs.rootsListed).toBe(1);
    expect(session.wire.requestsReceived('roots/list')).toHaveLength(1);
  });

  it('lists and reads its resources and resource templates', async () => {
    const { client } = session;
    const resources = await client.allResources();
    expect(resources.map((resource) => resource.uri)).toContain(
      'demo://resource/static/document/features.md',
    );
    const templates = await client.allResourceTemplates();
    expect(templates.map((template) => template.uriTemplate)).toEqual(
      expect.arrayContaining([
        'demo://resource/dynamic/text/{resourceId}',
        'demo://resource/dynamic/blob/{resourceId}',
      ]),
    );
    const features = await client.readResource('demo://resource/static/document/features.md');
    expect(features.contents[0]).toMatchObject({ mimeType: 'text/markdown' });
    expect((features.contents[0] as { text: string }).text).toContain('## Tools');

    const textResource = await client.readResource('demo://resource/dynamic/text/1');
    expect(textResource.contents[0]).toMatchObject({
      uri: 'demo://resource/dynamic/text/1',
      text: expect.stringMatching(/^Resource 1: /),
    });
    const blobResource = await client.readResource('demo://resource/dynamic/blob/2');
    const blob = (blobResource.contents[0] as { blob: string }).blob;
    expect(Buffer.from(blob, 'base64').toString('utf8')).toMatch(/^Resource 2: /);
  });

  it('lists and gets its prompts, and completes an argument in context', async () => {
    const { client } = session;
    const prompts = await client.allPrompts();
    expect(prompts.map((prompt) => prompt.name)).toEqual(
      expect.arrayContaining(['simple-prompt', 'args-prompt', 'completable-prompt']),
    );
    const prompt = await client.getPrompt('args-prompt', { city: 'Paris', state: 'Texas' });
    expect(prompt.messages).toEqual([
      { role: 'user', content: { type: 'text', text: "What's weather in Paris, Texas?" } },
    ]);
    const names = await client.complete(
      { type: 'ref/prompt', name: 'completable-prompt' },
      { name: 'name', value: 'A' },
      { department: 'Engineering' },
    );
    expect(names.values).toEqual(['Alice']);
  });

  it('sets the log level, and reports an unknown tool', async () => {
    await session.client.setLogLevel('warning');
    expect(session.wire.requestsSent('logging/setLevel').at(-1)?.params).toMatchObject({
      level: 'warning',
    });
    const result = await session.client.callTool('no_such_tool', {});
    expect(result.isError).toBe(true);
    expect(text(result)).toContain('no_such_tool');
  });

  it('shuts the server down on close', async () => {
    await session.close();
    for (const transport of session.transports) {
      expect(transport.exitStatus).toBeDefined();
      expect(isRunning(transport.pid!)).toBe(false);
    }
  });
});
