// The tests mcpkit's client runs against the official-SDK fixture servers (fixtures/v1-server.js,
// fixtures/v2-server.js), whatever carries the messages (stdio, Streamable HTTP, HTTP+SSE): every
// tool, resource and prompt, progress and logging, and elicitation and sampling round trips.
import { Ajv } from 'ajv';
import { expect, it, vi } from 'vitest';
import type { Progress } from '../../../src/jsonrpc/connection-options.js';
import { ProtocolError } from '../../../src/jsonrpc/errors.js';
import { ErrorCode } from '../../../src/spec/error-codes.js';
import { MetaKey } from '../../../src/spec/meta-keys.js';
import type {
  CallToolResult,
  ContentBlock,
  LoggingMessageNotificationParams,
  TextContent,
} from '../../../src/spec/types/index.js';
import {
  CLIENT_INFO,
  SAMPLING_ANSWER,
  type McpkitSession,
  type Wire,
} from './mcpkit-client-session.js';

export type Era = 'legacy' | 'modern';

/** What a fixture server is, as the shared tests need to know it. */
export interface FixtureServer {
  era: Era;
  version: string;
  serverName: string;
  /** v1's McpServer answers an unknown tool with an `isError` result; v2 (and the spec) with -32602. */
  unknownTool: 'isError result' | 'protocol error';
}

export const RESOURCE_NOT_FOUND_CODES = [ErrorCode.ResourceNotFound, ErrorCode.InvalidParams];

export function text(result: { content: readonly ContentBlock[] }): string {
  return result.content
    .filter((block): block is TextContent => block.type === 'text')
    .map((block) => block.text)
    .join('\n');
}

export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected the call to be rejected'),
    (error: unknown) => error,
  );
}

/** What the client sent in `_meta` on every request once the era was picked. */
export function expectEraOnEveryRequest(wire: Wire, era: Era, version: string): void {
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
export function expectInputRoundTrip(
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

/**
 * Registers the shared tests in the calling `describe`; `current` gives the connected session
 * (the caller connects it in `beforeAll` and closes it after).
 */
export function fixtureServerTests(setup: FixtureServer, current: () => McpkitSession): void {
  it('sees the server’s identity, instructions and capabilities', () => {
    const { client } = current();
    expect(client.serverInfo).toMatchObject({ name: setup.serverName });
    expect(client.instructions).toMatch(/^An interop fixture built with @modelcontextprotocol\//);
    for (const capability of ['tools', 'resources', 'prompts', 'completions', 'logging']) {
      expect(client.serverCapabilities).toHaveProperty(capability);
    }
  });

  it('lists every tool with its input and output schemas', async () => {
    const session = current();
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
    const { client } = current();
    const outputSchema = (await client.allTools()).find(
      (tool) => tool.name === 'add',
    )?.outputSchema;
    const echoed = await client.callTool('echo', { text: 'hello, MCP' });
    expect(echoed.isError ?? false).toBe(false);
    expect(echoed.content).toEqual([{ type: 'text', text: 'hello, MCP' }]);

    const added = await client.callTool('add', { a: 2, b: 3 });
    expect(added.isError ?? false).toBe(false);
    expect(added.structuredContent).toEqual({ sum: 5 });
    expect(text(added)).toBe('5');
    // Checked apart from the client's own check, with another validator.
    const ajv = new Ajv({ strict: false, validateSchema: false });
    const matches = ajv.compile(outputSchema ?? false);
    expect(matches(added.structuredContent), JSON.stringify(matches.errors)).toBe(true);
  });

  it('reports progress and delivers log messages at the level it set', async () => {
    const session = current();
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
    // On a request's own stream (and on stdio's one pipe) notifications precede the response; a
    // server may also use a legacy session's standalone stream (v1 over HTTP does), so they may
    // come just after it, in the order sent. The debug messages the tool wrote fell under the level.
    const counted = (): LoggingMessageNotificationParams[] =>
      session.logs.slice(logsBefore).filter((log) => log.logger === 'count');
    await vi.waitFor(() => expect(counted().filter((log) => log.level === 'info')).toHaveLength(3));
    expect(counted().map(({ level, data }) => ({ level, data }))).toEqual(
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
    const session = current();
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
    const session = current();
    const mark = session.wire.mark();
    session.inputs.elicitAnswer = { action: 'decline' };
    const result = await session.client.callTool('ask_name');
    expect(text(result)).toBe('(decline)');
    expectInputRoundTrip(session.wire.since(mark), setup.era, 'ask_name', 'elicitation/create', {
      action: 'decline',
    });
  });

  it('answers a sampling request through handlers.sample', async () => {
    const session = current();
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
    const { client } = current();
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
    const session = current();
    const error = await rejection(session.client.readResource('nowhere://nothing'));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(RESOURCE_NOT_FOUND_CODES).toContain((error as ProtocolError).code);
  });

  it('lists and gets a prompt with an argument', async () => {
    const { client } = current();
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
    const { client } = current();
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
    const session = current();
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
    const session = current();
    await session.client.ping();
    expectEraOnEveryRequest(session.wire, setup.era, setup.version);
  });
}
