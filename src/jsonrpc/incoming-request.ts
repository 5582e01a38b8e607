// One request received from the peer: the context its handler sees, and its cancellation state.
import type { JsonRpcRequest, ProgressToken, RequestId } from '../spec/jsonrpc.js';
import { NotificationMethod } from '../spec/methods.js';
import type { BatchReply } from './batch-reply.js';
import type { RequestOptions } from './connection-options.js';
import { requestId } from '../spec/validate/envelope.js';
import { LazyAbort, type FallbackRequestHandler, type RequestContext } from './request-context.js';

/** What an incoming request needs from its connection to talk back. */
export interface RequestChannel {
  notify(
    method: string,
    params: Record<string, unknown> | undefined,
    relatedRequestId: RequestId,
  ): void;
  request(
    method: string,
    params: Record<string, unknown> | undefined,
    options: RequestOptions,
  ): Promise<unknown>;
}

export class IncomingRequest implements RequestContext {
  readonly id: RequestId;
  readonly method: string;
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  readonly progressToken: ProgressToken | undefined;
  readonly batch: BatchReply | undefined;
  readonly #params: Record<string, unknown> | undefined;
  readonly #handler: FallbackRequestHandler;
  readonly #channel: RequestChannel;
  readonly #abort = new LazyAbort();
  started = false;
  /** Set once the handler has finished; nothing is sent for the request after that. */
  done = false;

  constructor(
    message: JsonRpcRequest,
    handler: FallbackRequestHandler,
    batch: BatchReply | undefined,
    channel: RequestChannel,
  ) {
    this.id = message.id;
    this.method = message.method;
    this.#params = message.params;
    const meta = message.params?.['_meta'];
    this.meta =
      typeof meta === 'object' && meta !== null && !Array.isArray(meta)
        ? (meta as Record<string, unknown>)
        : undefined;
    const token =
      this.meta !== undefined && Object.hasOwn(this.meta, 'progressToken')
        ? this.meta['progressToken']
        : undefined;
    this.progressToken = requestId.is(token) ? token : undefined;
    this.batch = batch;
    this.#handler = handler;
    this.#channel = channel;
  }

  get signal(): AbortSignal {
    return this.#abort.signal;
  }

  get cancelled(): boolean {
    return this.#abort.aborted;
  }

  run(): unknown {
    this.started = true;
    return this.#handler(this.method, this.#params, this);
  }

  cancel(reason: Error): void {
    this.#abort.abort(reason);
  }

  sendProgress(progress: number, total?: number, message?: string): void {
    if (this.progressToken === undefined || this.done || this.cancelled) return;
    const params: Record<string, unknown> = { progressToken: this.progressToken, progress };
    if (total !== undefined) params['total'] = total;
    if (message !== undefined) params['message'] = message;
    this.#channel.notify(NotificationMethod.Progress, params, this.id);
  }

  notify(method: string, params?: Record<string, unknown>): void {
    if (this.done || this.cancelled) return;
    this.#channel.notify(method, params, this.id);
  }

  request(
    method: string,
    params?: Record<string, unknown>,
    options: RequestOptions = {},
  ): Promise<unknown> {
    const signal =
      options.signal === undefined ? this.signal : AbortSignal.any([options.signal, this.signal]);
    return this.#channel.request(method, params, { ...options, signal, relatedRequestId: this.id });
  }
}
