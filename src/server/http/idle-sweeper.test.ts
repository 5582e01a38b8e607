// Idle expiry with one timer: quiet sessions close after the timeout (within a quarter more),
// busy ones never, and a session that turns busy again starts its idle time over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleSweeper, type Sweepable } from './idle-sweeper.js';

function session(): Sweepable & { closed: number } {
  const record = {
    closed: 0,
    close() {
      record.closed++;
      return Promise.resolve();
    },
  };
  return record;
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('IdleSweeper', () => {
  it('closes a session quiet for the whole timeout, once, and not before', () => {
    const sweeper = new IdleSweeper(1000);
    const quiet = session();
    sweeper.quiet(quiet);
    vi.advanceTimersByTime(999);
    expect(quiet.closed).toBe(0);
    vi.advanceTimersByTime(251);
    expect(quiet.closed).toBe(1);
    vi.advanceTimersByTime(10_000);
    expect(quiet.closed).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('never closes a busy session, and restarts the idle time when it goes quiet again', () => {
    const sweeper = new IdleSweeper(1000);
    const worked = session();
    const idle = session();
    sweeper.quiet(worked);
    sweeper.quiet(idle);
    vi.advanceTimersByTime(600);
    sweeper.busy(worked);
    vi.advanceTimersByTime(5000);
    expect(worked.closed).toBe(0);
    expect(idle.closed).toBe(1);
    sweeper.quiet(worked);
    vi.advanceTimersByTime(900);
    expect(worked.closed).toBe(0);
    vi.advanceTimersByTime(400);
    expect(worked.closed).toBe(1);
  });

  it('keeps no timer while nothing is quiet, and none at all for an infinite timeout', () => {
    const sweeper = new IdleSweeper(1000);
    const one = session();
    sweeper.quiet(one);
    expect(vi.getTimerCount()).toBe(1);
    sweeper.busy(one);
    expect(vi.getTimerCount()).toBe(0);
    const never = new IdleSweeper(Number.POSITIVE_INFINITY);
    never.quiet(session());
    expect(vi.getTimerCount()).toBe(0);
  });
});
