// Sending from a relay, where a message for a side that has gone has no one to reach and a
// refused send has no one to answer: both are dropped, and the relay carries on.
import type { SendOptions, Transport } from '../jsonrpc/index.js';
import type { JsonRpcMessage } from '../spec/index.js';

export function sendQuietly(
  to: Transport,
  message: JsonRpcMessage | JsonRpcMessage[],
  options?: SendOptions,
): void {
  if (to.closed) return;
  try {
    void Promise.resolve(to.send(message, options)).catch(() => {});
  } catch {
    // Closed in between: its close handler does the rest.
  }
}
