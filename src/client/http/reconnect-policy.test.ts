// The reconnection waits: the server's `retry` honoured, backoff growing within its bounds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECONNECTION,
  reconnectDelay,
  reconnectionPolicy,
  retryAfterOf,
} from './reconnect-policy.js';

const policy = reconnectionPolicy({ initialDelay: 100, maxDelay: 2000, maxRetries: 3 });

describe('reconnectDelay', () => {
  it("waits exactly the server's retry after a stream that delivered", () => {
    expect(reconnectDelay(0, policy, 250, () => 0.9)).toBe(250);
  });

  it("caps the server's retry at maxDelay", () => {
    expect(reconnectDelay(0, policy, 1e9, () => 0.5)).toBe(2000);
  });

  it('grows exponentially, with jitter between half and all of the step', () => {
    expect(reconnectDelay(1, policy, undefined, () => 0)).toBe(100);
    expect(reconnectDelay(1, policy, undefined, () => 0.999999)).toBeCloseTo(200, 3);
    expect(reconnectDelay(2, policy, undefined, () => 0)).toBe(200);
    expect(reconnectDelay(3, policy, undefined, () => 0)).toBe(400);
  });

  it('never exceeds maxDelay nor goes below zero, whatever the inputs', () => {
    fc.assert(
      fc.property(
        fc.nat(100),
        fc.option(fc.nat(1e7), { nil: undefined }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (failures, retry, random) => {
          const wait = reconnectDelay(failures, policy, retry, () => random);
          expect(wait).toBeGreaterThanOrEqual(0);
          expect(wait).toBeLessThanOrEqual(policy.maxDelay);
        },
      ),
    );
  });

  it('uses the backoff after failures even when the server gave a retry', () => {
    expect(reconnectDelay(2, policy, 300, () => 0)).toBe(600);
  });
});

describe('reconnectionPolicy', () => {
  it('fills in defaults and repairs nonsense', () => {
    expect(reconnectionPolicy()).toEqual(DEFAULT_RECONNECTION);
    expect(reconnectionPolicy({ initialDelay: -1, maxDelay: NaN, maxRetries: 2.7 })).toEqual({
      initialDelay: DEFAULT_RECONNECTION.initialDelay,
      maxDelay: DEFAULT_RECONNECTION.maxDelay,
      maxRetries: 2,
    });
    expect(reconnectionPolicy({ initialDelay: 500, maxDelay: 10 }).maxDelay).toBe(500);
  });
});

describe('retryAfterOf', () => {
  it('reads the seconds form only', () => {
    expect(retryAfterOf(new Response(null, { status: 503, headers: { 'retry-after': '3' } }))).toBe(
      3000,
    );
    expect(
      retryAfterOf(
        new Response(null, {
          status: 503,
          headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:00 GMT' },
        }),
      ),
    ).toBeUndefined();
    expect(retryAfterOf(new Response(null, { status: 503 }))).toBeUndefined();
  });
});
