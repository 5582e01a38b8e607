// One request as the feature code sees it, whatever its era: version, client, log threshold,
// and how questions reach the client. Builds the `ServerContext` handlers receive.
import type { RequestContext } from '../jsonrpc/request-context.js';
import type { RequestId } from '../spec/jsonrpc.js';
import type { ClientCapabilities, Implementation, LoggingLevel } from '../spec/types/index.js';
import type { Era, ProtocolVersion } from '../spec/versions.js';
import type { AuthInfo, ClientDescription, ServerContext } from './context.js';
import { MissingClientCapabilityError } from './errors.js';
import type { InputGateway, InputMethod } from './input-gateway.js';
import { passesLogThreshold } from './log-levels.js';

export interface RequestScope {
  era: Era;
  version: ProtocolVersion;
  clientInfo: Implementation | undefined;
  clientCapabilities: ClientCapabilities;
  /** Lowest level sent to this request; `undefined`: no log messages at all. */
  logThreshold: LoggingLevel | undefined;
  auth: AuthInfo | undefined;
  request: RequestContext;
  inputs: InputGateway;
}

/**
 * Whether the client can answer `method` with these params: it declared the capability, and (in
 * a legacy session) its revision has the feature at all — elicitation came in 2025-06-18, URL
 * elicitation and sampling with tools in 2025-11-25.
 */
function missingCapability(
  method: InputMethod,
  params: Record<string, unknown> | undefined,
  capabilities: ClientCapabilities,
  version: ProtocolVersion,
): MissingClientCapabilityError | undefined {
  switch (method) {
    case 'elicitation/create': {
      const elicitation = version >= '2025-06-18' ? capabilities.elicitation : undefined;
      const url = params?.['mode'] === 'url';
      if (url && version < '2025-11-25')
        return new MissingClientCapabilityError({ elicitation: { url: {} } }, 'URL elicitation');
      // An empty `elicitation` object means form mode only.
      if (
        elicitation !== undefined &&
        (url
          ? elicitation.url !== undefined
          : elicitation.form !== undefined || elicitation.url === undefined)
      )
        return undefined;
      return new MissingClientCapabilityError(
        { elicitation: url ? { url: {} } : { form: {} } },
        url ? 'URL elicitation' : 'form elicitation',
      );
    }
    case 'sampling/createMessage': {
      const sampling = capabilities.sampling;
      if (sampling === undefined)
        return new MissingClientCapabilityError({ sampling: {} }, 'sampling');
      if (
        params?.['tools'] !== undefined &&
        (sampling.tools === undefined || version < '2025-11-25')
      ) {
        return new MissingClientCapabilityError({ sampling: { tools: {} } }, 'sampling with tools');
      }
      return undefined;
    }
    case 'roots/list':
      return capabilities.roots === undefined
        ? new MissingClientCapabilityError({ roots: {} }, 'roots')
        : undefined;
  }
}

export function createServerContext(scope: RequestScope): ServerContext {
  return new RequestServerContext(scope);
}

type ProgressFn = ServerContext['progress'];
type LogFn = ServerContext['log'];
type ElicitFn = ServerContext['elicit'];
type SampleFn = ServerContext['sample'];
type ListRootsFn = ServerContext['listRoots'];

/**
 * Reads everything from the scope on demand, so a call whose handler looks at nothing allocates
 * only this object. The methods are functions made on first access, not prototype methods,
 * because handlers may destructure them (`(args, { log }) => …`) and call them without `this`.
 */
class RequestServerContext implements ServerContext {
  readonly #scope: RequestScope;
  #client: ClientDescription | undefined;
  #progress: ProgressFn | undefined;
  #log: LogFn | undefined;
  #elicit: ElicitFn | undefined;
  #sample: SampleFn | undefined;
  #listRoots: ListRootsFn | undefined;

  constructor(scope: RequestScope) {
    this.#scope = scope;
  }

  get signal(): AbortSignal {
    return this.#scope.request.signal;
  }
  get requestId(): RequestId {
    return this.#scope.request.id;
  }
  get era(): Era {
    return this.#scope.era;
  }
  get protocolVersion(): ProtocolVersion {
    return this.#scope.version;
  }
  get client(): ClientDescription {
    const scope = this.#scope;
    return (this.#client ??= { info: scope.clientInfo, capabilities: scope.clientCapabilities });
  }
  get auth(): AuthInfo | undefined {
    return this.#scope.auth;
  }
  get meta(): Readonly<Record<string, unknown>> | undefined {
    return this.#scope.request.meta;
  }

  get progress(): ProgressFn {
    const { request } = this.#scope;
    return (this.#progress ??= (progress, total, message) =>
      request.sendProgress(progress, total, message));
  }

  get log(): LogFn {
    const scope = this.#scope;
    return (this.#log ??= (level, data, logger) => {
      if (!passesLogThreshold(level, scope.logThreshold)) return;
      const params: Record<string, unknown> = { level, data };
      if (logger !== undefined) params['logger'] = logger;
      scope.request.notify('notifications/message', params);
    });
  }

  get elicit(): ElicitFn {
    return (this.#elicit ??= (params, options) =>
      ask(this.#scope, 'elicitation/create', params, options?.key));
  }

  get sample(): SampleFn {
    return (this.#sample ??= (params, options) =>
      ask(this.#scope, 'sampling/createMessage', params, options?.key));
  }

  get listRoots(): ListRootsFn {
    return (this.#listRoots ??= (options) =>
      ask(this.#scope, 'roots/list', undefined, options?.key));
  }
}

/** Sends a question through the scope's gateway, unless the client cannot answer it. */
function ask(
  scope: RequestScope,
  method: InputMethod,
  params: Record<string, unknown> | undefined,
  key: string | undefined,
): Promise<never> {
  const missing = missingCapability(method, params, scope.clientCapabilities, scope.version);
  if (missing !== undefined) {
    return Promise.reject(scope.era === 'modern' ? missing : missing.forLegacy());
  }
  return scope.inputs.ask(method, params, key) as Promise<never>;
}

/** The request's `_meta` member `key`, read as own data. */
export function metaValue(
  meta: Readonly<Record<string, unknown>> | undefined,
  key: string,
): unknown {
  return meta !== undefined && Object.hasOwn(meta, key) ? meta[key] : undefined;
}
