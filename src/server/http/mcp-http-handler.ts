// Streamable HTTP for an `McpServer` as `(request: Request) => Promise<Response>`, both eras on one
// endpoint (2026-07-28 versioning.mdx, "Backward Compatibility"; SPEC-MAP §18.4). Every request
// passes the Host/Origin check first; each POST is then served statelessly (modern `_meta`,
// `server/discover`) or in a legacy session (`initialize`, `Mcp-Session-Id`).
import { LimitExceededError } from '../../jsonrpc/errors.js';
import type { AuthInfo } from '../context.js';
import type { McpHttpTarget } from './http-target.js';
import {
  resolveHttpSettings,
  type HttpSettings,
  type McpHttpHandlerOptions,
} from './http-handler-options.js';
import { refusal } from './http-status.js';
import { LegacySessions } from './legacy-sessions.js';
import { LegacySseEndpoint } from './legacy-sse-endpoint.js';
import { servePost } from './post-dispatch.js';
import { OriginPolicy } from './request-origin.js';
import { SessionRegistry } from './session-registry.js';
import { StatelessRequests } from './stateless-requests.js';

export interface McpHttpRequestContext {
  /** The principal an authorization layer verified for this request; sessions are bound to it. */
  auth?: AuthInfo;
}

/** What the handler holds right now; all zero once everything has ended. */
export interface McpHttpHandlerStats {
  /** Legacy Streamable HTTP sessions. */
  sessions: number;
  /** HTTP+SSE (2024-11-05) sessions. */
  sseSessions: number;
  /** 2026-07-28 requests in flight, listen streams included. */
  statelessRequests: number;
}

export interface McpHttpHandler extends AsyncDisposable {
  /** Serves one HTTP request. Never rejects: failures are HTTP error responses. */
  handle(request: Request, context?: McpHttpRequestContext): Promise<Response>;
  /** Ends every session and stream, and refuses requests (503) from then on. */
  close(): Promise<void>;
  readonly stats: McpHttpHandlerStats;
  /** Whether Host and Origin are still checked against loopback names only. */
  readonly loopbackOnly: boolean;
}

export function createMcpHttpHandler(
  server: McpHttpTarget,
  options: McpHttpHandlerOptions = {},
): McpHttpHandler {
  const settings: HttpSettings = resolveHttpSettings(options);
  const policy = new OriginPolicy({
    allowedHosts: options.allowedHosts ?? [],
    allowedOrigins: options.allowedOrigins,
  });
  const registry = new SessionRegistry(settings.maxSessions);
  const stateless = new StatelessRequests(server, settings);
  const sessions = new LegacySessions(server, settings, registry);
  const sse =
    settings.legacySse === undefined
      ? undefined
      : new LegacySseEndpoint(server, settings, registry, settings.legacySse);
  let closed = false;

  async function route(request: Request, auth: AuthInfo | undefined): Promise<Response> {
    const refused = policy.check(request);
    if (refused !== undefined) return refused;
    if (closed) return refusal('shutting-down', 'The server is shutting down');
    const path = new URL(request.url).pathname;
    if (sse?.serves(path) === true) return sse.handle(request, path, auth);
    if (settings.endpointPath !== undefined && path !== settings.endpointPath) {
      return refusal('not-found', 'Not Found');
    }
    switch (request.method) {
      case 'POST':
        return servePost(request, auth, { settings, stateless, sessions });
      case 'GET':
      case 'DELETE':
        // Only a legacy session has a GET stream or can be deleted (2026-07-28: 405).
        if (!request.headers.has('mcp-session-id')) {
          return refusal('method-not-allowed', 'Method Not Allowed', {
            headers: { Allow: 'POST' },
          });
        }
        return request.method === 'GET'
          ? sessions.get(request, auth)
          : sessions.delete(request, auth);
      default:
        return refusal('method-not-allowed', 'Method Not Allowed', {
          headers: { Allow: 'GET, POST, DELETE' },
        });
    }
  }

  const handler: McpHttpHandler = {
    async handle(request, context = {}) {
      try {
        return await route(request, context.auth);
      } catch (error) {
        // A target at capacity (a relay with every server process busy) is busy, not broken.
        if (error instanceof LimitExceededError) return refusal('server-busy', error.message);
        // The path only: a query may carry an HTTP+SSE session id, which is not for logs.
        settings.reportError(error, `${request.method} ${new URL(request.url).pathname}`);
        return refusal('internal-error', 'Internal error');
      }
    },
    async close() {
      closed = true;
      await Promise.all([registry.closeAll(), stateless.close()]);
    },
    async [Symbol.asyncDispose]() {
      await handler.close();
    },
    get stats() {
      const sseSessions = sse === undefined ? 0 : sse.size;
      return {
        sessions: registry.size - sseSessions,
        sseSessions,
        statelessRequests: stateless.size,
      };
    },
    get loopbackOnly() {
      return policy.loopbackOnly;
    },
  };
  return handler;
}
