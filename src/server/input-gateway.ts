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
  /** `key` names the question in a modern `InputRequiredResult`; legacy gateways ignore it. */
  ask(
    method: InputMethod,
    params: Record<string, unknown> | undefined,
    key?: string,
  ): Promise<unknown>;
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
 * Modern: the answers a request brings (sealed from earlier rounds, or new in `inputResponses`)
 * are found by key: the handler's own, or `<kind>-<n>` for its n-th question, so the same
 * handler asking the same questions in the same order finds its answers. An answer of the wrong
 * shape is -32602; a question without an answer is recorded and rejects with
 * `InputRequiredSignal`. Only the answers the handler used are carried to the next round.
 */
export class ModernInputGateway implements InputGateway {
  readonly #answers: ReadonlyMap<string, unknown>;
  // Made by the first question: most handlers never ask one.
  #used: Map<string, InputResponse> | undefined;
  #pending: Map<string, InputRequest> | undefined;
  #failure: ProtocolError | undefined;
  #asked = 0;

  constructor(answers: ReadonlyMap<string, unknown>) {
    this.#answers = answers;
  }

  ask(
    method: InputMethod,
    params: Record<string, unknown> | undefined,
    key?: string,
  ): Promise<unknown> {
    this.#asked++;
    const chosen = key ?? `${KEY_PREFIX[method]}-${this.#asked}`;
    const used = (this.#used ??= new Map<string, InputResponse>());
    const pending = (this.#pending ??= new Map<string, InputRequest>());
    if (used.has(chosen) || pending.has(chosen)) {
      return this.#fail(
        ProtocolError.internalError(`Two questions of one request share the key "${chosen}"`),
      );
    }
    const answer = this.#answers.get(chosen);
    if (answer !== undefined) {
      if (!modernInputResponses[method].is(answer)) {
        return this.#fail(
          ProtocolError.invalidParams(
            `inputResponses["${chosen}"] is not a valid answer to ${method}`,
          ),
        );
      }
      used.set(chosen, answer);
      return Promise.resolve(answer);
    }
    pending.set(chosen, (params === undefined ? { method } : { method, params }) as InputRequest);
    return Promise.reject(new InputRequiredSignal());
  }

  /** The questions of this run that still need answers; undefined when the handler got them all. */
  get pending(): InputRequests | undefined {
    const pending = this.#pending;
    return pending === undefined || pending.size === 0 ? undefined : Object.fromEntries(pending);
  }

  /**
   * A misuse or a bad answer seen during the run. It decides the outcome even when the handler
   * swallowed it or another question's signal reached the dispatcher first.
   */
  get failure(): ProtocolError | undefined {
    return this.#failure;
  }

  #fail(error: ProtocolError): Promise<never> {
    this.#failure ??= error;
    return Promise.reject(error);
  }

  /** The answers this run used, to seal for the next round. */
  get used(): Record<string, InputResponse> {
    return this.#used === undefined ? {} : Object.fromEntries(this.#used);
  }
}
