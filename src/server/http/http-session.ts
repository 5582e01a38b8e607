// One legacy Streamable HTTP session (2025-03-26 … 2025-11-25, transports.mdx "Session
// Management"): an unguessable id bound to the principal that opened it, the one engine
// connection its POSTs feed, its streams (resumable through the event store), its idle timer.
import type { RequestId } from '../../spec/jsonrpc.js';
import { NotificationMethod } from '../../spec/methods.js';
import type { LegacyProtocolVersion } from '../../spec/versions.js';
import type { AuthInfo } from '../context.js';
import type { McpHttpConnection, McpHttpTarget } from './http-target.js';
import type { EventStore, StoredEvent } from './event-store.js';
import type { HttpSettings } from './http-handler-options.js';
import { acceptedResponse, refusal, type ResponsePhase } from './http-status.js';
import { InjectedTransport } from './injected-transport.js';
import { randomId } from './random-id.js';
import type { ExchangeSettings } from './response-exchange.js';
import type { RegisteredSession } from './session-registry.js';
import { SessionRouter, type RouterHost } from './session-router.js';
import { SessionStream } from './session-stream.js';
import { messageEvent } from './sse-event.js';
import { SseWriter, sseResponse } from './sse-writer.js';
import type { IdleSweeper } from './idle-sweeper.js';
import { SparseMap } from '../../jsonrpc/sparse-map.js';

/** Stream ids remembered per session so their events can be deleted when it ends. */
const MAX_REMEMBERED_STREAMS = 1024;

export class HttpSession implements RegisteredSession, RouterHost {
  readonly id = randomId();
  readonly principal: string | undefined;
  readonly #settings: HttpSettings;
  readonly #onClosed: (session: HttpSession) => void;
  /** Every stream id of this session starts with it; what proves a `Last-Event-ID` is ours. */
  readonly #streamPrefix = `${randomId(8)}.`;
  #streamCount = 0;
  readonly #streamIds: string[] = [];
  /** Streams that may still get events, by id (the standalone one and unfinished POST ones). */
  readonly #live = new SparseMap<string, SessionStream>();
  readonly #transport: InjectedTransport;
  readonly #router: SessionRouter;
  #serverSession: McpHttpConnection | undefined;
  readonly #idle: IdleSweeper;
  #closed = false;

  constructor(
    settings: HttpSettings,
    principal: string | undefined,
    idle: IdleSweeper,
    onClosed: (session: HttpSession) => void,
  ) {
    this.principal = principal;
    this.#settings = settings;
    this.#idle = idle;
    this.#onClosed = onClosed;
    this.#router = new SessionRouter(this);
    this.#transport = new InjectedTransport((message, options) =>
      this.#router.route(message, options?.relatedRequestId),
    );
    this.#transport.onClose(() => void this.close());
  }

  async connect(server: McpHttpTarget, auth: AuthInfo | undefined): Promise<void> {
    this.#serverSession = await server.connect(this.#transport, {
      scope: 'session',
      ...(auth === undefined ? {} : { auth }),
    });
  }

  /** The router's host: response settings. */
  get exchange(): ExchangeSettings {
    return this.#settings.exchange;
  }

  /** The revision `initialize` negotiated; undefined before. */
  get version(): LegacyProtocolVersion | undefined {
    return this.#serverSession?.protocolVersion;
  }

  get acceptsBatches(): boolean {
    return this.#serverSession?.acceptsBatches() ?? false;
  }

  get inFlight(): number {
    return this.#router.inFlight;
  }

  isInFlight(id: RequestId): boolean {
    return this.#router.isInFlight(id);
  }

  /** Serves a POST carrying the requests `ids`: its response is JSON or a stream of events. */
  post(
    request: Request,
    body: unknown,
    ids: readonly RequestId[],
    phase: ResponsePhase,
  ): Promise<Response> {
    const { reply, response } = this.#router.open(request.signal, ids, phase);
    this.#router.reading(reply, () => this.#transport.inject(body));
    this.#noteCancellations(body);
    return response;
  }

  /** A POST with nothing to answer (notifications, responses to the server's requests): 202. */
  accept(body: unknown): Response {
    this.#router.reading(undefined, () => this.#transport.inject(body));
    this.#noteCancellations(body);
    this.activityChanged();
    return acceptedResponse();
  }

  /** A GET without `Last-Event-ID`: the session's one standalone stream (409 while one is open). */
  openStandalone(request: Request): Response {
    const existing = this.#router.standalone;
    if (existing?.attached === true) {
      return refusal('stream-conflict', 'Conflict: this session already has an open GET stream');
    }
    const stream = existing ?? this.newStream();
    this.#router.standalone = stream;
    const writer = this.#attachedWriter(request, stream);
    stream.attach(writer);
    const retry = this.primingRetryMs();
    if (retry !== undefined) stream.prime(retry);
    this.activityChanged();
    return sseResponse(writer);
  }

  /**
   * A GET with `Last-Event-ID`: replays what came after that event on the stream it belongs to
   * and, if the stream is still going, goes on with it. Undefined when the id names no stream of
   * this session (forged, foreign, or forgotten): nothing is replayed (SECURITY T15).
   */
  async resume(request: Request, lastEventId: string): Promise<Response | undefined> {
    const store = this.#settings.eventStore;
    if (store === undefined) return undefined;
    const probe = await replay(store, lastEventId);
    if (probe === undefined || !probe.streamId.startsWith(this.#streamPrefix)) return undefined;
    const live = this.#live.get(probe.streamId);
    const writer = this.#attachedWriter(request, live);
    const replayInto = async (): Promise<boolean> => {
      // Replayed afresh: whatever was stored since the probe is included, nothing twice.
      const events = await replay(store, lastEventId);
      if (events?.streamId !== probe.streamId) return false;
      for (const event of events.events) {
        if (event.message !== null) writer.send(messageEvent(event.message, event.id));
      }
      return true;
    };
    if (live === undefined) {
      await replayInto();
      writer.close();
    } else {
      live.afterQueued(async () => {
        const replayed = !this.#closed && (await replayInto());
        if (!replayed || live.finished || this.#closed) writer.close();
        else live.attach(writer);
        this.activityChanged();
      });
    }
    return sseResponse(writer);
  }

  /** Ends the session: its streams, its connection (handlers are aborted), its stored events. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#idle.busy(this);
    this.#onClosed(this);
    this.#router.closeAll();
    const streams = this.#live.values();
    for (const stream of streams) stream.close();
    this.#live.clear();
    await (this.#serverSession?.close() ?? this.#transport.close());
    // Once no event is being stored any more, the session's events are deleted.
    await Promise.all(streams.map((stream) => stream.drained()));
    const store = this.#settings.eventStore;
    if (store?.deleteStream !== undefined) {
      await Promise.all(
        this.#streamIds.map((id) => Promise.resolve(store.deleteStream?.(id)).catch(() => {})),
      );
    }
  }

  /** A writer for a GET response; when it ends, it leaves `stream` and the session re-checks idleness. */
  #attachedWriter(request: Request, stream: SessionStream | undefined): SseWriter {
    const writer = new SseWriter(this.#settings.exchange.sse, () => {
      stream?.detach(writer);
      request.signal.removeEventListener('abort', onAbort);
      this.activityChanged();
    });
    const onAbort = (): void => writer.close();
    request.signal.addEventListener('abort', onAbort, { once: true });
    return writer;
  }

  /** 2025-11-25 streams start with a priming event, when they can be resumed at all. */
  /** The router's host: the retry hint of a priming event, or undefined when not primed. */
  primingRetryMs(): number | undefined {
    const primed = this.#settings.eventStore !== undefined && (this.version ?? '') >= '2025-11-25';
    return primed ? this.#settings.retryIntervalMs : undefined;
  }

  /** A finished stream leaves the live set once its last event is stored (a resume then replays). */
  /** The router's host: a POST's stream got its last event. */
  streamDone(stream: SessionStream): void {
    stream.afterQueued(() => {
      if (!stream.attached) this.#live.delete(stream.id);
      return Promise.resolve();
    });
  }

  /** The router's host: a new stream of the session. */
  newStream(): SessionStream {
    const stream = new SessionStream(
      `${this.#streamPrefix}${(this.#streamCount++).toString(36)}`,
      this.#settings.eventStore,
      this.#settings.reportError,
    );
    this.#live.set(stream.id, stream);
    this.#streamIds.push(stream.id);
    if (this.#streamIds.length > MAX_REMEMBERED_STREAMS) this.#streamIds.shift();
    return stream;
  }

  /** A `notifications/cancelled` for one of the session's requests ends that request's response. */
  #noteCancellations(body: unknown): void {
    for (const message of Array.isArray(body) ? body : [body]) {
      const { method, params } = message as { method?: unknown; params?: { requestId?: unknown } };
      const target = params?.requestId;
      if (
        method === NotificationMethod.Cancelled &&
        (typeof target === 'string' || typeof target === 'number')
      ) {
        this.#router.cancelled(target);
      }
    }
  }

  /** The router's host: requests in flight or attached streams changed; idle again or busy. */
  activityChanged(): void {
    if (this.#closed) return;
    if (this.#router.busy) this.#idle.busy(this);
    else this.#idle.quiet(this);
  }
}

interface Replayed {
  streamId: string;
  events: { id: string; message: StoredEvent }[];
}

/** Collects a replay first: nothing is written before the stream is known to be the session's. */
async function replay(store: EventStore, lastEventId: string): Promise<Replayed | undefined> {
  const events: Replayed['events'] = [];
  const streamId = await store.replayEventsAfter(lastEventId, (id, message) => {
    events.push({ id, message });
  });
  return streamId === undefined ? undefined : { streamId, events };
}
