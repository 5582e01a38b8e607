// Records every JSON-RPC message an official SDK client exchanges over its own stdio transport,
// so the interop tests can check what went over the pipe, not only what the SDK made of it.

/** One JSON-RPC message as it crossed the pipe. */
export interface WireMessage {
  readonly id?: string | number;
  readonly method?: string;
  readonly params?: Record<string, unknown>;
  readonly result?: Record<string, unknown>;
  readonly error?: { code: number; message: string; data?: unknown };
}

/** The two hooks every SDK transport has; typed loosely because each SDK types them its own way. */
interface HookableTransport {
  onmessage?: ((message: WireMessage, extra?: unknown) => void) | undefined;
  send(message: WireMessage, options?: unknown): Promise<void>;
}

export class WireTap {
  /** Client → server. */
  readonly sent: WireMessage[] = [];
  /** Server → client. */
  readonly received: WireMessage[] = [];

  /**
   * Taps a transport before the client connects. Both SDKs chain an `onmessage` set before
   * `connect()` in front of their own handler, so the inbound side needs no patching.
   */
  static attach(transport: object): WireTap {
    const tap = new WireTap();
    const hookable = transport as HookableTransport;
    const send = hookable.send.bind(hookable);
    hookable.send = (message, options) => {
      tap.sent.push(message);
      return send(message, options);
    };
    hookable.onmessage = (message) => {
      tap.received.push(message);
    };
    return tap;
  }

  /** Requests the client sent, optionally only those for one method. */
  requestsSent(method?: string): WireMessage[] {
    return this.sent.filter(
      (m) =>
        m.id !== undefined &&
        m.method !== undefined &&
        (method === undefined || m.method === method),
    );
  }

  /** Requests the server sent to the client (legacy only: 2026-07-28 has none). */
  requestsReceived(): WireMessage[] {
    return this.received.filter((m) => m.id !== undefined && m.method !== undefined);
  }

  notificationsReceived(method: string): WireMessage[] {
    return this.received.filter((m) => m.id === undefined && m.method === method);
  }

  /** The server's response to a request the client sent. */
  responseTo(request: WireMessage): WireMessage | undefined {
    return this.received.find((m) => m.method === undefined && m.id === request.id);
  }

  /** Every request the client sent for `method` that `matches`, each with the server's answer. */
  exchanges(
    method: string,
    matches: (params: Record<string, unknown>) => boolean = () => true,
  ): Array<{ request: WireMessage; response: WireMessage | undefined }> {
    return this.requestsSent(method)
      .filter((request) => matches(request.params ?? {}))
      .map((request) => ({ request, response: this.responseTo(request) }));
  }
}
