// Streamable HTTP end to end over real sockets: `serveHttp` on 127.0.0.1 port 0, driven with
// fetch, node:http and raw TCP — DNS-rebinding checks on the wire, body caps, clients that never
// read or that disconnect, resumption, principals, DELETE, idle expiry and leaks.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  serveHttp,
  type HttpServerHandle,
  type ServeHttpOptions,
} from '../../src/node/http/index.js';
import { createMcpHttpHandler } from '../../src/server/http/index.js';
import {
  ACCEPT_BOTH,
  CLIENT_INFO,
  fixtureServer,
  modernParams,
  newProbe,
  type Json,
  type ToolProbe,
} from './helpers/http-fixture.js';
import { SseReader } from './helpers/sse.js';

const running: HttpServerHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((handle) => handle.close()));
});

async function start(
  options: ServeHttpOptions = {},
): Promise<{ url: URL; probe: ToolProbe; handle: HttpServerHandle }> {
  const probe = newProbe();
  const handle = await serveHttp(fixtureServer(probe), { keepAliveIntervalMs: 0, ...options });
  running.push(handle);
  return { url: handle.url, probe, handle };
}

function modernHeaders(method: string, name?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    accept: ACCEPT_BOTH,
    'mcp-protocol-version': '2026-07-28',
    'mcp-method': method,
    ...(name === undefined ? {} : { 'mcp-name': name }),
  };
}

function modernBody(
  method: string,
  params: Json = {},
  meta: Json = {},
  id: number | string = 1,
): string {
  return JSON.stringify({ jsonrpc: '2.0', id, method, params: modernParams(params, meta) });
}

interface RawReply {
  status: number;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A request with exactly these headers (Host included), through node:http. */
function raw(
  url: URL,
  options: {
    method?: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
    path?: string;
  },
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: options.path ?? url.pathname,
        method: options.method ?? 'POST',
        headers: options.headers ?? {},
        setHost: options.headers?.['host'] === undefined,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

/** Sends raw bytes and resolves with the status line of the answer. */
function rawStatus(url: URL, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(text));
    let received = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes('\r\n')) {
        resolve(received.slice(0, received.indexOf('\r\n')));
        socket.destroy();
      }
    });
    socket.on('error', reject);
  });
}

async function initialize(url: URL, headers: Record<string, string> = {}): Promise<string> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: ACCEPT_BOTH, ...headers },
    body: JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: CLIENT_INFO },
    }),
  });
  expect(response.status).toBe(200);
  await response.text();
  return response.headers.get('mcp-session-id') as string;
}

function sessionPost(
  url: URL,
  sessionId: string,
  body: unknown,
  init: RequestInit = {},
): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    ...init,
    headers: {
      'content-type': 'application/json',
      accept: ACCEPT_BOTH,
      'mcp-session-id': sessionId,
      'mcp-protocol-version': '2025-11-25',
      ...(init.headers as Record<string, string> | undefined),
    },
    body: JSON.stringify(body),
  });
}

describe('serveHttp', () => {
  it('listens on 127.0.0.1 by default and serves the modern era', async () => {
    const { url } = await start();
    expect(url.hostname).toBe('127.0.0.1');
    expect(url.pathname).toBe('/mcp');
    const response = await fetch(url, {
      method: 'POST',
      headers: modernHeaders('tools/call', 'echo'),
      body: modernBody('tools/call', { name: 'echo', arguments: { text: 'over a socket' } }),
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(await response.json())).toContain('over a socket');
  });

  it('warns when it listens beyond loopback with loopback-only Host and Origin checks', async () => {
    const warnings: string[] = [];
    await start({ host: '0.0.0.0', onWarning: (message) => warnings.push(message) });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('allowedHosts');
    const quiet: string[] = [];
    await start({
      host: '0.0.0.0',
      allowedHosts: ['mcp.example.com'],
      onWarning: (message) => quiet.push(message),
    });
    expect(quiet).toEqual([]);
  });

  it('serves a ready-made handler too', async () => {
    const handler = createMcpHttpHandler(fixtureServer());
    const handle = await serveHttp(handler);
    running.push(handle);
    const response = await fetch(handle.url, {
      method: 'POST',
      headers: modernHeaders('server/discover'),
      body: modernBody('server/discover'),
    });
    expect(response.status).toBe(200);
    await handler.close();
  });
});

describe('DNS rebinding on the wire (T1, T5)', () => {
  it.each([
    [{ host: 'evil.example.com' }, 403],
    [{ host: 'localhost.evil.com:80' }, 403],
    [{ host: '2130706433' }, 403],
    [{ origin: 'http://evil.example.com' }, 403],
    [{ origin: 'null' }, 403],
    [{ origin: 'http://localhost:5173' }, 200],
    [{}, 200],
  ])('%j → %i', async (extra, status) => {
    const { url } = await start();
    const headers: Record<string, string> = { ...modernHeaders('server/discover'), ...extra };
    if (headers['host'] === undefined) headers['host'] = `localhost:${url.port}`;
    const reply = await raw(url, { headers, body: modernBody('server/discover') });
    expect(reply.status).toBe(status);
  });

  it('an absolute-form target names the host, whatever Host says', async () => {
    const { url } = await start();
    const body = modernBody('server/discover');
    const status = await rawStatus(
      url,
      `POST http://evil.example.com/mcp HTTP/1.1\r\nHost: localhost:${url.port}\r\n` +
        `Content-Type: application/json\r\nAccept: ${ACCEPT_BOTH}\r\nMCP-Protocol-Version: 2026-07-28\r\n` +
        `Mcp-Method: server/discover\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    expect(status).toBe('HTTP/1.1 403 Forbidden');
  });

  it('two Host headers are refused', async () => {
    const { url } = await start();
    const status = await rawStatus(
      url,
      `GET /mcp HTTP/1.1\r\nHost: localhost\r\nHost: evil.example.com\r\n\r\n`,
    );
    expect(status).toMatch(/^HTTP\/1\.1 (400|403) /);
  });
});

describe('bodies', () => {
  it('a declared oversized body is 413', async () => {
    const { url } = await start({ maxBodyBytes: 1024 });
    const reply = await raw(url, {
      headers: { ...modernHeaders('server/discover'), 'content-length': '4096' },
      body: Buffer.alloc(4096, 0x20),
    });
    expect(reply.status).toBe(413);
  });

  it('a chunked body that grows past the cap is 413', async () => {
    const { url } = await start({ maxBodyBytes: 64 * 1024 });
    const reply = await raw(url, {
      headers: { ...modernHeaders('server/discover'), 'transfer-encoding': 'chunked' },
      body: Buffer.alloc(1024 * 1024, 0x20),
    });
    expect(reply.status).toBe(413);
    // The connection and the server are still fine.
    const again = await raw(url, {
      headers: modernHeaders('server/discover'),
      body: modernBody('server/discover'),
    });
    expect(again.status).toBe(200);
  });
});

describe('slow and vanishing clients', () => {
  it('a client that never reads its stream is cut at the cap; the server keeps serving (N7)', async () => {
    const { url, probe } = await start({ maxBufferedBytesPerStream: 256 * 1024 });
    const body = modernBody(
      'tools/call',
      { name: 'flood', arguments: { count: 5000, size: 16 * 1024 } },
      { progressToken: 'slow' },
    );
    const socket = connect(Number(url.port), url.hostname);
    await new Promise((resolve) => socket.once('connect', resolve));
    const headers = Object.entries({
      ...modernHeaders('tools/call', 'flood'),
      host: `127.0.0.1:${url.port}`,
    })
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    socket.write(
      `POST /mcp HTTP/1.1\r\n${headers}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
    );
    socket.pause(); // never read
    const closed = new Promise((resolve) => socket.once('close', resolve));
    // The stream is cut, which (modern) cancels the request: the flood stops early.
    expect(await probe.floodStopped.promise).toBeGreaterThan(0);
    const discover = await fetch(url, {
      method: 'POST',
      headers: modernHeaders('server/discover'),
      body: modernBody('server/discover'),
    });
    expect(discover.status).toBe(200);
    socket.resume();
    await closed;
  });

  it('a modern client that disconnects mid-stream cancels its request (T16)', async () => {
    const { url, probe } = await start();
    const abort = new AbortController();
    const response = await fetch(url, {
      method: 'POST',
      headers: modernHeaders('tools/call', 'wait'),
      body: modernBody('tools/call', { name: 'wait' }, { progressToken: 'w' }),
      signal: abort.signal,
    });
    const reader = new SseReader(response.body);
    expect((await reader.nextMessage())?.['method']).toBe('notifications/progress');
    abort.abort();
    await probe.waitAborted.promise;
  });

  it('a legacy client that disconnects mid-stream leaves the handler running and the session intact', async () => {
    const { url, probe, handle } = await start();
    const sessionId = await initialize(url);
    const abort = new AbortController();
    const response = await sessionPost(
      url,
      sessionId,
      {
        jsonrpc: '2.0',
        id: 'w',
        method: 'tools/call',
        params: { name: 'wait', _meta: { progressToken: 1 } },
      },
      { signal: abort.signal },
    );
    const reader = new SseReader(response.body);
    const priming = await reader.next();
    await reader.nextEvent();
    abort.abort();
    let aborted = false;
    void probe.waitAborted.promise.then(() => (aborted = true));
    const list = await sessionPost(url, sessionId, { jsonrpc: '2.0', id: 2, method: 'tools/list' });
    expect(list.status).toBe(200);
    await list.text();
    expect(aborted).toBe(false);
    // The result it missed is replayed on resumption.
    probe.release.resolve();
    const resumed = async (): Promise<boolean> => {
      const reply = await fetch(url, {
        headers: {
          accept: 'text/event-stream',
          'mcp-session-id': sessionId,
          'last-event-id': priming?.id as string,
        },
      });
      return (await reply.text()).includes('released');
    };
    await expect.poll(resumed).toBe(true);
    void handle;
  });

  it('a forged Last-Event-ID replays nothing', async () => {
    const { url, probe } = await start();
    const sessionId = await initialize(url);
    const call = await sessionPost(url, sessionId, {
      jsonrpc: '2.0',
      id: 'w',
      method: 'tools/call',
      params: { name: 'wait', _meta: { progressToken: 1 } },
    });
    const reader = new SseReader(call.body);
    const priming = await reader.next();
    const forged = `${(priming?.id as string).slice(0, -1)}x`;
    const abort = new AbortController();
    const response = await fetch(url, {
      headers: {
        accept: 'text/event-stream',
        'mcp-session-id': sessionId,
        'last-event-id': forged,
      },
      signal: abort.signal,
    });
    const stream = new SseReader(response.body);
    const first = await stream.next();
    expect(first?.data).toBe('');
    expect(first?.id).not.toBe(priming?.id);
    abort.abort();
    probe.release.resolve();
    await reader.rest();
  });
});

describe('sessions over sockets', () => {
  const authenticate: ServeHttpOptions['authenticate'] = (req) => {
    const user = req.headers['x-user'];
    return typeof user === 'string' ? { principal: user } : undefined;
  };

  it("another principal's session id is 404", async () => {
    const { url } = await start({ authenticate });
    const sessionId = await initialize(url, { 'x-user': 'alice' });
    const list = { jsonrpc: '2.0', id: 1, method: 'tools/list' };
    const asBob = await sessionPost(url, sessionId, list, { headers: { 'x-user': 'bob' } });
    expect(asBob.status).toBe(404);
    const asAlice = await sessionPost(url, sessionId, list, { headers: { 'x-user': 'alice' } });
    expect(asAlice.status).toBe(200);
  });

  it('DELETE ends the session, then 404', async () => {
    const { url } = await start();
    const sessionId = await initialize(url);
    const deleted = await fetch(url, {
      method: 'DELETE',
      headers: { 'mcp-session-id': sessionId },
    });
    expect(deleted.status).toBe(200);
    const after = await sessionPost(url, sessionId, {
      jsonrpc: '2.0',
      id: 1,
      method: 'tools/list',
    });
    expect(after.status).toBe(404);
  });

  it('an idle session expires', async () => {
    const { url } = await start({ sessionIdleTimeoutMs: 30 });
    const sessionId = await initialize(url);
    const status = async (): Promise<number> =>
      (await sessionPost(url, sessionId, { jsonrpc: '2.0', method: 'notifications/x' })).status;
    await expect.poll(status, { timeout: 5000 }).toBe(404);
  });

  it('N sessions opened and deleted leave nothing behind', async () => {
    const handler = createMcpHttpHandler(fixtureServer(), { keepAliveIntervalMs: 0 });
    const handle = await serveHttp(handler);
    running.push(handle);
    for (let i = 0; i < 30; i++) {
      const sessionId = await initialize(handle.url);
      const stream = await fetch(handle.url, {
        headers: { accept: 'text/event-stream', 'mcp-session-id': sessionId },
      });
      expect(stream.status).toBe(200);
      const deleted = await fetch(handle.url, {
        method: 'DELETE',
        headers: { 'mcp-session-id': sessionId },
      });
      expect(deleted.status).toBe(200);
      await stream.text();
    }
    expect(handler.stats).toEqual({ sessions: 0, sseSessions: 0, statelessRequests: 0 });
    await handler.close();
  });
});
