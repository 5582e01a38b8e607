// Opens a modern `subscriptions/listen` stream from a test client and reads what belongs to it.
import { MetaKey } from '../../../src/spec/meta-keys.js';
import type { RequestId } from '../../../src/spec/jsonrpc.js';
import type { ModernClient } from './era-clients.js';
import type { Json, WireMessage } from './wire-peer.js';

export interface ListenStreamView {
  readonly id: RequestId;
  /** The acknowledgement's params. */
  readonly acknowledgement: Json;
  /** How the request ended: the graceful-closure result, or the local error after cancelling. */
  readonly outcome: Promise<{ result: Json } | { error: unknown }>;
  /** Messages the server sent for this subscription (tagged with its id), in order. */
  messages(): WireMessage[];
  /** Params of this subscription's notifications of `method`. */
  notifications(method: string): Json[];
  /** The next notification of `method` on this subscription. */
  next(method: string): Promise<WireMessage>;
  /** Cancels the stream the stdio way: `notifications/cancelled` with the listen request id. */
  cancel(): void;
}

export function subscriptionIdOf(message: WireMessage): unknown {
  const meta = (message.params?.['_meta'] ?? message.result?.['_meta']) as Json | undefined;
  return meta?.[MetaKey.SubscriptionId];
}

export async function openListen(client: ModernClient, filter: Json): Promise<ListenStreamView> {
  const { peer } = client;
  const controller = new AbortController();
  const pending = client.request(
    'subscriptions/listen',
    { notifications: filter },
    { signal: controller.signal },
  );
  const outcome = pending.then(
    (result) => ({ result }),
    (error: unknown) => ({ error }),
  );
  const id = peer.lastRequestId('subscriptions/listen');
  const belongs = (message: WireMessage): boolean => subscriptionIdOf(message) === id;
  const ack = await peer.next(
    (message) => belongs(message) && message.method === 'notifications/subscriptions/acknowledged',
  );
  return {
    id,
    acknowledgement: ack.params ?? {},
    outcome,
    messages: () => peer.messages().filter(belongs),
    notifications: (method) =>
      peer
        .messages()
        .filter((message) => belongs(message) && message.method === method)
        .map((message) => message.params ?? {}),
    next: (method) => peer.next((message) => belongs(message) && message.method === method),
    cancel: () => controller.abort('done listening'),
  };
}
