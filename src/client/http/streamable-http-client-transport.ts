// The client side of Streamable HTTP, both eras, over web-standard `fetch`: one POST per message,
// answers as JSON or SSE; legacy sessions, the GET stream and resumption; the HTTP+SSE fallback.
import { ConnectionClosedError, InvalidResponseError } from '../../jsonrpc/errors.js';
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
import { NotificationMethod } from '../../spec/methods.js';
import type { Era } from '../../spec/versions.js';
import type { EraAwareTransport } from '../establish.js';
import { HttpEraMemory, sharedHttpEraMemory, type HttpServerKind } from './era-memory.js';
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
  statusFailure,
  transportFailure,
  type HttpFailureKind,
} from './http-failures.js';
import { HttpSseChannel } from './http-sse-channel.js';
import { AnswerInspector } from './answer-inspector.js';
import { reconnectionPolicy, type ReconnectionPolicy } from './reconnect-policy.js';
import { modernRequestHeaders, modernVersionOf } from './request-metadata.js';
import { followSseStream } from './sse-follower.js';
import { ToolHeaderParams } from './tool-header-params.js';

/** A request on its way: what was sent, and the switch that closes its stream. */
interface InFlight {
  request: JsonRpcRequest;
  controller: AbortController;
  modern: boolean;
}

/** Statuses on an `initialize` POST that send the client to the HTTP+SSE transport. */
const SSE_FALLBACK_STATUSES: ReadonlySet<number> = new Set([400, 404, 405]);
/** RFC 9110 visible ASCII, as the spec requires of a session id. */
const SESSION_ID = /^[\x21-\x7e]{1,1024}$/;

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
  #sessionId: string | undefined;
  /** The version `initialize` negotiated; sent as `MCP-Protocol-Version` from then on. */
  #sessionVersion: string | undefined;
  #listen: AbortController | undefined;
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
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** The legacy session id the server assigned, while there is one. */
  get sessionId(): string | undefined {
    return this.#sessionId;
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
    for (const flight of this.#inFlight.values()) flight.controller.abort();
    this.#inFlight.clear();
    this.#listen?.abort();
    const channel = this.#sse;
    this.#sse = undefined;
    channel?.then((open) => open.close()).catch(() => {});
    const session = this.#sessionId;
    this.#sessionId = undefined;
    if (session !== undefined) await this.#endSession(session);
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
      const session = this.#sessionId;
      const response = await this.#post(request, controller.signal);
      if (request.method === 'initialize') this.#captureSession(response);
      if (!response.ok) await this.#refused(flight, response, session);
      else await this.#readAnswer(flight, response, session);
    } catch (error) {
      if (!controller.signal.aborted) this.#fail(flight, 'network', describe(error));
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
      const isInitialize = !Array.isArray(message) && 'method' in message && message.method === 'initialize';
      if (!isInitialize) this.#setSessionHeaders(headers);
    }
    return this.#fetch(this.url, {
      method: 'POST',
      headers,
      body: JSON.stringify(message),
      signal,
    });
  }

  /** An HTTP error answer: a JSON-RPC error for the request, a session to renew, or a fallback. */
  async #refused(flight: InFlight, response: Response, session: string | undefined): Promise<void> {
    const { request } = flight;
    const body = await peekBodyText(response, ERROR_BODY_LIMIT);
    if (response.status === 404 && session !== undefined && !flight.modern) {
      this.#expire(session);
      this.#fail(flight, 'session-expired', 'The server ended the session (HTTP 404)', 404);
      return;
    }
    if (request.method === 'initialize') {
      if (
        SSE_FALLBACK_STATUSES.has(response.status) &&
        !isModernRefusal(response.status, body) &&
        (await this.#switchToHttpSse())
      ) {
        await this.#exchangeOverSse(flight);
        return;
      }
      // What was remembered about this origin did not hold; the next connection probes.
      this.#memory?.forget(this.url);
    }
    this.#deliver(flight, statusFailure(request.id, response.status, response.statusText, body));
  }

  /** A 2xx answer to a request: one JSON body, or an SSE stream that ends with the response. */
  async #readAnswer(flight: InFlight, response: Response, session: string | undefined): Promise<void> {
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
        if (outcome.response.status === 404 && session !== undefined) this.#expire(session);
        this.#fail(flight, 'stream-ended', `Resuming the stream failed (HTTP ${outcome.response.status})`, outcome.response.status);
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
    this.#setSessionHeaders(headers);
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
    const session = this.#sessionId;
    if (this.#onSse) {
      response = await (await this.#channel()).post(body, neverAborted);
    } else {
      response = await this.#post(message, neverAborted);
    }
    discardBody(response);
    if (!response.ok) {
      if (response.status === 404 && session !== undefined) this.#expire(session);
      throw new InvalidResponseError(`The server refused the message (HTTP ${response.status})`);
    }
    if (!Array.isArray(message) && 'method' in message && message.method === NotificationMethod.Initialized && !this.#onSse) {
      this.#openListenStream();
    }
  }

  // ---- legacy sessions ---------------------------------------------------------------------------

  get #inLegacySession(): boolean {
    return this.#onSse || this.#sessionVersion !== undefined || this.#sessionId !== undefined;
  }

  #setSessionHeaders(headers: Headers): void {
    if (this.#sessionId !== undefined) headers.set('Mcp-Session-Id', this.#sessionId);
    if (this.#sessionVersion !== undefined) headers.set('MCP-Protocol-Version', this.#sessionVersion);
  }

  #captureSession(response: Response): void {
    if (!response.ok) return;
    const id = response.headers.get('mcp-session-id');
    if (id === null) return;
    if (SESSION_ID.test(id)) this.#sessionId = id;
    else this.#warn('session-id-refused', 'The session id is not 1 to 1024 visible ASCII characters');
  }

  /** The server's GET stream for messages outside any request (legacy sessions; 405 = none). */
  #openListenStream(): void {
    this.#listen?.abort();
    const controller = new AbortController();
    this.#listen = controller;
    const session = this.#sessionId;
    void followSseStream({
      first: undefined,
      reopen: (lastEventId, signal) => this.#get(lastEventId, signal),
      onData: (data) => this.#receiveData(data, undefined),
      resumption: 'always',
      policy: this.#policy,
      random: this.#random,
      signal: controller.signal,
      maxEventSize: this.#maxMessageBytes,
    }).then((outcome) => {
      switch (outcome.kind) {
        case 'complete':
        case 'aborted':
          return;
        case 'refused': {
          const status = outcome.response.status;
          discardBody(outcome.response);
          if (status === 405) return;
          if (status === 404 && session !== undefined) this.#expire(session);
          else this.#warn('listen-stream-lost', `HTTP ${status}`);
          return;
        }
        case 'ended':
        case 'gave-up':
          this.#warn('listen-stream-lost', outcome.error ?? 'the stream kept ending');
          return;
      }
    });
  }

  /** The session `session` is over: forget it and tell the client, once. */
  #expire(session: string): void {
    if (this.#sessionId !== session) return;
    this.#sessionId = undefined;
    this.#sessionVersion = undefined;
    this.#listen?.abort();
    this.#sessionExpired.emit();
  }

  /** Ends a session on close; a 405 (the server does not allow it) or a failure is fine. */
  async #endSession(session: string): Promise<void> {
    try {
      const headers = await this.#baseHeaders();
      headers.set('Mcp-Session-Id', session);
      if (this.#sessionVersion !== undefined) headers.set('MCP-Protocol-Version', this.#sessionVersion);
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
    this.#sessionVersion = undefined;
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
    const items = Array.isArray(value) ? value : [value];
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
    if (inspected.negotiatedVersion !== undefined) this.#sessionVersion = inspected.negotiatedVersion;
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

  #warn(kind: 'session-id-refused' | 'listen-stream-lost' | 'http-sse-unavailable', reason: unknown): void {
    this.#warnings.emit({ kind, reason: describe(reason) });
  }
}

/** A signal for posts that run to their end (their failure is reported, not aborted). */
const neverAborted = new AbortController().signal;

function responseIdOf(value: unknown): RequestId | undefined {
  if (typeof value !== 'object' || value === null || 'method' in value) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' || typeof id === 'number' ? id : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
