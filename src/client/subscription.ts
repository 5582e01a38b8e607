// A watch on a server's changes: a modern `subscriptions/listen` stream (acknowledged first,
// ended by cancelling it), or a set of legacy `resources/subscribe` calls.
import type { RequestOptions } from '../jsonrpc/connection-options.js';
import { ConnectionClosedError } from '../jsonrpc/errors.js';
import { MetaKey } from '../spec/meta-keys.js';
import { NotificationMethod } from '../spec/methods.js';
import type { RequestId } from '../spec/jsonrpc.js';
import type { SubscriptionFilter } from '../spec/types/index.js';
import type { ModernClientSession } from './client-session.js';

/** What a modern session offers a listen stream: requests and the notifications around them. */
export interface ListenHost {
  session: ModernClientSession;
  onNotification(
    method: string,
    listener: (params: Record<string, unknown> | undefined) => void,
  ): { dispose(): void };
}

export class Subscription implements AsyncDisposable {
  /** What the server agreed to send (legacy: what was asked). */
  readonly acknowledged: Promise<SubscriptionFilter>;
  /**
   * Settles when the stream ends — by `close()`, by the server (gracefully), or because the
   * connection went away — with the error that ended it, if any. It never rejects.
   */
  readonly ended: Promise<Error | undefined>;
  readonly #close: () => Promise<void>;

  private constructor(
    acknowledged: Promise<SubscriptionFilter>,
    ended: Promise<Error | undefined>,
    close: () => Promise<void>,
  ) {
    this.acknowledged = acknowledged;
    this.ended = ended;
    this.#close = close;
  }

  static listen(
    host: ListenHost,
    filter: SubscriptionFilter,
    options: RequestOptions,
  ): Subscription {
    const controller = new AbortController();
    let id: RequestId | undefined;
    let acknowledge!: (filter: SubscriptionFilter) => void;
    let fail!: (error: unknown) => void;
    const acknowledged = new Promise<SubscriptionFilter>((resolve, reject) => {
      acknowledge = resolve;
      fail = reject;
    });
    // Unhandled if nobody awaits it; the failure also shows on `ended`.
    acknowledged.catch(() => {});
    const registration = host.onNotification(
      NotificationMethod.SubscriptionsAcknowledged,
      (params) => {
        const meta = params?.['_meta'] as Record<string, unknown> | undefined;
        if (id !== undefined && meta?.[MetaKey.SubscriptionId] === id) {
          acknowledge(params?.['notifications'] ?? {});
        }
      },
    );
    const signal =
      options.signal === undefined
        ? controller.signal
        : AbortSignal.any([options.signal, controller.signal]);
    const ended = host.session
      .request(
        'subscriptions/listen',
        { notifications: filter },
        {
          ...options,
          signal,
          timeout: Infinity,
          maxTotalTimeout: Infinity,
          resetTimeoutOnProgress: false,
          onRequestId: (requestId) => (id = requestId),
        },
      )
      .then(
        () => undefined,
        (error: unknown) => {
          fail(error);
          return controller.signal.aborted ? undefined : toError(error);
        },
      )
      .finally(() => registration.dispose());
    return new Subscription(acknowledged, ended, async () => {
      controller.abort('Subscription closed');
      await ended;
    });
  }

  /** Legacy: the subscriptions were made; `unsubscribe` undoes them, unless the connection is gone. */
  static legacy(
    filter: SubscriptionFilter,
    unsubscribe: () => Promise<void>,
    onConnectionClose: (listener: (error: Error | undefined) => void) => { dispose(): void },
  ): Subscription {
    let end!: (error: Error | undefined) => void;
    const ended = new Promise<Error | undefined>((resolve) => (end = resolve));
    const registration = onConnectionClose((error) => end(error ?? new ConnectionClosedError()));
    void ended.then(() => registration.dispose());
    return new Subscription(Promise.resolve(filter), ended, async () => {
      try {
        await unsubscribe();
      } catch (error) {
        // Nothing to undo on a connection that is gone.
        if (!(error instanceof ConnectionClosedError)) throw error;
      }
      end(undefined);
    });
  }

  async close(): Promise<void> {
    await this.#close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
