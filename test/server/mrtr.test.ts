// Multi round-trip requests as a modern client sees them: the InputRequiredResult, retries with
// sealed requestState, and every way a presented state is refused (tampered, replayed, expired,
// another principal), plus replicas that share keys.
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer, McpServerOptions } from '../../src/server/mcp-server.js';
import { generateRequestStateSecret } from '../../src/server/request-state/index.js';
import { MetaKey } from '../../src/spec/meta-keys.js';
import type { ElicitRequestFormParams } from '../../src/spec/types/index.js';
import {
  SERVER_INFO,
  closeTestServers,
  connectModern,
  testServer,
  ModernClient,
} from './helpers/era-clients.js';
import { WirePeer, type Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

const FORM: ElicitRequestFormParams = {
  mode: 'form',
  message: 'Confirm the transfer?',
  requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
};

const ELICITING = { elicitation: { form: {} } };
const ACCEPT = { action: 'accept', content: { ok: true } };

function transferServer(options: McpServerOptions = {}): McpServer {
  const server = testServer(options);
  const schema = {
    type: 'object',
    properties: { amount: { type: 'number' } },
    required: ['amount'],
  };
  for (const name of ['transfer', 'withdraw']) {
    server.tool(name, { inputSchema: schema }, async (args, context) => {
      const answer = await context.elicit(FORM);
      return `${name} ${String(args['amount'])}: ${answer.action}`;
    });
  }
  return server;
}

async function firstRound(client: ModernClient, name = 'transfer', amount = 10): Promise<Json> {
  const result = await client.request('tools/call', { name, arguments: { amount } });
  expect(result['resultType']).toBe('input_required');
  return result;
}

function onlyKey(result: Json): string {
  const keys = Object.keys(result['inputRequests'] as Json);
  expect(keys).toHaveLength(1);
  return keys[0]!;
}

function retryParams(first: Json, name = 'transfer', amount = 10, state?: unknown): Json {
  return {
    name,
    arguments: { amount },
    inputResponses: { [onlyKey(first)]: ACCEPT },
    requestState: state ?? first['requestState'],
  };
}

function text(result: Json): string {
  return (result['content'] as { text: string }[]).map((block) => block.text).join('');
}

describe('the InputRequiredResult', () => {
  it('has inputRequests, an opaque requestState, serverInfo and no cache hints', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    expect((first['inputRequests'] as Json)[onlyKey(first)]).toEqual({
      method: 'elicitation/create',
      params: FORM,
    });
    expect(typeof first['requestState']).toBe('string');
    expect((first['requestState'] as string).length).toBeGreaterThan(0);
    expect((first['_meta'] as Json)[MetaKey.ServerInfo]).toEqual(SERVER_INFO);
    expect(first).not.toHaveProperty('ttlMs');
    expect(first).not.toHaveProperty('cacheScope');
  });

  it('completes when the retry (a new request id) brings the answer and the state', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const firstId = client.peer.lastRequestId('tools/call');
    const done = await client.request('tools/call', retryParams(first));
    expect(client.peer.lastRequestId('tools/call')).not.toBe(firstId);
    expect(done['resultType']).toBe('complete');
    expect(text(done)).toBe('transfer 10: accept');
  });

  it('does not keep the state readable: the answer is not in it as plain text', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client, 'transfer', 12345);
    expect(first['requestState'] as string).not.toContain('12345');
    expect(first['requestState'] as string).not.toContain('transfer');
  });

  it('asks again when the retry brings the state but no answer', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const again = await client.request('tools/call', {
      name: 'transfer',
      arguments: { amount: 10 },
      requestState: first['requestState'],
    });
    expect(again['resultType']).toBe('input_required');
    expect(Object.values(again['inputRequests'] as Json)).toEqual([
      { method: 'elicitation/create', params: FORM },
    ]);
  });

  it('refuses an answer of the wrong shape with -32602', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const error = await client.failure('tools/call', {
      name: 'transfer',
      arguments: { amount: 10 },
      inputResponses: { [onlyKey(first)]: { action: 'perhaps' } },
      requestState: first['requestState'],
    });
    expect(error.code).toBe(-32602);
  });

  it('ignores answers to questions it did not ask', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const params = retryParams(first);
    params['inputResponses'] = { ...(params['inputResponses'] as Json), 'roots-9': { roots: [] } };
    expect(text(await client.request('tools/call', params))).toBe('transfer 10: accept');
  });

  it('a client without the elicitation capability gets -32021 with requiredCapabilities', async () => {
    const client = await connectModern(transferServer(), { capabilities: { sampling: {} } });
    const error = await client.failure('tools/call', {
      name: 'transfer',
      arguments: { amount: 1 },
    });
    expect(error.code).toBe(-32021);
    expect((error.data as { requiredCapabilities: Json }).requiredCapabilities).toHaveProperty(
      'elicitation',
    );
  });

  it('a client with form elicitation only gets -32021 for a URL elicitation', async () => {
    const server = testServer();
    server.tool('visit', {}, async (_args, context) => {
      const answer = await context.elicit({
        mode: 'url',
        message: 'Sign in',
        url: 'https://x.test/',
      });
      return answer.action;
    });
    const client = await connectModern(server, { capabilities: ELICITING });
    const error = await client.failure('tools/call', { name: 'visit', arguments: {} });
    expect(error.code).toBe(-32021);
    expect((error.data as { requiredCapabilities: Json }).requiredCapabilities).toEqual({
      elicitation: { url: {} },
    });
  });
});

describe('requests that cannot ask', () => {
  it('a handler asking during resources/list (not an MRTR method) is -32603, not input_required', async () => {
    const server = testServer();
    server.resourceTemplate(
      'file:///t/{x}',
      {
        list: async (context) => {
          await context.elicit(FORM);
          return [];
        },
      },
      () => 'x',
    );
    const client = await connectModern(server, { capabilities: ELICITING });
    const error = await client.failure('resources/list');
    expect(error.code).toBe(-32603);
  });
});

describe('refused states', () => {
  it('a tampered state (one character changed) is -32602', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const state = first['requestState'] as string;
    for (const position of [0, Math.floor(state.length / 2), state.length - 1]) {
      const original = state[position]!;
      const flipped = original === 'A' ? 'B' : 'A';
      const tampered = state.slice(0, position) + flipped + state.slice(position + 1);
      const error = await client.failure(
        'tools/call',
        retryParams(first, 'transfer', 10, tampered),
      );
      expect(error.code, `position ${position}`).toBe(-32602);
    }
  });

  it('a state replayed on another tool is refused', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client, 'transfer', 10);
    const error = await client.failure('tools/call', retryParams(first, 'withdraw', 10));
    expect(error.code).toBe(-32602);
    expect((error.data as Json)['reason']).toBe('wrong-request');
  });

  it('a state replayed with other arguments is refused', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client, 'transfer', 10);
    const error = await client.failure('tools/call', retryParams(first, 'transfer', 10_000));
    expect(error.code).toBe(-32602);
    expect((error.data as Json)['reason']).toBe('wrong-request');
  });

  it('a state replayed on another method is refused', async () => {
    const server = transferServer();
    server.prompt('transfer', {}, async (_args, context) => {
      await context.elicit(FORM);
      return { messages: [] };
    });
    const client = await connectModern(server, { capabilities: ELICITING });
    const first = await firstRound(client, 'transfer', 10);
    const error = await client.failure('prompts/get', {
      name: 'transfer',
      arguments: { amount: 10 },
      inputResponses: { [onlyKey(first)]: ACCEPT },
      requestState: first['requestState'],
    });
    expect(error.code).toBe(-32602);
  });

  it('a state presented by another principal is refused', async () => {
    const server = transferServer();
    const as = async (principal: string): Promise<ModernClient> =>
      new ModernClient(await WirePeer.connect(server, { auth: { principal } }), ELICITING);
    const alice = await as('alice');
    const mallory = await as('mallory');
    const first = await firstRound(alice);
    const error = await mallory.failure('tools/call', retryParams(first));
    expect(error.code).toBe(-32602);
    expect((error.data as Json)['reason']).toBe('wrong-request');
    // Alice herself may still use it.
    expect(text(await alice.request('tools/call', retryParams(first)))).toBe('transfer 10: accept');
  });

  it('an expired state is refused, saying so', async () => {
    const keys = [{ id: 'k1', secret: generateRequestStateSecret() }];
    const client = await connectModern(transferServer({ requestState: { keys, ttlMs: 1 } }), {
      capabilities: ELICITING,
    });
    const first = await firstRound(client);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const error = await client.failure('tools/call', retryParams(first));
    expect(error.code).toBe(-32602);
    expect((error.data as Json)['reason']).toBe('expired');
  });

  it('a state that is not a string is -32602', async () => {
    const client = await connectModern(transferServer(), { capabilities: ELICITING });
    const first = await firstRound(client);
    const error = await client.failure('tools/call', retryParams(first, 'transfer', 10, 42));
    expect(error.code).toBe(-32602);
  });
});

describe('replicas', () => {
  it('servers sharing the same keys accept each other’s states', async () => {
    const keys = [{ id: 'shared', secret: generateRequestStateSecret() }];
    const first = await firstRound(
      await connectModern(transferServer({ requestState: { keys } }), { capabilities: ELICITING }),
    );
    const replica = await connectModern(transferServer({ requestState: { keys } }), {
      capabilities: ELICITING,
    });
    expect(text(await replica.request('tools/call', retryParams(first)))).toBe(
      'transfer 10: accept',
    );
  });

  it('a rotated ring still opens states sealed with an older key it holds', async () => {
    const old = { id: 'old', secret: generateRequestStateSecret() };
    const fresh = { id: 'new', secret: generateRequestStateSecret() };
    const first = await firstRound(
      await connectModern(transferServer({ requestState: { keys: [old] } }), {
        capabilities: ELICITING,
      }),
    );
    const rotated = await connectModern(transferServer({ requestState: { keys: [fresh, old] } }), {
      capabilities: ELICITING,
    });
    expect(text(await rotated.request('tools/call', retryParams(first)))).toBe(
      'transfer 10: accept',
    );
  });

  it('a server with other keys refuses the state', async () => {
    const first = await firstRound(
      await connectModern(
        transferServer({
          requestState: { keys: [{ id: 'a', secret: generateRequestStateSecret() }] },
        }),
        { capabilities: ELICITING },
      ),
    );
    const stranger = await connectModern(
      transferServer({
        requestState: { keys: [{ id: 'b', secret: generateRequestStateSecret() }] },
      }),
      { capabilities: ELICITING },
    );
    expect((await stranger.failure('tools/call', retryParams(first))).code).toBe(-32602);
  });
});

describe('question keys and answers without state', () => {
  function keyedServer(): McpServer {
    const server = testServer();
    server.tool('greet', {}, async (_args, context) => {
      const answer = await context.elicit(FORM, { key: 'user_name' });
      return `answer: ${answer.action}`;
    });
    server.tool('twice', {}, async (_args, context) => {
      await Promise.all([
        context.elicit(FORM, { key: 'same' }),
        context.elicit(FORM, { key: 'same' }),
      ]);
      return 'unreachable';
    });
    return server;
  }

  it('asks under the key the handler chose', async () => {
    const client = await connectModern(keyedServer(), { capabilities: ELICITING });
    const first = await client.request('tools/call', { name: 'greet', arguments: {} });
    expect(Object.keys(first['inputRequests'] as Json)).toEqual(['user_name']);
  });

  it('takes answers that come without a requestState, and ignores answers nobody asked for', async () => {
    const client = await connectModern(keyedServer(), { capabilities: ELICITING });
    const result = await client.request('tools/call', {
      name: 'greet',
      arguments: {},
      inputResponses: { user_name: ACCEPT, unknown_extra_key: { action: 'decline' } },
    });
    expect(result['resultType']).toBe('complete');
    expect(result['content']).toEqual([{ type: 'text', text: 'answer: accept' }]);
  });

  it('refuses an answer of the wrong shape with -32602', async () => {
    const client = await connectModern(keyedServer(), { capabilities: ELICITING });
    const failure = await client.failure('tools/call', {
      name: 'greet',
      arguments: {},
      inputResponses: { user_name: { action: 'maybe' } },
    });
    expect(failure.code).toBe(-32602);
  });

  it('refuses two questions of one request under the same key', async () => {
    const client = await connectModern(keyedServer(), { capabilities: ELICITING });
    const failure = await client.failure('tools/call', { name: 'twice', arguments: {} });
    expect(failure.code).toBe(-32603);
  });
});
