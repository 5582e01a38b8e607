// A legacy Streamable HTTP session (2025-03-26 … 2025-11-25) as the client keeps it: the id the
// server assigned, the version `initialize` negotiated, and the standalone GET stream.
import { discardBody } from './http-body.js';
import type { HttpTransportWarning } from './http-client-options.js';
import type { ReconnectionPolicy } from './reconnect-policy.js';
import { followSseStream } from './sse-follower.js';

/** RFC 9110 visible ASCII, as the spec requires of a session id. */
const SESSION_ID = /^[\x21-\x7e]{1,1024}$/;

export interface LegacyHttpSessionSettings {
  /** Opens the GET stream (again); the caller adds this session's headers and `Last-Event-ID`. */
  openStream: (lastEventId: string | undefined, signal: AbortSignal) => Promise<Response>;
  /** One message's data from the GET stream. */
  onData: (data: string) => void;
  warn: (kind: Exclude<HttpTransportWarning['kind'], 'tool-rejected'>, reason: string) => void;
  /** The server ended the session; the client has to initialize again. */
  expired: () => void;
  policy: ReconnectionPolicy;
  random: () => number;
  maxEventSize: number;
}

export class LegacyHttpSession {
  /** The session id the server assigned, while there is one. */
  id: string | undefined;
  /** The negotiated version; sent as `MCP-Protocol-Version` once known. */
  version: string | undefined;
  readonly #settings: LegacyHttpSessionSettings;
  #listen: AbortController | undefined;

  constructor(settings: LegacyHttpSessionSettings) {
    this.#settings = settings;
  }

  /** Whether a legacy session is under way (negotiated, or with an id). */
  get active(): boolean {
    return this.id !== undefined || this.version !== undefined;
  }

  /** Adds `Mcp-Session-Id` and `MCP-Protocol-Version` to a request after `initialize`. */
  addHeaders(headers: Headers): void {
    if (this.id !== undefined) headers.set('Mcp-Session-Id', this.id);
    if (this.version !== undefined) headers.set('MCP-Protocol-Version', this.version);
  }

  /** Takes the session id from the HTTP answer to `initialize`, if it is a valid one. */
  capture(response: Response): void {
    if (!response.ok) return;
    const id = response.headers.get('mcp-session-id');
    if (id === null) return;
    if (SESSION_ID.test(id)) this.id = id;
    else
      this.#settings.warn(
        'session-id-refused',
        'The session id is not 1 to 1024 visible ASCII characters',
      );
  }

  /** Opens the server's stream for messages outside any request (405 means it has none). */
  openListenStream(): void {
    this.#listen?.abort();
    const controller = new AbortController();
    this.#listen = controller;
    const session = this.id;
    void followSseStream({
      first: undefined,
      reopen: this.#settings.openStream,
      onData: (data) => {
        this.#settings.onData(data);
        return false;
      },
      resumption: 'always',
      policy: this.#settings.policy,
      random: this.#settings.random,
      signal: controller.signal,
      maxEventSize: this.#settings.maxEventSize,
    }).then((outcome) => {
      switch (outcome.kind) {
        case 'complete':
        case 'aborted':
          return;
        case 'refused': {
          const status = outcome.response.status;
          discardBody(outcome.response);
          if (status === 405) return;
          if (status === 404 && session !== undefined) this.expire(session);
          else this.#settings.warn('listen-stream-lost', `HTTP ${status}`);
          return;
        }
        case 'ended':
        case 'gave-up':
          this.#settings.warn('listen-stream-lost', describe(outcome.error ?? 'it kept ending'));
          return;
      }
    });
  }

  /** The session `id` is over (a 404): forget it and say so, once per session. */
  expire(id: string): void {
    if (this.id !== id) return;
    this.id = undefined;
    this.version = undefined;
    this.#listen?.abort();
    this.#settings.expired();
  }

  /** Stops listening and hands back what a DELETE needs, forgetting the session. */
  end(): { id: string; version: string | undefined } | undefined {
    this.#listen?.abort();
    const { id, version } = this;
    this.id = undefined;
    this.version = undefined;
    return id === undefined ? undefined : { id, version };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
