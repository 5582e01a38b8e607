// One request we sent and are waiting on: its promise, its timeout (restarted by progress up to
// an absolute limit) and its cancellation hook.
import type { ProgressToken, RequestId } from '../spec/jsonrpc.js';
import type { Progress } from './connection-options.js';
import { RequestTimeoutError } from './errors.js';

type Timer = ReturnType<typeof setTimeout>;

/** The longest delay timers accept; a longer one fires at once in every runtime. */
const MAX_TIMER_DELAY = 2 ** 31 - 1;

export interface OutgoingRequestSettings {
  method: string;
  timeout: number;
  maxTotalTimeout: number;
  resetTimeoutOnProgress: boolean;
  onProgress: ((progress: Progress) => void) | undefined;
  /** Called when the request gives up (timeout): tells the peer to stop working on it. */
  onTimeout: (record: OutgoingRequest, error: RequestTimeoutError) => void;
}

export class OutgoingRequest {
  readonly id: RequestId;
  readonly #settings: OutgoingRequestSettings;
  readonly #startedAt: number;
  #timer: Timer | undefined;
  #settled = false;
  readonly #resolve: (result: unknown) => void;
  readonly #reject: (error: unknown) => void;
  /** The token the peer reports progress with, when progress was asked for. */
  progressToken: ProgressToken | undefined;
  /** Removes the abort listener of the caller's signal, if any. */
  detach: (() => void) | undefined;

  constructor(
    id: RequestId,
    settings: OutgoingRequestSettings,
    resolve: (result: unknown) => void,
    reject: (error: unknown) => void,
  ) {
    this.id = id;
    this.#settings = settings;
    this.#startedAt = Date.now();
    this.#resolve = resolve;
    this.#reject = reject;
    this.#arm(settings.timeout);
  }

  resolve(result: unknown): void {
    if (this.#finish()) this.#resolve(result);
  }

  reject(error: unknown): void {
    if (this.#finish()) this.#reject(error);
  }

  get settled(): boolean {
    return this.#settled;
  }

  progress(progress: Progress): void {
    if (this.#settled) return;
    if (this.#settings.resetTimeoutOnProgress) this.#arm(this.#settings.timeout);
    this.#settings.onProgress?.(progress);
  }

  /** (Re)starts the timer for `ms`, never past the absolute limit. */
  #arm(ms: number): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const left = this.#settings.maxTotalTimeout - (Date.now() - this.#startedAt);
    const total = Math.min(ms, left);
    const absolute = left <= ms;
    // Past what a timer can hold (about 24.8 days) a timeout is as good as none.
    if (!Number.isFinite(total) || total > MAX_TIMER_DELAY) return;
    this.#timer = setTimeout(
      () => {
        const { method, timeout, maxTotalTimeout } = this.#settings;
        const error = new RequestTimeoutError(
          absolute
            ? `Request ${method} exceeded its total limit of ${maxTotalTimeout} ms`
            : `Request ${method} timed out after ${timeout} ms`,
        );
        this.#settings.onTimeout(this, error);
      },
      Math.max(0, total),
    );
  }

  #finish(): boolean {
    if (this.#settled) return false;
    this.#settled = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.detach?.();
    return true;
  }
}
