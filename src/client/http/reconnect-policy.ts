// When to try an SSE stream again: the server's `retry` when it gave one, otherwise exponential
// backoff with jitter; consecutive failures are counted against a bound, so nothing retries forever.

export interface ReconnectionOptions {
  /** Milliseconds before the first retry when the server gave no `retry`. Default 1000. */
  initialDelay?: number;
  /** The longest wait between two tries, the server's `retry` included. Default 30000. */
  maxDelay?: number;
  /**
   * Failed tries in a row (a network error, a 5xx or 429, a stream that ended with nothing)
   * before giving up. A stream that delivers an event resets the count. Default 5.
   */
  maxRetries?: number;
}

export type ReconnectionPolicy = Required<ReconnectionOptions>;

export const DEFAULT_RECONNECTION: ReconnectionPolicy = {
  initialDelay: 1000,
  maxDelay: 30_000,
  maxRetries: 5,
};

export function reconnectionPolicy(options: ReconnectionOptions = {}): ReconnectionPolicy {
  const initialDelay = nonNegative(options.initialDelay, DEFAULT_RECONNECTION.initialDelay);
  const maxDelay = Math.max(
    initialDelay,
    nonNegative(options.maxDelay, DEFAULT_RECONNECTION.maxDelay),
  );
  const maxRetries = Math.floor(nonNegative(options.maxRetries, DEFAULT_RECONNECTION.maxRetries));
  return { initialDelay, maxDelay, maxRetries };
}

/**
 * Milliseconds to wait before the next try. `failures` counts the failed tries since the last
 * stream that delivered something (0 after a stream the server closed on purpose). The server's
 * `retry` is honoured as it is for that first try, and is the base of the backoff after it;
 * `random` (0 ≤ r < 1) spreads the waits of many clients so they do not return at once.
 */
export function reconnectDelay(
  failures: number,
  policy: ReconnectionPolicy,
  serverRetry: number | undefined,
  random: () => number = Math.random,
): number {
  const base = Math.min(serverRetry ?? policy.initialDelay, policy.maxDelay);
  if (failures === 0 && serverRetry !== undefined) return base;
  const ceiling = Math.min(policy.maxDelay, base * 2 ** Math.min(failures, 30));
  // "Equal jitter": at least half the backoff, so waits still grow, never more than the ceiling.
  return ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1);
}

/** The `Retry-After` of a 429 or 503 in milliseconds (the seconds form only), if any. */
export function retryAfterOf(response: Response): number | undefined {
  const header = response.headers.get('retry-after');
  if (header === null || !/^\d{1,9}$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}

/** Resolves after `ms`, or at once when `signal` aborts (it never rejects). */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

function nonNegative(value: number | undefined, fallback: number): number {
  return value === undefined || !Number.isFinite(value) || value < 0 ? fallback : value;
}
