// One HTTP-side connection relayed to a stdio server process: messages pass unchanged both ways,
// while the relay notes just enough (requests in flight, progress tokens, the negotiated
// revision) to tell the HTTP layer which request each server message belongs to.
import type { Disposable, Transport } from '../jsonrpc/index.js';
import type { McpHttpConnection } from '../server/http/index.js';
import { isLegacyVersion } from '../spec/index.js';
import type { JsonRpcMessage, LegacyProtocolVersion, RequestId, Tool } from '../spec/index.js';
import { sendQuietly } from './send-quietly.js';

/** What the connection reports back to the relay that owns the server processes. */
export interface RelayHooks {
  /** The HTTP side is done with `child`; `clean` when no request is left unanswered on it. */
  release(child: Transport, clean: boolean): void;
  /** Tool definitions seen in a `tools/list` answer (for the `Mcp-Param-*` header checks). */
  toolsSeen(tools: readonly Tool[]): void;
}

/** JSON-RPC "Internal error", for requests left unanswered when the server process exits. */
const INTERNAL_ERROR = -32603;

type Message = Record<string, unknown>;

export class RelayedConnection implements McpHttpConnection {
  readonly #front: Transport;
  readonly #child: Transport;
  readonly #hooks: RelayHooks;
  /** Client requests the server has not answered yet, with their method. */
  readonly #pending = new Map<RequestId, string>();
  /** Progress tokens of pending requests, so progress goes out on the right request's stream. */
  readonly #progressTokens = new Map<RequestId, RequestId>();
  readonly #subscriptions: Disposable[];
  #version: LegacyProtocolVersion | undefined;
  #released = false;

  constructor(front: Transport, child: Transport, hooks: RelayHooks) {
    this.#front = front;
    this.#child = child;
    this.#hooks = hooks;
    this.#subscriptions = [
      front.onMessage((message) => this.#fromClient(message)),
      child.onMessage((message) => this.#fromServer(message)),
      front.onClose(() => this.#release()),
      child.onClose(({ error }) => this.#serverGone(error)),
    ];
  }

  get protocolVersion(): LegacyProtocolVersion | undefined {
    return this.#version;
  }

  acceptsBatches(): boolean {
    return this.#version === '2025-03-26';
  }

  async close(): Promise<void> {
    await this.#front.close();
  }

  #fromClient(value: unknown): void {
    for (const message of items(value)) {
      const id = message['id'];
      const method = message['method'];
      if (typeof method !== 'string') continue;
      if (isRequestId(id)) {
        this.#pending.set(id, method);
        const token = progressTokenOf(message);
        if (token !== undefined) this.#progressTokens.set(token, id);
      } else if (method === 'notifications/cancelled') {
        const cancelled = (message['params'] as Message | undefined)?.['requestId'];
        if (isRequestId(cancelled)) this.#settled(cancelled);
      }
    }
    sendQuietly(this.#child, value as JsonRpcMessage | JsonRpcMessage[]);
  }

  #fromServer(value: unknown): void {
    let related: RequestId | undefined;
    for (const message of items(value)) {
      const id = message['id'];
      if (typeof message['method'] === 'string') {
        related = this.#relatedRequest(message);
      } else if (isRequestId(id)) {
        this.#answered(id, message['result']);
      }
    }
    sendQuietly(
      this.#front,
      value as JsonRpcMessage | JsonRpcMessage[],
      related === undefined ? undefined : { relatedRequestId: related },
    );
  }

  /**
   * The client request a server notification or request belongs to. Progress names its request
   * by token; anything else is attributed when exactly one request is in flight (a stdio server
   * has no other way to say), and otherwise goes out on the session's standalone stream.
   */
  #relatedRequest(message: Message): RequestId | undefined {
    if (message['method'] === 'notifications/progress') {
      const token = (message['params'] as Message | undefined)?.['progressToken'];
      if (isRequestId(token)) return this.#progressTokens.get(token);
    }
    if (this.#pending.size !== 1) return undefined;
    return this.#pending.keys().next().value;
  }

  #answered(id: RequestId, result: unknown): void {
    const method = this.#pending.get(id);
    this.#settled(id);
    if (result === null || typeof result !== 'object') return;
    const answer = result as Message;
    if (method === 'initialize' && isLegacyVersion(answer['protocolVersion'])) {
      this.#version = answer['protocolVersion'];
    }
    if (method === 'tools/list' && Array.isArray(answer['tools'])) {
      this.#hooks.toolsSeen(answer['tools'] as Tool[]);
    }
  }

  #settled(id: RequestId): void {
    this.#pending.delete(id);
    for (const [token, request] of this.#progressTokens) {
      if (request === id) this.#progressTokens.delete(token);
    }
  }

  /** The server process ended: every request still waiting gets an error rather than hangs. */
  #serverGone(error: Error | undefined): void {
    const reason = error?.message.split('\n')[0] ?? 'it closed its output';
    for (const id of this.#pending.keys()) {
      sendQuietly(this.#front, {
        jsonrpc: '2.0',
        id,
        error: { code: INTERNAL_ERROR, message: `The MCP server process ended: ${reason}` },
      });
    }
    this.#pending.clear();
    void this.#front.close();
  }

  #release(): void {
    if (this.#released) return;
    this.#released = true;
    for (const subscription of this.#subscriptions) subscription.dispose();
    this.#hooks.release(this.#child, this.#pending.size === 0 && !this.#child.closed);
  }
}

function items(value: unknown): Message[] {
  const list = Array.isArray(value) ? (value as unknown[]) : [value];
  return list.filter(
    (item): item is Message => item !== null && typeof item === 'object' && !Array.isArray(item),
  );
}

function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || typeof value === 'number';
}

function progressTokenOf(request: Message): RequestId | undefined {
  const meta = (request['params'] as Message | undefined)?.['_meta'] as Message | undefined;
  const token = meta?.['progressToken'];
  return isRequestId(token) ? token : undefined;
}
