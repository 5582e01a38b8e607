// The client end of one in-memory connection to an `McpServer`, driven with raw JSON-RPC and
// recording every message in both directions, so tests see exactly what a client would see.
import { JsonRpcConnection } from '../../../src/jsonrpc/connection.js';
import type { RequestOptions } from '../../../src/jsonrpc/connection-options.js';
import { ProtocolError } from '../../../src/jsonrpc/errors.js';
import type { Disposable } from '../../../src/jsonrpc/events.js';
import type { RequestHandler } from '../../../src/jsonrpc/request-context.js';
import type { SendOptions, Transport } from '../../../src/jsonrpc/transport.js';
import type { ConnectOptions, McpServer } from '../../../src/server/mcp-server.js';
import type { ServerSession } from '../../../src/server/server-session.js';
import type { JsonRpcMessage, RequestId } from '../../../src/spec/jsonrpc.js';
import { createLinkedTransports, type LinkedTransport } from '../../../src/transport/memory.js';

export type Json = Record<string, unknown>;

/** A message as it crossed the wire, read loosely. */
export interface WireMessage {
  jsonrpc?: string;
  id?: RequestId | null;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string; data?: unknown };
}

interface Waiter {
  predicate: (message: unknown) => boolean;
  resolve: (message: unknown) => void;
}

function isSingle(message: unknown): message is WireMessage {
  return typeof message === 'object' && message !== null && !Array.isArray(message);
}

/** Wraps the client's transport end so what the client sends is recorded too. */
class RecordingTransport implements Transport {
  readonly #inner: LinkedTransport;
  readonly #record: (message: unknown) => void;

  constructor(inner: LinkedTransport, record: (message: unknown) => void) {
    this.#inner = inner;
    this.#record = record;
  }
  get closed(): boolean {
    return this.#inner.closed;
  }
  send(message: JsonRpcMessage | JsonRpcMessage[], _options?: SendOptions): void {
    this.#record(message);
    this.#inner.send(message);
  }
  onMessage(listener: (message: unknown) => void): Disposable {
    return this.#inner.onMessage(listener);
  }
  onInvalid(listener: Parameters<Transport['onInvalid']>[0]): Disposable {
    return this.#inner.onInvalid(listener);
  }
  onClose(listener: Parameters<Transport['onClose']>[0]): Disposable {
    return this.#inner.onClose(listener);
  }
  start(): Promise<void> {
    return this.#inner.start();
  }
  close(): Promise<void> {
    return this.#inner.close();
  }
}

export class WirePeer {
  readonly connection: JsonRpcConnection;
  readonly session: ServerSession;
  /** Everything the server sent, in order (a batch reply is one array entry). */
  readonly received: unknown[] = [];
  /** Everything this client sent, in order. */
  readonly sent: unknown[];
  readonly #transport: RecordingTransport;
  #waiters: Waiter[] = [];

  private constructor(
    connection: JsonRpcConnection,
    transport: RecordingTransport,
    session: ServerSession,
    sent: unknown[],
  ) {
    this.connection = connection;
    this.#transport = transport;
    this.session = session;
    this.sent = sent;
  }

  static async connect(server: McpServer, options: ConnectOptions = {}): Promise<WirePeer> {
    const [clientEnd, serverEnd] = createLinkedTransports();
    const sent: unknown[] = [];
    const transport = new RecordingTransport(clientEnd, (message) => sent.push(message));
    // Progress tokens only when a test asks for progress: requests go out exactly as written.
    const connection = new JsonRpcConnection(transport, { resetTimeoutOnProgress: false });
    const session = await server.connect(serverEnd, options);
    const peer = new WirePeer(connection, transport, session, sent);
    clientEnd.onMessage((message) => peer.#receive(message));
    await connection.start();
    return peer;
  }

  #receive(message: unknown): void {
    this.received.push(message);
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const waiter of waiters) {
      if (waiter.predicate(message)) waiter.resolve(message);
      else this.#waiters.push(waiter);
    }
  }

  #wait<T>(predicate: (message: unknown) => message is T): Promise<T> {
    return new Promise((resolve) =>
      this.#waiters.push({ predicate, resolve: (message) => resolve(message as T) }),
    );
  }

  /** Sends a request through the engine; resolves with the result, rejects with the error. */
  async request(method: string, params?: Json, options?: RequestOptions): Promise<Json> {
    return (await this.connection.request(method, params, options)) as Json;
  }

  /** Sends a request that must fail with a JSON-RPC error, and returns that error. */
  async failure(method: string, params?: Json): Promise<ProtocolError> {
    const outcome = await this.connection.request(method, params).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    if ('result' in outcome) {
      throw new Error(`${method} succeeded, expected an error: ${JSON.stringify(outcome.result)}`);
    }
    if (!(outcome.error instanceof ProtocolError)) throw outcome.error;
    return outcome.error;
  }

  notify(method: string, params?: Json): void {
    this.connection.notify(method, params);
  }

  /** Sends anything, bypassing the engine (batches, malformed messages, chosen ids). */
  sendRaw(message: unknown): void {
    this.#transport.send(message as JsonRpcMessage);
  }

  /** The first message from the server matching `predicate`, already received or still to come. */
  next(predicate: (message: WireMessage) => boolean): Promise<WireMessage> {
    const found = this.messages().find(predicate);
    if (found !== undefined) return Promise.resolve(found);
    return this.upcoming(predicate);
  }

  /** The next message matching `predicate` that arrives after this call. */
  upcoming(predicate: (message: WireMessage) => boolean): Promise<WireMessage> {
    return this.#wait((message): message is WireMessage => isSingle(message) && predicate(message));
  }

  /** The next batch reply (a JSON array) that arrives after this call. */
  nextBatchReply(): Promise<WireMessage[]> {
    return this.#wait((message): message is WireMessage[] => Array.isArray(message));
  }

  /** The response to request `id`, already received or still to come. */
  responseTo(id: RequestId): Promise<WireMessage> {
    return this.next((message) => message.id === id && message.method === undefined);
  }

  /** Single messages (not batch replies) received so far. */
  messages(): WireMessage[] {
    return this.received.filter(isSingle);
  }

  /** Params of every notification `method` received so far. */
  notifications(method: string): Json[] {
    return this.messages()
      .filter((message) => message.method === method && message.id === undefined)
      .map((message) => message.params ?? {});
  }

  /** Requests the server sent to this client. */
  serverRequests(method?: string): WireMessage[] {
    return this.messages().filter(
      (message) =>
        message.method !== undefined &&
        message.id !== undefined &&
        (method === undefined || message.method === method),
    );
  }

  /** The id of the last request this client sent for `method`. */
  lastRequestId(method: string): RequestId {
    const request = [...this.sent]
      .reverse()
      .find(
        (message): message is WireMessage =>
          typeof message === 'object' &&
          message !== null &&
          (message as WireMessage).method === method &&
          (message as WireMessage).id !== undefined,
      );
    if (request?.id === undefined || request.id === null) throw new Error(`No ${method} sent`);
    return request.id;
  }

  /** Answers server-to-client requests of `method` (legacy elicitation, sampling, roots). */
  answer(method: string, handler: RequestHandler): Disposable {
    return this.connection.setRequestHandler(method, handler);
  }

  /** All the text the server wrote, for "this never reached the wire" checks. */
  wireText(): string {
    return JSON.stringify(this.received);
  }

  async close(): Promise<void> {
    await this.connection.close();
  }
}
