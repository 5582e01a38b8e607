// What a server asks the host (elicitation, sampling, roots), answered by the host's handlers in
// both eras: legacy as real server-to-client requests, modern as multi round-trip retries. Also
// what the client declares it can answer, and answers it refuses to pass on.
import { afterEach, describe, expect, it } from 'vitest';
import type { ClientHandlers, McpClientOptions } from '../../src/client/index.js';
import { LimitExceededError, UsageError } from '../../src/jsonrpc/errors.js';
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

/** One mode per era; the era matrix covers the other ways of coming to it. */
const cases: [Wire, Mode][] = WIRES.flatMap((wire) =>
  (['legacy-pin', 'modern-detect'] as const).map((mode): [Wire, Mode] => [wire, mode]),
);

interface Asked {
  elicit: unknown[];
  sample: unknown[];
  roots: number;
  signals: AbortSignal[];
}

function recordingHandlers(overrides: Partial<ClientHandlers> = {}): {
  handlers: ClientHandlers;
  asked: Asked;
} {
  const asked: Asked = { elicit: [], sample: [], roots: 0, signals: [] };
  const handlers: ClientHandlers = {
    elicit: (params, context) => {
      asked.elicit.push(params);
      asked.signals.push(context.signal);
      return { action: 'accept', content: { name: 'Ada', age: 36 } };
    },
    sample: (params, context) => {
      asked.sample.push(params);
      asked.signals.push(context.signal);
      return { role: 'assistant', content: { type: 'text', text: '4' }, model: 'test-model' };
    },
    listRoots: (context) => {
      asked.roots++;
      asked.signals.push(context.signal);
      return { roots: [{ uri: 'file:///project/a' }, { uri: 'file:///project/b', name: 'b' }] };
    },
    ...overrides,
  };
  return { handlers, asked };
}

function textOf(result: { content: unknown[] }): string {
  const first = result.content[0] as { type?: string; text?: string } | undefined;
  return first?.type === 'text' ? (first.text ?? '') : '';
}

describe.each(cases)('over %s, %s', (wire, mode) => {
  const era = eraOf(mode);

  it('answers a form elicitation', async () => {
    const { handlers, asked } = recordingHandlers();
    const { client, tap, events } = await openHarness(wire, mode, { handlers });
    const result = await client.callTool('ask');
    expect(textOf(result)).toBe('hello Ada');
    expect(asked.elicit).toHaveLength(1);
    expect(asked.elicit[0]).toMatchObject({
      message: 'Who are you?',
      requestedSchema: { type: 'object', required: ['name'] },
    });
    expect(asked.signals[0]).toBeInstanceOf(AbortSignal);
    expect(await events.waitFor('elicited:')).toBe(
      `elicited:${JSON.stringify({ action: 'accept', content: { name: 'Ada', age: 36 } })}`,
    );

    const calls = tap.toolCalls('ask');
    if (era === 'legacy') {
      expect(tap.requestsReceived('elicitation/create')).toHaveLength(1);
      expect(calls).toHaveLength(1);
    } else {
      expect(tap.requestsReceived()).toEqual([]);
      expect(calls).toHaveLength(2);
      const [first, retry] = calls;
      expect(first?.params).not.toHaveProperty('inputResponses');
      expect(first?.params).not.toHaveProperty('requestState');
      expect(retry?.id).not.toBe(first?.id);
      const firstAnswer = tap.received.find((m) => m.id === first?.id)?.result as Record<
        string,
        unknown
      >;
      expect(firstAnswer['resultType']).toBe('input_required');
      // The state is echoed exactly; the answer goes under the server's key.
      expect(retry?.params?.['requestState']).toBe(firstAnswer['requestState']);
      const keys = Object.keys(firstAnswer['inputRequests'] as object);
      expect(Object.keys(retry?.params?.['inputResponses'] as object)).toEqual(keys);
    }
  });

  it('answers sampling and roots', async () => {
    const { handlers, asked } = recordingHandlers();
    const { client, tap } = await openHarness(wire, mode, { handlers });
    expect(textOf(await client.callTool('sample'))).toBe('model test-model said 4');
    expect(asked.sample[0]).toMatchObject({ maxTokens: 10 });
    expect(textOf(await client.callTool('roots'))).toBe('file:///project/a file:///project/b');
    expect(asked.roots).toBe(1);
    if (era === 'legacy') {
      expect(tap.requestsReceived('sampling/createMessage')).toHaveLength(1);
      expect(tap.requestsReceived('roots/list')).toHaveLength(1);
    } else {
      expect(tap.toolCalls('sample')).toHaveLength(2);
      expect(tap.toolCalls('roots')).toHaveLength(2);
    }
  });

  it('answers questions asked one after another (modern: one round each)', async () => {
    const { handlers, asked } = recordingHandlers();
    const { client, tap } = await openHarness(wire, mode, { handlers });
    const result = await client.callTool('interview');
    expect(textOf(result)).toBe('Ada|4|2');
    // Each question reaches the host once, however many rounds the server runs.
    expect([asked.elicit.length, asked.sample.length, asked.roots]).toEqual([1, 1, 1]);
    const calls = tap.toolCalls('interview');
    if (era === 'legacy') {
      expect(calls).toHaveLength(1);
      expect(tap.requestsReceived().map((m) => m.method)).toEqual([
        'elicitation/create',
        'sampling/createMessage',
        'roots/list',
      ]);
    } else {
      expect(calls).toHaveLength(4);
      // Every retry echoes the state of the answer before it.
      for (let round = 1; round < calls.length; round++) {
        const previous = tap.received.find((m) => m.id === calls[round - 1]?.id)?.result as Record<
          string,
          unknown
        >;
        expect(calls[round]?.params?.['requestState']).toBe(previous['requestState']);
      }
    }
  });

  it('gives up after maxInputRounds (modern), with LimitExceededError', async () => {
    const { handlers } = recordingHandlers();
    const { client, tap } = await openHarness(wire, mode, { handlers, maxInputRounds: 2 });
    const outcome = client.callTool('interview');
    if (era === 'legacy') {
      // Legacy questions are requests of their own; there are no rounds to count.
      expect(textOf(await outcome)).toBe('Ada|4|2');
    } else {
      await expect(outcome).rejects.toBeInstanceOf(LimitExceededError);
      expect(tap.toolCalls('interview')).toHaveLength(3);
    }
  });

  it('is enough with exactly as many rounds as the server needs', async () => {
    const { handlers } = recordingHandlers();
    const { client } = await openHarness(wire, mode, { handlers, maxInputRounds: 3 });
    expect(textOf(await client.callTool('interview'))).toBe('Ada|4|2');
  });

  it('refuses elicited content that breaks the requested schema', async () => {
    const { handlers } = recordingHandlers({
      elicit: () => ({ action: 'accept', content: { name: 'Ada', age: 'thirty-six' } }),
    });
    const { client, events } = await openHarness(wire, mode, { handlers });
    const outcome = await client.callTool('ask').then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    // The server never sees what it did not ask for.
    expect(events.seen.filter((event) => event.startsWith('elicited:'))).toEqual([]);
    if (era === 'modern') {
      expect('error' in outcome && outcome.error).toBeInstanceOf(UsageError);
      expect(String((outcome as { error: Error }).error.message)).toMatch(/requested schema/);
    } else {
      expect('result' in outcome ? outcome.result.isError : true).toBe(true);
    }
  });

  it('tells a legacy server that the roots changed; a modern one asks again by itself', async () => {
    const { handlers } = recordingHandlers();
    const harness = await openHarness(wire, mode, { handlers });
    let heard = 0;
    harness.server?.onRootsListChanged(() => heard++);
    harness.client.notifyRootsListChanged();
    await harness.client.ping();
    const sent = harness.tap.notificationsSent('notifications/roots/list_changed');
    expect(sent).toHaveLength(era === 'legacy' ? 1 : 0);
    if (harness.server !== undefined) expect(heard).toBe(era === 'legacy' ? 1 : 0);
  });

  it('passes a declined elicitation through', async () => {
    const { handlers } = recordingHandlers({ elicit: () => ({ action: 'decline' }) });
    const { client } = await openHarness(wire, mode, { handlers });
    expect(textOf(await client.callTool('ask'))).toBe('decline');
  });
});

describe.each(cases)('declared capabilities, over %s, %s', (wire, mode) => {
  const era = eraOf(mode);

  async function declared(options: McpClientOptions): Promise<Record<string, unknown>> {
    const { client } = await openHarness(wire, mode, options);
    const result = await client.callTool('whoami');
    const seen = result.structuredContent as { capabilities: Record<string, unknown>; era: string };
    expect(seen.era).toBe(era);
    return seen.capabilities;
  }

  it('declares nothing without handlers', async () => {
    expect(await declared({})).toEqual({});
  });

  it('declares only what has a handler', async () => {
    const { handlers } = recordingHandlers();
    expect(await declared({ handlers: { elicit: handlers.elicit! } })).toEqual({
      elicitation: { form: {} },
    });
    expect(await declared({ handlers: { sample: handlers.sample! } })).toEqual({ sampling: {} });
    expect(await declared({ handlers: { listRoots: handlers.listRoots! } })).toEqual({
      roots: era === 'legacy' ? { listChanged: true } : {},
    });
    expect(
      await declared({ handlers, elicitationModes: ['form', 'url'], samplingTools: true }),
    ).toEqual({
      elicitation: { form: {}, url: {} },
      sampling: { tools: {} },
      roots: era === 'legacy' ? { listChanged: true } : {},
    });
  });

  it('is never asked what it cannot answer', async () => {
    const { handlers, asked } = recordingHandlers();
    const { client, tap } = await openHarness(wire, mode, {
      handlers: { elicit: handlers.elicit! },
    });
    const outcome = await client.callTool('sample').then(
      (result) => result.isError === true,
      () => true,
    );
    expect(outcome).toBe(true);
    expect(asked.sample).toEqual([]);
    expect(tap.requestsReceived('sampling/createMessage')).toEqual([]);
    for (const answer of tap.received) {
      const requests = (
        answer.result as { inputRequests?: Record<string, { method: string }> } | undefined
      )?.inputRequests;
      for (const request of Object.values(requests ?? {}))
        expect(request.method).not.toBe('sampling/createMessage');
    }
  });
});

describe('declared capabilities of an older legacy revision', () => {
  it.each(WIRES)('declares no elicitation to a 2025-03-26 server, over %s', async (wire) => {
    const { handlers } = recordingHandlers();
    const { client } = await openHarness(wire, 'legacy-pin', { handlers, version: '2025-03-26' });
    expect(client.protocolVersion).toBe('2025-03-26');
    // 2025-03-26 has no structured content: the server sends it as JSON text.
    const seen = JSON.parse(textOf(await client.callTool('whoami'))) as {
      capabilities: Record<string, unknown>;
    };
    expect(seen.capabilities).toEqual({ sampling: {}, roots: { listChanged: true } });
  });
});
