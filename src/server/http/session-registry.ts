// The sessions a handler holds (legacy Streamable HTTP and HTTP+SSE alike), capped in number, each
// found only by its own principal: another principal's session id is "not found" (SECURITY T13).

export interface RegisteredSession {
  readonly id: string;
  /** Who opened the session (`AuthInfo.principal`); undefined when no authorization layer ran. */
  readonly principal: string | undefined;
  close(): Promise<void>;
}

export class SessionRegistry {
  readonly #sessions = new Map<string, RegisteredSession>();
  readonly #maxSessions: number;

  constructor(maxSessions: number) {
    this.#maxSessions = maxSessions;
  }

  get size(): number {
    return this.#sessions.size;
  }

  /** No room for another session. */
  get full(): boolean {
    return this.#sessions.size >= this.#maxSessions;
  }

  add(session: RegisteredSession): void {
    this.#sessions.set(session.id, session);
  }

  remove(session: RegisteredSession): void {
    if (this.#sessions.get(session.id) === session) this.#sessions.delete(session.id);
  }

  /** The session with this id opened by this principal; undefined for any other. */
  find(id: string, principal: string | undefined): RegisteredSession | undefined {
    const session = this.#sessions.get(id);
    return session !== undefined && session.principal === principal ? session : undefined;
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.#sessions.values()].map((session) => session.close()));
  }
}
