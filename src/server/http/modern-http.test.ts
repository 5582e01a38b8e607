// The 2026-07-28 side of the endpoint (streamable-http.mdx): stateless requests, JSON or a stream
// of the request's own notifications, request-metadata headers checked against the body (T9),
// the spec's statuses (T8, T10), and closing the stream as cancellation (T16).
import { afterEach, describe, expect, it } from 'vitest';
import {
  bodyOf,
  errorCode,
  fixtureServer,
  modernParams,
  modernPost,
  newProbe,
  post,
  type Json,
  type ToolProbe,
} from '../../../test/http/helpers/http-fixture.js';
import { SseReader } from '../../../test/http/helpers/sse.js';
import type { McpServer } from '../mcp-server.js';
import { createMcpHttpHandler, type McpHttpHandler } from './index.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function setup(options: Parameters<typeof createMcpHttpHandler>[1] = {}): {
  handler: McpHttpHandler;
  server: McpServer;
  probe: ToolProbe;
} {
  const probe = newProbe();
  const server = fixtureServer(probe);
  const handler = createMcpHttpHandler(server, options);
  handlers.push(handler);
  return { handler, server, probe };
}

function textOf(message: Json): string {
  const result = message['result'] as { content: { text: string }[] };
  return result.content.map((block) => block.text).join('');
}

describe('answers', () => {
  it('a quick request gets one JSON body, with no session id', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost('tools/call', { name: 'echo', arguments: { text: 'hi' } }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('mcp-session-id')).toBeNull();
    const body = await bodyOf(response);
    expect(body['id']).toBe(1);
    expect(textOf(body)).toBe('hi');
    expect((body['result'] as Json)['resultType']).toBe('complete');
  });

  it('notifications before the result turn the response into a stream, result last', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost('tools/call', { name: 'progress' }, { meta: { progressToken: 'tok' } }),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    expect(response.headers.get('x-accel-buffering')).toBe('no');
    const events = await new SseReader(response.body).rest();
    const messages = events.map((event) => JSON.parse(event.data as string) as Json);
    expect(messages.map((message) => message['method'] ?? 'result')).toEqual([
      'notifications/progress',
      'notifications/progress',
      'result',
    ]);
    expect((messages[0]?.['params'] as Json)['progressToken']).toBe('tok');
    expect(textOf(messages[2] as Json)).toBe('progressed');
    // No ids on modern streams: they cannot be resumed.
    expect(events.every((event) => event.id === undefined)).toBe(true);
  });

  it('log messages asked for with _meta logLevel go on the request’s stream', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost(
        'tools/call',
        { name: 'chatty' },
        { meta: { 'io.modelcontextprotocol/logLevel': 'info' } },
      ),
    );
    const reader = new SseReader(response.body);
    expect((await reader.nextMessage())?.['method']).toBe('notifications/message');
    expect(textOf((await reader.nextMessage()) as Json)).toBe('logged');
  });

  it('a slow request is answered with a stream after streamAfterMs, then its result', async () => {
    const { handler, probe } = setup({ streamAfterMs: 0 });
    const pending = handler.handle(modernPost('tools/call', { name: 'wait' }));
    const response = await pending;
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    probe.release.resolve();
    expect(textOf((await new SseReader(response.body).nextMessage()) as Json)).toBe('released');
  });

  it('server/discover works without any session', async () => {
    const { handler } = setup();
    const body = await bodyOf(await handler.handle(modernPost('server/discover')));
    expect((body['result'] as Json)['supportedVersions']).toContain('2026-07-28');
  });

  it('a handler that asks the client ends with an InputRequiredResult (no server request)', async () => {
    const { handler } = setup();
    const body = await bodyOf(
      await handler.handle(
        modernPost(
          'tools/call',
          { name: 'ask' },
          { meta: { 'io.modelcontextprotocol/clientCapabilities': { elicitation: {} } } },
        ),
      ),
    );
    expect((body['result'] as Json)['resultType']).toBe('input_required');
  });

  it('ignores Mcp-Session-Id and Last-Event-ID, and never mints a session', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost(
        'server/discover',
        {},
        { headers: { 'mcp-session-id': 'nope', 'last-event-id': 'x' } },
      ),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('mcp-session-id')).toBeNull();
    expect(handler.stats).toEqual({ sessions: 0, sseSessions: 0, statelessRequests: 0 });
  });
});

describe('statuses of errors', () => {
  it('an unknown method is 404 with -32601', async () => {
    const { handler } = setup();
    for (const method of ['tools/unknown', 'ping', 'logging/setLevel', 'initialize']) {
      const response = await handler.handle(modernPost(method));
      expect(response.status).toBe(404);
      expect(errorCode(await bodyOf(response))).toBe(-32601);
    }
  });

  it('an unsupported version is 400 with -32022 and the supported list', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost(
        'server/discover',
        {},
        {
          meta: { 'io.modelcontextprotocol/protocolVersion': '1900-01-01' },
          headers: { 'mcp-protocol-version': '1900-01-01' },
        },
      ),
    );
    expect(response.status).toBe(400);
    const error = (await bodyOf(response))['error'] as Json;
    expect(error['code']).toBe(-32022);
    expect((error['data'] as Json)['supported']).toContain('2026-07-28');
  });

  it('missing clientCapabilities is 400 with -32602', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost(
        'tools/list',
        {},
        { meta: { 'io.modelcontextprotocol/clientCapabilities': undefined } },
      ),
    );
    expect(response.status).toBe(400);
    expect(errorCode(await bodyOf(response))).toBe(-32602);
  });

  it('a request with the modern header but no _meta is 400 with -32602', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      post(
        { jsonrpc: '2.0', id: 3, method: 'tools/list' },
        { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'tools/list' },
      ),
    );
    expect(response.status).toBe(400);
    const body = await bodyOf(response);
    expect(errorCode(body)).toBe(-32602);
    expect(body['id']).toBe(3);
  });

  it('an unknown tool is 400 with -32602', async () => {
    const { handler } = setup();
    const response = await handler.handle(modernPost('tools/call', { name: 'nope' }));
    expect(response.status).toBe(400);
    expect(errorCode(await bodyOf(response))).toBe(-32602);
  });

  it('a JSON-RPC response POSTed without a session is 400', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      post({ jsonrpc: '2.0', id: 1, result: {} }, { 'mcp-protocol-version': '2026-07-28' }),
    );
    expect(response.status).toBe(400);
  });

  it('a notification is 202 with no body', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      post(
        { jsonrpc: '2.0', method: 'notifications/whatever', params: modernParams() },
        { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'notifications/whatever' },
      ),
    );
    expect(response.status).toBe(202);
    expect(await response.text()).toBe('');
  });
});

describe('request-metadata headers (T9)', () => {
  async function mismatch(request: Request): Promise<Json> {
    const { handler } = setup();
    const response = await handler.handle(request);
    expect(response.status).toBe(400);
    const body = await bodyOf(response);
    expect(errorCode(body)).toBe(-32020);
    return body;
  }

  const call = (args: Json, headers: Record<string, string | undefined>) =>
    modernPost('tools/call', { name: 'region', arguments: args }, { headers });

  it('MCP-Protocol-Version is required and must equal _meta', async () => {
    const missing = await mismatch(
      modernPost('tools/list', {}, { headers: { 'mcp-protocol-version': undefined } }),
    );
    expect(missing['id']).toBe(1);
    await mismatch(
      modernPost('tools/list', {}, { headers: { 'mcp-protocol-version': '2025-11-25' } }),
    );
  });

  it('Mcp-Method is required and must equal the method, case-sensitively', async () => {
    await mismatch(modernPost('tools/list', {}, { headers: { 'mcp-method': undefined } }));
    await mismatch(modernPost('tools/list', {}, { headers: { 'mcp-method': 'tools/call' } }));
    await mismatch(modernPost('tools/list', {}, { headers: { 'mcp-method': 'TOOLS/LIST' } }));
  });

  it('header names are case-insensitive', async () => {
    const { handler } = setup();
    const response = await handler.handle(
      modernPost(
        'tools/list',
        {},
        {
          headers: {
            'mcp-protocol-version': undefined,
            'mcp-method': undefined,
            'MCP-PROTOCOL-VERSION': '2026-07-28',
            'MCP-METHOD': 'tools/list',
          },
        },
      ),
    );
    expect(response.status).toBe(200);
  });

  it.each([
    ['tools/call', { name: 'echo', arguments: { text: 'x' } }],
    ['prompts/get', { name: 'greet' }],
    ['resources/read', { uri: 'file:///notes.txt' }],
  ])('Mcp-Name is required for %s and must match', async (method, params) => {
    const { handler } = setup();
    expect((await handler.handle(modernPost(method, params))).status).toBe(200);
    await mismatch(modernPost(method, params, { headers: { 'mcp-name': undefined } }));
    await mismatch(modernPost(method, params, { headers: { 'mcp-name': 'other' } }));
  });

  it('Mcp-Name may be Base64-encoded; it is decoded before comparing', async () => {
    const { handler } = setup();
    const encoded = `=?base64?${btoa('file:///notes.txt')}?=`;
    const response = await handler.handle(
      modernPost(
        'resources/read',
        { uri: 'file:///notes.txt' },
        { headers: { 'mcp-name': encoded } },
      ),
    );
    expect(response.status).toBe(200);
    await mismatch(
      modernPost(
        'resources/read',
        { uri: 'file:///notes.txt' },
        { headers: { 'mcp-name': '=?base64?bad?=' } },
      ),
    );
  });

  it('x-mcp-header parameters must be mirrored exactly when present in the body', async () => {
    const { handler } = setup();
    const ok = await handler.handle(
      call(
        { region: 'us-west1', count: 42, flag: false, place: { zone: 'b' } },
        {
          'mcp-param-region': 'us-west1',
          'mcp-param-count': '42.0',
          'mcp-param-flag': 'false',
          'mcp-param-zone': 'b',
          'mcp-param-unknown': 'ignored',
        },
      ),
    );
    expect(ok.status).toBe(200);
    expect(textOf(await bodyOf(ok))).toContain('us-west1');
    // Absent or null in the body: the header is not expected.
    const none = await handler.handle(call({ region: null }, {}));
    expect(none.status).toBe(200);
  });

  it.each([
    ['missing while the value is in the body', { region: 'eu' }, {}],
    ['different', { region: 'eu' }, { 'mcp-param-region': 'us' }],
    ['present while the body has no value', {}, { 'mcp-param-region': 'eu' }],
    ['numerically different', { count: 42 }, { 'mcp-param-count': '43' }],
    ['not a number', { count: 42 }, { 'mcp-param-count': '42abc' }],
    ['a boolean in another case', { flag: true }, { 'mcp-param-flag': 'True' }],
    ['nested and missing', { place: { zone: 'a' } }, {}],
    ['with a non-ASCII byte', { region: 'café' }, { 'mcp-param-region': 'caf\u00e9' }],
    ['badly encoded', { region: 'eu' }, { 'mcp-param-region': '=?base64?%%%?=' }],
  ])('an Mcp-Param header %s is -32020', async (_label, args, headers) => {
    await mismatch(call(args, headers));
  });

  it('a Base64-encoded parameter is decoded before comparing', async () => {
    const { handler } = setup();
    const value = 'Hello, 世界';
    let binary = '';
    for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
    const response = await handler.handle(
      call({ region: value }, { 'mcp-param-region': `=?base64?${btoa(binary)}?=` }),
    );
    expect(response.status).toBe(200);
  });

  it('a mismatch stops the request before the tool runs', async () => {
    const { handler, probe } = setup();
    const response = await handler.handle(
      modernPost('tools/call', { name: 'wait' }, { headers: { 'mcp-name': 'echo' } }),
    );
    expect(response.status).toBe(400);
    let started = false;
    void probe.waitStarted.promise.then(() => (started = true));
    await Promise.resolve();
    expect(started).toBe(false);
  });
});

describe('cancellation by closing the stream (T16)', () => {
  it('cancelling the response stream aborts the handler’s signal', async () => {
    const { handler, probe } = setup();
    const response = await handler.handle(
      modernPost('tools/call', { name: 'wait' }, { meta: { progressToken: 'p' } }),
    );
    const reader = new SseReader(response.body);
    expect((await reader.nextMessage())?.['method']).toBe('notifications/progress');
    await reader.cancel();
    expect(await probe.waitAborted.promise).toBeInstanceOf(Error);
    await expect.poll(() => handler.stats.statelessRequests).toBe(0);
  });

  it('aborting the request before any answer aborts the handler too', async () => {
    const { handler, probe } = setup();
    const abort = new AbortController();
    const pending = handler.handle(
      modernPost('tools/call', { name: 'wait' }, { signal: abort.signal }),
    );
    await probe.waitStarted.promise;
    abort.abort();
    await probe.waitAborted.promise;
    await pending;
    await expect.poll(() => handler.stats.statelessRequests).toBe(0);
  });

  it('after the client leaves, nothing more is written for the request', async () => {
    const { handler, probe } = setup();
    const abort = new AbortController();
    const response = await handler.handle(
      modernPost(
        'tools/call',
        { name: 'flood', arguments: { count: 1000, size: 10 } },
        { meta: { progressToken: 'f' }, signal: abort.signal },
      ),
    );
    const reader = new SseReader(response.body);
    await reader.nextMessage();
    abort.abort();
    expect(await probe.floodStopped.promise).toBeGreaterThan(0);
    const rest = await reader.rest();
    expect(rest.some((event) => event.data?.includes('"result"') === true)).toBe(false);
  });
});

describe('subscriptions/listen', () => {
  it('streams the acknowledgement, then changes, with comment keep-alives and never a ping', async () => {
    const { handler, server } = setup({ keepAliveIntervalMs: 10 });
    const response = await handler.handle(
      modernPost(
        'subscriptions/listen',
        { notifications: { toolsListChanged: true } },
        { id: 'listen-1' },
      ),
    );
    expect(response.headers.get('content-type')).toBe('text/event-stream');
    const reader = new SseReader(response.body);
    const ack = await reader.nextMessage();
    expect(ack?.['method']).toBe('notifications/subscriptions/acknowledged');
    server.tool('added-later', {}, () => 'x');
    const changed = await reader.nextMessage();
    expect(changed?.['method']).toBe('notifications/tools/list_changed');
    expect(
      ((changed?.['params'] as Json)['_meta'] as Json)['io.modelcontextprotocol/subscriptionId'],
    ).toBe('listen-1');
    let comment;
    do comment = await reader.next();
    while (comment?.comment === undefined);
    expect(comment.comment).toBe('keep-alive');
    expect(handler.stats.statelessRequests).toBe(1);
    await reader.cancel();
    await expect.poll(() => handler.stats.statelessRequests).toBe(0);
  });

  it('ends with its graceful response when the handler closes', async () => {
    const { handler } = setup({ keepAliveIntervalMs: 0 });
    const response = await handler.handle(
      modernPost(
        'subscriptions/listen',
        { notifications: { toolsListChanged: true } },
        { id: 'l' },
      ),
    );
    const reader = new SseReader(response.body);
    await reader.nextMessage();
    await handler.close();
    const last = await reader.nextMessage();
    expect(last?.['id']).toBe('l');
    expect(last?.['result']).toBeDefined();
    expect(await reader.next()).toBeUndefined();
  });
});

describe('limits', () => {
  it('past maxStatelessRequests in flight, a request gets 503', async () => {
    const { handler, probe } = setup({ maxStatelessRequests: 1 });
    const first = handler.handle(modernPost('tools/call', { name: 'wait' }));
    await probe.waitStarted.promise;
    const second = await handler.handle(modernPost('tools/list', {}, { id: 2 }));
    expect(second.status).toBe(503);
    expect((await bodyOf(second))['id']).toBe(2);
    probe.release.resolve();
    expect((await first).status).toBe(200);
    await expect.poll(() => handler.stats.statelessRequests).toBe(0);
  });

  it('after close, every request is 503', async () => {
    const { handler } = setup();
    await handler.close();
    expect((await handler.handle(modernPost('server/discover'))).status).toBe(503);
  });
});
