// Log levels, progress, timeouts (restarted by progress, bounded by an absolute maximum) and
// cancellation, in both eras and over both transports, against mcpkit's own server.
import { afterEach, describe, expect, it } from 'vitest';
import type { LoggingMessageNotificationParams } from '../../src/spec/types/index.js';
import { RequestCancelledError, RequestTimeoutError } from '../../src/jsonrpc/errors.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  WIRES,
  closeHarnesses,
  eraOf,
  openHarness,
  type Mode,
  type Wire,
} from './helpers/harness.js';
import { failOnUnhandledRejections } from './helpers/unhandled-rejections.js';

failOnUnhandledRejections();
afterEach(closeHarnesses);

const cases: [Wire, Mode][] = WIRES.flatMap((wire) =>
  (['legacy-pin', 'modern-detect'] as const).map((mode): [Wire, Mode] => [wire, mode]),
);

describe.each(cases)('over %s, %s', (wire, mode) => {
  const era = eraOf(mode);

  it('sets the log level and delivers log messages through onLogMessage', async () => {
    const { client, tap } = await openHarness(wire, mode);
    const messages: LoggingMessageNotificationParams[] = [];
    client.onLogMessage((message) => messages.push(message));

    await client.callTool('log');
    // Legacy servers send every level until told otherwise; modern ones only what a request asks.
    expect(messages.map((m) => m.level)).toEqual(
      era === 'legacy' ? ['debug', 'info', 'warning', 'error'] : [],
    );

    messages.length = 0;
    await client.setLogLevel('warning');
    await client.callTool('log');
    expect(messages).toEqual([
      { level: 'warning', data: 'a warning line' },
      { level: 'error', data: { problem: 'an error line' }, logger: 'fixture' },
    ]);

    const lastCall = tap.toolCalls('log').at(-1);
    if (era === 'legacy') {
      expect(tap.requestsSent('logging/setLevel').map((m) => m.params?.['level'])).toEqual([
        'warning',
      ]);
    } else {
      expect(tap.requestsSent('logging/setLevel')).toEqual([]);
      expect(lastCall?.params?.['_meta']).toMatchObject({ [MetaKey.LogLevel]: 'warning' });
    }

    if (era === 'modern') {
      // Modern: no level in `_meta`, no log messages.
      messages.length = 0;
      await client.setLogLevel(undefined);
      await client.callTool('log');
      expect(messages).toEqual([]);
      expect(tap.toolCalls('log').at(-1)?.params?.['_meta']).not.toHaveProperty(MetaKey.LogLevel);
    }
  });

  it('reports progress to the callback', async () => {
    const { client, tap } = await openHarness(wire, mode);
    const seen: unknown[] = [];
    const result = await client.callTool(
      'progress',
      { steps: 3, intervalMs: 5 },
      { onProgress: (progress) => seen.push(progress) },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
    expect(seen).toEqual([
      { progress: 1, total: 3, message: 'step 1' },
      { progress: 2, total: 3, message: 'step 2' },
      { progress: 3, total: 3, message: 'step 3' },
    ]);
    const token = (tap.toolCalls('progress')[0]?.params?.['_meta'] as Record<string, unknown>)[
      'progressToken'
    ];
    expect(token).toBeDefined();
  });

  it('restarts the timeout on progress', async () => {
    const { client } = await openHarness(wire, mode);
    // Six steps of 150 ms take longer than the 600 ms timeout; each step's progress restarts it.
    const result = await client.callTool(
      'progress',
      { steps: 6, intervalMs: 150 },
      { timeout: 600 },
    );
    expect(result.content).toEqual([{ type: 'text', text: 'done' }]);
  });

  it('times out when progress does not restart the timeout', async () => {
    const { client, events } = await openHarness(wire, mode);
    const outcome = client.callTool(
      'endless',
      { intervalMs: 50 },
      { timeout: 300, resetTimeoutOnProgress: false },
    );
    await expect(outcome).rejects.toBeInstanceOf(RequestTimeoutError);
    // The client gave up and said so; the server's handler stopped.
    await events.waitFor('aborted:endless');
  });

  it('stops at the absolute maximum however much progress arrives', async () => {
    const { client, tap, events } = await openHarness(wire, mode);
    const outcome = client.callTool(
      'endless',
      { intervalMs: 50 },
      { timeout: 5_000, maxTotalTimeout: 400 },
    );
    await expect(outcome).rejects.toThrow(/total limit/);
    await expect(outcome).rejects.toBeInstanceOf(RequestTimeoutError);
    await events.waitFor('aborted:endless');
    const call = tap.toolCalls('endless')[0];
    expect(
      tap.notificationsSent('notifications/cancelled').map((m) => m.params?.['requestId']),
    ).toContain(call?.id);
  });

  it('times out a call that gets no answer, and tells the server', async () => {
    const { client, tap, events } = await openHarness(wire, mode);
    const outcome = client.callTool('wait', {}, { timeout: 200 });
    await expect(outcome).rejects.toBeInstanceOf(RequestTimeoutError);
    await events.waitFor('aborted:wait');
    expect(tap.notificationsSent('notifications/cancelled')).toHaveLength(1);
    // The connection is still usable.
    expect((await client.callTool('add', { a: 1, b: 1 })).structuredContent).toEqual({ sum: 2 });
  });

  it('cancels with an AbortSignal: notifications/cancelled, and the handler sees its signal abort', async () => {
    const { client, tap, events } = await openHarness(wire, mode);
    const controller = new AbortController();
    const outcome = client.callTool('wait', {}, { signal: controller.signal });
    await events.waitFor('started:wait');
    controller.abort('the user gave up');
    await expect(outcome).rejects.toBeInstanceOf(RequestCancelledError);
    await events.waitFor('aborted:wait');
    const call = tap.toolCalls('wait')[0];
    expect(tap.notificationsSent('notifications/cancelled').map((m) => m.params)).toEqual([
      { requestId: call?.id, reason: 'the user gave up' },
    ]);
    expect((await client.callTool('add', { a: 2, b: 2 })).structuredContent).toEqual({ sum: 4 });
  });

  it('sends nothing for a signal aborted before the call', async () => {
    const { client, tap } = await openHarness(wire, mode);
    const before = tap.sent.length;
    await expect(
      client.callTool('add', { a: 1, b: 2 }, { signal: AbortSignal.abort() }),
    ).rejects.toBeInstanceOf(RequestCancelledError);
    expect(tap.sent.length).toBe(before);
  });

  it('cancels a call whose question the host is still answering', async () => {
    let handlerSignal: AbortSignal | undefined;
    let asked!: () => void;
    const wasAsked = new Promise<void>((resolve) => (asked = resolve));
    const { client } = await openHarness(wire, mode, {
      handlers: {
        // A dialog the user leaves open: it never settles on its own.
        elicit: (_params, context) => {
          handlerSignal = context.signal;
          asked();
          return new Promise(() => {});
        },
      },
    });
    const controller = new AbortController();
    const outcome = client.callTool('ask', {}, { signal: controller.signal });
    await wasAsked;
    controller.abort();
    // A sanity bound, so that a hang fails here rather than at the test's timeout.
    const settled = await Promise.race([
      outcome.then(
        () => 'resolved',
        (error: unknown) => error,
      ),
      new Promise((resolve) => setTimeout(() => resolve('still pending 5 s after abort'), 5_000)),
    ]);
    expect(settled).toBeInstanceOf(RequestCancelledError);
    // The host's dialog learns that nobody waits for it any more.
    await expect.poll(() => handlerSignal?.aborted).toBe(true);
  });
});
