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
import { ErrorCode } from '../../src/spec/error-codes.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  expectInputRoundTrip,
  fixtureServerTests,
  text,
  type FixtureServer,
} from './helpers/fixture-server-suite.js';
import {
  CLIENT_INFO,
  ROOTS,
  SAMPLING_ANSWER,
  isRunning,
  connectOverStdio,
  type StdioSession,
} from './helpers/mcpkit-stdio-client.js';

interface FixtureSetup extends FixtureServer {
  name: string;
  args: string[];
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

  fixtureServerTests(setup, () => session);

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
