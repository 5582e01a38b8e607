// Small scripted MCP servers behind the fake `fetch`, one per wire the HTTP client can meet:
// modern Streamable HTTP, a legacy Streamable HTTP session, and the 2024-11-05 HTTP+SSE transport.
import {
  LiveSse,
  accepted,
  json,
  status,
  type PostedBody,
  type RecordedCall,
  type Responder,
} from './client-fake-fetch.js';

export const TOOLS = [{ name: 'echo', inputSchema: { type: 'object' } }];

const DISCOVER = {
  resultType: 'complete',
  supportedVersions: ['2026-07-28'],
  capabilities: { tools: {} },
  _meta: { 'io.modelcontextprotocol/serverInfo': { name: 'modern-fake', version: '1' } },
  ttlMs: 0,
  cacheScope: 'public',
};

/** The result a legacy server gives, or undefined for a one-way message. */
function legacyResult(body: PostedBody, serverName: string): Record<string, unknown> | undefined {
  if (body.id === undefined || body.method === undefined) return undefined;
  switch (body.method) {
    case 'initialize':
      return {
        protocolVersion: body.params?.['protocolVersion'],
        capabilities: { tools: {} },
        serverInfo: { name: serverName, version: '1' },
      };
    case 'tools/list':
      return { tools: TOOLS };
    case 'tools/call':
      return { content: [{ type: 'text', text: 'echo' }] };
    default:
      return {};
  }
}

/** A 2026-07-28 server: answers modern requests, refuses everything else as a modern one would. */
export function modernServer(): Responder {
  return (call) => {
    if (call.method !== 'POST') return status(405);
    const body = call.body ?? {};
    if (call.headers.get('mcp-protocol-version') !== '2026-07-28') {
      return json(
        {
          jsonrpc: '2.0',
          id: body.id,
          error: { code: -32020, message: 'Missing MCP-Protocol-Version' },
        },
        400,
      );
    }
    const result =
      body.method === 'server/discover'
        ? DISCOVER
        : body.method === 'tools/list'
          ? { resultType: 'complete', tools: TOOLS, ttlMs: 0, cacheScope: 'public' }
          : body.method === 'tools/call'
            ? { resultType: 'complete', content: [{ type: 'text', text: 'echo' }] }
            : undefined;
    if (result === undefined) {
      return json(
        { jsonrpc: '2.0', id: body.id, error: { code: -32601, message: 'Method not found' } },
        404,
      );
    }
    return json({ jsonrpc: '2.0', id: body.id, result });
  };
}

/** A legacy Streamable HTTP server with sessions, as the v1 SDK runs it; `kill()` ends sessions. */
export class LegacyStreamableServer {
  sessions = 0;
  #live: string | undefined;

  kill(): void {
    this.#live = undefined;
  }

  readonly respond: Responder = (call: RecordedCall) => {
    if (call.method === 'GET') return status(405);
    if (call.method === 'DELETE') return status(200);
    const body = call.body ?? {};
    if (body.method === 'initialize') {
      this.#live = `s-${++this.sessions}`;
      return json({ jsonrpc: '2.0', id: body.id, result: legacyResult(body, 'legacy-fake') }, 200, {
        'mcp-session-id': this.#live,
      });
    }
    const session = call.headers.get('mcp-session-id');
    if (session === null) return status(400, 'Bad Request: No valid session ID provided');
    if (session !== this.#live) return status(404, 'Session not found');
    const result = legacyResult(body, 'legacy-fake');
    return result === undefined ? accepted() : json({ jsonrpc: '2.0', id: body.id, result });
  };
}

/**
 * A 2024-11-05 HTTP+SSE server at `/sse`: POSTs there are refused (405); a GET opens the
 * stream with an `endpoint` event; answers to POSTs at `/messages` arrive on the stream. The
 * tool `ask` first asks the client for input with `elicitation/create`.
 */
export class HttpSseServer {
  streams: LiveSse[] = [];
  /** What the client answered to the server's own requests. */
  answers: PostedBody[] = [];
  endpoint = '/messages?sessionId=abc';
  #asking: string | number | undefined;

  get stream(): LiveSse | undefined {
    return this.streams.at(-1);
  }

  readonly respond: Responder = (call: RecordedCall) => {
    if (call.url.pathname === '/sse' && call.method === 'GET') {
      const stream = new LiveSse(call.signal);
      this.streams.push(stream);
      stream.send({ event: 'endpoint', data: this.endpoint });
      return stream.response;
    }
    if (call.url.pathname !== '/messages' || call.method !== 'POST') return status(405);
    const body = call.body ?? {};
    const stream = this.stream;
    if (body.method === undefined && body.id !== undefined) {
      this.answers.push(body);
      const content = (body.result as { content?: { name?: string } } | undefined)?.content;
      stream?.send({
        event: 'message',
        data: {
          jsonrpc: '2.0',
          id: this.#asking,
          result: { content: [{ type: 'text', text: `hello ${content?.name}` }] },
        },
      });
      return accepted();
    }
    if (body.method === 'tools/call' && body.params?.['name'] === 'ask') {
      stream?.send({
        event: 'message',
        data: {
          jsonrpc: '2.0',
          id: 'elicit-1',
          method: 'elicitation/create',
          params: {
            message: 'name?',
            requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
          },
        },
      });
      this.#asking = body.id;
      return accepted();
    }
    const result = legacyResult(body, 'sse-fake');
    if (result !== undefined) {
      setTimeout(
        () => stream?.send({ event: 'message', data: { jsonrpc: '2.0', id: body.id, result } }),
        0,
      );
    }
    return accepted();
  };
}
