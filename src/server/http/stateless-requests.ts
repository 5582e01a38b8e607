// The modern side of the MCP endpoint (2026-07-28 streamable-http.mdx): each request is served on
// its own connection to the server, after its headers are checked against its body, and answered
// with JSON or with a stream of its own notifications then its response. Closing that stream is
// cancelling the request (SECURITY T16): the handler's signal aborts and nothing more is written.
import type { JsonObject, JsonRpcMessage, JsonRpcRequest } from '../../spec/jsonrpc.js';
import { findMcpHeaderParams, type McpHeaderParam } from '../../schema/index.js';
import type { Tool } from '../../spec/types/index.js';
import type { AuthInfo } from '../context.js';
import type { McpHttpConnection, McpHttpTarget } from './http-target.js';
import type { HttpSettings } from './http-handler-options.js';
import { refusal, statusForReply } from './http-status.js';
import { InjectedTransport } from './injected-transport.js';
import { findHeaderMismatch } from './modern-headers.js';
import { ResponseExchange } from './response-exchange.js';
import { messageEvent } from './sse-event.js';

export class StatelessRequests {
  readonly #server: McpHttpTarget;
  readonly #settings: HttpSettings;
  /** Requests in flight: their transport, and their server session once connected. */
  readonly #active = new Map<InjectedTransport, McpHttpConnection | undefined>();
  /** `x-mcp-header` parameters per tool definition, worked out once per registration. */
  readonly #headerParams = new WeakMap<Tool, readonly McpHeaderParam[]>();

  constructor(server: McpHttpTarget, settings: HttpSettings) {
    this.#server = server;
    this.#settings = settings;
  }

  /** Requests in flight (listen streams included). */
  get size(): number {
    return this.#active.size;
  }

  async serve(
    request: Request,
    message: JsonRpcRequest,
    auth: AuthInfo | undefined,
  ): Promise<Response> {
    const mismatch = findHeaderMismatch(request.headers, message, (name) => this.#paramsOf(name));
    if (mismatch !== undefined) return refusal('header-mismatch', mismatch, { id: message.id });
    if (this.#active.size >= this.#settings.maxStatelessRequests) {
      return refusal('server-busy', 'Too many requests in flight; try again later', {
        id: message.id,
      });
    }
    const exchange = new ResponseExchange(request.signal, this.#settings.exchange, {
      clientGone: () => void transport.close(),
      quiet: () => exchange.stream(),
    });
    const transport = new InjectedTransport((outgoing) => {
      if (deliver(exchange, message, outgoing)) queueMicrotask(() => void transport.close());
    });
    this.#active.set(transport, undefined);
    transport.onClose(() => {
      this.#active.delete(transport);
      // Closed before the reply (the server shut down): the client learns it rather than hangs.
      if (exchange.pending) {
        exchange.respond(
          refusal('shutting-down', 'The server is shutting down', { id: message.id }),
        );
      }
      exchange.finish();
    });
    let session: McpHttpConnection;
    try {
      session = await this.#server.connect(transport, {
        scope: 'request',
        ...(auth === undefined ? {} : { auth }),
      });
    } catch (error) {
      await transport.close();
      throw error;
    }
    if (this.#active.has(transport)) this.#active.set(transport, session);
    exchange.begin();
    transport.inject(message);
    return exchange.response;
  }

  /** Closes every request in flight (listen streams end with their graceful response first). */
  async close(): Promise<void> {
    await Promise.all(
      [...this.#active].map(([transport, session]) => session?.close() ?? transport.close()),
    );
  }

  #paramsOf(toolName: string): readonly McpHeaderParam[] {
    const tool = this.#server.toolDefinition(toolName);
    if (tool === undefined) return [];
    let params = this.#headerParams.get(tool);
    if (params === undefined) {
      try {
        params = findMcpHeaderParams(tool.inputSchema as JsonObject);
      } catch {
        // Registration already refused bad annotations; a schema that slipped by mirrors nothing.
        params = [];
      }
      this.#headerParams.set(tool, params);
    }
    return params;
  }
}

/** Puts one outgoing message on the request's response; true when it was the last one. */
function deliver(
  exchange: ResponseExchange,
  request: JsonRpcRequest,
  message: JsonRpcMessage | JsonRpcMessage[],
): boolean {
  if (exchange.clientGone) return false;
  const last =
    !Array.isArray(message) &&
    !('method' in message) &&
    (message.id === request.id || message.id === undefined || message.id === null);
  if (last && exchange.pending) {
    exchange.respondJson(message, statusForReply(message, 'modern'));
    return true;
  }
  exchange.stream()?.send(messageEvent(message));
  if (last) exchange.finish();
  return last;
}
