// Idle expiry for many sessions with one timer: a session that goes quiet is noted with the time,
// and a sweep every quarter of the timeout closes those quiet for the whole timeout. Compared
// with a timer per session, reset on every request, it keeps no timer objects for idle sessions
// and does no timer work per request; a session expires between 1 and 1.25 timeouts.
import { backgroundInterval, type TimerHandle } from './timers.js';

export interface Sweepable {
  close(): Promise<void>;
}

export class IdleSweeper {
  readonly #timeoutMs: number;
  readonly #now: () => number;
  /** Quiet sessions, with when they went quiet; insertion order is quiet-since order. */
  readonly #quiet = new Map<Sweepable, number>();
  #timer: TimerHandle | undefined;

  constructor(timeoutMs: number, now: () => number = Date.now) {
    this.#timeoutMs = timeoutMs;
    this.#now = now;
  }

  /** `session` has nothing in flight and no stream: its idle time starts (again) now. */
  quiet(session: Sweepable): void {
    if (!Number.isFinite(this.#timeoutMs)) return;
    this.#quiet.delete(session);
    this.#quiet.set(session, this.#now());
    this.#timer ??= backgroundInterval(() => this.#sweep(), Math.max(1, this.#timeoutMs / 4));
  }

  /** `session` is in use (or gone): it does not expire while so. */
  busy(session: Sweepable): void {
    this.#quiet.delete(session);
    if (this.#quiet.size === 0) this.#stop();
  }

  #sweep(): void {
    const deadline = this.#now() - this.#timeoutMs;
    for (const [session, since] of this.#quiet) {
      // Oldest first: the first one still in time means the rest are too.
      if (since > deadline) break;
      this.#quiet.delete(session);
      void session.close();
    }
    if (this.#quiet.size === 0) this.#stop();
  }

  #stop(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }
}
