// How a handler's questions to the client travel: as real server-to-client requests (legacy) or
// as the input requests of an `InputRequiredResult`, answered on the client's retry (modern).
import { ProtocolError } from '../jsonrpc/errors.js';
import type { RequestContext } from '../jsonrpc/request-context.js';
import { legacyResults, modernInputResponses } from '../spec/validate/index.js';
import type { Validator } from '../spec/validate/index.js';
import type { InputRequest, InputRequests, InputResponse } from '../spec/types/index.js';
import type { LegacyProtocolVersion } from '../spec/versions.js';

export type InputMethod = InputRequest['method'];

export interface InputGateway {
  ask(method: InputMethod, params: Record<string, unknown> | undefined): Promise<unknown>;
}

/**
 * Legacy: send the request to the client over the same connection, tied to the current one,
 * in the shape of the session's revision (2025-11-25 URL elicitation carries an
 * `elicitationId`; before 2025-11-25 there is no `mode`).
 */
export class LegacyInputGateway implements InputGateway {
  readonly #context: RequestContext;
  readonly #version: LegacyProtocolVersion;

  constructor(context: RequestContext, version: LegacyProtocolVersion) {
    this.#context = context;
    this.#version = version;
  }

  async ask(method: InputMethod, params: Record<string, unknown> | undefined): Promise<unknown> {
    let sent = params;
    if (method === 'elicitation/create' && params !== undefined) {
      if (params['mode'] === 'url') sent = { ...params, elicitationId: crypto.randomUUID() };
      else if (this.#version < '2025-11-25' && 'mode' in params) {
        const { mode: _mode, ...rest } = params;
        sent = rest;
      }
    }
    const result = await this.#context.request(method, sent);
    const validator = legacyResults[method] as Validator<unknown> | undefined;
    const checked = validator?.validate(result);
    if (checked !== undefined && !checked.ok) {
      throw new ProtocolError(-32603, `The client answered ${method} with an invalid result`);
    }
    return result;
  }
}

/** Thrown into a modern handler that asked something not yet answered; the dispatcher catches it. */
export class InputRequiredSignal extends Error {
  override readonly name = 'InputRequiredSignal';
  constructor() {
    super('Input required: the request ends here and resumes on the client’s retry');
  }
}

const KEY_PREFIX: Readonly<Record<InputMethod, string>> = {
  'elicitation/create': 'elicit',
  'sampling/createMessage': 'sample',
  'roots/list': 'roots',
};

/**
 * Modern: answers from earlier rounds come in with the retry; the n-th question of a run gets
 * the key `<kind>-<n>`, so the same handler asking the same questions in the same order finds
 * its answers. A question without an answer is recorded and rejects with `InputRequiredSignal`.
 */
export class ModernInputGateway implements InputGateway {
  readonly #answers: Readonly<Record<string, InputResponse>>;
  readonly #pending: InputRequests = {};
  #asked = 0;
  #unanswered = 0;

  constructor(answers: Readonly<Record<string, InputResponse>>) {
    this.#answers = answers;
  }

  ask(method: InputMethod, params: Record<string, unknown> | undefined): Promise<unknown> {
    this.#asked++;
    const key = `${KEY_PREFIX[method]}-${this.#asked}`;
    const answer = Object.hasOwn(this.#answers, key) ? this.#answers[key] : undefined;
    if (answer !== undefined && modernInputResponses[method].is(answer))
      return Promise.resolve(answer);
    this.#pending[key] = (params === undefined ? { method } : { method, params }) as InputRequest;
    this.#unanswered++;
    return Promise.reject(new InputRequiredSignal());
  }

  /** The questions of this run that still need answers; empty when the handler got them all. */
  get pending(): InputRequests | undefined {
    return this.#unanswered === 0 ? undefined : this.#pending;
  }

  /** Which answer goes with which question, for the next round's check. */
  static expectedMethod(key: string): InputMethod | undefined {
    const kind = key.slice(0, key.lastIndexOf('-'));
    for (const [method, prefix] of Object.entries(KEY_PREFIX)) {
      if (prefix === kind) return method as InputMethod;
    }
    return undefined;
  }
}
