// The legacy side of the MCP endpoint (2025-03-26 … 2025-11-25 transports.mdx): `initialize`
// opens a session whose id comes back in `Mcp-Session-Id`; later POSTs, the GET stream and DELETE
// name it. Missing id: 400; unknown, ended or another principal's: 404.
import type { JsonRpcRequest, RequestId } from '../../spec/jsonrpc.js';
import { classifyMessage } from '../../spec/validate/envelope.js';
import { isLegacyVersion } from '../../spec/versions.js';
import type { AuthInfo } from '../context.js';
import type { McpHttpTarget } from './http-target.js';
import type { HttpSettings } from './http-handler-options.js';
import { refusal } from './http-status.js';
import { HttpSession } from './http-session.js';
import { IdleSweeper } from './idle-sweeper.js';
import { acceptsMediaType } from './media-types.js';
import type { SessionRegistry } from './session-registry.js';

export const SESSION_HEADER = 'mcp-session-id';

export class LegacySessions {
  readonly #server: McpHttpTarget;
  readonly #settings: HttpSettings;
  readonly #registry: SessionRegistry;
  /** One timer for the idle expiry of every session. */
  readonly #idle: IdleSweeper;

  constructor(server: McpHttpTarget, settings: HttpSettings, registry: SessionRegistry) {
    this.#server = server;
    this.#settings = settings;
    this.#registry = registry;
    this.#idle = new IdleSweeper(settings.sessionIdleTimeoutMs);
  }

  /** `initialize`: a new session, named in the response when the handshake succeeds. */
  async initialize(
    request: Request,
    message: JsonRpcRequest,
    auth: AuthInfo | undefined,
  ): Promise<Response> {
    if (this.#registry.full) {
      return refusal('server-busy', 'Too many sessions; try again later', { id: message.id });
    }
    const session = new HttpSession(this.#settings, auth?.principal, this.#idle, (ended) =>
      this.#registry.remove(ended),
    );
    this.#registry.add(session);
    try {
      await session.connect(this.#server, auth);
    } catch (error) {
      // The target could not take the connection (a relay whose server failed to start).
      await session.close();
      throw error;
    }
    const response = await session.post(request, message, [message.id], 'handshake');
    const streamed = response.headers.get('content-type') === 'text/event-stream';
    if (session.version === undefined && !streamed) {
      await session.close();
      return response;
    }
    response.headers.set('Mcp-Session-Id', session.id);
    return response;
  }

  /** Any other POST of a legacy client: a message or (2025-03-26 sessions) a batch. */
  async post(request: Request, body: unknown, auth: AuthInfo | undefined): Promise<Response> {
    const found = this.#session(request, auth);
    if (found instanceof Response) return found;
    const session = found;
    const messages = Array.isArray(body) ? body : [body];
    if (Array.isArray(body)) {
      if (!session.acceptsBatches) {
        return refusal('invalid-request', 'Batches are not supported by this session’s revision');
      }
      if (body.length === 0) return refusal('invalid-request', 'Invalid request: empty batch');
    }
    const ids: RequestId[] = [];
    let expectsReply = false;
    for (const message of messages) {
      const classified = classifyMessage(message);
      if (classified.kind === 'request') {
        ids.push(classified.message.id);
        expectsReply = true;
      } else if (classified.kind === 'invalid') {
        if (!Array.isArray(body)) {
          const id = classified.id ?? undefined;
          return refusal(
            'invalid-request',
            'Invalid request: not a JSON-RPC message',
            id === undefined ? {} : { id },
          );
        }
        // In a batch, a broken request (or non-message) is answered inside the reply array.
        if (classified.claimed === 'request' || classified.claimed === undefined)
          expectsReply = true;
      }
    }
    if (new Set(ids).size !== ids.length || ids.some((id) => session.isInFlight(id))) {
      return refusal('invalid-request', 'Invalid request: a request id is already in use');
    }
    if (session.inFlight + ids.length > this.#settings.maxRequestsPerSession) {
      return refusal('too-many-requests', 'Too many requests in flight for this session');
    }
    if (!expectsReply) return session.accept(body);
    return session.post(request, body, ids, 'legacy');
  }

  /** GET: the standalone stream, or a resumption with `Last-Event-ID`. */
  async get(request: Request, auth: AuthInfo | undefined): Promise<Response> {
    const found = this.#session(request, auth);
    if (found instanceof Response) return found;
    if (!acceptsMediaType(request.headers.get('accept'), 'text/event-stream')) {
      return refusal('not-acceptable', 'Not Acceptable: the client must accept text/event-stream');
    }
    const lastEventId = request.headers.get('last-event-id');
    if (lastEventId !== null) {
      const resumed = await found.resume(request, lastEventId);
      if (resumed !== undefined) return resumed;
    }
    return found.openStandalone(request);
  }

  /** DELETE: the client ends its session; the id is unknown (404) from then on. */
  async delete(request: Request, auth: AuthInfo | undefined): Promise<Response> {
    const found = this.#session(request, auth);
    if (found instanceof Response) return found;
    await found.close();
    return new Response(null, { status: 200 });
  }

  /** The session a request names, or the refusal: 400 without an id, 404 for an unknown one. */
  #session(request: Request, auth: AuthInfo | undefined): HttpSession | Response {
    const id = request.headers.get(SESSION_HEADER);
    if (id === null) {
      return refusal('session-required', 'Bad Request: the Mcp-Session-Id header is required');
    }
    const session = this.#registry.find(id, auth?.principal);
    if (!(session instanceof HttpSession)) {
      return refusal('session-not-found', 'Session not found');
    }
    const version = request.headers.get('mcp-protocol-version');
    if (version !== null && !isLegacyVersion(version)) {
      return refusal(
        'unsupported-protocol-version',
        `Bad Request: unsupported MCP-Protocol-Version ${JSON.stringify(version)}`,
      );
    }
    return session;
  }
}
