// What every request meets before its era is decided (SECURITY P1 corpus): methods, paths,
// Accept (406), Content-Type (415), body size (413, enforced while reading), JSON (400 -32700)
// and the JSON-RPC envelope (400 -32600), each with an id-less JSON-RPC error body.
import { afterEach, describe, expect, it } from 'vitest';
import {
  ACCEPT_BOTH,
  bodyOf,
  errorCode,
  fixtureServer,
  get,
  modernParams,
  post,
  type Json,
} from '../../../test/http/helpers/http-fixture.js';
import { createMcpHttpHandler, type McpHttpHandler } from './index.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function newHandler(options: Parameters<typeof createMcpHttpHandler>[1] = {}): McpHttpHandler {
  const handler = createMcpHttpHandler(fixtureServer(), options);
  handlers.push(handler);
  return handler;
}

const DISCOVER = { jsonrpc: '2.0', id: 1, method: 'server/discover', params: modernParams() };

async function expectRefusal(response: Response, status: number, code: number): Promise<Json> {
  expect(response.status).toBe(status);
  const body = await bodyOf(response);
  expect(errorCode(body)).toBe(code);
  return body;
}

describe('methods and paths', () => {
  it('GET and DELETE without a session are 405 (2026-07-28 has neither)', async () => {
    const handler = newHandler();
    for (const method of ['GET', 'DELETE']) {
      const response = await handler.handle(get({}, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('POST');
    }
  });

  it('other methods are 405', async () => {
    const handler = newHandler();
    for (const method of ['PUT', 'PATCH', 'OPTIONS']) {
      const response = await handler.handle(get({}, { method }));
      expect(response.status).toBe(405);
      expect(response.headers.get('allow')).toBe('GET, POST, DELETE');
    }
  });

  it('with endpointPath, other paths are 404', async () => {
    const handler = newHandler({ endpointPath: '/mcp' });
    const elsewhere = post(DISCOVER, {}, { url: 'http://localhost:3000/other' });
    expect((await handler.handle(elsewhere)).status).toBe(404);
  });
});

describe('Accept and Content-Type', () => {
  it.each([
    [undefined],
    ['application/json'],
    ['text/event-stream'],
    ['text/html'],
    ['application/json;q=0, text/event-stream'],
  ])('Accept %j is 406', async (accept) => {
    const response = await newHandler().handle(
      post(DISCOVER, {
        accept,
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'server/discover',
      }),
    );
    await expectRefusal(response, 406, -32600);
  });

  it('Accept */* is enough', async () => {
    const response = await newHandler().handle(
      post(DISCOVER, {
        accept: '*/*',
        'mcp-protocol-version': '2026-07-28',
        'mcp-method': 'server/discover',
      }),
    );
    expect(response.status).toBe(200);
  });

  it.each([
    [undefined],
    ['text/plain'],
    ['application/json; charset=latin1'],
    ['multipart/form-data'],
  ])('Content-Type %j is 415', async (contentType) => {
    const response = await newHandler().handle(post(DISCOVER, { 'content-type': contentType }));
    await expectRefusal(response, 415, -32600);
  });
});

describe('body size', () => {
  it('a declared length over the limit is 413 without reading the body', async () => {
    let pulls = 0;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulls++;
          controller.enqueue(new Uint8Array(1024));
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: {
        host: 'localhost',
        accept: ACCEPT_BOTH,
        'content-type': 'application/json',
        'content-length': String(4 * 1024 * 1024 + 1),
      },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectRefusal(await newHandler().handle(request), 413, -32600);
    expect(pulls).toBe(0);
  });

  it('an endless body is cut just past the limit, while reading', async () => {
    const limit = 64 * 1024;
    let sent = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          sent += 4096;
          controller.enqueue(new Uint8Array(4096).fill(0x20));
        },
        cancel() {
          cancelled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { host: 'localhost', accept: ACCEPT_BOTH, 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    await expectRefusal(await newHandler({ maxBodyBytes: limit }).handle(request), 413, -32600);
    expect(cancelled).toBe(true);
    expect(sent).toBeLessThanOrEqual(limit + 2 * 4096);
  });

  it('a body at the limit is read', async () => {
    const text = JSON.stringify(DISCOVER);
    const padded = text + ' '.repeat(1000 - text.length);
    const response = await newHandler({ maxBodyBytes: 1000 }).handle(
      post(padded, { 'mcp-protocol-version': '2026-07-28', 'mcp-method': 'server/discover' }),
    );
    expect(response.status).toBe(200);
  });
});

describe('JSON and the envelope', () => {
  it.each([
    ['not json'],
    ['{"jsonrpc":"2.0","id":1,'],
    ['{"a":NaN}'],
    ['{"a":Infinity}'],
    ['{} trailing'],
    [''],
    ['\ufeff{"jsonrpc":"2.0","id":1,"method":"server/discover"}'],
  ])('%j is 400 with -32700 and no id', async (text) => {
    const body = await expectRefusal(await newHandler().handle(post(text)), 400, -32700);
    expect(body['id'] ?? null).toBeNull();
  });

  it('invalid UTF-8 is 400 with -32700', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d]);
    const request = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { host: 'localhost', accept: ACCEPT_BOTH, 'content-type': 'application/json' },
      body: bytes,
    });
    await expectRefusal(await newHandler().handle(request), 400, -32700);
  });

  it.each([
    ['1'],
    ['"x"'],
    ['null'],
    ['true'],
    ['{}'],
    ['{"id":1,"method":"server/discover"}'],
    ['{"jsonrpc":"1.0","id":1,"method":"server/discover"}'],
    ['{"jsonrpc":2.0,"id":1,"method":"server/discover"}'],
    ['{"jsonrpc":"2.0","id":1,"method":7}'],
    ['{"jsonrpc":"2.0","id":null,"method":"server/discover"}'],
    ['{"jsonrpc":"2.0","id":1.5,"method":"server/discover"}'],
    ['{"jsonrpc":"2.0","id":{},"method":"server/discover"}'],
    ['{"jsonrpc":"2.0","id":[],"method":"server/discover"}'],
    ['{"jsonrpc":"2.0","id":true,"method":"server/discover"}'],
  ])('%j is 400 with -32600', async (text) => {
    await expectRefusal(await newHandler().handle(post(text)), 400, -32600);
  });

  it('a broken request keeps its id in the error when the id is readable', async () => {
    const body = await expectRefusal(
      await newHandler().handle(post('{"jsonrpc":"2.0","id":9,"method":7}')),
      400,
      -32600,
    );
    expect(body['id']).toBe(9);
  });

  it.each([['[]'], ['[1]'], [JSON.stringify([DISCOVER, { ...DISCOVER, id: 2 }])]])(
    'a batch %j outside a 2025-03-26 session is 400 with one error object',
    async (text) => {
      const body = await expectRefusal(await newHandler().handle(post(text)), 400, -32600);
      expect(Array.isArray(body)).toBe(false);
    },
  );

  it('keys like __proto__ stay plain data', async () => {
    const text =
      '{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","__proto__":{"polluted":1},"arguments":{"text":"x","constructor":{"prototype":{"polluted":1}}}}}';
    await newHandler().handle(post(text));
    expect(({} as Json)['polluted']).toBeUndefined();
  });
});
