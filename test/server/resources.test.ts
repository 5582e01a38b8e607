// Resources as a client sees them in both eras: lists, templates, reads, the era's not-found
// error, legacy subscriptions and modern listen streams, and how a listen stream ends.
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer } from '../../src/server/mcp-server.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import {
  LEGACY_VERSIONS,
  SERVER_INFO,
  closeTestServers,
  connectLegacy,
  connectModern,
  inBothEras,
  testServer,
} from './helpers/era-clients.js';
import { openListen, subscriptionIdOf } from './helpers/listen.js';
import type { Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

const README = 'file:///project/README.md';
const CONFIG = 'file:///project/config.json';

interface TemplateRead {
  uri: string;
  variables: unknown;
}

function resourceServer(reads: TemplateRead[] = []): McpServer {
  const server = testServer();
  server.resource(README, { name: 'readme', mimeType: 'text/markdown' }, () => '# Project');
  server.resource(CONFIG, { name: 'config', mimeType: 'application/json' }, (uri) => ({
    contents: [{ uri, mimeType: 'application/json', text: '{"debug":true}' }],
  }));
  server.resourceTemplate(
    'file:///users/{user}/notes/{note}',
    {
      name: 'note',
      mimeType: 'text/plain',
      list: () => [{ uri: 'file:///users/ada/notes/1', name: 'Ada’s first note' }],
    },
    (uri, variables) => {
      reads.push({ uri, variables });
      return `note ${variables['note'] as string} of ${variables['user'] as string}`;
    },
  );
  return server;
}

describe('listing', () => {
  it('lists fixed resources, then what templates list, in both eras', async () => {
    await inBothEras(resourceServer(), async (client) => {
      const resources = (await client.request('resources/list'))['resources'] as Json[];
      expect(resources.map((resource) => resource['uri'])).toEqual([
        README,
        CONFIG,
        'file:///users/ada/notes/1',
      ]);
      expect(resources[0]).toMatchObject({
        uri: README,
        name: 'readme',
        mimeType: 'text/markdown',
      });
    });
  });

  it('lists templates, in both eras', async () => {
    await inBothEras(resourceServer(), async (client) => {
      const templates = (await client.request('resources/templates/list'))[
        'resourceTemplates'
      ] as Json[];
      expect(templates).toEqual([
        { uriTemplate: 'file:///users/{user}/notes/{note}', name: 'note', mimeType: 'text/plain' },
      ]);
    });
  });

  it('trims title and icons for revisions that lack them', async () => {
    const server = testServer();
    server.resource(
      README,
      { title: 'Read me', icons: [{ src: 'https://example.com/r.png' }] },
      () => 'x',
    );
    const expected = {
      '2024-11-05': ['name', 'uri'],
      '2025-03-26': ['name', 'uri'],
      '2025-06-18': ['name', 'title', 'uri'],
      '2025-11-25': ['icons', 'name', 'title', 'uri'],
    } as const;
    for (const version of LEGACY_VERSIONS) {
      const client = await connectLegacy(server, { version });
      const resource = ((await client.request('resources/list'))['resources'] as Json[])[0] ?? {};
      expect(Object.keys(resource).sort(), version).toEqual(expected[version]);
    }
  });
});

describe('reading', () => {
  it('reads a fixed resource (a string becomes text contents with the mime type)', async () => {
    await inBothEras(resourceServer(), async (client) => {
      const result = await client.request('resources/read', { uri: README });
      expect(result['contents']).toEqual([
        { uri: README, mimeType: 'text/markdown', text: '# Project' },
      ]);
      const config = await client.request('resources/read', { uri: CONFIG });
      expect(config['contents']).toEqual([
        { uri: CONFIG, mimeType: 'application/json', text: '{"debug":true}' },
      ]);
    });
  });

  it('reads through a template, passing its variables to the handler', async () => {
    const reads: TemplateRead[] = [];
    await inBothEras(resourceServer(reads), async (client) => {
      const uri = 'file:///users/grace/notes/42';
      const result = await client.request('resources/read', { uri });
      expect(result['contents']).toEqual([
        { uri, mimeType: 'text/plain', text: 'note 42 of grace' },
      ]);
      expect(reads.at(-1)).toEqual({ uri, variables: { user: 'grace', note: '42' } });
    });
    expect(reads).toHaveLength(4);
  });

  it.each(LEGACY_VERSIONS)(
    'an unknown URI is -32002 with data.uri in a %s session',
    async (version) => {
      const client = await connectLegacy(resourceServer(), { version });
      const error = await client.failure('resources/read', { uri: 'file:///missing.txt' });
      expect(error.code).toBe(-32002);
      expect(error.data).toEqual({ uri: 'file:///missing.txt' });
    },
  );

  it('an unknown URI is -32602 with data.uri for a modern client', async () => {
    const client = await connectModern(resourceServer());
    for (const uri of ['file:///missing.txt', 'file:///users/ada/other/1']) {
      const error = await client.failure('resources/read', { uri });
      expect(error.code, uri).toBe(-32602);
      expect(error.data, uri).toEqual({ uri });
    }
  });
});

describe('legacy subscriptions', () => {
  it('sends resources/updated for subscribed URIs only, until unsubscribed', async () => {
    const server = resourceServer();
    const client = await connectLegacy(server);
    const bystander = await connectLegacy(server);
    expect(await client.request('resources/subscribe', { uri: README })).toEqual({});

    server.resourceUpdated(CONFIG);
    server.resourceUpdated(README);
    const update = await client.peer.next(
      (message) => message.method === 'notifications/resources/updated',
    );
    expect(update.params).toEqual({ uri: README });

    expect(await client.request('resources/unsubscribe', { uri: README })).toEqual({});
    server.resourceUpdated(README);
    await client.request('ping');
    await bystander.request('ping');
    expect(client.peer.notifications('notifications/resources/updated')).toEqual([{ uri: README }]);
    expect(bystander.peer.notifications('notifications/resources/updated')).toEqual([]);
  });

  it('refuses subscribe on a server without resources with -32601', async () => {
    const server = testServer();
    server.tool('t', {}, () => 'x');
    const client = await connectLegacy(server);
    expect((await client.failure('resources/subscribe', { uri: README })).code).toBe(-32601);
  });

  it('sends resources/list_changed to an initialized legacy session', async () => {
    const server = resourceServer();
    const client = await connectLegacy(server);
    server.resource('file:///new.txt', {}, () => 'new');
    const notice = await client.peer.next(
      (message) => message.method === 'notifications/resources/list_changed',
    );
    expect(notice.id).toBeUndefined();
  });
});

describe('modern listen streams', () => {
  it('acknowledges first, with the honoured filter and the listen id as subscriptionId', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    // No prompts are registered, so promptsListChanged cannot be honoured.
    const stream = await openListen(client, {
      toolsListChanged: true,
      promptsListChanged: true,
      resourcesListChanged: true,
      resourceSubscriptions: [README],
    });
    expect(stream.messages()[0]?.method).toBe('notifications/subscriptions/acknowledged');
    expect(subscriptionIdOf(stream.messages()[0]!)).toBe(stream.id);
    expect(stream.acknowledgement['notifications']).toEqual({
      resourcesListChanged: true,
      resourceSubscriptions: [README],
    });
  });

  it('sends resources/updated for the named URIs only, tagged with the subscription', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    const stream = await openListen(client, { resourceSubscriptions: [CONFIG] });
    server.resourceUpdated(README);
    server.resourceUpdated(CONFIG);
    const update = await stream.next('notifications/resources/updated');
    expect(update.params?.['uri']).toBe(CONFIG);
    expect((update.params?.['_meta'] as Json)[MetaKey.SubscriptionId]).toBe(stream.id);
    await client.request('server/discover');
    expect(stream.notifications('notifications/resources/updated').map((p) => p['uri'])).toEqual([
      CONFIG,
    ]);
    // No update for the unnamed URI went out on the connection at all.
    expect(client.peer.notifications('notifications/resources/updated')).toHaveLength(1);
  });

  it('keeps concurrent subscriptions on one connection apart', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    const first = await openListen(client, { resourceSubscriptions: [README] });
    const second = await openListen(client, { resourceSubscriptions: [README, CONFIG] });
    expect(first.id).not.toBe(second.id);
    server.resourceUpdated(README);
    server.resourceUpdated(CONFIG);
    await second.next('notifications/resources/updated');
    await client.request('server/discover');
    expect(first.notifications('notifications/resources/updated').map((p) => p['uri'])).toEqual([
      README,
    ]);
    expect(second.notifications('notifications/resources/updated').map((p) => p['uri'])).toEqual([
      README,
      CONFIG,
    ]);
  });

  it('stops notifying once the client cancels, and sends no response for it', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    const stream = await openListen(client, {
      resourcesListChanged: true,
      resourceSubscriptions: [README],
    });
    stream.cancel();
    await client.request('server/discover');
    server.resourceUpdated(README);
    server.resource('file:///later.txt', {}, () => 'later');
    await client.request('server/discover');
    expect(stream.messages().map((message) => message.method)).toEqual([
      'notifications/subscriptions/acknowledged',
    ]);
    expect(client.peer.messages().filter((message) => message.id === stream.id)).toEqual([]);
  });

  it('ends on server.close() with a graceful result carrying the subscriptionId', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    const stream = await openListen(client, { resourceSubscriptions: [README] });
    await server.close();
    const outcome = await stream.outcome;
    expect('error' in outcome ? `no response: ${String(outcome.error)}` : 'a response').toBe(
      'a response',
    );
    const result = 'result' in outcome ? outcome.result : {};
    expect(result['resultType']).toBe('complete');
    expect((result['_meta'] as Json | undefined)?.[MetaKey.SubscriptionId]).toBe(stream.id);
  });

  it('the graceful result identifies the server like every modern result', async () => {
    const server = resourceServer();
    const client = await connectModern(server);
    const stream = await openListen(client, { resourceSubscriptions: [README] });
    await server.close();
    const outcome = await stream.outcome;
    const result = 'result' in outcome ? outcome.result : {};
    expect((result['_meta'] as Json | undefined)?.[MetaKey.ServerInfo]).toEqual(SERVER_INFO);
  });

  it('a legacy subscribe on the same connection is unaffected by a listen stream', async () => {
    const server = resourceServer();
    const legacy = await connectLegacy(server);
    const modern = await connectModern(server, { peer: legacy.peer });
    await legacy.request('resources/subscribe', { uri: README });
    const stream = await openListen(modern, { resourceSubscriptions: [README] });
    server.resourceUpdated(README);
    await stream.next('notifications/resources/updated');
    await legacy.request('ping');
    const updates = legacy.peer
      .messages()
      .filter((message) => message.method === 'notifications/resources/updated');
    // One untagged (the legacy session), one tagged (the stream).
    expect(updates.map((message) => subscriptionIdOf(message))).toEqual(
      expect.arrayContaining([undefined, stream.id]),
    );
    expect(updates).toHaveLength(2);
  });
});
