// The two ways a client talks once connected: a legacy session (after `initialize`) sends
// requests as they are; a modern one wraps each in the `_meta` envelope, retries with a common
// version when told to, and answers `InputRequiredResult`s until the call completes.
import type { JsonRpcConnection } from '../jsonrpc/connection.js';
import { copyWith } from '../jsonrpc/copy-with.js';
import type { RequestOptions } from '../jsonrpc/connection-options.js';
import {
  InvalidResponseError,
  LimitExceededError,
  ProtocolError,
  RequestCancelledError,
} from '../jsonrpc/errors.js';
import { ErrorCode } from '../spec/error-codes.js';
import { MetaKey } from '../spec/meta-keys.js';
import type {
  ClientCapabilities,
  Implementation,
  InputRequests,
  LoggingLevel,
} from '../spec/types/index.js';
import { formatIssue, legacyResults, modernResults, validatorFor } from '../spec/validate/index.js';
import { isModernVersion, type Era, type ProtocolVersion } from '../spec/versions.js';
import { answerInputRequests } from './input-answers.js';
import type { ClientHandlers } from './options.js';

type Params = Record<string, unknown>;

export interface ClientSession {
  readonly era: Era;
  readonly version: ProtocolVersion;
  request(method: string, params: Params | undefined, options: RequestOptions): Promise<Params>;
}

function checkResult(era: Era, method: string, result: unknown): Params {
  const validator = validatorFor(era === 'modern' ? modernResults : legacyResults, method);
  const checked = validator?.validate(result);
  if (checked !== undefined && !checked.ok) {
    throw new InvalidResponseError(
      `The server answered ${method} with an invalid result: ${checked.issues.map(formatIssue).join('; ')}`,
    );
  }
  return result as Params;
}

export class LegacyClientSession implements ClientSession {
  readonly era = 'legacy';
  readonly version: ProtocolVersion;
  readonly #connection: JsonRpcConnection;

  constructor(connection: JsonRpcConnection, version: ProtocolVersion) {
    this.#connection = connection;
    this.version = version;
  }

  async request(
    method: string,
    params: Params | undefined,
    options: RequestOptions,
  ): Promise<Params> {
    return checkResult('legacy', method, await this.#connection.request(method, params, options));
  }
}

/** Methods whose results may ask for input first (mrtr.mdx, "Supported Requests"). */
const MRTR_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);

export interface ModernSessionSettings {
  clientInfo: Implementation;
  capabilities: ClientCapabilities;
  handlers: ClientHandlers;
  maxInputRounds: number;
  /** The versions this client speaks, newest first. */
  ours: readonly ProtocolVersion[];
  logLevel: () => LoggingLevel | undefined;
}

export class ModernClientSession implements ClientSession {
  readonly era = 'modern';
  version: ProtocolVersion;
  readonly #connection: JsonRpcConnection;
  readonly #settings: ModernSessionSettings;

  constructor(
    connection: JsonRpcConnection,
    version: ProtocolVersion,
    settings: ModernSessionSettings,
  ) {
    this.#connection = connection;
    this.version = version;
    this.#settings = settings;
  }

  /** The `_meta` every modern request carries, on top of the caller's own `_meta`. */
  envelope(meta: unknown): Params {
    const envelope = copyWith(
      typeof meta === 'object' && meta !== null ? meta : undefined,
      MetaKey.ProtocolVersion,
      this.version,
    );
    envelope[MetaKey.ClientCapabilities] = this.#settings.capabilities;
    envelope[MetaKey.ClientInfo] = this.#settings.clientInfo;
    const level = this.#settings.logLevel();
    if (level !== undefined) envelope[MetaKey.LogLevel] = level;
    return envelope;
  }

  async request(
    method: string,
    params: Params | undefined,
    options: RequestOptions,
  ): Promise<Params> {
    let retry: Params = {};
    for (let round = 0; ; round++) {
      const result = await this.#send(method, { ...params, ...retry }, options);
      if (result['resultType'] !== 'input_required') return result;
      if (!MRTR_METHODS.has(method)) {
        throw new InvalidResponseError(`The server asked for input on ${method}, which cannot`);
      }
      if (round >= this.#settings.maxInputRounds) {
        throw new LimitExceededError(`${method} still asked for input after ${round} rounds`);
      }
      const requests = result['inputRequests'] as InputRequests | undefined;
      const signal = options.signal ?? new AbortController().signal;
      const inputResponses =
        requests === undefined
          ? undefined
          : await untilAborted(
              answerInputRequests(this.#settings.handlers, requests, { signal }),
              signal,
            );
      // The retry echoes the state exactly, and carries no state when there was none.
      retry = {};
      if (inputResponses !== undefined) retry['inputResponses'] = inputResponses;
      if (typeof result['requestState'] === 'string')
        retry['requestState'] = result['requestState'];
    }
  }

  /** One request; an UnsupportedProtocolVersion answer switches to a common version, once. */
  async #send(method: string, params: Params, options: RequestOptions): Promise<Params> {
    try {
      return await this.#sendOnce(method, params, options);
    } catch (error) {
      if (!(error instanceof ProtocolError) || error.code !== ErrorCode.UnsupportedProtocolVersion)
        throw error;
      const supported = (error.data as { supported?: unknown } | undefined)?.supported;
      const next = pickVersion(this.#settings.ours, supported);
      if (next === undefined) {
        throw new ProtocolError(
          error.code,
          `Unsupported protocol version: the server speaks ${Array.isArray(supported) ? supported.join(', ') : 'no version it named'}; this client speaks ${this.#settings.ours.join(', ')}`,
          error.data,
        );
      }
      // One retry, even with the version just refused: the server's list is what counts.
      this.version = next;
      return this.#sendOnce(method, params, options);
    }
  }

  async #sendOnce(method: string, params: Params, options: RequestOptions): Promise<Params> {
    const answer = await this.#connection.request(
      method,
      copyWith(params, '_meta', this.envelope(params['_meta'])),
      options,
    );
    // basic/index.mdx: clients MUST treat an absent `resultType` as "complete" (servers of
    // earlier revisions omit it), so it is filled in before the schema check.
    const result =
      typeof answer === 'object' && answer !== null && !Object.hasOwn(answer, 'resultType')
        ? { ...answer, resultType: 'complete' }
        : answer;
    const checked = checkResult('modern', method, result);
    const type = checked['resultType'];
    if (type !== undefined && type !== 'complete' && type !== 'input_required') {
      throw new InvalidResponseError(
        `Unknown resultType ${JSON.stringify(type)} in the answer to ${method}`,
      );
    }
    return checked;
  }
}

/** `work`, or a `RequestCancelledError` as soon as `signal` aborts (the host may never answer). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted)
    return Promise.reject(new RequestCancelledError(undefined, { cause: signal.reason }));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void =>
      reject(new RequestCancelledError(undefined, { cause: signal.reason }));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

/** The newest modern version in both lists. */
export function pickVersion(
  ours: readonly ProtocolVersion[],
  theirs: unknown,
): ProtocolVersion | undefined {
  if (!Array.isArray(theirs)) return undefined;
  return ours.find((version) => isModernVersion(version) && theirs.includes(version));
}
