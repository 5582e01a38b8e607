// The engine over time: timeouts and progress, cancellation both ways, limits, closing.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { JsonRpcConnection } from '../../src/jsonrpc/connection.js';
import {
  ConnectionClosedError,
  LimitExceededError,
  RequestCancelledError,
  RequestTimeoutError,
} from '../../src/jsonrpc/errors.js';
import { ScriptedTransport, flush } from '../helpers/scripted-transport.js';

type Sent = { id?: number; method?: string; params?: Record<string, unknown> };

function setup(options = {}) {
  const transport = new ScriptedTransport();
  const connection = new JsonRpcConnection(transport, options);
  return { transport, connection };
}

describe('timeouts and progress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('times out, tells the peer, and drops the late answer', async () => {
    const { transport, connection } = setup({ requestTimeout: 1000 });
    const dropped: unknown[] = [];
    connection.onDropped((d) => dropped.push(d.message));
    const call = connection.request('slow').catch((e: unknown) => e);
    const [request] = transport.take() as Sent[];
    vi.advanceTimersByTime(999);
    expect(transport.take()).toEqual([]);
    vi.advanceTimersByTime(1);
    const error = await call;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect(transport.take()).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: request!.id, reason: 'Request slow timed out after 1000 ms' },
      },
    ]);
    transport.receive({ jsonrpc: '2.0', id: request!.id, result: {} });
    expect(dropped).toHaveLength(1);
    expect(connection.pendingRequestCount).toBe(0);
  });

  it('restarts the timeout on progress, reports it, and stops at the absolute limit', async () => {
    const { transport, connection } = setup();
    const seen: unknown[] = [];
    const call = connection
      .request(
        'long',
        {},
        { timeout: 1000, maxTotalTimeout: 2500, onProgress: (p) => seen.push(p) },
      )
      .catch((e: unknown) => e);
    const [request] = transport.take() as Sent[];
    const token = (request!.params!['_meta'] as { progressToken: number }).progressToken;
    for (let i = 1; i <= 3; i++) {
      vi.advanceTimersByTime(800);
      transport.receive({
        jsonrpc: '2.0',
        method: 'notifications/progress',
        params: { progressToken: token, progress: i, total: 10, message: `step ${i}` },
      });
    }
    // 2400 ms have passed, each gap under the 1000 ms timeout: still alive.
    expect(seen).toEqual([
      { progress: 1, total: 10, message: 'step 1' },
      { progress: 2, total: 10, message: 'step 2' },
      { progress: 3, total: 10, message: 'step 3' },
    ]);
    vi.advanceTimersByTime(100);
    const error = await call;
    expect(error).toBeInstanceOf(RequestTimeoutError);
    expect((error as Error).message).toMatch(/total limit of 2500 ms/);
  });

  it('does not restart the timeout when the caller says so', async () => {
    const { transport, connection } = setup();
    const call = connection
      .request('long', {}, { timeout: 1000, resetTimeoutOnProgress: false, onProgress: () => {} })
      .catch((e: unknown) => e);
    const [request] = transport.take() as Sent[];
    const token = (request!.params!['_meta'] as { progressToken: number }).progressToken;
    vi.advanceTimersByTime(900);
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: token, progress: 1 },
    });
    vi.advanceTimersByTime(100);
    expect(await call).toBeInstanceOf(RequestTimeoutError);
  });

  it('routes progress by the caller’s own token when it set one', async () => {
    const { transport, connection } = setup();
    const seen: number[] = [];
    const call = connection.request(
      'x',
      { _meta: { progressToken: 'mine' } },
      { onProgress: (p) => seen.push(p.progress) },
    );
    const [request] = transport.take() as Sent[];
    expect(request!.params).toEqual({ _meta: { progressToken: 'mine' } });
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/progress',
      params: { progressToken: 'mine', progress: 5 },
    });
    transport.receive({ jsonrpc: '2.0', id: request!.id, result: {} });
    await call;
    expect(seen).toEqual([5]);
  });
});

describe('cancellation', () => {
  it('sends notifications/cancelled when the caller aborts, and drops the late answer', async () => {
    const { transport, connection } = setup();
    const controller = new AbortController();
    const call = connection
      .request('x', undefined, { signal: controller.signal })
      .catch((e: unknown) => e);
    const [request] = transport.take() as Sent[];
    controller.abort('user pressed stop');
    const error = await call;
    expect(error).toBeInstanceOf(RequestCancelledError);
    expect(transport.take()).toEqual([
      {
        jsonrpc: '2.0',
        method: 'notifications/cancelled',
        params: { requestId: request!.id, reason: 'user pressed stop' },
      },
    ]);
    expect(connection.pendingRequestCount).toBe(0);
  });

  it('sends nothing for a signal that is already aborted', async () => {
    const { transport, connection } = setup();
    const error = await connection
      .request('x', undefined, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestCancelledError);
    expect(transport.take()).toEqual([]);
  });

  it('aborts a running handler and sends no response for it', async () => {
    const { transport, connection } = setup();
    let signal: AbortSignal | undefined;
    let finish!: () => void;
    connection.setRequestHandler('work', (_, context) => {
      signal = context.signal;
      return new Promise((resolve) => (finish = () => resolve({ late: true })));
    });
    transport.receive({ jsonrpc: '2.0', id: 4, method: 'work' });
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 4, reason: 'bored' },
    });
    expect(signal?.aborted).toBe(true);
    expect((signal?.reason as Error).message).toBe('bored');
    finish();
    await flush();
    expect(transport.take()).toEqual([]);
    expect(connection.activeRequestCount).toBe(0);
  });

  it('honours a cancel that arrives before the handler was dispatched', async () => {
    const { transport, connection } = setup({ maxConcurrentRequests: 1 });
    const ran: number[] = [];
    const releases: (() => void)[] = [];
    connection.setRequestHandler('work', (params) => {
      ran.push(params!['n'] as number);
      return new Promise((resolve) => releases.push(() => resolve({})));
    });
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'work', params: { n: 1 } });
    transport.receive({ jsonrpc: '2.0', id: 2, method: 'work', params: { n: 2 } });
    transport.receive({ jsonrpc: '2.0', id: 3, method: 'work', params: { n: 3 } });
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 2 },
    });
    releases.shift()!();
    await flush();
    releases.shift()!();
    await flush();
    expect(ran).toEqual([1, 3]);
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 3, result: {} },
    ]);
  });

  it('ignores a cancel for an unknown or finished request', () => {
    const { transport, connection } = setup();
    connection.setRequestHandler('x', () => ({}));
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'x' });
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 1 },
    });
    transport.receive({
      jsonrpc: '2.0',
      method: 'notifications/cancelled',
      params: { requestId: 'nope' },
    });
    expect(transport.take()).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });

  it('progress from a handler goes out only when the caller asked for it', () => {
    const { transport, connection } = setup();
    connection.setRequestHandler('x', (_, context) => {
      context.sendProgress(1, 2, 'half');
      return {};
    });
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'x' });
    transport.receive({
      jsonrpc: '2.0',
      id: 2,
      method: 'x',
      params: { _meta: { progressToken: 't' } },
    });
    expect(transport.sent.map((s) => [s.message, s.options])).toEqual([
      [{ jsonrpc: '2.0', id: 1, result: {} }, { relatedRequestId: 1 }],
      [
        {
          jsonrpc: '2.0',
          method: 'notifications/progress',
          params: { progressToken: 't', progress: 1, total: 2, message: 'half' },
        },
        { relatedRequestId: 2 },
      ],
      [{ jsonrpc: '2.0', id: 2, result: {} }, { relatedRequestId: 2 }],
    ]);
  });
});

describe('limits', () => {
  it('rejects outgoing requests past the pending limit, locally', async () => {
    const { transport, connection } = setup({ maxPendingRequests: 2 });
    void connection.request('a').catch(() => {});
    void connection.request('b').catch(() => {});
    await expect(connection.request('c')).rejects.toBeInstanceOf(LimitExceededError);
    expect(transport.take()).toHaveLength(2);
  });

  it('queues incoming requests past the concurrency limit and refuses past the queue limit', async () => {
    const { transport, connection } = setup({ maxConcurrentRequests: 1, maxQueuedRequests: 1 });
    const releases: (() => void)[] = [];
    connection.setRequestHandler(
      'w',
      () => new Promise((resolve) => releases.push(() => resolve({}))),
    );
    for (const id of [1, 2, 3]) transport.receive({ jsonrpc: '2.0', id, method: 'w' });
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 3, error: { code: -32603, message: 'Too many requests in flight' } },
    ]);
    expect(releases).toHaveLength(1);
    releases.shift()!();
    await flush();
    expect(releases).toHaveLength(1);
    releases.shift()!();
    await flush();
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 1, result: {} },
      { jsonrpc: '2.0', id: 2, result: {} },
    ]);
  });
});

describe('closing', () => {
  it('rejects every pending request with the reason, and aborts running handlers', async () => {
    const { transport, connection } = setup();
    let signal: AbortSignal | undefined;
    connection.setRequestHandler('w', (_, context) => {
      signal = context.signal;
      return new Promise(() => {});
    });
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'w' });
    const calls = [connection.request('a'), connection.request('b')].map((p) =>
      p.catch((e: unknown) => e),
    );
    const closes: unknown[] = [];
    connection.onClose((info) => closes.push(info));
    transport.closeWith({ error: new Error('child exited with code 3') });
    for (const error of await Promise.all(calls)) {
      expect(error).toBeInstanceOf(ConnectionClosedError);
      expect((error as Error).message).toBe('Connection closed: child exited with code 3');
    }
    expect(signal?.aborted).toBe(true);
    expect(closes).toHaveLength(1);
    await expect(connection.request('c')).rejects.toBeInstanceOf(ConnectionClosedError);
    expect(() => connection.notify('n')).toThrow(ConnectionClosedError);
  });

  it('sends nothing for a handler that finishes after the close', async () => {
    const { transport, connection } = setup();
    let finish!: () => void;
    connection.setRequestHandler('w', () => new Promise((resolve) => (finish = () => resolve({}))));
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'w' });
    await connection.close();
    finish();
    await flush();
    expect(transport.sent).toEqual([]);
  });

  it('rejects a request whose send fails', async () => {
    const transport = new ScriptedTransport();
    transport.send = () => Promise.reject(new Error('pipe broken'));
    const connection = new JsonRpcConnection(transport);
    await expect(connection.request('a')).rejects.toThrow('pipe broken');
    expect(connection.pendingRequestCount).toBe(0);
  });
});

describe('batches (2025-03-26)', () => {
  it('refuses a batch when the negotiated revision has none', () => {
    const { transport } = setup();
    transport.receive([{ jsonrpc: '2.0', id: 1, method: 'x' }]);
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', error: { code: -32600, message: 'Batches are not supported' } },
    ]);
  });

  it('answers a batch with one array holding a response per request', async () => {
    let accept = true;
    const { transport, connection } = setup({ acceptBatches: () => accept });
    const notified: unknown[] = [];
    connection.onNotification('notifications/n', (p) => notified.push(p));
    connection.setRequestHandler('now', () => ({ now: true }));
    connection.setRequestHandler('later', async () => {
      await flush();
      return { later: true };
    });
    transport.receive([
      { jsonrpc: '2.0', id: 1, method: 'later' },
      { jsonrpc: '2.0', method: 'notifications/n', params: { a: 1 } },
      { jsonrpc: '2.0', id: 2, method: 'now' },
      { jsonrpc: '2.0', id: 3, method: 'missing' },
      42,
    ]);
    expect(transport.take()).toEqual([]);
    await flush();
    expect(transport.take()).toEqual([
      [
        { jsonrpc: '2.0', id: 2, result: { now: true } },
        { jsonrpc: '2.0', id: 3, error: { code: -32601, message: 'Method not found: missing' } },
        { jsonrpc: '2.0', error: { code: -32600, message: expect.stringMatching(/got number/) } },
        { jsonrpc: '2.0', id: 1, result: { later: true } },
      ],
    ]);
    expect(notified).toEqual([{ a: 1 }]);
    accept = false;
    transport.receive([{ jsonrpc: '2.0', id: 9, method: 'now' }]);
    expect(transport.take()).toHaveLength(1);
  });

  it('sends nothing for a batch of notifications, and refuses an empty batch', () => {
    const { transport } = setup({ acceptBatches: () => true });
    transport.receive([{ jsonrpc: '2.0', method: 'notifications/n' }]);
    expect(transport.take()).toEqual([]);
    transport.receive([]);
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', error: { code: -32600, message: 'Empty batch' } },
    ]);
  });
});
