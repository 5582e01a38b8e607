// CORS for browser clients on another origin: answers preflights and exposes every MCP header.
// The MCP handler's own Origin check still applies; give both the same list of origins.
import type { McpHttpRequestContext } from './mcp-http-handler.js';
import { isHttpToken } from '../../spec/http-token.js';

type Handle = (request: Request, context?: McpHttpRequestContext) => Promise<Response>;

export interface CorsOptions {
  /** Origins allowed to call, exactly as browsers send them (`https://app.example.com`). */
  origins: readonly string[];
  /** How long a browser may cache a preflight answer, in seconds. Default 600. */
  maxAgeSeconds?: number;
}

/** Request headers an MCP client sends; `Mcp-Param-*` names are allowed as the browser asks. */
const ALLOWED_REQUEST_HEADERS = [
  'Content-Type',
  'Accept',
  'Authorization',
  'Mcp-Session-Id',
  'MCP-Protocol-Version',
  'Mcp-Method',
  'Mcp-Name',
  'Last-Event-ID',
];

/** Response headers a browser client must be able to read. */
const EXPOSED_RESPONSE_HEADERS = 'Mcp-Session-Id, MCP-Protocol-Version, WWW-Authenticate';

/** Wraps an MCP HTTP handler (`handler.handle`) with CORS for `options.origins`. */
export function withCors(handle: Handle, options: CorsOptions): Handle {
  const origins = new Set(options.origins);
  const maxAge = String(options.maxAgeSeconds ?? 600);
  return async (request, context) => {
    const origin = request.headers.get('origin');
    const allowed = origin !== null && origins.has(origin);
    if (request.method === 'OPTIONS') {
      if (!allowed) return new Response(null, { status: 403 });
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': origin,
          'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
          'Access-Control-Allow-Headers': allowedHeaders(request).join(', '),
          'Access-Control-Max-Age': maxAge,
          Vary: 'Origin',
        },
      });
    }
    const response = await handle(request, context);
    if (!allowed) return response;
    const headers = new Headers(response.headers);
    headers.set('Access-Control-Allow-Origin', origin);
    headers.set('Access-Control-Expose-Headers', EXPOSED_RESPONSE_HEADERS);
    headers.append('Vary', 'Origin');
    return new Response(response.body, {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}

/** The fixed MCP headers plus the `Mcp-Param-*` headers this preflight asks for. */
function allowedHeaders(request: Request): string[] {
  const asked = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter((name) => isHttpToken(name) && name.toLowerCase().startsWith('mcp-param-'));
  return [...ALLOWED_REQUEST_HEADERS, ...asked];
}
