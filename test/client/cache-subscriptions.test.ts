// The list cache (server `ttlMs` hints, invalidated by list_changed) and subscriptions (modern
// listen streams, legacy resources/subscribe), in both eras and over both transports.
import { afterEach, describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import { MODERN_VERSION, modernFake } from './helpers/fake-server.js';
import {
  CLIENT_INFO,
  WIRES,
  closeHarnesses,
  eraOf,
  nextListChanged,
  openHarness,
  registerTool,
  type Harness,
  type Mode,
  type Wire,
} from './helpers/harness.js';
import { failOnUnhandledRejections } from './helpers/unhandled-rejections.js';

failOnUnhandledRejections();
afterEach(closeHarnesses);

const cases: [Wire, Mode][] = WIRES.flatMap((wire) =>
  (['legacy-pin', 'modern-detect'] as const).map((mode): [Wire, Mode] => [wire, mode]),
);

/**
 * Makes the client hear tool list changes: legacy always does, modern needs a listen stream.
 * Returns what stops listening.
 */
async function hearToolChanges(harness: Harness): Promise<() => Promise<void>> {
  if (eraOf(harness.mode) === 'legacy') return () => Promise.resolve();
  const subscription = await harness.client.subscribe({ toolsListChanged: true });
  expect(await subscription.acknowledged).toEqual({ toolsListChanged: true });
  return () => subscription.close();
}

/** How a promise stands after `ms` (a sanity bound, so a hang fails fast). */
async function stateAfter(promise: Promise<unknown>, ms: number): Promise<string> {
  return Promise.race([
    promise.then(
      () => 'fulfilled',
      () => 'rejected',
    ),
    new Promise<string>((resolve) => setTimeout(() => resolve('pending'), ms)),
  ]);
}

/** Runs the fixture's `touch` tool, which reports `uri` as updated, and waits for its answer. */
async function touch(harness: Harness, uri: string): Promise<void> {
  await harness.client.request('tools/call', { name: 'touch', arguments: { uri } });
}

describe('the list cache, modern', () => {
  it.each(WIRES)('asks once while ttlMs holds, again after list_changed, over %s', async (wire) => {
    const harness = await openHarness(wire, 'modern-detect', {}, { toolsTtlMs: 60_000 });
    const { client, tap } = harness;
    const first = await client.allTools();
    const second = await client.allTools();
    expect(second).toEqual(first);
    expect(tap.requestsSent('tools/list')).toHaveLength(1);

    const stopListening = await hearToolChanges(harness);
    const changed = nextListChanged(client, 'tools');
    await registerTool(harness, 'extra');
    await changed;
    const third = await client.allTools();
    expect(third.map((tool) => tool.name)).toContain('extra');
    expect(tap.requestsSent('tools/list')).toHaveLength(2);
    await stopListening();
  });

  it.each(WIRES)('asks every time when ttlMs is 0 (the default), over %s', async (wire) => {
    const { client, tap } = await openHarness(wire, 'modern-detect');
    await client.allTools();
    await client.allTools();
    expect(tap.requestsSent('tools/list')).toHaveLength(2);
  });
});

describe('the list cache, legacy', () => {
  it.each(WIRES)('has no ttlMs to go by, and hears list_changed unasked, over %s', async (wire) => {
    const harness = await openHarness(wire, 'legacy-pin', {}, { toolsTtlMs: 60_000 });
    const { client, tap } = harness;
    await client.allTools();
    await client.allTools();
    // Legacy results carry no cache hint: absent means 0 (caching.mdx, "Time-to-Live").
    expect(tap.requestsSent('tools/list')).toHaveLength(2);

    const changed = nextListChanged(client, 'tools');
    await registerTool(harness, 'extra');
    await changed;
    expect((await client.allTools()).map((tool) => tool.name)).toContain('extra');
    expect(tap.requestsSent('subscriptions/listen')).toEqual([]);
  });
});

describe.each(cases)('over %s, %s', (wire, mode) => {
  const era = eraOf(mode);

  it('checks structured output against the schema the tool has now, after list_changed', async () => {
    const harness = await openHarness(wire, mode);
    const { client } = harness;
    expect((await client.callTool('shaped')).structuredContent).toEqual({ value: 1 });

    const stopListening = await hearToolChanges(harness);
    const changed = nextListChanged(client, 'tools');
    // A raw request, so that nothing but the notification tells the client the tools changed.
    await client.request('tools/call', { name: 'reshape' });
    await changed;
    const tool = (await client.allTools()).find((candidate) => candidate.name === 'shaped');
    expect(tool?.outputSchema?.properties).toEqual({ value: { type: 'string' } });
    expect((await client.callTool('shaped')).structuredContent).toEqual({ value: 'one' });
    await stopListening();
  });

  it('checks structured output against the new schema even before the list is fetched again', async () => {
    const harness = await openHarness(wire, mode);
    const { client } = harness;
    expect((await client.callTool('shaped')).structuredContent).toEqual({ value: 1 });
    const stopListening = await hearToolChanges(harness);
    const changed = nextListChanged(client, 'tools');
    await client.request('tools/call', { name: 'reshape' });
    await changed;
    // The server's tool now returns { value: 'one' }, which its new schema allows.
    expect((await client.callTool('shaped')).structuredContent).toEqual({ value: 'one' });
    await stopListening();
  });

  it('delivers resource updates for what was subscribed, until the subscription closes', async () => {
    const harness = await openHarness(wire, mode);
    const { client, tap } = harness;
    const updates: string[] = [];
    client.onResourceUpdated((uri) => updates.push(uri));

    const subscription = await client.subscribe({ resourceSubscriptions: ['mem://a'] });
    expect(await subscription.acknowledged).toEqual({ resourceSubscriptions: ['mem://a'] });
    await touch(harness, 'mem://a');
    await touch(harness, 'mem://b');
    expect(updates).toEqual(['mem://a']);

    await subscription.close();
    await touch(harness, 'mem://a');
    await client.ping();
    expect(updates).toEqual(['mem://a']);

    if (era === 'legacy') {
      expect(tap.requestsSent('resources/subscribe').map((m) => m.params?.['uri'])).toEqual([
        'mem://a',
      ]);
      expect(tap.requestsSent('resources/unsubscribe').map((m) => m.params?.['uri'])).toEqual([
        'mem://a',
      ]);
    } else {
      const listen = tap.requestsSent('subscriptions/listen');
      expect(listen).toHaveLength(1);
      expect(listen[0]?.params?.['notifications']).toEqual({ resourceSubscriptions: ['mem://a'] });
      expect(
        tap.notificationsSent('notifications/cancelled').map((m) => m.params?.['requestId']),
      ).toEqual([listen[0]?.id]);
      await expect(subscription.ended).resolves.toBeUndefined();
    }
  });

  it('closes the client with a subscription still open: nothing unhandled, `ended` settles', async () => {
    const { client } = await openHarness(wire, mode);
    const subscription = await client.subscribe({
      toolsListChanged: true,
      resourceSubscriptions: ['mem://a'],
    });
    await subscription.acknowledged;
    // A host that never looks at `ended` must not get an unhandled rejection from it (the
    // spy checks after the test).
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await stateAfter(subscription.ended, 5_000)).not.toBe('pending');
  });

  it('lets a subscription be closed after the client closed', async () => {
    const { client } = await openHarness(wire, mode);
    const subscription = await client.subscribe({ resourceSubscriptions: ['mem://a'] });
    await subscription.acknowledged;
    void subscription.ended.catch(() => {});
    await client.close();
    expect(await stateAfter(subscription.close(), 5_000)).toBe('fulfilled');
  });
});

describe('a modern subscription', () => {
  it('resolves acknowledged with the subset the server honours', async () => {
    const fake = modernFake().on('subscriptions/listen', (request, server) => {
      server.notify('notifications/subscriptions/acknowledged', {
        _meta: { [MetaKey.SubscriptionId]: request.id },
        notifications: { toolsListChanged: true },
      });
      return 'silence';
    });
    const client = new McpClient(CLIENT_INFO);
    await client.connect(fake.transport);
    expect(client.protocolVersion).toBe(MODERN_VERSION);
    const subscription = await client.subscribe({
      toolsListChanged: true,
      promptsListChanged: true,
      resourceSubscriptions: ['mem://a'],
    });
    expect(await subscription.acknowledged).toEqual({ toolsListChanged: true });
    await subscription.close();
    await client.close();
  });

  it('ends gracefully when the server closes it', async () => {
    const harness = await openHarness('memory', 'modern-detect');
    const subscription = await harness.client.subscribe({ toolsListChanged: true });
    await subscription.acknowledged;
    await harness.server?.close();
    await expect(subscription.ended).resolves.toBeUndefined();
  });
});
