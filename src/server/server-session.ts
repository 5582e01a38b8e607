// One connection to a server: decides the era of each request (versioning.mdx, "Backward
// Compatibility"), keeps the legacy session state, and forwards changes to what subscribed.
import type { JsonRpcConnection } from '../jsonrpc/connection.js';
import type { Disposable } from '../jsonrpc/events.js';
import type { RequestContext } from '../jsonrpc/request-context.js';
import { NotificationMethod } from '../spec/methods.js';
import { acceptsBatches, type LegacyProtocolVersion } from '../spec/versions.js';
import type { ChangeListener, ListKind } from './change-hub.js';
import type { AuthInfo } from './context.js';
import { handleInitialize, handleLegacyRequest, LegacySession } from './legacy-era.js';
import type { ListenStream } from './listen-stream.js';
import { handleModernRequest, isModernRequest } from './modern-era.js';
import type { ServerCore } from './server-core.js';

type Params = Record<string, unknown> | undefined;

export class ServerSession implements ChangeListener {
  readonly connection: JsonRpcConnection;
  readonly core: ServerCore;
  readonly auth: AuthInfo | undefined;
  readonly session = new LegacySession();
  readonly #listens = new Set<ListenStream>();
  readonly #registrations: Disposable[];

  constructor(core: ServerCore, connection: JsonRpcConnection, auth: AuthInfo | undefined) {
    this.core = core;
    this.connection = connection;
    this.auth = auth;
    this.#registrations = [
      connection.setFallbackRequestHandler((method, params, request) =>
        this.#dispatch(method, params, request),
      ),
      connection.onNotification(NotificationMethod.Initialized, () => {
        if (this.session.initialized) this.session.ready = true;
      }),
      connection.onNotification(NotificationMethod.RootsListChanged, () => {
        if (this.session.initialized) core.rootsListChanged(this);
      }),
    ];
  }

  /** The revision `initialize` negotiated; undefined before it (and on modern connections). */
  get protocolVersion(): LegacyProtocolVersion | undefined {
    return this.session.version;
  }

  /** Batches are received only in a 2025-03-26 session (after its `initialize`). */
  acceptsBatches(): boolean {
    return this.session.version !== undefined && acceptsBatches(this.session.version);
  }

  #dispatch(
    method: string,
    params: Params,
    request: RequestContext,
  ): Promise<Record<string, unknown>> | Record<string, unknown> {
    // A server configured without 2026-07-28 still answers modern requests, with -32022 naming
    // the (legacy) versions it serves: versioning.mdx asks that of any version it chose not to
    // support, and a dual-era client falls back to `initialize` on it.
    if (isModernRequest(method, params)) return handleModernRequest(this, method, params, request);
    if (method === 'initialize') return handleInitialize(this.core, this.session, params);
    return handleLegacyRequest(this, method, params, request);
  }

  openListen(stream: ListenStream): () => void {
    this.#listens.add(stream);
    return () => this.#listens.delete(stream);
  }

  listChanged(kind: ListKind): void {
    if (this.session.ready && !this.connection.closed) {
      this.#notify(`notifications/${kind}/list_changed`, undefined);
    }
    for (const stream of this.#listens) stream.listChanged(kind);
  }

  resourceUpdated(uri: string): void {
    if (this.session.subscriptions.has(uri))
      this.#notify(NotificationMethod.ResourceUpdated, { uri });
    for (const stream of this.#listens) stream.resourceUpdated(uri);
  }

  /** Ends listen streams gracefully, then the connection. */
  async close(): Promise<void> {
    const streams = [...this.#listens];
    for (const stream of streams) stream.close();
    // Let the graceful-closure responses go out before the transport closes.
    await Promise.all(streams.map((stream) => stream.done));
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (const registration of this.#registrations) registration.dispose();
    await this.connection.close();
  }

  #notify(method: string, params: Params): void {
    if (this.connection.closed) return;
    try {
      this.connection.notify(method, params);
    } catch (error) {
      this.core.reportError(error, method);
    }
  }
}
