// The 2026-07-28 side of a dual-era server: per-request `_meta`, `server/discover`, result
// decoration, multi round-trip requests with sealed state, and `subscriptions/listen`.
import { copyWith } from '../jsonrpc/copy-with.js';
import { ProtocolError } from '../jsonrpc/errors.js';
import type { RequestContext } from '../jsonrpc/request-context.js';
import { ErrorCode } from '../spec/error-codes.js';
import type { JsonValue } from '../spec/jsonrpc.js';
import { MetaKey } from '../spec/meta-keys.js';
import { isMethodInVersion } from '../spec/methods.js';
import type {
  ClientCapabilities,
  Implementation,
  InputResponse,
  LoggingLevel,
  SubscriptionFilter,
} from '../spec/types/index.js';
import { modernRequestParams } from '../spec/validate/index.js';
import { isModernVersion, isProtocolVersion, type ProtocolVersion } from '../spec/versions.js';
import type { AuthInfo } from './context.js';
import { UrlElicitationRequiredError } from './errors.js';
import { FEATURE_CAPABILITY, isFeatureMethod, runFeature, type FeatureMethod } from './features.js';
import { ModernInputGateway } from './input-gateway.js';
import { ListenStream } from './listen-stream.js';
import { isLoggingLevel } from './log-levels.js';
import { checkParams } from './check-params.js';
import { createServerContext, metaValue } from './request-scope.js';
import { requestStateFailureToProtocolError, salientRequestParams } from './request-state/index.js';
import type { CacheableKind, ServerCore } from './server-core.js';

type Params = Record<string, unknown>;

/** Methods that may end with an `InputRequiredResult` (mrtr.mdx, "Supported Requests"). */
const MRTR_METHODS: ReadonlySet<string> = new Set(['tools/call', 'prompts/get', 'resources/read']);

const CACHEABLE: ReadonlySet<string> = new Set<CacheableKind>([
  'server/discover',
  'tools/list',
  'resources/list',
  'resources/templates/list',
  'resources/read',
  'prompts/list',
]);

/** Whether a request declares itself modern: it carries a protocol version in `_meta`. */
export function isModernRequest(method: string, params: Params | undefined): boolean {
  if (method === 'server/discover') return true;
  const meta = params?.['_meta'];
  return typeof meta === 'object' && meta !== null && Object.hasOwn(meta, MetaKey.ProtocolVersion);
}

export interface ModernHost {
  readonly core: ServerCore;
  readonly auth: AuthInfo | undefined;
  /** A listen stream opened on this connection; the host closes it when the server closes. */
  openListen(stream: ListenStream): () => void;
}

export async function handleModernRequest(
  host: ModernHost,
  method: string,
  params: Params | undefined,
  request: RequestContext,
): Promise<Record<string, unknown>> {
  const { core } = host;
  const meta = request.meta;
  const version = checkVersion(core, metaValue(meta, MetaKey.ProtocolVersion));
  const capabilities = metaValue(meta, MetaKey.ClientCapabilities);
  if (typeof capabilities !== 'object' || capabilities === null || Array.isArray(capabilities)) {
    throw ProtocolError.invalidParams(`Missing _meta["${MetaKey.ClientCapabilities}"]`);
  }
  const logLevel = metaValue(meta, MetaKey.LogLevel);
  if (logLevel !== undefined && !isLoggingLevel(logLevel)) {
    throw ProtocolError.invalidParams(`Unknown log level: ${JSON.stringify(logLevel)}`);
  }
  if (!isMethodInVersion(method, version) || !isClientRequest(method))
    throw ProtocolError.methodNotFound(method);
  checkParams(modernRequestParams, method, params);
  const given = params ?? {};

  let result: Record<string, unknown>;
  if (method === 'server/discover') {
    result = discoverResult(core);
  } else if (method === 'subscriptions/listen') {
    result = await listen(host, request, given);
  } else if (isFeatureMethod(method)) {
    requireCapability(core, method);
    const clientInfo = metaValue(meta, MetaKey.ClientInfo) as Implementation | undefined;
    result = await runWithInputs(host, method, given, request, {
      version,
      clientInfo,
      clientCapabilities: capabilities,
      logThreshold: core.currentCapabilities().logging === undefined ? undefined : logLevel,
    });
  } else {
    throw ProtocolError.methodNotFound(method);
  }
  return decorate(core, method, result);
}

function checkVersion(core: ServerCore, requested: unknown): ProtocolVersion {
  if (requested === undefined)
    throw ProtocolError.invalidParams(`Missing _meta["${MetaKey.ProtocolVersion}"]`);
  if (
    isProtocolVersion(requested) &&
    isModernVersion(requested) &&
    core.versions.includes(requested)
  )
    return requested;
  throw new ProtocolError(ErrorCode.UnsupportedProtocolVersion, 'Unsupported protocol version', {
    supported: [...core.versions].reverse(),
    requested: typeof requested === 'string' ? requested : JSON.stringify(requested),
  });
}

function isClientRequest(method: string): boolean {
  return (
    method !== 'sampling/createMessage' &&
    method !== 'elicitation/create' &&
    method !== 'roots/list'
  );
}

function requireCapability(core: ServerCore, method: FeatureMethod): void {
  if (core.currentCapabilities()[FEATURE_CAPABILITY[method]] === undefined)
    throw ProtocolError.methodNotFound(method);
}

export function discoverResult(core: ServerCore): Record<string, unknown> {
  const result: Record<string, unknown> = {
    supportedVersions: [...core.versions].reverse(),
    capabilities: core.capabilities(),
  };
  if (core.instructions !== undefined) result['instructions'] = core.instructions;
  return result;
}

/** Adds what every modern result carries: `resultType`, server identity, cache hints. */
function decorate(
  core: ServerCore,
  method: string,
  result: Record<string, unknown>,
): Record<string, unknown> {
  const decorated: Record<string, unknown> = { resultType: 'complete', ...result };
  if (decorated['resultType'] === 'complete' && CACHEABLE.has(method)) {
    const hint = core.cacheHint(method as CacheableKind);
    decorated['ttlMs'] = hint.ttlMs;
    decorated['cacheScope'] = hint.cacheScope;
  }
  const meta = result['_meta'] as Record<string, unknown> | undefined;
  decorated['_meta'] =
    meta === undefined
      ? { [MetaKey.ServerInfo]: core.info }
      : copyWith(meta, MetaKey.ServerInfo, core.info);
  return decorated;
}

interface ModernClient {
  version: ProtocolVersion;
  clientInfo: Implementation | undefined;
  clientCapabilities: ClientCapabilities;
  logThreshold: LoggingLevel | undefined;
}

/** What travels inside `requestState`: the answers the handler has used so far. */
interface StatePayload {
  answers: Record<string, InputResponse>;
}

/**
 * Runs a feature; when its handler asks the client something not yet answered, the request
 * ends with an `InputRequiredResult` whose sealed state carries every answer so far.
 */
async function runWithInputs(
  host: ModernHost,
  method: FeatureMethod,
  params: Params,
  request: RequestContext,
  client: ModernClient,
): Promise<Record<string, unknown>> {
  const mrtr = MRTR_METHODS.has(method);
  const answers =
    mrtr && carriesAnswers(params)
      ? await gatherAnswers(host.core, params, bindingOf(host, method, params))
      : NO_ANSWERS;
  const inputs = new ModernInputGateway(answers);
  const context = createServerContext({
    era: 'modern',
    version: client.version,
    clientInfo: client.clientInfo,
    clientCapabilities: client.clientCapabilities,
    logThreshold: client.logThreshold,
    auth: host.auth,
    request,
    inputs,
  });
  let outcome: Record<string, unknown> | undefined;
  let failure: unknown;
  try {
    outcome = await runFeature(host.core.features, method, params, context, client.version);
  } catch (error) {
    failure = error;
  }
  if (failure instanceof UrlElicitationRequiredError && mrtr) {
    // 2026-07-28 has no -32042: the URL interactions become input requests of this round.
    for (const elicitation of failure.elicitations) {
      inputs
        .ask('elicitation/create', {
          mode: 'url',
          message: elicitation.message,
          url: elicitation.url,
        })
        .catch(() => {});
    }
    failure = undefined;
  }
  if (inputs.failure !== undefined) throw inputs.failure;
  const pending = inputs.pending;
  if (pending !== undefined) {
    if (!mrtr) {
      throw ProtocolError.internalError(`${method} cannot ask the client for input`);
    }
    const payload: StatePayload = { answers: inputs.used };
    const requestState = await host.core.requestState.seal(
      payload as unknown as JsonValue,
      bindingOf(host, method, params),
    );
    return { resultType: 'input_required', inputRequests: pending, requestState };
  }
  if (failure !== undefined) {
    // An InputRequiredSignal always leaves a pending question, so it never reaches here.
    throw failure instanceof Error ? failure : ProtocolError.internalError();
  }
  return outcome as Record<string, unknown>;
}

interface RequestBinding {
  method: string;
  params: JsonValue;
  principal: string | undefined;
}

/** What a sealed state is bound to; computed only to open or seal one, which most requests never do. */
function bindingOf(host: ModernHost, method: string, params: Params): RequestBinding {
  return { method, params: salientRequestParams(params), principal: host.auth?.principal };
}

const NO_ANSWERS: ReadonlyMap<string, unknown> = new Map();

/** Whether gathering answers has anything to look at (or to reject). */
function carriesAnswers(params: Params): boolean {
  return params['inputResponses'] !== undefined || params['requestState'] !== undefined;
}

/**
 * The answers a request brings: those sealed in its state (if any) and the new `inputResponses`.
 * A sealed answer wins over a new one under the same key; each is checked against the question
 * when the handler asks it, and answers to questions it never asks are ignored.
 */
async function gatherAnswers(
  core: ServerCore,
  params: Params,
  binding: RequestBinding,
): Promise<ReadonlyMap<string, unknown>> {
  const answers = new Map<string, unknown>();
  const responses = params['inputResponses'];
  if (typeof responses === 'object' && responses !== null) {
    for (const [key, response] of Object.entries(responses)) answers.set(key, response);
  }
  const state = params['requestState'];
  if (state === undefined) return answers;
  if (typeof state !== 'string') throw ProtocolError.invalidParams('requestState must be a string');
  const opened = await core.requestState.unseal(state, binding);
  if (!opened.ok) throw requestStateFailureToProtocolError(opened);
  const payload = opened.payload as unknown as StatePayload;
  for (const [key, answer] of Object.entries(payload.answers)) answers.set(key, answer);
  return answers;
}

function listen(
  host: ModernHost,
  request: RequestContext,
  params: Params,
): Promise<Record<string, unknown>> {
  const requested = (params['notifications'] ?? {}) as SubscriptionFilter;
  const capabilities = host.core.currentCapabilities();
  const honoured: SubscriptionFilter = {};
  if (requested.toolsListChanged === true && capabilities.tools?.listChanged === true)
    honoured.toolsListChanged = true;
  if (requested.promptsListChanged === true && capabilities.prompts?.listChanged === true)
    honoured.promptsListChanged = true;
  if (requested.resourcesListChanged === true && capabilities.resources?.listChanged === true)
    honoured.resourcesListChanged = true;
  if (requested.resourceSubscriptions !== undefined && capabilities.resources?.subscribe === true) {
    honoured.resourceSubscriptions = [...requested.resourceSubscriptions];
  }
  const stream = new ListenStream(request, honoured);
  const unregister = host.openListen(stream);
  return stream.done.then((result) => {
    unregister();
    // Cancelled streams get no response; the engine drops it anyway.
    return result ?? {};
  });
}
