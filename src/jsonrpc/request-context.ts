// What a request handler gets besides its params: its id, a cancellation signal created only
// when asked for, and ways to report progress and send messages tied to the request.
import type { ProgressToken, RequestId } from '../spec/jsonrpc.js';
import type { RequestOptions } from './connection-options.js';

export interface RequestContext {
  readonly id: RequestId;
  readonly method: string;
  /** `params._meta`, when the request had one. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /** The token the caller asked progress for, if it did. */
  readonly progressToken: ProgressToken | undefined;
  /**
   * Aborted when the caller cancels, when the connection closes, or when the engine gives up on
   * the request. Created on first access, so handlers that never look cost nothing.
   */
  readonly signal: AbortSignal;
  /** Sends `notifications/progress` when the caller asked for progress; otherwise does nothing. */
  sendProgress(progress: number, total?: number, message?: string): void;
  /** Sends a notification that belongs to this request (routed to its stream where that exists). */
  notify(method: string, params?: Record<string, unknown>): void;
  /** Sends a request to the peer on behalf of this one (legacy server-to-client requests). */
  request(
    method: string,
    params?: Record<string, unknown>,
    options?: RequestOptions,
  ): Promise<unknown>;
}

export type RequestHandler = (
  params: Record<string, unknown> | undefined,
  context: RequestContext,
) => unknown;

export type FallbackRequestHandler = (
  method: string,
  params: Record<string, unknown> | undefined,
  context: RequestContext,
) => unknown;

/** An abort signal made on demand: most requests finish without anybody looking at it. */
export class LazyAbort {
  #controller: AbortController | undefined;
  #reason: unknown;
  #aborted = false;

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#reason);
    }
    return this.#controller.signal;
  }

  get aborted(): boolean {
    return this.#aborted;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#reason = reason;
    this.#controller?.abort(reason);
  }
}
