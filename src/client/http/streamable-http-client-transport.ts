// The client side of Streamable HTTP, both eras, over web-standard `fetch`: one POST per message,
// answers as JSON or SSE; legacy sessions, the GET stream and resumption; the HTTP+SSE fallback.
import {
  ConnectionClosedError,
  InvalidResponseError,
  LimitExceededError,
} from '../../jsonrpc/errors.js';
import { Emitter, type Disposable } from '../../jsonrpc/events.js';
import { TransportEvents } from '../../jsonrpc/transport-events.js';
import type { SendOptions, Transport } from '../../jsonrpc/transport.js';
import {
  isNotification,
  isRequest,
  type JsonRpcMessage,
  type JsonRpcNotification,
  type JsonRpcRequest,
  type RequestId,
} from '../../spec/jsonrpc.js';
import { ErrorCode } from '../../spec/error-codes.js';
import { NotificationMethod } from '../../spec/methods.js';
import type { Era } from '../../spec/versions.js';
import type { EraAwareTransport } from '../establish.js';
import { sharedHttpEraMemory, type HttpEraMemory, type HttpServerKind } from './era-memory.js';
import { discardBody, mediaTypeOf, parseJson, peekBodyText, readBodyText } from './http-body.js';
import {
  DEFAULT_CLOSE_TIMEOUT,
  DEFAULT_MAX_MESSAGE_BYTES,
  DEFAULT_SSE_ENDPOINT_TIMEOUT,
  ERROR_BODY_LIMIT,
  type FetchLike,
  type HeadersSource,
  type HttpTransportWarning,
  type StreamableHttpClientOptions,
} from './http-client-options.js';
import {
  isModernRefusal,
  jsonRpcErrorIn,
  statusFailure,
  transportFailure,
  type HttpFailureKind,
} from './http-failures.js';
import { HttpSseChannel } from './http-sse-channel.js';
import { AnswerInspector } from './answer-inspector.js';
import { LegacyHttpSession } from './legacy-http-session.js';
import { reconnectionPolicy, type ReconnectionPolicy } from './reconnect-policy.js';
import { modernRequestHeaders, modernVersionOf } from './request-metadata.js';
import { followSseStream } from './sse-follower.js';
import { ToolHeaderParams } from './tool-header-params.js';
import { askOnce, relistTools } from './tool-list-refresh.js';

/** A request on its way: what was sent, and the switch that closes its stream. */
interface InFlight {
  request: JsonRpcRequest;
  controller: AbortController;
  modern: boolean;
  /** Set once a `HeaderMismatch` made the transport list the tools again and retry. */
  retried?: boolean;
}

/** Statuses on an `initialize` POST that send the client to the HTTP+SSE transport. */
const SSE_FALLBACK_STATUSES: ReadonlySet<number> = new Set([400, 404, 405]);

export class StreamableHttpClientTransport
  extends TransportEvents
  implements Transport, EraAwareTransport
{
  readonly url: URL;
  /** The `x-mcp-header` parameters learnt from `tools/list`; `learn()` adds tools by hand. */
  readonly toolHeaders = new ToolHeaderParams();
  readonly #fetch: FetchLike;
  readonly #headers: HeadersSource | undefined;
  readonly #memory: HttpEraMemory | undefined;
  readonly #policy: ReconnectionPolicy;
  readonly #random: () => number;
  readonly #maxMessageBytes: number;
  readonly #endpointTimeout: number;
  readonly #closeTimeout: number;
  readonly #inspector: AnswerInspector;
  readonly #warnings = new Emitter<HttpTransportWarning>();
  readonly #sessionExpired = new Emitter<void>();
  readonly #inFlight = new Map<RequestId, InFlight>();
  /** What the server speaks, as told or remembered when this transport was made. */
  #kind: HttpServerKind | undefined;
  /** Set once on the HTTP+SSE transport; the channel is opened again after it drops. */
  #sse: Promise<HttpSseChannel> | undefined;
  #onSse = false;
  readonly #session: LegacyHttpSession;
  /** Aborted by `close()`: ends one-way posts and streams not tied to a request. */
  readonly #closing = new AbortController();
  #started = false;
  #closed = false;

  constructor(url: string | URL, options: StreamableHttpClientOptions = {}) {
    super();
    this.url = new URL(url);
    this.#fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
    this.#headers = options.headers;
    this.#memory =
      options.eraMemory === false ? undefined : (options.eraMemory ?? sharedHttpEraMemory);
    this.#policy = reconnectionPolicy(options.reconnection);
    this.#random = options.random ?? Math.random;
    this.#maxMessageBytes = options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
    this.#endpointTimeout = options.sseEndpointTimeout ?? DEFAULT_SSE_ENDPOINT_TIMEOUT;
    this.#closeTimeout = options.closeTimeout ?? DEFAULT_CLOSE_TIMEOUT;
    const told = options.serverKind ?? 'auto';
    this.#kind = told === 'auto' ? this.#memory?.get(this.url) : told;
    this.#inspector = new AnswerInspector({
      tools: this.toolHeaders,
      warn: (warning) => this.#warnings.emit(warning),
      settled: (kind) => this.#memory?.set(this.url, kind),
    });
    this.#session = new LegacyHttpSession({
      openStream: (lastEventId, signal) => this.#get(lastEventId, signal),
      onData: (data) => void this.#receiveData(data, undefined),
      warn: (kind, reason) => this.#warn(kind, reason),
      expired: () => this.#sessionExpired.emit(),
      policy: this.#policy,
      random: this.#random,
      maxEventSize: this.#maxMessageBytes,
    });
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The legacy session id the server assigned, while there is one. */
  get sessionId(): string | undefined {
    return this.#session.id;
  }

  /** Whether messages go over the deprecated HTTP+SSE transport (2024-11-05). */
  get usingHttpSse(): boolean {
    return this.#onSse;
  }

  rememberedEra(): Era | undefined {
    if (this.#kind === undefined) return undefined;
    return this.#kind === 'modern' ? 'modern' : 'legacy';
  }

  /** The server ended the legacy session (HTTP 404, or the HTTP+SSE stream dropped). */
  onSessionExpired(listener: () => void): Disposable {
    return this.#sessionExpired.on(listener);
  }

  onWarning(listener: (warning: HttpTransportWarning) => void): Disposable {
    return this.#warnings.on(listener);
  }

  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    if (this.#kind !== 'legacy-sse') return;
    this.#onSse = true;
    try {
      await this.#channel();
    } catch (error) {
      // A remembered kind that no longer holds is forgotten, and the client probes again.
      this.#onSse = false;
      this.#kind = undefined;
      this.#memory?.forget(this.url);
      this.#warn('http-sse-unavailable', error);
    }
  }

  send(message: JsonRpcMessage | JsonRpcMessage[], _options?: SendOptions): Promise<void> {
    if (this.#closed) throw new ConnectionClosedError();
    if (!Array.isArray(message) && isRequest(message)) {
      this.#begin(message);
      return Promise.resolve();
    }
    if (
      !Array.isArray(message) &&
      isNotification(message) &&
      message.method === NotificationMethod.Cancelled
    ) {
      return this.#cancel(message);
    }
    return this.#postOneWay(message);
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#closing.abort();
    for (const flight of this.#inFlight.values()) flight.controller.abort();
    this.#inFlight.clear();
    const channel = this.#sse;
    this.#sse = undefined;
    channel?.then((open) => open.close()).catch(() => {});
    const session = this.#session.end();
    if (session !== undefined && !this.#onSse) await this.#endSession(session);
    this.closeEvents.emit({});
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // ---- requests ----------------------------------------------------------------------------------

  #begin(request: JsonRpcRequest): void {
    const flight: InFlight = {
      request,
      controller: new AbortController(),
      modern: modernVersionOf(request) !== undefined,
    };
    this.#inFlight.set(request.id, flight);
    void this.#exchange(flight);
  }

  /** Runs one request to its answer; every failure becomes an error response, never a throw. */
  async #exchange(flight: InFlight): Promise<void> {
    const { request, controller } = flight;
    try {
      if (this.#onSse) {
        await this.#exchangeOverSse(flight);
        return;
      }
      for (;;) {
        const session = this.#session.id;
        const response = await this.#post(request, controller.signal);
        if (request.method === 'initialize') this.#session.capture(response);
        if (response.ok) {
          await this.#readAnswer(flight, response, session);
          return;
        }
        if (!(await this.#refused(flight, response, session))) return;
      }
    } catch (error) {
      if (controller.signal.aborted) return;
      const kind = error instanceof LimitExceededError ? 'bad-response' : 'network';
      this.#fail(flight, kind, describe(error));
    } finally {
      if (!this.#onSse) this.#settle(flight);
    }
  }

  async #post(message: JsonRpcMessage | JsonRpcMessage[], signal: AbortSignal): Promise<Response> {
    const headers = await this.#baseHeaders();
    headers.set('Content-Type', 'application/json');
    headers.set('Accept', 'application/json, text/event-stream');
    const version = Array.isArray(message) ? undefined : modernVersionOf(message);
    if (version !== undefined && !Array.isArray(message) && 'method' in message) {
      for (const [name, value] of Object.entries(
        modernRequestHeaders(message, version, this.toolHeaders),
      )) {
        headers.set(name, value);
      }
    } else {
      const isInitialize =
        !Array.isArray(message) && 'method' in message && message.method === 'initialize';
      if (!isInitialize) this.#session.addHeaders(headers);
    }
    return this.#fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
      signal,
    });
  }

  /**
   * An HTTP error answer: a JSON-RPC error for the request, a session to renew, or a fallback.
   * Resolves true when the request should be posted again (the tools were listed anew).
   */
  async #refused(
    flight: InFlight,
    response: Response,
    session: string | undefined,
  ): Promise<boolean> {
    const { request } = flight;
    const body = await peekBodyText(response, ERROR_BODY_LIMIT);
    if (response.status === 404 && session !== undefined && !flight.modern) {
      this.#session.expire(session);
      this.#fail(flight, 'session-expired', 'The server ended the session (HTTP 404)', 404);
      return false;
    }
    if (request.method === 'initialize') {
      if (
        SSE_FALLBACK_STATUSES.has(response.status) &&
        !isModernRefusal(response.status, body) &&
        (await this.#switchToHttpSse())
      ) {
        await this.#exchangeOverSse(flight);
        return false;
      }
      // What was remembered about this origin did not hold; the next connection probes.
      this.#memory?.forget(this.url);
    }
    if (
      flight.modern &&
      request.method === 'tools/call' &&
      flight.retried !== true &&
      jsonRpcErrorIn(body)?.code === ErrorCode.HeaderMismatch
    ) {
      // The tool's `x-mcp-header` parameters may have changed: list again, retry once.
      flight.retried = true;
      const { signal } = flight.controller;
      const ask = (own: JsonRpcRequest): Promise<unknown> =>
        askOnce((body) => this.#post(body, signal), own, signal, this.#maxMessageBytes);
      const warn = (warning: HttpTransportWarning): void => this.#warnings.emit(warning);
      if (await relistTools(ask, request, this.toolHeaders, warn).catch(() => false)) return true;
    }
    this.#deliver(flight, statusFailure(request.id, response.status, response.statusText, body));
    return false;
  }

  /** A 2xx answer to a request: one JSON body, or an SSE stream that ends with the response. */
  async #readAnswer(
    flight: InFlight,
    response: Response,
    session: string | undefined,
  ): Promise<void> {
    const type = mediaTypeOf(response);
    if (response.status === 202 || response.body === null) {
      discardBody(response);
      this.#fail(flight, 'bad-response', 'The server accepted the request but did not answer it');
      return;
    }
    if (type === 'application/json') {
      const value = parseJson(await readBodyText(response, this.#maxMessageBytes));
      if (value === undefined || !this.#receive(value, flight)) {
        this.#fail(flight, 'bad-response', 'The JSON answer is not the response to the request');
      }
      return;
    }
    if (type !== 'text/event-stream') {
      discardBody(response);
      this.#fail(flight, 'bad-response', `The server answered with ${type || 'no media type'}`);
      return;
    }
    const outcome = await followSseStream({
      first: response,
      reopen: (lastEventId, signal) => this.#get(lastEventId, signal),
      onData: (data) => this.#receiveData(data, flight),
      // 2026-07-28 streams are not resumable; a legacy one is, from the last event id.
      resumption: flight.modern ? 'never' : 'with-event-id',
      policy: this.#policy,
      random: this.#random,
      signal: flight.controller.signal,
      maxEventSize: this.#maxMessageBytes,
    });
    switch (outcome.kind) {
      case 'complete':
      case 'aborted':
        return;
      case 'refused':
        discardBody(outcome.response);
        if (outcome.response.status === 404 && session !== undefined) {
          this.#session.expire(session);
        }
        this.#fail(
          flight,
          'stream-ended',
          `Resuming the stream failed (HTTP ${outcome.response.status})`,
          outcome.response.status,
        );
        return;
      case 'ended':
      case 'gave-up': {
        const why = outcome.error === undefined ? '' : `: ${describe(outcome.error)}`;
        this.#fail(flight, 'stream-ended', `The stream ended before the response${why}`);
        return;
      }
    }
  }

  /** The GET that opens the standalone stream or resumes a dropped one. */
  async #get(lastEventId: string | undefined, signal: AbortSignal): Promise<Response> {
    const headers = await this.#baseHeaders();
    headers.set('Accept', 'text/event-stream');
    this.#session.addHeaders(headers);
    if (lastEventId !== undefined) headers.set('Last-Event-ID', lastEventId);
    return this.#fetch(this.url, { method: 'GET', headers, signal });
  }

  // ---- one-way messages and cancellation ---------------------------------------------------------

  /**
   * Cancels a request. Modern: closing its stream is the cancellation, nothing is posted.
   * Legacy: the notification is posted, then the stream is let go.
   */
  async #cancel(notification: JsonRpcNotification): Promise<void> {
    const target = notification.params?.['requestId'];
    const flight =
      typeof target === 'string' || typeof target === 'number'
        ? this.#inFlight.get(target)
        : undefined;
    if (flight?.modern === true || (flight === undefined && !this.#inLegacySession)) {
      if (flight !== undefined) this.#abandon(flight);
      return;
    }
    try {
      await this.#postOneWay(notification);
    } finally {
      if (flight !== undefined) this.#abandon(flight);
    }
  }

  /** Notifications, responses and batches: the server answers 202 with no body. */
  async #postOneWay(message: JsonRpcMessage | JsonRpcMessage[]): Promise<void> {
    const body = JSON.stringify(message);
    let response: Response;
    const session = this.#session.id;
    if (this.#onSse) {
      response = await (await this.#channel()).post(body, this.#closing.signal);
    } else {
      response = await this.#post(message, this.#closing.signal);
    }
    discardBody(response);
    if (!response.ok) {
      if (response.status === 404 && session !== undefined) this.#session.expire(session);
      throw new InvalidResponseError(`The server refused the message (HTTP ${response.status})`);
    }
    if (
      !Array.isArray(message) &&
      'method' in message &&
      message.method === NotificationMethod.Initialized &&
      !this.#onSse
    ) {
      this.#session.openListenStream();
    }
  }

  // ---- legacy sessions ---------------------------------------------------------------------------

  get #inLegacySession(): boolean {
    return this.#onSse || this.#session.active;
  }

  /** Ends a session on close; a 405 (the server does not allow it) or a failure is fine. */
  async #endSession(session: { id: string; version: string | undefined }): Promise<void> {
    try {
      const headers = await this.#baseHeaders();
      headers.set('Mcp-Session-Id', session.id);
      if (session.version !== undefined) headers.set('MCP-Protocol-Version', session.version);
      const response = await this.#fetch(this.url, {
        method: 'DELETE',
        headers,
        signal: AbortSignal.timeout(this.#closeTimeout),
      });
      discardBody(response);
    } catch {
      // The session ends on the server's side anyway when it expires.
    }
  }

  // ---- the HTTP+SSE transport (2024-11-05) -------------------------------------------------------

  /** Tries the deprecated HTTP+SSE transport; true when its stream opened. */
  async #switchToHttpSse(): Promise<boolean> {
    this.#onSse = true;
    try {
      await this.#channel();
      return true;
    } catch (error) {
      this.#onSse = false;
      this.#warn('http-sse-unavailable', error);
      return false;
    }
  }

  #channel(): Promise<HttpSseChannel> {
    if (this.#closed) return Promise.reject(new ConnectionClosedError());
    this.#sse ??= HttpSseChannel.open({
      url: this.url,
      fetch: this.#fetch,
      headers: () => this.#baseHeaders(),
      onData: (data) => this.#receiveData(data, undefined),
      onEnd: (error) => this.#httpSseEnded(error),
      maxEventSize: this.#maxMessageBytes,
      endpointTimeout: this.#endpointTimeout,
    }).catch((error: unknown) => {
      this.#sse = undefined;
      throw error;
    });
    return this.#sse;
  }

  async #exchangeOverSse(flight: InFlight): Promise<void> {
    const { request, controller } = flight;
    const response = await (await this.#channel()).post(JSON.stringify(request), controller.signal);
    if (response.ok) {
      // The answer comes on the stream; the request stays in flight until then.
      discardBody(response);
      return;
    }
    const body = await peekBodyText(response, ERROR_BODY_LIMIT);
    this.#deliver(flight, statusFailure(request.id, response.status, response.statusText, body));
  }

  /** The HTTP+SSE stream dropped: its session is gone with it, and so are its pending answers. */
  #httpSseEnded(error: unknown): void {
    this.#sse = undefined;
    this.#session.version = undefined;
    if (this.#closed) return;
    const why = error === undefined ? '' : `: ${describe(error)}`;
    for (const flight of [...this.#inFlight.values()]) {
      this.#fail(flight, 'stream-ended', `The HTTP+SSE stream ended before the response${why}`);
    }
    this.#sessionExpired.emit();
  }

  // ---- receiving ---------------------------------------------------------------------------------

  /** One SSE message's data; true when it carried the answer to `flight`. */
  #receiveData(data: string, flight: InFlight | undefined): boolean {
    const value = parseJson(data);
    if (value === undefined) {
      this.#warn('unreadable-message', 'An SSE event does not hold JSON');
      return false;
    }
    return this.#receive(value, flight);
  }

  /**
   * Hands a message (or batch) to the engine after looking at answers to this transport's
   * requests; true when it answered `flight`. Answers on a shared stream find their request here.
   */
  #receive(value: unknown, flight: InFlight | undefined): boolean {
    const items: unknown[] = Array.isArray(value) ? value : [value];
    let answered = false;
    const delivered = items.map((item) => {
      const id = responseIdOf(item);
      const owner =
        id === undefined ? undefined : flight?.request.id === id ? flight : this.#inFlight.get(id);
      if (owner === undefined || this.#closed) return item;
      if (owner === flight) answered = true;
      const inspected = this.#inspect(owner, item);
      this.#settle(owner);
      return inspected;
    });
    if (this.#closed) return answered;
    this.messageEvents.emit(Array.isArray(value) ? delivered : delivered[0]);
    return answered;
  }

  #inspect(flight: InFlight, response: unknown): unknown {
    const inspected = this.#inspector.inspect(flight.request, flight.modern, response, this.#onSse);
    if (inspected.negotiatedVersion !== undefined) {
      this.#session.version = inspected.negotiatedVersion;
    }
    return inspected.response;
  }

  /** Delivers an answer made here (an error for a failed request). */
  #deliver(flight: InFlight, response: unknown): void {
    if (this.#closed || this.#inFlight.get(flight.request.id) !== flight) return;
    this.#receive(response, flight);
  }

  #fail(flight: InFlight, kind: HttpFailureKind, message: string, status?: number): void {
    this.#deliver(flight, transportFailure(flight.request.id, kind, message, status));
  }

  #settle(flight: InFlight): void {
    if (this.#inFlight.get(flight.request.id) === flight) this.#inFlight.delete(flight.request.id);
  }

  #abandon(flight: InFlight): void {
    this.#settle(flight);
    flight.controller.abort();
  }

  // ---- helpers -----------------------------------------------------------------------------------

  async #baseHeaders(): Promise<Headers> {
    const source = this.#headers;
    return new Headers(typeof source === 'function' ? await source() : source);
  }

  #warn(kind: Exclude<HttpTransportWarning['kind'], 'tool-rejected'>, reason: unknown): void {
    this.#warnings.emit({ kind, reason: describe(reason) });
  }
}

function responseIdOf(value: unknown): RequestId | undefined {
  if (typeof value !== 'object' || value === null || 'method' in value) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
