// The JSON-RPC engine for one connection: ids and correlation, handler dispatch with limits,
// timeouts, cancellation both ways, progress, and batches where the revision allows them.
import { ErrorCode } from '../spec/error-codes.js';
import type {
  JsonRpcErrorResponse,
  JsonRpcMessage,
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResponse,
  ProgressToken,
  RequestId,
} from '../spec/jsonrpc.js';
import { NotificationMethod } from '../spec/methods.js';
import {
  classifyMessage,
  messageKind,
  requestId,
  type MessageKind,
} from '../spec/validate/envelope.js';
import { formatIssue } from '../spec/validate/validator.js';
import { BatchReply } from './batch-reply.js';
import { copyWith } from './copy-with.js';
import { isThenable } from './maybe-async.js';
import { SparseMap } from './sparse-map.js';
import {
  DEFAULT_MAX_CONCURRENT_REQUESTS,
  DEFAULT_MAX_PENDING_REQUESTS,
  DEFAULT_MAX_QUEUED_REQUESTS,
  DEFAULT_MAX_TOTAL_TIMEOUT,
  DEFAULT_REQUEST_TIMEOUT,
  type ConnectionOptions,
  type RequestOptions,
} from './connection-options.js';
import {
  ConnectionClosedError,
  InvalidResponseError,
  LimitExceededError,
  ProtocolError,
  RequestCancelledError,
  UsageError,
  type RequestTimeoutError,
  toWireError,
} from './errors.js';
import { Emitter, disposable, type Disposable } from './events.js';
import { IncomingRequest, type RequestChannel } from './incoming-request.js';
import { OutgoingRequest } from './outgoing-request.js';
import type { FallbackRequestHandler, RequestHandler } from './request-context.js';
import type { InvalidFrame, Transport, TransportCloseInfo } from './transport.js';

type Params = Record<string, unknown> | undefined;

/** Something the engine received and dropped, for diagnostics (nothing was sent back). */
export interface DroppedMessage {
  reason: string;
  message: unknown;
}

/** A handler threw or rejected with something that was not a `ProtocolError`. */
export interface HandlerFailure {
  method: string;
  id: RequestId;
  error: unknown;
}

export class JsonRpcConnection implements AsyncDisposable {
  readonly #transport: Transport;
  readonly #requestTimeout: number;
  readonly #maxTotalTimeout: number;
  readonly #resetTimeoutOnProgress: boolean;
  readonly #maxPending: number;
  readonly #maxConcurrent: number;
  readonly #maxQueued: number;
  readonly #acceptBatches: () => boolean;

  #nextId = 1;
  /** Outgoing requests by id; responses are looked up here and only here. */
  readonly #pending = new SparseMap<RequestId, OutgoingRequest>();
  /** What every outgoing request does when it times out; one for the connection. */
  readonly #onTimeout = (record: OutgoingRequest, error: RequestTimeoutError): void =>
    this.#abandon(record.id, record, error, error.message);
  /**
   * Outgoing requests by progress token, for tokens other than the request's own id (the usual
   * token, which `#pending` already finds).
   */
  readonly #progressTargets = new SparseMap<ProgressToken, OutgoingRequest>();

  /** Handlers by method, each taking the method first, as the fallback does. */
  readonly #handlers = new SparseMap<string, FallbackRequestHandler>();
  #fallback: FallbackRequestHandler | undefined;
  /** Incoming requests that are running or queued, by id, for cancellation. */
  readonly #incoming = new SparseMap<RequestId, IncomingRequest>();
  readonly #queue: IncomingRequest[] = [];
  /** How every incoming request talks back; one for the connection, not one per request. */
  readonly #channel: RequestChannel = {
    notify: (method, params, related) => this.notify(method, params, related),
    request: (method, params, options) => this.request(method, params, options),
  };
  #running = 0;

  readonly #notificationEmitters = new SparseMap<string, Emitter<Params>>();
  readonly #anyNotification = new Emitter<JsonRpcNotification>();
  readonly #closeEmitter = new Emitter<TransportCloseInfo>();
  readonly #droppedEmitter = new Emitter<DroppedMessage>();
  readonly #handlerErrorEmitter = new Emitter<HandlerFailure>();
  readonly #subscriptions: Disposable[];
  #closed = false;

  constructor(transport: Transport, options: ConnectionOptions = {}) {
    this.#transport = transport;
    this.#requestTimeout = options.requestTimeout ?? DEFAULT_REQUEST_TIMEOUT;
    this.#maxTotalTimeout = options.maxTotalTimeout ?? DEFAULT_MAX_TOTAL_TIMEOUT;
    this.#resetTimeoutOnProgress = options.resetTimeoutOnProgress ?? true;
    this.#maxPending = options.maxPendingRequests ?? DEFAULT_MAX_PENDING_REQUESTS;
    this.#maxConcurrent = options.maxConcurrentRequests ?? DEFAULT_MAX_CONCURRENT_REQUESTS;
    this.#maxQueued = options.maxQueuedRequests ?? DEFAULT_MAX_QUEUED_REQUESTS;
    this.#acceptBatches = options.acceptBatches ?? (() => false);
    this.#subscriptions = [
      transport.onMessage((value) => this.#receive(value)),
      transport.onInvalid((frame) => this.#receiveInvalid(frame)),
      transport.onClose((info) => this.#handleClose(info)),
    ];
  }

  /** Starts the transport; messages are handled from here on. */
  async start(): Promise<void> {
    await this.#transport.start();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** Outgoing requests awaiting a response. */
  get pendingRequestCount(): number {
    return this.#pending.size;
  }

  /** Incoming requests running or queued. */
  get activeRequestCount(): number {
    return this.#incoming.size;
  }

  // ---- registration --------------------------------------------------------------------------

  /** Handles requests for `method`; one handler per method. */
  setRequestHandler(method: string, handler: RequestHandler): Disposable {
    if (this.#handlers.has(method)) throw new UsageError(`A handler for ${method} is already set`);
    const run: FallbackRequestHandler = (_method, params, context) => handler(params, context);
    this.#handlers.set(method, run);
    return disposable(() => {
      if (this.#handlers.get(method) === run) this.#handlers.delete(method);
    });
  }

  /** Handles requests for methods without their own handler (instead of -32601). */
  setFallbackRequestHandler(handler: FallbackRequestHandler): Disposable {
    if (this.#fallback !== undefined) throw new UsageError('A fallback handler is already set');
    this.#fallback = handler;
    return disposable(() => {
      if (this.#fallback === handler) this.#fallback = undefined;
    });
  }

  onNotification(method: string, listener: (params: Params) => void): Disposable {
    let emitter = this.#notificationEmitters.get(method);
    if (emitter === undefined) {
      emitter = new Emitter<Params>();
      this.#notificationEmitters.set(method, emitter);
    }
    return emitter.on(listener);
  }

  /** Every notification received, after the listeners for its method. */
  onAnyNotification(listener: (notification: JsonRpcNotification) => void): Disposable {
    return this.#anyNotification.on(listener);
  }

  onClose(listener: (info: TransportCloseInfo) => void): Disposable {
    return this.#closeEmitter.on(listener);
  }

  onDropped(listener: (dropped: DroppedMessage) => void): Disposable {
    return this.#droppedEmitter.on(listener);
  }

  /** Handler failures that went out as a bare -32603; the place to log them. */
  onHandlerError(listener: (failure: HandlerFailure) => void): Disposable {
    return this.#handlerErrorEmitter.on(listener);
  }

  // ---- sending -------------------------------------------------------------------------------

  /**
   * Sends a request and resolves with its result. Rejects with a `ProtocolError` when the peer
   * answers with an error, and with a local error on timeout, cancellation or close.
   */
  request(method: string, params?: Params, options: RequestOptions = {}): Promise<unknown> {
    if (this.#closed) return Promise.reject(new ConnectionClosedError());
    if (this.#pending.size >= this.#maxPending) {
      return Promise.reject(
        new LimitExceededError(`Too many requests in flight (${this.#maxPending})`),
      );
    }
    const { signal } = options;
    if (signal?.aborted) {
      return Promise.reject(new RequestCancelledError(undefined, { cause: signal.reason }));
    }
    const id = this.#nextId++;
    const resetTimeoutOnProgress = options.resetTimeoutOnProgress ?? this.#resetTimeoutOnProgress;
    const wantsProgress = options.onProgress !== undefined || resetTimeoutOnProgress;
    const message: JsonRpcRequest = { jsonrpc: '2.0', id, method };
    const callerToken = wantsProgress ? progressTokenOf(params) : undefined;
    const progressToken = wantsProgress ? (callerToken ?? id) : undefined;
    if (wantsProgress && callerToken === undefined) message.params = withProgressToken(params, id);
    else if (params !== undefined) message.params = params;

    return new Promise((resolve, reject) => {
      const record = new OutgoingRequest(
        id,
        {
          method,
          timeout: options.timeout ?? this.#requestTimeout,
          maxTotalTimeout: options.maxTotalTimeout ?? this.#maxTotalTimeout,
          resetTimeoutOnProgress,
          onProgress: options.onProgress,
          onTimeout: this.#onTimeout,
        },
        resolve,
        reject,
      );
      record.progressToken = progressToken;
      this.#pending.set(id, record);
      if (progressToken !== undefined && progressToken !== id) {
        this.#progressTargets.set(progressToken, record);
      }
      if (signal !== undefined) {
        const onAbort = (): void =>
          this.#abandon(
            id,
            record,
            new RequestCancelledError(undefined, { cause: signal.reason }),
            reasonText(signal.reason),
          );
        signal.addEventListener('abort', onAbort, { once: true });
        record.detach = () => signal.removeEventListener('abort', onAbort);
      }
      const sendOptions =
        options.relatedRequestId === undefined
          ? undefined
          : { relatedRequestId: options.relatedRequestId };
      options.onRequestId?.(id);
      this.#sendRequest(message, sendOptions, record);
    });
  }

  /** `#send` for a request: a failure to send fails the request. No closure unless async. */
  #sendRequest(
    message: JsonRpcRequest,
    options: { relatedRequestId: RequestId } | undefined,
    record: OutgoingRequest,
  ): void {
    try {
      const sent = this.#transport.send(message, options);
      if (sent !== undefined) sent.catch((error: unknown) => this.#failToSend(record, error));
    } catch (error) {
      this.#failToSend(record, error);
    }
  }

  #failToSend(record: OutgoingRequest, error: unknown): void {
    this.#forget(record.id, record);
    record.reject(error);
  }

  /** Sends a notification. Throws `ConnectionClosedError` when closed. */
  notify(method: string, params?: Params, relatedRequestId?: RequestId): void {
    if (this.#closed) throw new ConnectionClosedError();
    const message: JsonRpcNotification =
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params };
    this.#send(
      message,
      relatedRequestId === undefined ? undefined : { relatedRequestId },
      () => {},
    );
  }

  async close(): Promise<void> {
    await this.#transport.close();
    // A transport that closed without telling us still leaves nothing pending.
    this.#handleClose({});
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  /** Gives up on an outgoing request: tells the peer, rejects the caller, drops a late answer. */
  #abandon(id: RequestId, record: OutgoingRequest, error: Error, reason: string): void {
    if (record.settled) return;
    this.#forget(id, record);
    record.reject(error);
    if (!this.#closed) {
      this.#send(
        {
          jsonrpc: '2.0',
          method: NotificationMethod.Cancelled,
          params: { requestId: id, reason },
        },
        undefined,
        () => {},
      );
    }
  }

  #forget(id: RequestId, record: OutgoingRequest): void {
    this.#pending.delete(id);
    const token = record.progressToken;
    if (token !== undefined && token !== id) this.#progressTargets.delete(token);
  }

  #send(
    message: JsonRpcMessage | JsonRpcMessage[],
    options: { relatedRequestId: RequestId } | undefined,
    onError: (error: unknown) => void,
  ): void {
    try {
      const sent = this.#transport.send(message, options);
      if (sent !== undefined) sent.catch(onError);
    } catch (error) {
      onError(error);
    }
  }

  // ---- receiving -----------------------------------------------------------------------------

  #receive(value: unknown): void {
    if (this.#closed) return;
    if (!Array.isArray(value)) {
      this.#receiveOne(value, undefined);
      return;
    }
    if (!this.#acceptBatches()) {
      this.#sendError(undefined, ErrorCode.InvalidRequest, 'Batches are not supported', undefined);
      return;
    }
    if (value.length === 0) {
      this.#sendError(undefined, ErrorCode.InvalidRequest, 'Empty batch', undefined);
      return;
    }
    const batch = new BatchReply((responses) => this.#send(responses, undefined, () => {}));
    for (const item of value) this.#receiveOne(item, batch);
    batch.seal();
  }

  #receiveOne(value: unknown, batch: BatchReply | undefined): void {
    // `messageKind` allocates nothing; the classification with issues is for the broken ones.
    const kind = messageKind(value);
    if (kind === undefined) this.#receiveBroken(value, batch);
    else this.#route(kind, value, batch);
  }

  #route(kind: MessageKind, message: unknown, batch: BatchReply | undefined): void {
    switch (kind) {
      case 'request':
        this.#receiveRequest(message as JsonRpcRequest, batch);
        return;
      case 'notification':
        this.#receiveNotification(message as JsonRpcNotification);
        return;
      case 'result':
      case 'error':
        this.#receiveResponse(message as JsonRpcResponse);
        return;
    }
  }

  /** A message that failed its envelope check: answered, failed or dropped, by what it claims. */
  #receiveBroken(value: unknown, batch: BatchReply | undefined): void {
    const classified = classifyMessage(value);
    // Only a value that changes as it is read (an exotic proxy) passes on this second look.
    if (classified.kind !== 'invalid') {
      this.#route(classified.kind, classified.message, batch);
      return;
    }
    const reason =
      classified.issues[0] === undefined ? 'Invalid message' : formatIssue(classified.issues[0]);
    if (classified.claimed === 'request' || classified.claimed === undefined) {
      this.#sendError(
        classified.id ?? undefined,
        ErrorCode.InvalidRequest,
        `Invalid request: ${reason}`,
        batch,
      );
    } else if (classified.claimed === 'result' || classified.claimed === 'error') {
      this.#receiveMalformedResponse(value, reason);
    } else {
      this.#droppedEmitter.emit({ reason, message: value });
    }
  }

  #receiveInvalid(frame: InvalidFrame): void {
    if (this.#closed) return;
    this.#sendError(undefined, frame.code, frame.message, undefined);
  }

  #receiveRequest(message: JsonRpcRequest, batch: BatchReply | undefined): void {
    const { id, method } = message;
    if (this.#incoming.has(id)) {
      this.#sendError(
        id,
        ErrorCode.InvalidRequest,
        `Request id ${JSON.stringify(id)} is already in use`,
        batch,
      );
      return;
    }
    const handler = this.#handlers.get(method) ?? this.#fallback;
    if (handler === undefined) {
      this.#sendError(id, ErrorCode.MethodNotFound, `Method not found: ${method}`, batch);
      return;
    }
    if (this.#running >= this.#maxConcurrent && this.#queue.length >= this.#maxQueued) {
      this.#sendError(id, ErrorCode.InternalError, 'Too many requests in flight', batch);
      return;
    }
    const record = new IncomingRequest(message, handler, batch, this.#channel);
    batch?.expect();
    this.#incoming.set(id, record);
    if (this.#running < this.#maxConcurrent) this.#dispatch(record);
    else this.#queue.push(record);
  }

  #dispatch(record: IncomingRequest): void {
    this.#running++;
    let result: unknown;
    try {
      result = record.run();
    } catch (error) {
      this.#completeWithError(record, error);
      return;
    }
    if (isThenable(result)) {
      result.then(
        (value) => this.#completeWithResult(record, value),
        (error: unknown) => this.#completeWithError(record, error),
      );
    } else {
      this.#completeWithResult(record, result);
    }
  }

  #completeWithResult(record: IncomingRequest, value: unknown): void {
    if (!this.#finish(record)) return;
    const result = (value ?? {}) as Record<string, unknown>;
    this.#respond(record, { jsonrpc: '2.0', id: record.id, result });
  }

  #completeWithError(record: IncomingRequest, error: unknown): void {
    if (!this.#finish(record)) return;
    if (!(error instanceof ProtocolError)) {
      this.#handlerErrorEmitter.emit({ method: record.method, id: record.id, error });
    }
    this.#respond(record, { jsonrpc: '2.0', id: record.id, error: toWireError(error) });
  }

  /** Frees the handler slot; says whether a response should still go out. */
  #finish(record: IncomingRequest): boolean {
    this.#running--;
    this.#release(record);
    this.#drainQueue();
    if (record.cancelled) {
      record.batch?.skip();
      return false;
    }
    return !this.#closed;
  }

  #release(record: IncomingRequest): void {
    if (this.#incoming.get(record.id) === record) this.#incoming.delete(record.id);
    record.done = true;
  }

  #drainQueue(): void {
    while (this.#running < this.#maxConcurrent && this.#queue.length > 0) {
      const next = this.#queue.shift() as IncomingRequest;
      if (!next.cancelled) this.#dispatch(next);
    }
  }

  #respond(record: IncomingRequest, response: JsonRpcResponse): void {
    if (record.batch !== undefined) record.batch.add(response);
    else this.#send(response, { relatedRequestId: record.id }, () => {});
  }

  #sendError(
    id: RequestId | undefined,
    code: number,
    message: string,
    batch: BatchReply | undefined,
  ): void {
    const response: JsonRpcErrorResponse =
      id === undefined
        ? { jsonrpc: '2.0', error: { code, message } }
        : { jsonrpc: '2.0', id, error: { code, message } };
    if (batch !== undefined) {
      batch.expect();
      batch.add(response);
    } else {
      this.#send(response, id === undefined ? undefined : { relatedRequestId: id }, () => {});
    }
  }

  #receiveNotification(message: JsonRpcNotification): void {
    const { method, params } = message;
    if (method === NotificationMethod.Cancelled) this.#cancelIncoming(params);
    else if (method === NotificationMethod.Progress) this.#routeProgress(params);
    this.#notificationEmitters.get(method)?.emit(params);
    this.#anyNotification.emit(message);
  }

  #cancelIncoming(params: Params): void {
    const target = params?.['requestId'];
    if (!requestId.is(target)) return;
    const record = this.#incoming.get(target);
    if (record === undefined) return;
    const reason = typeof params?.['reason'] === 'string' ? params['reason'] : undefined;
    record.cancel(new RequestCancelledError(reason ?? 'Cancelled by the peer'));
    if (!record.started) {
      // Cancelled before its handler ran: it never will, and it gets no answer.
      this.#release(record);
      record.batch?.skip();
    }
  }

  #routeProgress(params: Params): void {
    const token = params?.['progressToken'];
    const progress = params?.['progress'];
    if (!requestId.is(token) || typeof progress !== 'number') return;
    const record = this.#progressTargets.get(token) ?? this.#pending.get(token);
    if (record === undefined || record.progressToken !== token) return;
    const total = params?.['total'];
    const text = params?.['message'];
    record.progress({
      progress,
      ...(typeof total === 'number' ? { total } : {}),
      ...(typeof text === 'string' ? { message: text } : {}),
    });
  }

  #receiveResponse(message: JsonRpcResponse): void {
    const id = message.id;
    const record = id === undefined || id === null ? undefined : this.#pending.get(id);
    if (record === undefined) {
      // A late answer to a cancelled or timed-out request, or an error about a message of ours
      // the peer could not read.
      this.#droppedEmitter.emit({ reason: 'No pending request with this id', message });
      return;
    }
    this.#forget(id as RequestId, record);
    if ('error' in message) record.reject(ProtocolError.fromJson(message.error));
    else record.resolve(message.result);
  }

  /** A broken answer to a request we are waiting on fails that request now, not at its timeout. */
  #receiveMalformedResponse(value: unknown, reason: string): void {
    const id = (value as Record<string, unknown>)['id'];
    const record =
      requestId.is(id) && Object.hasOwn(value as object, 'id') ? this.#pending.get(id) : undefined;
    if (record === undefined) {
      this.#droppedEmitter.emit({ reason, message: value });
      return;
    }
    this.#forget(id as RequestId, record);
    record.reject(new InvalidResponseError(`Invalid response: ${reason}`));
  }

  #handleClose(info: TransportCloseInfo): void {
    if (this.#closed) return;
    this.#closed = true;
    for (const subscription of this.#subscriptions) subscription.dispose();
    const error = new ConnectionClosedError(
      info.error === undefined ? 'Connection closed' : `Connection closed: ${info.error.message}`,
      { cause: info.error },
    );
    const pending = this.#pending.values();
    this.#pending.clear();
    this.#progressTargets.clear();
    for (const record of pending) record.reject(error);
    for (const record of this.#incoming.values()) record.cancel(error);
    this.#incoming.clear();
    this.#queue.length = 0;
    this.#closeEmitter.emit(info);
  }
}

/** The progress token the caller put in `params._meta` themselves, if any. */
function progressTokenOf(params: Params): ProgressToken | undefined {
  const meta = params?.['_meta'];
  if (typeof meta !== 'object' || meta === null) return undefined;
  const token = (meta as Record<string, unknown>)['progressToken'];
  return requestId.is(token) ? token : undefined;
}

/** A copy of `params` whose `_meta` carries `token`; the caller's objects are not modified. */
function withProgressToken(params: Params, token: ProgressToken): Record<string, unknown> {
  if (params === undefined) return { _meta: { progressToken: token } };
  const meta = params['_meta'] as Record<string, unknown> | undefined;
  return copyWith(
    params,
    '_meta',
    meta === undefined ? { progressToken: token } : copyWith(meta, 'progressToken', token),
  );
}

function reasonText(reason: unknown): string {
  if (reason instanceof Error) return reason.message;
  if (typeof reason === 'string') return reason;
  return 'Cancelled by the caller';
}
