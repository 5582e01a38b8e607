// DNS-rebinding protection (SECURITY T1, T2, T5, T6): the Origin/Host matrix against a handler
// built with no options, and the allowlist options (configured, empty, 'any', invalid).
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../jsonrpc/errors.js';
import {
  bodyOf,
  fixtureServer,
  modernPost,
  type Json,
} from '../../../test/http/helpers/http-fixture.js';
import { createMcpHttpHandler, type McpHttpHandler } from './index.js';
import { OriginPolicy } from './request-origin.js';

const handlers: McpHttpHandler[] = [];
afterEach(async () => {
  await Promise.all(handlers.splice(0).map((handler) => handler.close()));
});

function handlerWith(options: Parameters<typeof createMcpHttpHandler>[1] = {}): McpHttpHandler {
  const handler = createMcpHttpHandler(fixtureServer(), options);
  handlers.push(handler);
  return handler;
}

function discover(headers: Record<string, string | undefined>): Request {
  return modernPost('server/discover', {}, { headers });
}

/** `Host` values and whether a default handler lets them through (T5). */
const HOSTS: readonly [string, boolean][] = [
  ['localhost', true],
  ['localhost:3000', true],
  ['127.0.0.1', true],
  ['127.0.0.1:8080', true],
  ['[::1]', true],
  ['[::1]:65535', true],
  ['LOCALHOST:3000', true], // host names ignore case
  ['evil.example.com', false],
  ['evil.example.com:3000', false],
  ['localhost.evil.com', false],
  ['127.0.0.1.nip.io', false],
  ['evil.com:80@localhost', false],
  ['localhost@evil.com', false],
  ['localhost.', false],
  ['[::ffff:127.0.0.1]', false],
  ['[::ffff:7f00:1]', false],
  ['0.0.0.0', false],
  ['2130706433', false],
  ['0x7f.1', false],
  ['017700000001', false],
  ['127.1', false],
  ['', false],
  ['localhost, evil.com', false], // what two Host headers become
  ['localhost:99999', false],
  ['localhost:', false],
  ['localhost:3000/path', false],
  ['local host', false],
  ['[::1', false],
];

/** `Origin` values (with an allowed Host) and whether they pass (T1, T2). */
const ORIGINS: readonly [string | undefined, boolean][] = [
  [undefined, true], // non-browser clients send none
  ['http://localhost:3000', true],
  ['http://localhost', true],
  ['https://localhost:8443', true],
  ['http://127.0.0.1:5173', true],
  ['http://[::1]:3000', true],
  ['HTTP://LOCALHOST:3000', true],
  ['null', false],
  ['', false],
  ['http://evil.example.com', false],
  ['https://localhost.evil.com', false],
  ['http://127.0.0.1.nip.io', false],
  ['http://localhost:3000/path', false],
  ['http://localhost:3000?query=1', false],
  ['http://user@localhost:3000', false],
  ['file://', false],
  ['file:///etc/passwd', false],
  ['chrome-extension://abcdefghijklmnop', false],
  ['ws://localhost:3000', false],
  ['http://2130706433', false],
  ['http://[::ffff:127.0.0.1]', false],
  ['http://localhost.:3000', false],
];

describe('a handler built with no options', () => {
  it.each(HOSTS)('Host %j → allowed: %s', async (host, allowed) => {
    const response = await handlerWith().handle(discover({ host }));
    if (allowed) {
      expect(response.status).toBe(200);
    } else {
      expect(response.status).toBe(403);
      const body = await bodyOf(response);
      expect(body['id'] ?? null).toBeNull();
      expect((body['error'] as Json)['code']).toBe(-32600);
    }
  });

  it.each(ORIGINS)('Origin %j → allowed: %s', async (origin, allowed) => {
    const response = await handlerWith().handle(discover({ origin }));
    expect(response.status).toBe(allowed ? 200 : 403);
    if (!allowed) expect((await bodyOf(response))['id'] ?? null).toBeNull();
  });

  it('refuses a bad Host before reading the body or running anything', async () => {
    let pulled = false;
    const body = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled = true;
          controller.enqueue(new TextEncoder().encode('{}'));
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const request = new Request('http://localhost/mcp', {
      method: 'POST',
      headers: { host: 'evil.example.com', 'content-type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit);
    expect((await handlerWith().handle(request)).status).toBe(403);
    expect(pulled).toBe(false);
  });

  it('checks GET and DELETE too', async () => {
    const handler = handlerWith();
    for (const method of ['GET', 'DELETE']) {
      const response = await handler.handle(
        new Request('http://localhost/mcp', { method, headers: { host: 'evil.example.com' } }),
      );
      expect(response.status).toBe(403);
    }
  });

  it('uses the URL host when the runtime gives no Host header', async () => {
    const handler = handlerWith();
    const ok = modernPost('server/discover', {}, { headers: { host: undefined } });
    expect((await handler.handle(ok)).status).toBe(200);
    const body = await modernPost('server/discover').text();
    const evil = new Request('http://evil.example.com/mcp', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json, text/event-stream',
      },
      body,
    });
    expect((await handler.handle(evil)).status).toBe(403);
  });
});

describe('allowlist options', () => {
  it('an empty allowedHosts list means the loopback defaults, never "allow all" (T6)', async () => {
    const handler = handlerWith({ allowedHosts: [], allowedOrigins: [] });
    expect((await handler.handle(discover({ host: 'evil.example.com' }))).status).toBe(403);
    expect((await handler.handle(discover({ origin: 'http://evil.example.com' }))).status).toBe(
      403,
    );
    expect((await handler.handle(discover({ host: 'localhost:1' }))).status).toBe(200);
  });

  it('configured hosts replace the defaults; origins follow them', async () => {
    const handler = handlerWith({ allowedHosts: ['mcp.example.com', 'api.example.com:8443'] });
    const status = async (headers: Record<string, string>) =>
      (await handler.handle(discover(headers))).status;
    expect(await status({ host: 'mcp.example.com:9999' })).toBe(200);
    expect(await status({ host: 'api.example.com:8443' })).toBe(200);
    expect(await status({ host: 'api.example.com:8080' })).toBe(403);
    expect(await status({ host: 'localhost' })).toBe(403);
    expect(await status({ host: 'mcp.example.com', origin: 'https://mcp.example.com' })).toBe(200);
    expect(await status({ host: 'mcp.example.com', origin: 'https://api.example.com:8443' })).toBe(
      200,
    );
    expect(await status({ host: 'mcp.example.com', origin: 'https://api.example.com' })).toBe(403);
    expect(await status({ host: 'mcp.example.com', origin: 'http://localhost' })).toBe(403);
  });

  it('configured origins are exact, with :* for any port', async () => {
    const handler = handlerWith({
      allowedOrigins: ['https://app.example.com', 'http://localhost:*', 'chrome-extension://abc'],
    });
    const status = async (origin: string) => (await handler.handle(discover({ origin }))).status;
    expect(await status('https://app.example.com')).toBe(200);
    expect(await status('https://app.example.com:443')).toBe(200);
    expect(await status('https://app.example.com:444')).toBe(403);
    expect(await status('http://app.example.com')).toBe(403);
    expect(await status('http://localhost:1234')).toBe(200);
    expect(await status('https://localhost:1234')).toBe(403);
    expect(await status('chrome-extension://abc')).toBe(200);
    expect(await status('chrome-extension://abd')).toBe(403);
    expect(await status('null')).toBe(403);
  });

  it("'any' turns a check off, explicitly", async () => {
    const handler = handlerWith({ allowedHosts: 'any', allowedOrigins: 'any' });
    expect(
      (await handler.handle(discover({ host: 'evil.example.com', origin: 'null' }))).status,
    ).toBe(200);
    expect(handler.loopbackOnly).toBe(false);
  });

  it('reports whether the checks are still loopback-only', () => {
    expect(handlerWith().loopbackOnly).toBe(true);
    expect(handlerWith({ allowedHosts: ['mcp.example.com'] }).loopbackOnly).toBe(false);
    expect(handlerWith({ allowedOrigins: ['https://app.example.com'] }).loopbackOnly).toBe(false);
  });

  it('refuses entries that are not host names or origins', () => {
    expect(
      () => new OriginPolicy({ allowedHosts: ['http://x'], allowedOrigins: undefined }),
    ).toThrow(UsageError);
    expect(() => new OriginPolicy({ allowedHosts: ['a b'], allowedOrigins: undefined })).toThrow(
      UsageError,
    );
    expect(
      () => new OriginPolicy({ allowedHosts: [], allowedOrigins: ['localhost:3000'] }),
    ).toThrow(UsageError);
    expect(
      () => new OriginPolicy({ allowedHosts: [], allowedOrigins: ['http://localhost:80:*'] }),
    ).toThrow(UsageError);
    expect(
      new OriginPolicy({ allowedHosts: ['::1'], allowedOrigins: undefined }).allowsHost('[::1]:1'),
    ).toBe(true);
  });
});
