// `--verbose`: every JSON-RPC message in and out, one line each on stderr. A proxy keeps the
// transport's optional extras (era memory, session expiry) visible to the client.
import type { Transport } from '../jsonrpc/index.js';

export function traceTransport(transport: Transport, write: (line: string) => void): Transport {
  return new Proxy(transport, {
    get(target, property) {
      if (property === 'send') {
        return (message: unknown, options?: unknown) => {
          write(`→ ${JSON.stringify(message)}`);
          return target.send(
            message as Parameters<Transport['send']>[0],
            options as Parameters<Transport['send']>[1],
          );
        };
      }
      if (property === 'onMessage') {
        return (listener: (message: unknown) => void) =>
          target.onMessage((message) => {
            write(`← ${JSON.stringify(message)}`);
            listener(message);
          });
      }
      const value: unknown = Reflect.get(target, property, target);
      // Methods run against the real transport, whose private fields a proxy cannot reach.
      return typeof value === 'function'
        ? (value as (...args: unknown[]) => unknown).bind(target)
        : value;
    },
  });
}
