// The high-level client: connects to any MCP server (2024 or 2026), detects its era, and gives a
// host the whole protocol as typed methods, with the host's handlers answering what it asks.
import { JsonRpcConnection } from '../jsonrpc/connection.js';
import type { RequestOptions } from '../jsonrpc/connection-options.js';
import { ConnectionClosedError, InvalidResponseError, UsageError } from '../jsonrpc/errors.js';
import { Emitter, type Disposable } from '../jsonrpc/events.js';
import type { Transport } from '../jsonrpc/transport.js';
import { compileJsonSchema, describeIssues } from '../schema/index.js';
import { NotificationMethod } from '../spec/methods.js';
import type {
  CallToolResult,
  CompleteResult,
  GetPromptResult,
  Implementation,
  LoggingLevel,
  LoggingMessageNotificationParams,
  Prompt,
  PromptReference,
  ReadResourceResult,
  Resource,
  ResourceTemplate,
  ResourceTemplateReference,
  ServerCapabilities,
  SubscriptionFilter,
  Tool,
} from '../spec/types/index.js';
import {
  MODERN_PROTOCOL_VERSIONS,
  isLegacyVersion,
  type Era,
  type ProtocolVersion,
} from '../spec/versions.js';
import { modernCapabilities } from './capabilities.js';
import { ModernClientSession, type ClientSession } from './client-session.js';
import {
  establish,
  initialize,
  type EraAwareTransport,
  type ServerDescription,
} from './establish.js';
import { answerInput } from './input-answers.js';
import { ListCache, type ListName } from './list-cache.js';
import type { CallOptions, McpClientOptions } from './options.js';
import { Subscription } from './subscription.js';

type Params = Record<string, unknown>;

interface OutputChecker {
  schema: unknown;
  validate: (value: unknown) => {
    ok: boolean;
    issues?: readonly { path: readonly (string | number)[]; message: string }[];
  };
}

interface Page<T> {
  items: T[];
  nextCursor: string | undefined;
}

const LIST_METHOD: Readonly<Record<ListName, string>> = {
  tools: 'tools/list',
  resources: 'resources/list',
  resourceTemplates: 'resources/templates/list',
  prompts: 'prompts/list',
};

const LIST_CHANGED: Readonly<Record<string, ListName>> = {
  [NotificationMethod.ToolListChanged]: 'tools',
  [NotificationMethod.ResourceListChanged]: 'resources',
  [NotificationMethod.PromptListChanged]: 'prompts',
};

export class McpClient implements AsyncDisposable {
  readonly info: Implementation;
  readonly #options: McpClientOptions;
  #connection: JsonRpcConnection | undefined;
  #session: ClientSession | undefined;
  #server: ServerDescription | undefined;
  #logLevel: LoggingLevel | undefined;
  /** A new legacy session being opened after the server ended the last one; calls wait for it. */
  #renewing: Promise<void> | undefined;
  readonly #cache = new ListCache();
  /**
   * Output-schema checkers by tool name, from the last tool list seen; `null` for a tool without
   * an output schema. Forgotten when the server says its tools changed.
   */
  readonly #outputCheckers = new Map<string, OutputChecker | null>();
  readonly #listChanged = new Emitter<ListName>();
  readonly #resourceUpdated = new Emitter<string>();
  readonly #logMessage = new Emitter<LoggingMessageNotificationParams>();
  readonly #closed = new Emitter<Error | undefined>();

  constructor(info: Implementation, options: McpClientOptions = {}) {
    this.info = info;
    this.#options = options;
  }

  /**
   * Connects and picks the era. Pass a function that makes a transport (e.g. spawns the server)
   * and the client can start a fresh one when a legacy server exits on the era probe.
   */
  async connect(transport: Transport | (() => Transport)): Promise<void> {
    if (this.#connection !== undefined) throw new UsageError('The client is already connected');
    const make = typeof transport === 'function' ? transport : undefined;
    let first: Transport | undefined = typeof transport === 'function' ? undefined : transport;
    let current: (Transport & EraAwareTransport) | undefined;
    const open = async (): Promise<JsonRpcConnection> => {
      const next = first ?? make?.();
      first = undefined;
      if (next === undefined) throw new ConnectionClosedError('No transport to connect with');
      current = next;
      const connection = this.#wire(new JsonRpcConnection(next, this.#options.connection));
      await connection.start();
      return connection;
    };
    const established = await establish(
      open,
      make !== undefined,
      this.#options,
      {
        clientInfo: this.info,
        capabilities: modernCapabilities(this.#options),
        handlers: this.#options.handlers ?? {},
        maxInputRounds: this.#options.maxInputRounds ?? 8,
        ours: [...MODERN_PROTOCOL_VERSIONS].reverse(),
        logLevel: () => this.#logLevel,
      },
      () => current?.rememberedEra?.(),
    );
    this.#connection = established.connection;
    this.#session = established.session;
    this.#server = established.server;
    const expiry = current?.onSessionExpired?.(() => this.#renewSession());
    established.connection.onClose((info) => {
      expiry?.dispose();
      this.#closed.emit(info.error);
    });
  }

  /** The server ended the legacy session (HTTP 404): initialize again, at the same version. */
  #renewSession(): void {
    const connection = this.#connection;
    const session = this.#session;
    if (connection === undefined || connection.closed || session?.era !== 'legacy') return;
    if (this.#renewing !== undefined) return;
    const version = isLegacyVersion(session.version) ? session.version : undefined;
    const renewing = initialize(connection, version, this.#options, this.info)
      .then(
        (established) => {
          this.#session = established.session;
          this.#server = established.server;
          this.#cache.clear();
        },
        async (error: unknown) => {
          await connection.close();
          throw error;
        },
      )
      .finally(() => {
        if (this.#renewing === renewing) this.#renewing = undefined;
      });
    renewing.catch(() => {});
    this.#renewing = renewing;
  }

  /** Answers what a legacy server asks, and routes notifications to listeners. */
  #wire(connection: JsonRpcConnection): JsonRpcConnection {
    const handlers = this.#options.handlers ?? {};
    for (const method of ['elicitation/create', 'sampling/createMessage', 'roots/list'] as const) {
      connection.setRequestHandler(method, (params, context) =>
        answerInput(handlers, method, params, { signal: context.signal }),
      );
    }
    connection.setRequestHandler('ping', () => ({}));
    connection.onAnyNotification(({ method, params }) => {
      const list = Object.hasOwn(LIST_CHANGED, method) ? LIST_CHANGED[method] : undefined;
      if (list !== undefined) {
        this.#cache.invalidate(list);
        if (list === 'tools') this.#outputCheckers.clear();
        if (list === 'resources') this.#cache.invalidate('resourceTemplates');
        this.#listChanged.emit(list);
      } else if (
        method === NotificationMethod.ResourceUpdated &&
        typeof params?.['uri'] === 'string'
      ) {
        this.#resourceUpdated.emit(params['uri']);
      } else if (method === NotificationMethod.Message && params !== undefined) {
        this.#logMessage.emit(params as LoggingMessageNotificationParams);
      }
    });
    return connection;
  }

  // ---- what the connection established ---------------------------------------------------------

  get era(): Era {
    return this.#require().era;
  }
  get protocolVersion(): ProtocolVersion {
    return this.#require().version;
  }
  get serverInfo(): Implementation | undefined {
    return this.#server?.info;
  }
  get serverCapabilities(): ServerCapabilities {
    return this.#server?.capabilities ?? {};
  }
  get instructions(): string | undefined {
    return this.#server?.instructions;
  }
  get connected(): boolean {
    return this.#connection !== undefined && !this.#connection.closed;
  }

  // ---- calling the server ------------------------------------------------------------------------

  /** Sends any request through the era's session (the `_meta` envelope, input rounds). */
  async request(method: string, params?: Params, options?: CallOptions): Promise<Params> {
    if (this.#renewing !== undefined) await this.#renewing;
    return this.#require().request(method, params, toRequestOptions(options));
  }

  async listTools(cursor?: string, options?: CallOptions): Promise<Page<Tool>> {
    return this.#page('tools', cursor, options);
  }
  async listResources(cursor?: string, options?: CallOptions): Promise<Page<Resource>> {
    return this.#page('resources', cursor, options);
  }
  async listResourceTemplates(
    cursor?: string,
    options?: CallOptions,
  ): Promise<Page<ResourceTemplate>> {
    return this.#page('resourceTemplates', cursor, options);
  }
  async listPrompts(cursor?: string, options?: CallOptions): Promise<Page<Prompt>> {
    return this.#page('prompts', cursor, options);
  }

  /** Every tool, following cursors; served from cache while the server's `ttlMs` holds. */
  allTools(options?: CallOptions): Promise<Tool[]> {
    return this.#all('tools', options);
  }
  allResources(options?: CallOptions): Promise<Resource[]> {
    return this.#all('resources', options);
  }
  allResourceTemplates(options?: CallOptions): Promise<ResourceTemplate[]> {
    return this.#all('resourceTemplates', options);
  }
  allPrompts(options?: CallOptions): Promise<Prompt[]> {
    return this.#all('prompts', options);
  }

  /** Iterates a list page by page, without caching. */
  async *iterate<T = unknown>(name: ListName, options?: CallOptions): AsyncGenerator<T> {
    const cursors = new CursorGuard(name);
    let cursor: string | undefined;
    do {
      const page = await this.#page<T>(name, cursor, options);
      yield* page.items;
      cursor = cursors.next(page.nextCursor);
    } while (cursor !== undefined);
  }

  /**
   * Calls a tool. A tool that fails returns a result with `isError` (not an exception); a
   * result whose `structuredContent` breaks the tool's `outputSchema` is an `InvalidResponseError`.
   */
  async callTool(name: string, args: Params = {}, options?: CallOptions): Promise<CallToolResult> {
    const result = (await this.request(
      'tools/call',
      { name, arguments: args },
      options,
    )) as CallToolResult;
    // A tool known to have no output schema has nothing to check.
    if (result.isError !== true && this.#outputCheckers.get(name) !== null)
      await this.#checkStructured(name, result, options);
    return result;
  }

  async readResource(uri: string, options?: CallOptions): Promise<ReadResourceResult> {
    return (await this.request('resources/read', { uri }, options)) as ReadResourceResult;
  }

  async getPrompt(
    name: string,
    args: Record<string, string> = {},
    options?: CallOptions,
  ): Promise<GetPromptResult> {
    return (await this.request(
      'prompts/get',
      { name, arguments: args },
      options,
    )) as GetPromptResult;
  }

  async complete(
    ref: PromptReference | ResourceTemplateReference,
    argument: { name: string; value: string },
    context?: Record<string, string>,
    options?: CallOptions,
  ): Promise<CompleteResult['completion']> {
    const params: Params = { ref, argument };
    if (context !== undefined) params['context'] = { arguments: context };
    return ((await this.request('completion/complete', params, options)) as CompleteResult)
      .completion;
  }

  /**
   * Sets the level of log messages the server sends. Legacy: `logging/setLevel`. Modern: every
   * later request carries it in `_meta`; `undefined` stops log messages.
   */
  async setLogLevel(level: LoggingLevel | undefined): Promise<void> {
    this.#logLevel = level;
    if (this.#require().era === 'legacy' && level !== undefined)
      await this.request('logging/setLevel', { level });
  }

  /**
   * Watches resources and lists. Modern: a `subscriptions/listen` stream with this filter.
   * Legacy: `resources/subscribe` for each URI (list changes arrive without asking). Dispose the
   * subscription to stop; events arrive through `onResourceUpdated` / `onListChanged`.
   */
  async subscribe(filter: SubscriptionFilter, options: CallOptions = {}): Promise<Subscription> {
    const session = this.#require();
    if (session instanceof ModernClientSession) {
      const connection = this.#connection as JsonRpcConnection;
      return Subscription.listen(
        {
          session,
          onNotification: (method, listener) => connection.onNotification(method, listener),
        },
        filter,
        toRequestOptions(options),
      );
    }
    const uris = filter.resourceSubscriptions ?? [];
    await Promise.all(uris.map((uri) => this.request('resources/subscribe', { uri }, options)));
    return Subscription.legacy(
      filter,
      () =>
        Promise.all(uris.map((uri) => this.request('resources/unsubscribe', { uri }))).then(
          () => undefined,
        ),
      (listener) => this.#closed.on(listener),
    );
  }

  /** Liveness check: `ping` (legacy) or `server/discover` (modern, which has no ping). */
  async ping(options?: CallOptions): Promise<void> {
    await this.request(
      this.#require().era === 'legacy' ? 'ping' : 'server/discover',
      undefined,
      options,
    );
  }

  /** Tells a legacy server the host's roots changed (modern servers ask again on their own). */
  notifyRootsListChanged(): void {
    if (this.#require().era === 'legacy')
      this.#connection?.notify(NotificationMethod.RootsListChanged);
  }

  // ---- events ------------------------------------------------------------------------------------

  onListChanged(listener: (list: ListName) => void): Disposable {
    return this.#listChanged.on(listener);
  }
  onResourceUpdated(listener: (uri: string) => void): Disposable {
    return this.#resourceUpdated.on(listener);
  }
  onLogMessage(listener: (message: LoggingMessageNotificationParams) => void): Disposable {
    return this.#logMessage.on(listener);
  }
  /** The connection closed; `error` says why when it was not asked for. */
  onClose(listener: (error: Error | undefined) => void): Disposable {
    return this.#closed.on(listener);
  }

  async close(): Promise<void> {
    await this.#connection?.close();
    this.#cache.clear();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // ---- internals ---------------------------------------------------------------------------------

  #require(): ClientSession {
    if (this.#session === undefined)
      throw new UsageError('The client is not connected; call connect() first');
    return this.#session;
  }

  /** One page of a list; tools pages also teach the client the tools' output schemas. */
  async #page<T>(
    name: ListName,
    cursor: string | undefined,
    options?: CallOptions,
  ): Promise<Page<T> & { ttlMs: unknown }> {
    const result = await this.request(
      LIST_METHOD[name],
      cursor === undefined ? undefined : { cursor },
      options,
    );
    const items = result[name] as T[];
    if (name === 'tools') this.#learnTools(items as Tool[]);
    return {
      items,
      nextCursor: result['nextCursor'] as string | undefined,
      ttlMs: result['ttlMs'],
    };
  }

  /** Every page of a list, cached for the shortest `ttlMs` among its pages. */
  async #all<T>(name: ListName, options?: CallOptions): Promise<T[]> {
    const cached = this.#cache.get(name);
    if (cached !== undefined) return [...cached] as T[];
    const items: T[] = [];
    let ttlMs: number | undefined;
    const cursors = new CursorGuard(name);
    let cursor: string | undefined;
    do {
      const page = await this.#page<T>(name, cursor, options);
      items.push(...page.items);
      const pageTtl = typeof page.ttlMs === 'number' ? page.ttlMs : 0;
      ttlMs = ttlMs === undefined ? pageTtl : Math.min(ttlMs, pageTtl);
      cursor = cursors.next(page.nextCursor);
    } while (cursor !== undefined);
    this.#cache.set(name, items, ttlMs);
    return items;
  }

  /** Compiles the output schemas of listed tools, once per schema. */
  #learnTools(tools: readonly Tool[]): void {
    for (const tool of tools) {
      const known = this.#outputCheckers.get(tool.name);
      if (known !== undefined && known?.schema === tool.outputSchema) continue;
      if (tool.outputSchema === undefined) {
        this.#outputCheckers.set(tool.name, null);
        continue;
      }
      const compiled = compileJsonSchema(tool.outputSchema);
      this.#outputCheckers.set(tool.name, {
        schema: tool.outputSchema,
        validate: (value) => compiled.validate(value),
      });
    }
  }

  /**
   * Checks `structuredContent` against the tool's `outputSchema`. The schema comes from the
   * last tool list; a tool never listed yet makes the client list tools once.
   */
  async #checkStructured(
    name: string,
    result: CallToolResult,
    options?: CallOptions,
  ): Promise<void> {
    if (!this.#outputCheckers.has(name)) {
      // A server that cannot list its tools just leaves the result unchecked.
      await this.allTools(options).catch(() => undefined);
      // Still unknown: the server does not list it; nothing to check against.
      if (!this.#outputCheckers.has(name)) this.#outputCheckers.set(name, null);
    }
    const checker = this.#outputCheckers.get(name);
    if (checker === undefined || checker === null) return;
    if (result.structuredContent === undefined) {
      throw new InvalidResponseError(
        `Tool "${name}" has an output schema but returned no structured content`,
      );
    }
    const checked = checker.validate(result.structuredContent);
    if (!checked.ok) {
      throw new InvalidResponseError(
        `Tool "${name}" returned structured content that does not match its output schema: ${describeIssues(checked.issues ?? [])}`,
      );
    }
  }
}

/** Follows cursors, refusing one the server already handed out (which would loop forever). */
class CursorGuard {
  readonly #seen = new Set<string>();
  readonly #list: string;
  constructor(list: string) {
    this.#list = list;
  }
  next(cursor: string | undefined): string | undefined {
    if (cursor === undefined) return undefined;
    if (this.#seen.has(cursor))
      throw new InvalidResponseError(`The server repeated a ${this.#list} cursor`);
    this.#seen.add(cursor);
    return cursor;
  }
}

/** Shared by every call without options; nothing writes to request options. */
const NO_REQUEST_OPTIONS: RequestOptions = Object.freeze({});

function toRequestOptions(options: CallOptions | undefined): RequestOptions {
  if (options === undefined) return NO_REQUEST_OPTIONS;
  const out: RequestOptions = {};
  if (options.signal !== undefined) out.signal = options.signal;
  if (options.timeout !== undefined) out.timeout = options.timeout;
  if (options.resetTimeoutOnProgress !== undefined)
    out.resetTimeoutOnProgress = options.resetTimeoutOnProgress;
  if (options.maxTotalTimeout !== undefined) out.maxTotalTimeout = options.maxTotalTimeout;
  if (options.onProgress !== undefined) out.onProgress = options.onProgress;
  return out;
}
