// A server with the tools the HTTP tests need (progress, logging, elicitation, waiting, x-mcp-header
// parameters, floods) and request builders for both eras, as plain `Request` objects.
import { McpServer } from '../../../src/server/mcp-server.js';
import { MetaKey } from '../../../src/spec/meta-keys.js';
import type { McpHttpHandler } from '../../../src/server/http/index.js';
import { SseReader } from './sse.js';

export type Json = Record<string, unknown>;

export const MODERN = '2026-07-28';
export const BASE_URL = 'http://localhost:3000/mcp';
export const CLIENT_INFO = { name: 'http-test-client', version: '1.0.0' };
export const ACCEPT_BOTH = 'application/json, text/event-stream';

export interface Deferred<T> {
  promise: Promise<T>;
  resolve(value: T): void;
}

export function deferred<T = void>(): Deferred<T> {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** What the tools of `fixtureServer` report, so tests can wait on them. */
export interface ToolProbe {
  /** Resolves when the `wait` tool starts. */
  waitStarted: Deferred<void>;
  /** Resolves with the abort reason when the `wait` tool's signal aborts. */
  waitAborted: Deferred<unknown>;
  /** Releases every running `wait` tool. */
  release: Deferred<void>;
  /** Messages the `flood` tool could not send (the request was cancelled). */
  floodStopped: Deferred<number>;
}

export function newProbe(): ToolProbe {
  return {
    waitStarted: deferred(),
    waitAborted: deferred<unknown>(),
    release: deferred(),
    floodStopped: deferred<number>(),
  };
}

export function fixtureServer(probe: ToolProbe = newProbe()): McpServer {
  const server = new McpServer({ name: 'http-fixture', version: '1.0.0' }, { onError: () => {} });
  server.tool(
    'echo',
    { inputSchema: { type: 'object', properties: { text: { type: 'string' } } } },
    (args) => String(args['text']),
  );
  server.tool('progress', {}, (_args, context) => {
    context.progress(1, 3, 'one');
    context.progress(2, 3, 'two');
    return 'progressed';
  });
  server.tool('chatty', {}, (_args, context) => {
    context.log('info', 'hello from chatty');
    return 'logged';
  });
  server.tool('wait', {}, async (_args, context) => {
    context.signal.addEventListener(
      'abort',
      () => probe.waitAborted.resolve(context.signal.reason),
      {
        once: true,
      },
    );
    probe.waitStarted.resolve();
    context.progress(0, 1, 'waiting');
    await Promise.race([
      probe.release.promise,
      new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true })),
    ]);
    return 'released';
  });
  server.tool('ask', {}, async (_args, context) => {
    const answer = await context.elicit({
      message: 'Your name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    });
    return `${answer.action}:${String(answer.content?.['name'])}`;
  });
  server.tool(
    'region',
    {
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', 'x-mcp-header': 'Region' },
          count: { type: 'integer', 'x-mcp-header': 'Count' },
          flag: { type: 'boolean', 'x-mcp-header': 'Flag' },
          place: {
            type: 'object',
            properties: { zone: { type: 'string', 'x-mcp-header': 'Zone' } },
          },
        },
      },
    },
    (args) => JSON.stringify(args),
  );
  server.tool(
    'flood',
    {
      inputSchema: {
        type: 'object',
        properties: { count: { type: 'integer' }, size: { type: 'integer' } },
      },
    },
    async (args, context) => {
      const count = Number(args['count']);
      const text = 'x'.repeat(Number(args['size']));
      for (let i = 0; i < count; i++) {
        if (context.signal.aborted) {
          probe.floodStopped.resolve(count - i);
          return 'stopped';
        }
        context.progress(i, count, text);
        // Let the event loop run (and the client read, or not) between messages.
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
      probe.floodStopped.resolve(0);
      return 'flooded';
    },
  );
  server.resource('file:///notes.txt', { name: 'notes' }, () => ({
    contents: [{ uri: 'file:///notes.txt', text: 'notes' }],
  }));
  server.prompt('greet', {}, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'hi' } }],
  }));
  return server;
}

/** A POST to the endpoint with the headers every client sends (override or drop with undefined). */
export function post(
  body: unknown,
  headers: Record<string, string | undefined> = {},
  init: { signal?: AbortSignal; url?: string } = {},
): Request {
  const all: Record<string, string> = {};
  const merged: Record<string, string | undefined> = {
    host: 'localhost:3000',
    'content-type': 'application/json',
    accept: ACCEPT_BOTH,
    ...headers,
  };
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) all[name] = value;
  return new Request(init.url ?? BASE_URL, {
    method: 'POST',
    headers: all,
    body: typeof body === 'string' ? body : JSON.stringify(body),
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
}

export function get(
  headers: Record<string, string | undefined> = {},
  init: { signal?: AbortSignal; method?: string; url?: string } = {},
): Request {
  const all: Record<string, string> = {};
  const merged = { host: 'localhost:3000', accept: 'text/event-stream', ...headers };
  for (const [name, value] of Object.entries(merged)) if (value !== undefined) all[name] = value;
  return new Request(init.url ?? BASE_URL, {
    method: init.method ?? 'GET',
    headers: all,
    ...(init.signal === undefined ? {} : { signal: init.signal }),
  });
}

/** Params with the `_meta` every 2026-07-28 request carries. */
export function modernParams(params: Json = {}, meta: Json = {}): Json {
  return {
    ...params,
    _meta: {
      [MetaKey.ProtocolVersion]: MODERN,
      [MetaKey.ClientCapabilities]: {},
      [MetaKey.ClientInfo]: CLIENT_INFO,
      ...meta,
    },
  };
}

/** A 2026-07-28 request with matching metadata headers (override any with `headers`). */
export function modernPost(
  method: string,
  params: Json = {},
  options: {
    id?: string | number;
    meta?: Json;
    headers?: Record<string, string | undefined>;
    signal?: AbortSignal;
  } = {},
): Request {
  const name =
    method === 'resources/read'
      ? params['uri']
      : method === 'tools/call' || method === 'prompts/get'
        ? params['name']
        : undefined;
  const body = {
    jsonrpc: '2.0',
    id: options.id ?? 1,
    method,
    params: modernParams(params, options.meta),
  };
  return post(
    body,
    {
      'mcp-protocol-version': MODERN,
      'mcp-method': method,
      ...(typeof name === 'string' ? { 'mcp-name': name } : {}),
      ...options.headers,
    },
    options.signal === undefined ? {} : { signal: options.signal },
  );
}

export async function bodyOf(response: Response): Promise<Json> {
  return (await response.json()) as Json;
}

/** The answer to request `id`: the JSON body, or the message with that id on the event stream. */
export async function answerOf(response: Response, id: number | string): Promise<Json> {
  if (response.headers.get('content-type') !== 'text/event-stream') return bodyOf(response);
  const reader = new SseReader(response.body);
  for (;;) {
    const message = await reader.nextMessage();
    if (message === undefined) throw new Error('stream ended without a response');
    if (message['id'] === id) return message;
  }
}

export function errorCode(body: Json): number | undefined {
  return (body['error'] as { code?: number } | undefined)?.code;
}

/** A legacy session: its id and a way to POST in it. */
export interface LegacyClient {
  sessionId: string;
  version: string;
  headers(extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  post(
    body: unknown,
    extra?: Record<string, string | undefined>,
    signal?: AbortSignal,
  ): Promise<Response>;
  request(method: string, params?: Json, id?: number | string): Promise<Json>;
}

let nextId = 1000;

export async function initializeLegacy(
  handler: McpHttpHandler,
  version = '2025-11-25',
  options: { capabilities?: Json; auth?: { principal: string } } = {},
): Promise<LegacyClient> {
  const context = options.auth === undefined ? {} : { auth: options.auth };
  const response = await handler.handle(
    post({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: {
        protocolVersion: version,
        capabilities: options.capabilities ?? {},
        clientInfo: CLIENT_INFO,
      },
    }),
    context,
  );
  const sessionId = response.headers.get('mcp-session-id');
  if (response.status !== 200 || sessionId === null) {
    throw new Error(`initialize failed: ${response.status} ${await response.text()}`);
  }
  const answer = await answerOf(response, 0);
  const negotiated = (answer['result'] as Json)['protocolVersion'] as string;
  const headers = (extra: Record<string, string | undefined> = {}) => ({
    'mcp-session-id': sessionId,
    ...(negotiated >= '2025-06-18' ? { 'mcp-protocol-version': negotiated } : {}),
    ...extra,
  });
  const client: LegacyClient = {
    sessionId,
    version: negotiated,
    headers,
    post: (body, extra, signal) =>
      handler.handle(post(body, headers(extra), signal === undefined ? {} : { signal }), context),
    async request(method, params, id = nextId++) {
      const reply = await client.post({
        jsonrpc: '2.0',
        id,
        method,
        ...(params === undefined ? {} : { params }),
      });
      return answerOf(reply, id);
    },
  };
  await client.post({ jsonrpc: '2.0', method: 'notifications/initialized' });
  return client;
}
