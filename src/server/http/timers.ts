// Timers for idle sessions and keep-alives that never keep a process alive on their own (Node's
// timers are unref'd; other runtimes need nothing), and that treat "too long" as "never".

export type TimerHandle = ReturnType<typeof setTimeout>;

/** Longer delays overflow the platform's 32-bit timer and would fire at once. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/** A one-shot timer; undefined (no timer) when `ms` is infinite or too long to schedule. */
export function backgroundTimeout(callback: () => void, ms: number): TimerHandle | undefined {
  if (!(ms <= MAX_DELAY_MS)) return undefined;
  const timer = setTimeout(callback, ms);
  unref(timer);
  return timer;
}

/** A repeating timer; undefined when `ms` is 0, infinite or too long. */
export function backgroundInterval(callback: () => void, ms: number): TimerHandle | undefined {
  if (!(ms > 0 && ms <= MAX_DELAY_MS)) return undefined;
  const timer = setInterval(callback, ms);
  unref(timer);
  return timer;
}

function unref(timer: unknown): void {
  const handle = timer as { unref?: () => void } | null;
  if (typeof handle?.unref === 'function') handle.unref();
}
