// Calls a request whose handler asks the client things, answering them the way the client's era
// requires: legacy by answering real server-to-client requests, modern by MRTR retries.
import type { Disposable } from '../../../src/jsonrpc/events.js';
import type { EraClient } from './era-clients.js';
import type { Json } from './wire-peer.js';

export const INPUT_METHODS = [
  'elicitation/create',
  'sampling/createMessage',
  'roots/list',
] as const;

/** The client's answer to one question (an ElicitResult, CreateMessageResult or ListRootsResult). */
export type Responder = (method: string, params: Json | undefined) => Json;

export interface AnsweredCall {
  result: Json;
  /** Modern: how many requests it took (1 = no input needed). Legacy: always 1. */
  rounds: number;
  /** Every question the client saw, in order. */
  asked: { method: string; params: Json | undefined }[];
}

export async function callWithAnswers(
  client: EraClient,
  method: string,
  params: Json,
  respond: Responder,
): Promise<AnsweredCall> {
  const asked: AnsweredCall['asked'] = [];
  if (client.era === 'legacy') {
    const registrations: Disposable[] = INPUT_METHODS.map((input) =>
      client.peer.answer(input, (given) => {
        const { _meta: _ignored, ...rest } = given ?? {};
        const questionParams = given === undefined ? undefined : rest;
        asked.push({ method: input, params: questionParams });
        return respond(input, questionParams);
      }),
    );
    try {
      return { result: await client.request(method, params), rounds: 1, asked };
    } finally {
      for (const registration of registrations) registration.dispose();
    }
  }
  let retry: Json = {};
  for (let round = 1; round <= 10; round++) {
    const result = await client.request(method, { ...params, ...retry });
    if (result['resultType'] !== 'input_required') return { result, rounds: round, asked };
    const requests = (result['inputRequests'] ?? {}) as Record<
      string,
      { method: string; params?: Json }
    >;
    const inputResponses: Json = {};
    for (const [key, request] of Object.entries(requests)) {
      asked.push({ method: request.method, params: request.params });
      inputResponses[key] = respond(request.method, request.params);
    }
    retry = { inputResponses, requestState: result['requestState'] };
  }
  throw new Error(`${method} still wanted input after 10 rounds`);
}

/** A responder with fixed answers: an accepted form, a model reply, one root. */
export function standardAnswers(name = 'octocat'): Responder {
  return (method) => {
    switch (method) {
      case 'elicitation/create':
        return { action: 'accept', content: { name } };
      case 'sampling/createMessage':
        return {
          role: 'assistant',
          content: { type: 'text', text: 'Paris' },
          model: 'test-model',
          stopReason: 'endTurn',
        };
      case 'roots/list':
        return { roots: [{ uri: 'file:///workspace', name: 'workspace' }] };
      default:
        throw new Error(`Unexpected question ${method}`);
    }
  };
}
