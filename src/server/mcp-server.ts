// The high-level server: register tools, resources, templates and prompts once, and serve
// clients of every revision, 2024-11-05 to 2026-07-28, on any number of connections.
import { JsonRpcConnection } from '../jsonrpc/connection.js';
import type { ConnectionOptions } from '../jsonrpc/connection-options.js';
import { Emitter, disposable, type Disposable } from '../jsonrpc/events.js';
import type { Transport } from '../jsonrpc/transport.js';
import type { SchemaInput } from '../schema/index.js';
import type { Implementation, ServerCapabilities, Tool } from '../spec/types/index.js';
import { PROTOCOL_VERSIONS, type ProtocolVersion } from '../spec/versions.js';
import { ChangeHub, type ListKind } from './change-hub.js';
import type { AuthInfo } from './context.js';
import type { FeatureSet } from './features.js';
import { PromptRegistry, type PromptConfig, type PromptHandler } from './prompts.js';
import {
  ResourceCatalog,
  type ResourceConfig,
  type ResourceReader,
  type ResourceTemplateConfig,
  type TemplateReader,
} from './resources.js';
import {
  RequestStateCodec,
  processLocalRequestStateKey,
  type RequestStateKey,
} from './request-state/index.js';
import type { CacheableKind, CacheHint, ServerCore } from './server-core.js';
import { ServerSession } from './server-session.js';
import { ToolRegistry, type ToolConfig, type ToolHandler } from './tools.js';

export interface McpServerOptions {
  /** Guidance for the model on how to use this server (initialize / server/discover). */
  instructions?: string;
  /** Items per page of every list; 0 turns paging off. Default 100. */
  pageSize?: number;
  /**
   * Cache hints on 2026-07-28 results, per method. Default `{ ttlMs: 0, cacheScope: 'private' }`
   * (always re-fetch, never share across users): safe for any server; raise it for static lists.
   */
  cache?: Partial<Record<CacheableKind, CacheHint>>;
  /**
   * Keys that seal multi round-trip `requestState`. Default: a random key per process, which
   * only works while one process serves every retry; behind a load balancer, give every replica
   * the same keys (see `generateRequestStateSecret`).
   */
  requestState?: { keys: readonly RequestStateKey[]; ttlMs?: number };
  /** The revisions served. Default: every revision mcpkit speaks. */
  protocolVersions?: readonly ProtocolVersion[];
  /** Declare the `logging` capability (deprecated in 2026-07-28, still widely used). Default true. */
  logging?: boolean;
  /** Failures the client is only told about generically (tools that throw, send failures). */
  onError?: (error: unknown, where: string) => void;
  /** Options of each connection's JSON-RPC engine (timeouts, limits). */
  connection?: ConnectionOptions;
}

export interface ConnectOptions {
  /** The principal behind this connection, when an authorization layer verified one. */
  auth?: AuthInfo;
}

const DEFAULT_CACHE_HINT: CacheHint = { ttlMs: 0, cacheScope: 'private' };

export class McpServer implements AsyncDisposable {
  readonly info: Implementation;
  readonly #options: McpServerOptions;
  readonly #hub = new ChangeHub();
  readonly #tools = new ToolRegistry(() => this.#registrationsChanged('tools'));
  readonly #resources = new ResourceCatalog(() => this.#registrationsChanged('resources'));
  readonly #prompts = new PromptRegistry(() => this.#registrationsChanged('prompts'));
  /** What `capabilities` returns, kept for the checks every request makes; reset on change. */
  #capabilities: Readonly<ServerCapabilities> | undefined;
  readonly #sessions = new Set<ServerSession>();
  readonly #rootsListChanged = new Emitter<ServerSession>();
  readonly #core: ServerCore;

  constructor(info: Implementation, options: McpServerOptions = {}) {
    this.info = info;
    this.#options = options;
    const features: FeatureSet = {
      tools: this.#tools,
      resources: this.#resources,
      prompts: this.#prompts,
      pageSize: options.pageSize ?? 100,
      reportToolFailure: (error, tool) => this.#reportError(error, `tool ${tool}`),
    };
    const versions = [...(options.protocolVersions ?? PROTOCOL_VERSIONS)].sort();
    // Configured request-state options are checked now, so a bad key fails at startup. Without
    // any, the codec (and its process-local key, whose derivation loads WebCrypto) waits for the
    // first question a handler asks: most servers never ask one, and start faster for it.
    let requestState =
      options.requestState === undefined ? undefined : newRequestStateCodec(options.requestState);
    this.#core = {
      info,
      instructions: options.instructions,
      features,
      versions,
      capabilities: () => this.capabilities,
      currentCapabilities: () => (this.#capabilities ??= this.capabilities),
      cacheHint: (kind) => options.cache?.[kind] ?? DEFAULT_CACHE_HINT,
      get requestState() {
        return (requestState ??= newRequestStateCodec(options.requestState));
      },
      rootsListChanged: (session) => this.#rootsListChanged.emit(session as ServerSession),
      reportError: (error, where) => this.#reportError(error, where),
    };
  }

  /** What the server offers now; a kind appears once something of it is registered. */
  get capabilities(): ServerCapabilities {
    const capabilities: ServerCapabilities = {};
    if (this.#tools.size > 0) capabilities.tools = { listChanged: true };
    if (this.#resources.resources.size > 0 || this.#resources.templates.size > 0) {
      capabilities.resources = { subscribe: true, listChanged: true };
    }
    if (this.#prompts.size > 0) capabilities.prompts = { listChanged: true };
    if (this.#prompts.size > 0 || this.#resources.templates.size > 0) capabilities.completions = {};
    if (this.#options.logging !== false) capabilities.logging = {};
    return capabilities;
  }

  /** Registers a tool; dispose the result to remove it (clients hear `list_changed`). */
  tool<
    Input extends SchemaInput | undefined = undefined,
    Output extends SchemaInput | undefined = undefined,
  >(name: string, config: ToolConfig<Input, Output>, handler: ToolHandler<Input>): Disposable {
    return disposable(this.#tools.register(name, config, handler));
  }

  /**
   * The definition of a registered tool, as `tools/list` shows it; undefined for an unknown name.
   * Transports read it to check the `Mcp-Param-*` headers its `x-mcp-header` annotations ask for.
   */
  toolDefinition(name: string): Tool | undefined {
    return this.#tools.get(name)?.definition;
  }

  /** Registers a resource with a fixed URI. */
  resource(uri: string, config: ResourceConfig, read: ResourceReader): Disposable {
    return disposable(this.#resources.resources.register(uri, config, read));
  }

  /** Registers a family of resources addressed by an RFC 6570 URI template. */
  resourceTemplate(
    uriTemplate: string,
    config: ResourceTemplateConfig,
    read: TemplateReader,
  ): Disposable {
    return disposable(this.#resources.templates.register(uriTemplate, config, read));
  }

  /** Registers a prompt. */
  prompt<Args extends SchemaInput | undefined = undefined>(
    name: string,
    config: PromptConfig<Args>,
    handler: PromptHandler<Args>,
  ): Disposable {
    return disposable(this.#prompts.register(name, config, handler));
  }

  /**
   * Tells subscribers that a resource changed: legacy sessions that sent `resources/subscribe`
   * for it, and modern listen streams that named it.
   */
  resourceUpdated(uri: string): void {
    this.#hub.resourceUpdated(uri);
  }

  /** A legacy client's roots changed; ask again with `ctx.listRoots()` on its next request. */
  onRootsListChanged(listener: (session: ServerSession) => void): Disposable {
    return this.#rootsListChanged.on(listener);
  }

  /** Serves one connection (a stdio pipe, an in-memory pair, …) until it closes. */
  async connect(transport: Transport, options: ConnectOptions = {}): Promise<ServerSession> {
    const holder: { session?: ServerSession } = {};
    const connection = new JsonRpcConnection(transport, {
      ...this.#options.connection,
      acceptBatches: () => holder.session?.acceptsBatches() ?? false,
    });
    const live = new ServerSession(this.#core, connection, options.auth);
    holder.session = live;
    this.#sessions.add(live);
    const unsubscribe = this.#hub.add(live);
    connection.onHandlerError((failure) => this.#reportError(failure.error, failure.method));
    connection.onClose(() => {
      unsubscribe();
      this.#sessions.delete(live);
    });
    await connection.start();
    return live;
  }

  /** Ends every listen stream gracefully and closes every connection. */
  async close(): Promise<void> {
    await Promise.all([...this.#sessions].map((session) => session.close()));
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  #registrationsChanged(kind: ListKind): void {
    this.#capabilities = undefined;
    this.#hub.listChanged(kind);
  }

  #reportError(error: unknown, where: string): void {
    if (this.#options.onError !== undefined) this.#options.onError(error, where);
    else console.error(`[mcpkit] ${where} failed:`, error);
  }
}

function newRequestStateCodec(options: McpServerOptions['requestState']): RequestStateCodec {
  return new RequestStateCodec({
    keys: options?.keys ?? [processLocalRequestStateKey()],
    ...(options?.ttlMs === undefined ? {} : { ttlMs: options.ttlMs }),
  });
}
