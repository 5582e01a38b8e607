// Registers a spy on `unhandledRejection` for a test file and fails any test after which one was
// seen: a client must never leave a rejected promise nobody can observe.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';

export function failOnUnhandledRejections(): void {
  const seen: unknown[] = [];
  const listener = (reason: unknown): void => {
    seen.push(reason);
  };
  beforeAll(() => {
    process.on('unhandledRejection', listener);
  });
  afterEach(async () => {
    // Unhandled rejections are reported after the microtask queue drains; give them a turn.
    await new Promise((resolve) => setTimeout(resolve, 20));
    const reasons = seen
      .splice(0)
      .map((reason) =>
        reason instanceof Error ? `${reason.name}: ${reason.message}` : String(reason),
      );
    expect(reasons, 'unhandled rejections').toEqual([]);
  });
  afterAll(() => {
    process.off('unhandledRejection', listener);
  });
}
