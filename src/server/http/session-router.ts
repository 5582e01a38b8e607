// Routes what a legacy session's engine sends to the HTTP response it belongs on (2025-11-25
// transports.mdx, "Multiple Connections"; SECURITY T14): a message tied to a request goes on that
// request's POST response, anything else on the session's standalone GET stream, never on two.
import type { JsonRpcMessage, RequestId } from '../../spec/jsonrpc.js';
import { NotificationMethod } from '../../spec/methods.js';
import { statusForReply, refusal, type ResponsePhase } from './http-status.js';
import { ResponseExchange, type ExchangeSettings } from './response-exchange.js';
import type { SessionStream } from './session-stream.js';
import { SparseMap } from '../../jsonrpc/sparse-map.js';

/** The response to one POST that carried requests. */
interface PostReply {
  readonly exchange: ResponseExchange;
  readonly phase: ResponsePhase;
  /** The POST's requests. */
  readonly ids: readonly RequestId[];
  /** The POST's requests still waiting for their response. */
  readonly waiting: Set<RequestId>;
  /** Requests the server sent the client on behalf of this POST's requests. */
  readonly asked: Set<RequestId>;
  /** The POST's event stream, once its response became one. */
  stream: SessionStream | undefined;
  done: boolean;
}

export interface RouterHost {
  readonly exchange: ExchangeSettings;
  /** A new stream of the session. */
  newStream(): SessionStream;
  /** The retry hint of a priming event, or undefined when streams are not primed. */
  primingRetryMs(): number | undefined;
  /** A POST's stream got its last event. */
  streamDone(stream: SessionStream): void;
  /** Requests in flight or attached streams changed (the session re-checks whether it is idle). */
  activityChanged(): void;
}

export class SessionRouter {
  readonly #host: RouterHost;
  readonly #byRequest = new SparseMap<RequestId, PostReply>();
  /** Requests the server sent the client, by id, with the POST they were sent for. */
  readonly #byAsked = new SparseMap<RequestId, PostReply>();
  /** The POST whose message the engine is reading right now (for id-less error replies). */
  #injecting: PostReply | undefined;
  /** The session's standalone stream, once a GET opened it. */
  standalone: SessionStream | undefined;

  constructor(host: RouterHost) {
    this.#host = host;
  }

  /** Requests in flight. */
  get inFlight(): number {
    return this.#byRequest.size;
  }

  isInFlight(id: RequestId): boolean {
    return this.#byRequest.has(id);
  }

  /** Whether anything holds the session open: a request in flight or an attached GET stream. */
  get busy(): boolean {
    return this.#byRequest.size > 0 || this.standalone?.attached === true;
  }

  /** Starts the response to a POST carrying requests `ids` (and perhaps invalid batch items). */
  open(
    signal: AbortSignal,
    ids: readonly RequestId[],
    phase: ResponsePhase,
  ): { reply: PostReply; response: Promise<Response> } {
    const reply: PostReply = {
      exchange: new ResponseExchange(signal, this.#host.exchange, {
        clientGone: () => this.#clientGone(reply),
        quiet: () => this.#streamOf(reply),
      }),
      phase,
      ids,
      waiting: new Set(ids),
      asked: new Set(),
      stream: undefined,
      done: false,
    };
    for (const id of ids) this.#byRequest.set(id, reply);
    this.#host.activityChanged();
    reply.exchange.begin();
    return { reply, response: reply.exchange.response };
  }

  /** Runs `inject` with `reply` as the POST being read, so id-less errors find their way back. */
  reading(reply: PostReply | undefined, inject: () => void): void {
    this.#injecting = reply;
    try {
      inject();
    } finally {
      this.#injecting = undefined;
    }
  }

  /** What the engine sends, to the one place it belongs. */
  route(message: JsonRpcMessage | JsonRpcMessage[], relatedRequestId: RequestId | undefined): void {
    const reply = this.#replyFor(message, relatedRequestId);
    if (reply !== undefined && !reply.done) {
      this.#deliver(reply, message);
      return;
    }
    if (relatedRequestId === undefined && !Array.isArray(message) && 'method' in message) {
      this.standalone?.deliver(message, false);
    }
    // Anything else belonged to a request whose response is over: no stream may carry it.
  }

  /** The client cancelled request `id` (`notifications/cancelled`): it gets no response. */
  cancelled(id: RequestId): void {
    const reply = this.#byRequest.get(id);
    if (reply === undefined) return;
    reply.waiting.delete(id);
    this.#byRequest.delete(id);
    if (reply.waiting.size > 0) {
      this.#host.activityChanged();
      return;
    }
    if (reply.stream !== undefined) reply.stream.finish();
    else reply.exchange.finish();
    this.#complete(reply);
  }

  /** The session ended: open responses end too (a POST still waiting learns the session is gone). */
  closeAll(): void {
    for (const reply of new Set(this.#byRequest.values())) {
      if (reply.exchange.pending) {
        reply.exchange.respond(refusal('session-not-found', 'The session was terminated'));
      }
      reply.stream?.close();
      this.#complete(reply);
    }
    this.standalone?.close();
  }

  #replyFor(
    message: JsonRpcMessage | JsonRpcMessage[],
    related: RequestId | undefined,
  ): PostReply | undefined {
    if (Array.isArray(message)) {
      for (const item of message) {
        const id = 'id' in item ? item.id : undefined;
        const reply = id === undefined || id === null ? undefined : this.#byRequest.get(id);
        if (reply !== undefined) return reply;
      }
      return this.#injecting;
    }
    if (related !== undefined) return this.#byRequest.get(related);
    if (!('method' in message)) {
      const id = message.id;
      return id === undefined || id === null ? this.#injecting : this.#byRequest.get(id);
    }
    if (message.method === NotificationMethod.Cancelled) {
      // Withdrawing a question asked on a POST's stream: the same stream, while it is open.
      const target = message.params?.['requestId'];
      if (typeof target === 'string' || typeof target === 'number')
        return this.#byAsked.get(target);
    }
    return undefined;
  }

  #deliver(reply: PostReply, message: JsonRpcMessage | JsonRpcMessage[]): void {
    const last = this.#answers(reply, message);
    if (!Array.isArray(message) && 'method' in message && 'id' in message) {
      reply.asked.add(message.id);
      this.#byAsked.set(message.id, reply);
    }
    if (last && reply.stream === undefined && reply.exchange.pending) {
      reply.exchange.respondJson(message, statusForReply(message, reply.phase));
    } else {
      this.#streamOf(reply)?.deliver(message, last);
    }
    if (last) this.#complete(reply);
  }

  /** Whether `message` is the last thing the POST's response carries. */
  #answers(reply: PostReply, message: JsonRpcMessage | JsonRpcMessage[]): boolean {
    if (Array.isArray(message)) {
      // A batch (2025-03-26) is answered by one array, once every request in it is done.
      reply.waiting.clear();
      return true;
    }
    if ('method' in message) return false;
    const id = message.id;
    // An id-less error answers the message being read: nothing else will come for it.
    if (id === undefined || id === null) return true;
    reply.waiting.delete(id);
    return reply.waiting.size === 0;
  }

  /** The POST's event stream, started (and primed) now if its response is still undecided. */
  #streamOf(reply: PostReply): SessionStream | undefined {
    if (reply.stream !== undefined || !reply.exchange.pending || reply.done) return reply.stream;
    const writer = reply.exchange.stream();
    if (writer === undefined) return undefined;
    const stream = this.#host.newStream();
    stream.attach(writer);
    const retry = this.#host.primingRetryMs();
    if (retry !== undefined) stream.prime(retry);
    reply.stream = stream;
    return stream;
  }

  /** Legacy: a client that goes away has not cancelled; its stream keeps storing for a resume. */
  #clientGone(reply: PostReply): void {
    const writer = reply.exchange.writer;
    if (writer !== undefined) reply.stream?.detach(writer);
    this.#host.activityChanged();
  }

  #complete(reply: PostReply): void {
    if (reply.done) return;
    reply.done = true;
    for (const id of reply.ids) if (this.#byRequest.get(id) === reply) this.#byRequest.delete(id);
    for (const id of reply.asked) this.#byAsked.delete(id);
    if (reply.stream !== undefined) this.#host.streamDone(reply.stream);
    this.#host.activityChanged();
  }
}
