// A hand-driven server on the far end of the in-memory pair: raw JSON-RPC, answered method by
// method as the test says (a result, an error, silence, a closed connection, or any raw value),
// so the client can be shown servers mcpkit's own would never be.
import type { Transport } from '../../../src/jsonrpc/transport.js';
import { MetaKey } from '../../../src/spec/meta-keys.js';
import { createLinkedTransports, type LinkedTransport } from '../../../src/transport/memory.js';
import type { WireMessage } from './recording-transport.js';

/** What the fake does with one request. */
export type Answer =
  | { result: unknown }
  | { error: { code: number; message: string; data?: unknown } }
  /** Sends this value as it is (it may be anything, even not a message). */
  | { raw: unknown }
  | 'silence'
  | 'close';

export type Responder = (request: WireMessage, fake: FakeServer) => Answer | Promise<Answer>;

export const MODERN_VERSION = '2026-07-28';

export class FakeServer {
  /** The end the client connects to. */
  readonly transport: Transport;
  /** Everything the client sent, in order. */
  readonly received: WireMessage[] = [];
  readonly #end: LinkedTransport;
  readonly #responders = new Map<string, Responder>();
  #closedResolve!: () => void;
  /** Settles when the connection closes, from either side. */
  readonly closed = new Promise<void>((resolve) => (this.#closedResolve = resolve));
  isClosed = false;

  constructor() {
    const [clientEnd, serverEnd] = createLinkedTransports({ clone: true });
    this.transport = clientEnd;
    this.#end = serverEnd;
    serverEnd.onMessage((message) => void this.#receive(message as WireMessage));
    serverEnd.onClose(() => {
      this.isClosed = true;
      this.#closedResolve();
    });
    void serverEnd.start();
  }

  on(method: string, responder: Responder | Answer): this {
    this.#responders.set(method, typeof responder === 'function' ? responder : () => responder);
    return this;
  }

  /** Requests received for `method` (or all). */
  requests(method?: string): WireMessage[] {
    return this.received.filter(
      (m) =>
        m.method !== undefined &&
        m.id !== undefined &&
        (method === undefined || m.method === method),
    );
  }

  send(value: unknown): void {
    if (!this.isClosed) this.#end.send(value as never);
  }

  notify(method: string, params?: Record<string, unknown>): void {
    this.send(
      params === undefined ? { jsonrpc: '2.0', method } : { jsonrpc: '2.0', method, params },
    );
  }

  async close(): Promise<void> {
    await this.#end.close();
  }

  async #receive(message: WireMessage): Promise<void> {
    this.received.push(message);
    if (message.method === undefined || message.id === undefined) return;
    const responder = this.#responders.get(message.method);
    const answer: Answer =
      responder === undefined
        ? { error: { code: -32601, message: `Method not found: ${message.method}` } }
        : await responder(message, this);
    if (answer === 'silence') return;
    if (answer === 'close') {
      await this.close();
      return;
    }
    if ('raw' in answer) this.send(answer.raw);
    else this.send({ jsonrpc: '2.0', id: message.id, ...answer });
  }
}

/** The answer a legacy server gives to `initialize`: the version asked for, or `version`. */
export function initializeAnswer(
  version?: string,
  capabilities: Record<string, unknown> = { tools: {} },
): Responder {
  return (request) => ({
    result: {
      protocolVersion: version ?? request.params?.['protocolVersion'],
      capabilities,
      serverInfo: { name: 'fake-legacy', version: '1.0.0' },
    },
  });
}

/** A legacy fake: `initialize` answered; `server/discover` as `discover` says (default -32601). */
export function legacyFake(
  discover: Responder | Answer = methodNotFound('server/discover'),
): FakeServer {
  return new FakeServer().on('server/discover', discover).on('initialize', initializeAnswer());
}

export function methodNotFound(method: string): Answer {
  return { error: { code: -32601, message: `Method not found: ${method}` } };
}

/** A modern `server/discover` result. */
export function discoverAnswer(
  supportedVersions: readonly string[] = [MODERN_VERSION],
  capabilities: Record<string, unknown> = { tools: {} },
): Answer {
  return {
    result: {
      resultType: 'complete',
      supportedVersions,
      capabilities,
      ttlMs: 0,
      cacheScope: 'private',
      _meta: { [MetaKey.ServerInfo]: { name: 'fake-modern', version: '1.0.0' } },
    },
  };
}

/** A modern result: `resultType` and server identity added. */
export function modernResult(result: Record<string, unknown>): Answer {
  return {
    result: {
      resultType: 'complete',
      ...result,
      _meta: { [MetaKey.ServerInfo]: { name: 'fake-modern', version: '1.0.0' } },
    },
  };
}

export function modernFake(): FakeServer {
  return new FakeServer().on('server/discover', discoverAnswer());
}
