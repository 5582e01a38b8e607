// The transport in the modern era (2026-07-28): one POST per request with the request-metadata
// headers, JSON or SSE answers, HTTP failures as JSON-RPC errors, cancellation by closing.
import { describe, expect, it } from 'vitest';
import {
  LiveSse,
  accepted,
  fakeFetch,
  json,
  modernMeta,
  sse,
  status,
  until,
  type Delivered,
  type RecordedCall,
  type Responder,
} from '../../../test/http/client-fake-fetch.js';
import { HttpEraMemory } from './era-memory.js';
import { HTTP_TRANSPORT_ERROR_CODE } from './http-failures.js';
import type { HttpTransportWarning } from './http-client-options.js';
import { StreamableHttpClientTransport } from './streamable-http-client-transport.js';

const URL_ = 'https://mcp.example.com/mcp';

function setup(respond: Responder, options: { headers?: HeadersInit } = {}) {
  const fake = fakeFetch(respond);
  const memory = new HttpEraMemory();
  const transport = new StreamableHttpClientTransport(URL_, {
    fetch: fake.fetch,
    eraMemory: memory,
    ...options,
  });
  const received: Delivered[] = [];
  const warnings: HttpTransportWarning[] = [];
  transport.onMessage((m) => received.push(m as Delivered));
  transport.onWarning((w) => warnings.push(w));
  return { transport, fake, received, warnings, memory };
}

function request(id: number, method: string, params: Record<string, unknown> = {}) {
  return { jsonrpc: '2.0' as const, id, method, params: { ...params, _meta: modernMeta() } };
}

const result = (call: RecordedCall, body: Record<string, unknown> = {}) =>
  json({ jsonrpc: '2.0', id: call.body?.id, result: { resultType: 'complete', ...body } });

describe('modern requests', () => {
  it('POST with the content headers and the request-metadata headers', async () => {
    const { transport, fake, received } = setup((call) => result(call), {
      headers: { Authorization: 'Bearer secret', Accept: 'text/html', 'X-Custom': '1' },
    });
    await transport.start();
    await transport.send(request(1, 'tools/call', { name: 'get_weather', arguments: {} }));
    await transport.send(request(2, 'resources/read', { uri: 'file:///a b/é.txt' }));
    await transport.send(request(3, 'prompts/get', { name: 'greet' }));
    await transport.send(request(4, 'server/discover'));
    await until(() => received.length === 4);
    const [call, read, prompt, discover] = fake.calls as [
      RecordedCall,
      RecordedCall,
      RecordedCall,
      RecordedCall,
    ];
    expect(call.method).toBe('POST');
    expect(call.url.href).toBe(URL_);
    expect(call.headers.get('content-type')).toBe('application/json');
    expect(call.headers.get('accept')).toBe('application/json, text/event-stream');
    expect(call.headers.get('authorization')).toBe('Bearer secret');
    expect(call.headers.get('x-custom')).toBe('1');
    expect(call.headers.get('mcp-protocol-version')).toBe('2026-07-28');
    expect(call.headers.get('mcp-method')).toBe('tools/call');
    expect(call.headers.get('mcp-name')).toBe('get_weather');
    expect(read.headers.get('mcp-name')).toBe(
      `=?base64?${btoa(String.fromCharCode(...new TextEncoder().encode('file:///a b/é.txt')))}?=`,
    );
    expect(prompt.headers.get('mcp-name')).toBe('greet');
    expect(discover.headers.get('mcp-method')).toBe('server/discover');
    expect(discover.headers.has('mcp-name')).toBe(false);
    expect(discover.headers.has('mcp-session-id')).toBe(false);
    expect(received.map((m) => m.id)).toEqual([1, 2, 3, 4]);
  });

  it('mirrors x-mcp-header arguments once tools/list told them, and drops invalid tools', async () => {
    const tools = [
      {
        name: 'execute_sql',
        inputSchema: {
          type: 'object',
          properties: {
            region: { type: 'string', 'x-mcp-header': 'Region' },
            limit: { type: 'integer', 'x-mcp-header': 'Limit' },
            dry: { type: 'boolean', 'x-mcp-header': 'Dry' },
            opts: {
              type: 'object',
              properties: { tenant: { type: 'string', 'x-mcp-header': 'Tenant' } },
            },
            note: { type: 'string', 'x-mcp-header': 'Note' },
            query: { type: 'string' },
          },
        },
      },
      {
        name: 'bad_name',
        inputSchema: {
          type: 'object',
          properties: { a: { type: 'string', 'x-mcp-header': 'A\r\nB' } },
        },
      },
      {
        name: 'bad_type',
        inputSchema: { type: 'object', properties: { n: { type: 'number', 'x-mcp-header': 'N' } } },
      },
      {
        name: 'duplicate',
        inputSchema: {
          type: 'object',
          properties: {
            a: { type: 'string', 'x-mcp-header': 'Same' },
            b: { type: 'string', 'x-mcp-header': 'same' },
          },
        },
      },
      { name: 'plain', inputSchema: { type: 'object' } },
    ];
    const { transport, fake, received, warnings } = setup((call) =>
      call.body?.method === 'tools/list' ? result(call, { tools }) : result(call),
    );
    await transport.send(request(1, 'tools/list'));
    await until(() => received.length === 1);
    expect(received[0]!.result!.tools!.map((t) => t.name)).toEqual(['execute_sql', 'plain']);
    expect(warnings.map((w) => w.kind === 'tool-rejected' && w.tool)).toEqual([
      'bad_name',
      'bad_type',
      'duplicate',
    ]);

    await transport.send(
      request(2, 'tools/call', {
        name: 'execute_sql',
        arguments: {
          region: 'us-west1',
          limit: 42,
          dry: false,
          opts: { tenant: ' t ' },
          note: null,
          query: 'x',
        },
      }),
    );
    await until(() => received.length === 2);
    const headers = fake.calls[1]!.headers;
    expect(headers.get('mcp-param-region')).toBe('us-west1');
    expect(headers.get('mcp-param-limit')).toBe('42');
    expect(headers.get('mcp-param-dry')).toBe('false');
    expect(headers.get('mcp-param-tenant')).toBe('=?base64?IHQg?=');
    expect(headers.has('mcp-param-note')).toBe(false);
    expect([...headers.keys()].filter((k) => k.startsWith('mcp-param-'))).toHaveLength(4);
  });

  it('lists the tools again after a HeaderMismatch on tools/call, and retries once with the headers', async () => {
    const schema = {
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    };
    const { transport, fake, received } = setup((call) => {
      if (call.body?.method === 'tools/list') {
        return sse([
          {
            data: {
              jsonrpc: '2.0',
              id: call.body.id,
              result: { resultType: 'complete', tools: [{ name: 'sql', inputSchema: schema }] },
            },
          },
        ]);
      }
      if (call.headers.get('mcp-param-region') !== 'eu') {
        return json(
          {
            jsonrpc: '2.0',
            id: call.body?.id,
            error: { code: -32020, message: 'Header mismatch' },
          },
          400,
        );
      }
      return result(call, { content: [] });
    });
    const call = request(3, 'tools/call', { name: 'sql', arguments: { region: 'eu' } });
    call.params._meta['progressToken'] = 3;
    await transport.send(call);
    await until(() => received.length === 1);
    expect(received[0]).toMatchObject({ id: 3, result: { content: [] } });
    const posts = fake.calls.map((c) => c.body?.method);
    expect(posts).toEqual(['tools/call', 'tools/list', 'tools/call']);
    const list = fake.calls[1]!;
    expect(typeof list.body?.id).toBe('string');
    expect(list.headers.get('mcp-method')).toBe('tools/list');
    expect(list.body?.params?.['_meta']).toEqual(modernMeta());
  });

  it('retries a HeaderMismatch only once', async () => {
    const { transport, fake, received } = setup((call) =>
      call.body?.method === 'tools/list'
        ? result(call, { tools: [] })
        : json(
            {
              jsonrpc: '2.0',
              id: call.body?.id,
              error: { code: -32020, message: 'Header mismatch' },
            },
            400,
          ),
    );
    await transport.send(request(4, 'tools/call', { name: 'sql', arguments: {} }));
    await until(() => received.length === 1);
    expect(received[0]!.error!.code).toBe(-32020);
    expect(fake.calls.map((c) => c.body?.method)).toEqual([
      'tools/call',
      'tools/list',
      'tools/call',
    ]);
  });

  it('reads an SSE answer: notifications first, then the response', async () => {
    const { transport, received } = setup((call) =>
      sse([
        { id: 'p', data: '' },
        {
          data: {
            jsonrpc: '2.0',
            method: 'notifications/progress',
            params: { progressToken: 1, progress: 1 },
          },
        },
        {
          event: 'message',
          data: '{"jsonrpc":"2.0","method":"notifications/message",\n"params":{"level":"info","data":"hi"}}',
        },
        {
          data: { jsonrpc: '2.0', id: call.body?.id, result: { resultType: 'complete', ok: true } },
        },
      ]),
    );
    await transport.send(request(7, 'tools/call', { name: 't', arguments: {} }));
    await until(() => received.length === 3);
    expect(received.map((m) => m.method ?? m.id)).toEqual([
      'notifications/progress',
      'notifications/message',
      7,
    ]);
  });

  it('turns an HTTP error with a JSON-RPC body into that error, for that request', async () => {
    const { transport, received } = setup(() =>
      json(
        {
          jsonrpc: '2.0',
          id: null,
          error: { code: -32022, message: 'Unsupported', data: { supported: ['2026-07-28'] } },
        },
        400,
      ),
    );
    await transport.send(request(5, 'server/discover'));
    await until(() => received.length === 1);
    expect(received[0]).toEqual({
      jsonrpc: '2.0',
      id: 5,
      error: { code: -32022, message: 'Unsupported', data: { supported: ['2026-07-28'] } },
    });
  });

  it.each([400, 401, 403, 404, 405, 500, 503])(
    'synthesizes an error for a bare HTTP %i',
    async (code) => {
      const { transport, received } = setup(() => status(code, 'oops <html>'));
      await transport.send(request(1, 'tools/list'));
      await until(() => received.length === 1);
      expect(received[0]!.id).toBe(1);
      expect(received[0]!.error!.code).toBe(HTTP_TRANSPORT_ERROR_CODE);
      expect(received[0]!.error!.data).toEqual({ kind: 'http-status', status: code });
    },
  );

  it('answers a network failure, a 202, a wrong media type and bad JSON with errors', async () => {
    const answers: Array<() => Response | Promise<Response>> = [
      () => Promise.reject(new TypeError('fetch failed')),
      () => accepted(),
      () => new Response('hello', { headers: { 'content-type': 'text/plain' } }),
      () => new Response('{not json', { headers: { 'content-type': 'application/json' } }),
    ];
    const { transport, received } = setup(() => answers.shift()!());
    for (let id = 1; id <= 4; id++) await transport.send(request(id, 'tools/list'));
    await until(() => received.length === 4);
    expect(received.map((m) => [m.id, m.error!.data!.kind])).toEqual(
      expect.arrayContaining([
        [1, 'network'],
        [2, 'bad-response'],
        [3, 'bad-response'],
        [4, 'bad-response'],
      ]),
    );
  });

  it('refuses an answer larger than maxMessageBytes', async () => {
    const fake = fakeFetch((call) => result(call, { big: 'x'.repeat(5000) }));
    const transport = new StreamableHttpClientTransport(URL_, {
      fetch: fake.fetch,
      eraMemory: false,
      maxMessageBytes: 1000,
    });
    const received: Delivered[] = [];
    transport.onMessage((m) => received.push(m as Delivered));
    await transport.send(request(1, 'tools/list'));
    await until(() => received.length === 1);
    expect(received[0]!.error!.data).toEqual({ kind: 'bad-response' });
  });

  it('does not resume a modern stream that ends before the response', async () => {
    const { transport, fake, received } = setup(() =>
      sse([
        {
          id: 'e1',
          retry: 1,
          data: {
            jsonrpc: '2.0',
            method: 'notifications/progress',
            params: { progressToken: 1, progress: 1 },
          },
        },
      ]),
    );
    await transport.send(request(1, 'tools/call', { name: 't' }));
    await until(() => received.length === 2);
    expect(received[1]!.error!.data!.kind).toBe('stream-ended');
    expect(fake.callsOf('GET')).toHaveLength(0);
  });

  it('cancels by closing the stream, and never POSTs notifications/cancelled', async () => {
    let stream: LiveSse | undefined;
    const { transport, fake, received } = setup((call) => {
      stream = new LiveSse(call.signal);
      return stream.response;
    });
    await transport.send(request(9, 'tools/call', { name: 'slow' }));
    await until(() => stream !== undefined);
    stream!.send({
      data: {
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: 9, progress: 1 },
      },
    });
    await until(() => received.length === 1);
    await transport.send({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 9, reason: 'user' },
    });
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
    expect(stream!.cancelled).toBe(true);
    expect(fake.callsOf('POST', 'notifications/cancelled')).toHaveLength(0);
    // Nothing more is delivered for the cancelled request.
    await new Promise((r) => setTimeout(r, 5));
    expect(received).toHaveLength(1);
  });

  it('remembers a modern origin once a modern request succeeds', async () => {
    const { transport, memory } = setup((call) => result(call));
    expect(transport.rememberedEra()).toBeUndefined();
    await transport.send(request(1, 'server/discover'));
    await until(() => memory.get(URL_) !== undefined);
    expect(memory.toJSON()).toEqual({ 'https://mcp.example.com': 'modern' });
  });

  it('refuses to send after close, and aborts what is in flight', async () => {
    let stream: LiveSse | undefined;
    const { transport, fake } = setup((call) => {
      stream = new LiveSse(call.signal);
      return stream.response;
    });
    await transport.send(request(1, 'subscriptions/listen', { notifications: {} }));
    await until(() => stream !== undefined);
    let closedEvents = 0;
    transport.onClose(() => closedEvents++);
    await transport.close();
    await transport.close();
    expect(closedEvents).toBe(1);
    expect(fake.calls[0]!.signal?.aborted).toBe(true);
    expect(fake.callsOf('DELETE')).toHaveLength(0);
    expect(() => transport.send(request(2, 'tools/list'))).toThrow(/closed/i);
  });
});
