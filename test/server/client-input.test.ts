// Handlers asking the client (elicitation, sampling, roots): one handler, registered once, served
// to legacy clients as real server-to-client requests and to modern clients as MRTR rounds.
import { afterEach, describe, expect, it } from 'vitest';
import type { McpServer } from '../../src/server/mcp-server.js';
import type { ElicitRequestFormParams } from '../../src/spec/types/index.js';
import {
  closeTestServers,
  connectLegacy,
  connectModern,
  inBothEras,
  testServer,
} from './helpers/era-clients.js';
import { callWithAnswers, standardAnswers } from './helpers/input-answering.js';
import type { Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

const LOGIN_FORM: ElicitRequestFormParams = {
  mode: 'form',
  message: 'Your GitHub login?',
  requestedSchema: { type: 'object', properties: { name: { type: 'string' } }, required: ['name'] },
};

const EVERYTHING = { elicitation: { form: {}, url: {} }, sampling: {}, roots: {} };

function textOf(result: Json): string {
  return (result['content'] as { text: string }[]).map((block) => block.text).join('');
}

function askingServer(runs: string[] = []): McpServer {
  const server = testServer();
  server.tool('login', {}, async (_args, context) => {
    runs.push(context.era);
    const answer = await context.elicit(LOGIN_FORM);
    return `${answer.action}:${String(answer.content?.['name'])}`;
  });
  server.tool('capital', {}, async (_args, context) => {
    const reply = await context.sample({
      messages: [{ role: 'user', content: { type: 'text', text: 'Capital of France?' } }],
      maxTokens: 10,
    });
    const content = reply.content as { type: string; text?: string };
    return `model said ${content.text ?? '?'}`;
  });
  server.tool('roots', {}, async (_args, context) => {
    const { roots } = await context.listRoots();
    return roots.map((root) => root.uri).join(',');
  });
  server.tool('two-in-a-row', {}, async (_args, context) => {
    const first = await context.elicit(LOGIN_FORM);
    const second = await context.elicit({ ...LOGIN_FORM, message: 'And your second login?' });
    return `${String(first.content?.['name'])}+${String(second.content?.['name'])}`;
  });
  server.tool('two-at-once', {}, async (_args, context) => {
    const [login, reply] = await Promise.all([
      context.elicit(LOGIN_FORM),
      context.sample({
        messages: [{ role: 'user', content: { type: 'text', text: 'Capital?' } }],
        maxTokens: 10,
      }),
    ]);
    return `${String(login.content?.['name'])}/${(reply.content as { text: string }).text}`;
  });
  server.prompt('personal', {}, async (_args, context) => {
    const answer = await context.elicit(LOGIN_FORM);
    return {
      messages: [
        { role: 'user', content: { type: 'text', text: `Hi ${String(answer.content?.['name'])}` } },
      ],
    };
  });
  server.resource('file:///whoami', {}, async (_uri, context) => {
    const answer = await context.elicit(LOGIN_FORM);
    return `you are ${String(answer.content?.['name'])}`;
  });
  return server;
}

describe('the same handler asks the client, in both eras', () => {
  it('elicitation reaches the handler as the user’s answer', async () => {
    const runs: string[] = [];
    await inBothEras(
      askingServer(runs),
      async (client) => {
        const call = await callWithAnswers(
          client,
          'tools/call',
          { name: 'login', arguments: {} },
          standardAnswers(`user-of-${client.label}`),
        );
        expect(textOf(call.result)).toBe(`accept:user-of-${client.label}`);
        expect(call.asked).toEqual([{ method: 'elicitation/create', params: LOGIN_FORM }]);
        expect(call.rounds).toBe(client.era === 'modern' ? 2 : 1);
      },
      { capabilities: EVERYTHING },
    );
    // Legacy runs the handler once; modern runs it again on the retry.
    expect(runs).toEqual(['legacy', 'modern', 'modern', 'legacy', 'modern', 'modern']);
  });

  it('sampling reaches the handler as the model’s reply', async () => {
    await inBothEras(
      askingServer(),
      async (client) => {
        const call = await callWithAnswers(
          client,
          'tools/call',
          { name: 'capital', arguments: {} },
          standardAnswers(),
        );
        expect(textOf(call.result)).toBe('model said Paris');
        expect(call.asked.map((question) => question.method)).toEqual(['sampling/createMessage']);
        expect(call.asked[0]?.params).toMatchObject({ maxTokens: 10 });
      },
      { capabilities: EVERYTHING },
    );
  });

  it('roots reach the handler as the client’s roots', async () => {
    await inBothEras(
      askingServer(),
      async (client) => {
        const call = await callWithAnswers(
          client,
          'tools/call',
          { name: 'roots', arguments: {} },
          standardAnswers(),
        );
        expect(textOf(call.result)).toBe('file:///workspace');
        expect(call.asked.map((question) => question.method)).toEqual(['roots/list']);
      },
      { capabilities: EVERYTHING },
    );
  });

  it('two questions in a row: legacy asks twice, modern takes two input rounds', async () => {
    await inBothEras(
      askingServer(),
      async (client) => {
        let count = 0;
        const call = await callWithAnswers(
          client,
          'tools/call',
          { name: 'two-in-a-row', arguments: {} },
          () => ({ action: 'accept', content: { name: `n${++count}` } }),
        );
        expect(textOf(call.result)).toBe('n1+n2');
        expect(call.asked.map((question) => question.params?.['message'])).toEqual([
          'Your GitHub login?',
          'And your second login?',
        ]);
        expect(call.rounds).toBe(client.era === 'modern' ? 3 : 1);
      },
      { capabilities: EVERYTHING },
    );
  });

  it('two questions at once: modern asks both in one round', async () => {
    await inBothEras(
      askingServer(),
      async (client) => {
        const call = await callWithAnswers(
          client,
          'tools/call',
          { name: 'two-at-once', arguments: {} },
          standardAnswers('ada'),
        );
        expect(textOf(call.result)).toBe('ada/Paris');
        expect(call.asked.map((question) => question.method).sort()).toEqual([
          'elicitation/create',
          'sampling/createMessage',
        ]);
        expect(call.rounds).toBe(client.era === 'modern' ? 2 : 1);
      },
      { capabilities: EVERYTHING },
    );
  });

  it('prompts/get and resources/read may ask too', async () => {
    await inBothEras(
      askingServer(),
      async (client) => {
        const prompt = await callWithAnswers(
          client,
          'prompts/get',
          { name: 'personal', arguments: {} },
          standardAnswers('lin'),
        );
        const messages = prompt.result['messages'] as { content: { text: string } }[];
        expect(messages[0]?.content.text).toBe('Hi lin');
        const read = await callWithAnswers(
          client,
          'resources/read',
          { uri: 'file:///whoami' },
          standardAnswers('lin'),
        );
        expect((read.result['contents'] as { text: string }[])[0]?.text).toBe('you are lin');
      },
      { capabilities: EVERYTHING },
    );
  });
});

describe('legacy: real server-to-client requests', () => {
  it('sends elicitation/create as a request on the same connection', async () => {
    const client = await connectLegacy(askingServer(), { capabilities: EVERYTHING });
    await callWithAnswers(
      client,
      'tools/call',
      { name: 'login', arguments: {} },
      standardAnswers(),
    );
    const requests = client.peer.serverRequests('elicitation/create');
    expect(requests).toHaveLength(1);
    expect(requests[0]?.params).toMatchObject(LOGIN_FORM);
  });

  it.each([
    ['login', 'elicitation'],
    ['capital', 'sampling'],
    ['roots', 'roots'],
  ])('%s: a client without %s gets an error, and is never asked', async (tool, capability) => {
    const client = await connectLegacy(askingServer(), { capabilities: {} });
    const error = await client.failure('tools/call', { name: tool, arguments: {} });
    expect(error.code).toBe(-32600);
    expect((error.data as { requiredCapabilities: Json }).requiredCapabilities).toHaveProperty(
      capability,
    );
    expect(client.peer.serverRequests()).toEqual([]);
  });

  it('refuses an answer that is not a valid result with -32603', async () => {
    const client = await connectLegacy(askingServer(), { capabilities: EVERYTHING });
    client.peer.answer('elicitation/create', () => ({ action: 'maybe' }));
    const error = await client.failure('tools/call', { name: 'login', arguments: {} });
    expect(error.code).toBe(-32603);
  });

  it('cancels its own request to the client when the client cancels the call', async () => {
    const client = await connectLegacy(askingServer(), { capabilities: EVERYTHING });
    let asked: () => void = () => {};
    const question = new Promise<void>((resolve) => (asked = resolve));
    client.peer.answer('elicitation/create', () => {
      asked();
      return new Promise(() => {});
    });
    const controller = new AbortController();
    const call = client
      .request('tools/call', { name: 'login', arguments: {} }, { signal: controller.signal })
      .catch((error: unknown) => error);
    await question;
    const questionId = client.peer.serverRequests('elicitation/create')[0]?.id;
    controller.abort();
    await call;
    const cancelled = await client.peer.next(
      (message) =>
        message.method === 'notifications/cancelled' &&
        message.params?.['requestId'] === questionId,
    );
    expect(cancelled.id).toBeUndefined();
  });

  it('a 2025-06-18 client declaring elicitation as {} gets form elicitations', async () => {
    const client = await connectLegacy(askingServer(), {
      version: '2025-06-18',
      capabilities: { elicitation: {} },
    });
    const call = await callWithAnswers(
      client,
      'tools/call',
      { name: 'login', arguments: {} },
      standardAnswers('old-client'),
    );
    expect(textOf(call.result)).toBe('accept:old-client');
  });

  it.each(['2024-11-05', '2025-03-26'] as const)(
    'a %s session is never sent elicitation/create, which its revision lacks',
    async (version) => {
      const client = await connectLegacy(askingServer(), {
        version,
        capabilities: EVERYTHING,
      });
      client.peer.answer('elicitation/create', () => ({
        action: 'accept',
        content: { name: 'x' },
      }));
      const outcome = await client.request('tools/call', { name: 'login', arguments: {} }).then(
        (result) => result['isError'] === true,
        () => true,
      );
      expect(outcome, 'the call fails').toBe(true);
      expect(client.peer.serverRequests('elicitation/create')).toEqual([]);
    },
  );

  it('a 2025-06-18 session is never sent a URL elicitation, which came in 2025-11-25', async () => {
    const server = testServer();
    server.tool('visit', {}, async (_args, context) => {
      const answer = await context.elicit({
        mode: 'url',
        message: 'Sign in',
        url: 'https://x.test/',
      });
      return answer.action;
    });
    const client = await connectLegacy(server, {
      version: '2025-06-18',
      capabilities: { elicitation: { form: {}, url: {} } },
    });
    client.peer.answer('elicitation/create', () => ({ action: 'accept' }));
    const failed = await client.request('tools/call', { name: 'visit', arguments: {} }).then(
      (result) => result['isError'] === true,
      () => true,
    );
    expect(failed).toBe(true);
    expect(client.peer.serverRequests('elicitation/create')).toEqual([]);
  });

  it('a 2025-11-25 URL elicitation carries the elicitationId that revision requires', async () => {
    const server = testServer();
    server.tool('pay', {}, async (_args, context) => {
      const answer = await context.elicit({
        mode: 'url',
        message: 'Approve the payment',
        url: 'https://pay.example.com/approve/1',
      });
      return answer.action;
    });
    const client = await connectLegacy(server, { capabilities: { elicitation: { url: {} } } });
    client.peer.answer('elicitation/create', () => ({ action: 'accept' }));
    expect(textOf(await client.request('tools/call', { name: 'pay', arguments: {} }))).toBe(
      'accept',
    );
    const params = client.peer.serverRequests('elicitation/create')[0]?.params ?? {};
    expect(params).toMatchObject({ mode: 'url', url: 'https://pay.example.com/approve/1' });
    expect(typeof params['elicitationId']).toBe('string');
  });
});

describe('modern: no server-to-client requests', () => {
  it('answers with input_required and never writes a request to the client', async () => {
    const client = await connectModern(askingServer(), { capabilities: EVERYTHING });
    const first = await client.request('tools/call', { name: 'login', arguments: {} });
    expect(first['resultType']).toBe('input_required');
    expect(first['inputRequests']).toEqual({
      [Object.keys(first['inputRequests'] as Json)[0]!]: {
        method: 'elicitation/create',
        params: LOGIN_FORM,
      },
    });
    expect(typeof first['requestState']).toBe('string');
    expect(first).not.toHaveProperty('content');
    expect(client.peer.serverRequests()).toEqual([]);
  });
});
