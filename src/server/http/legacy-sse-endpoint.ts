// The deprecated HTTP+SSE transport of 2024-11-05 (transports.mdx "HTTP with SSE"), opt-in: a GET
// on the SSE path opens a session whose first event, `endpoint`, names the URL to POST messages
// to; every server message goes out on that one stream, and the session ends with it.
import { classifyMessage } from '../../spec/validate/envelope.js';
import type { AuthInfo } from '../context.js';
import type { McpHttpTarget } from './http-target.js';
import type { HttpSettings, LegacySseOptions } from './http-handler-options.js';
import { acceptedResponse, refusal } from './http-status.js';
import { InjectedTransport } from './injected-transport.js';
import { acceptsMediaType, isJsonContentType } from './media-types.js';
import { randomId } from './random-id.js';
import { readJsonBody } from './request-body.js';
import type { RegisteredSession, SessionRegistry } from './session-registry.js';
import { messageEvent } from './sse-event.js';
import { SseWriter, sseResponse } from './sse-writer.js';

class SseSession implements RegisteredSession {
  readonly id = randomId();
  readonly principal: string | undefined;
  readonly transport: InjectedTransport;
  readonly writer: SseWriter;
  #closed = false;
  readonly #onClosed: (session: SseSession) => void;

  constructor(
    settings: HttpSettings,
    principal: string | undefined,
    onClosed: (s: SseSession) => void,
  ) {
    this.principal = principal;
    this.#onClosed = onClosed;
    this.writer = new SseWriter(settings.exchange.sse, () => void this.close());
    this.transport = new InjectedTransport((message) => {
      this.writer.send(messageEvent(message));
    });
    this.transport.onClose(() => void this.close());
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#onClosed(this);
    this.writer.close();
    await this.transport.close();
  }
}

export class LegacySseEndpoint {
  readonly #server: McpHttpTarget;
  readonly #settings: HttpSettings;
  readonly #registry: SessionRegistry;
  readonly #paths: Required<LegacySseOptions>;
  readonly #open = new Set<SseSession>();

  constructor(
    server: McpHttpTarget,
    settings: HttpSettings,
    registry: SessionRegistry,
    paths: Required<LegacySseOptions>,
  ) {
    this.#server = server;
    this.#settings = settings;
    this.#registry = registry;
    this.#paths = paths;
  }

  /** Sessions open. */
  get size(): number {
    return this.#open.size;
  }

  /** Whether a path belongs to this transport rather than to the MCP endpoint. */
  serves(path: string): boolean {
    return path === this.#paths.ssePath || path === this.#paths.messagePath;
  }

  async handle(request: Request, path: string, auth: AuthInfo | undefined): Promise<Response> {
    if (path === this.#paths.ssePath && request.method === 'GET')
      return this.#connect(request, auth);
    if (path === this.#paths.messagePath && request.method === 'POST') {
      return this.#receive(request, auth);
    }
    const allow = path === this.#paths.ssePath ? 'GET' : 'POST';
    return refusal('method-not-allowed', 'Method Not Allowed', { headers: { Allow: allow } });
  }

  async #connect(request: Request, auth: AuthInfo | undefined): Promise<Response> {
    if (!acceptsMediaType(request.headers.get('accept'), 'text/event-stream')) {
      return refusal('not-acceptable', 'Not Acceptable: the client must accept text/event-stream');
    }
    if (this.#registry.full) return refusal('server-busy', 'Too many sessions; try again later');
    const session = new SseSession(this.#settings, auth?.principal, (ended) => {
      this.#registry.remove(ended);
      this.#open.delete(ended);
    });
    this.#registry.add(session);
    this.#open.add(session);
    request.signal.addEventListener('abort', () => void session.close(), { once: true });
    try {
      await this.#server.connect(session.transport, {
        scope: 'session',
        ...(auth === undefined ? {} : { auth }),
      });
    } catch (error) {
      await session.close();
      throw error;
    }
    session.writer.send({
      event: 'endpoint',
      data: `${this.#paths.messagePath}?sessionId=${session.id}`,
    });
    return sseResponse(session.writer);
  }

  async #receive(request: Request, auth: AuthInfo | undefined): Promise<Response> {
    const id = new URL(request.url).searchParams.get('sessionId');
    if (id === null) return refusal('session-required', 'Bad Request: sessionId is required');
    const session = this.#registry.find(id, auth?.principal);
    if (!(session instanceof SseSession)) return refusal('session-not-found', 'Session not found');
    if (!isJsonContentType(request.headers.get('content-type'))) {
      return refusal('unsupported-media-type', 'Unsupported Media Type: use application/json');
    }
    const body = await readJsonBody(request, this.#settings.maxBodyBytes);
    if (!body.ok) return body.response;
    if (!Array.isArray(body.value)) {
      const classified = classifyMessage(body.value);
      if (classified.kind === 'invalid') {
        const messageId = classified.id ?? undefined;
        return refusal(
          'invalid-request',
          'Invalid request: not a JSON-RPC message',
          messageId === undefined ? {} : { id: messageId },
        );
      }
    }
    session.transport.inject(body.value);
    return acceptedResponse();
  }
}
