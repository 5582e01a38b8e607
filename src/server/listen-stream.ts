// One modern `subscriptions/listen` request: acknowledged first, then the notifications its
// filter opted in to, each tagged with the subscription id, until it is cancelled or closed.
import type { RequestContext } from '../jsonrpc/request-context.js';
import { MetaKey } from '../spec/meta-keys.js';
import type { RequestId } from '../spec/jsonrpc.js';
import type { SubscriptionFilter } from '../spec/types/index.js';
import type { ListKind } from './change-hub.js';

const LIST_FLAG: Readonly<Record<ListKind, keyof SubscriptionFilter>> = {
  tools: 'toolsListChanged',
  resources: 'resourcesListChanged',
  prompts: 'promptsListChanged',
};

export class ListenStream {
  readonly id: RequestId;
  readonly #request: RequestContext;
  readonly #filter: SubscriptionFilter;
  readonly #uris: ReadonlySet<string>;
  readonly #finish: (result: Record<string, unknown> | undefined) => void;
  /** Settles when the stream ends: with the graceful-closure result, or undefined if cancelled. */
  readonly done: Promise<Record<string, unknown> | undefined>;

  constructor(request: RequestContext, honoured: SubscriptionFilter) {
    this.id = request.id;
    this.#request = request;
    this.#filter = honoured;
    this.#uris = new Set(honoured.resourceSubscriptions ?? []);
    let finish!: (result: Record<string, unknown> | undefined) => void;
    this.done = new Promise((resolve) => (finish = resolve));
    this.#finish = finish;
    request.signal.addEventListener('abort', () => finish(undefined), { once: true });
    // The acknowledgement is the first message of the subscription.
    this.#send('notifications/subscriptions/acknowledged', { notifications: honoured });
  }

  listChanged(kind: ListKind): void {
    if (this.#filter[LIST_FLAG[kind]] === true)
      this.#send(`notifications/${kind}/list_changed`, {});
  }

  resourceUpdated(uri: string): void {
    if (this.#uris.has(uri)) this.#send('notifications/resources/updated', { uri });
  }

  /** Ends the stream on the server's initiative, with the graceful-closure response. */
  close(): void {
    this.#finish({ _meta: { [MetaKey.SubscriptionId]: this.id } });
  }

  #send(method: string, params: Record<string, unknown>): void {
    this.#request.notify(method, { ...params, _meta: { [MetaKey.SubscriptionId]: this.id } });
  }
}
