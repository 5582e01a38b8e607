// The handshake side of a dual-era server (2024-11-05 … 2025-11-25): `initialize` and version
// negotiation, the session's capabilities and log level, resource subscriptions, real
// server-to-client requests, and results trimmed to what the negotiated revision defines.
import { ProtocolError } from '../jsonrpc/errors.js';
import type { RequestContext } from '../jsonrpc/request-context.js';
import { ErrorCode } from '../spec/error-codes.js';
import { isMethodInVersion } from '../spec/methods.js';
import type { ClientCapabilities, Implementation, LoggingLevel } from '../spec/types/index.js';
import { legacyRequestParams } from '../spec/validate/index.js';
import {
  LATEST_LEGACY_PROTOCOL_VERSION,
  isLegacyVersion,
  type LegacyProtocolVersion,
} from '../spec/versions.js';
import type { AuthInfo } from './context.js';
import { UrlElicitationRequiredError } from './errors.js';
import { FEATURE_CAPABILITY, isFeatureMethod, runFeature } from './features.js';
import { LegacyInputGateway } from './input-gateway.js';
import { trimForVersion } from './legacy-projection.js';
import { checkParams } from './check-params.js';
import { createServerContext } from './request-scope.js';
import type { ServerCore } from './server-core.js';

type Params = Record<string, unknown>;

/** One legacy session: the state its `initialize` handshake set up. */
export class LegacySession {
  version: LegacyProtocolVersion | undefined;
  clientInfo: Implementation | undefined;
  clientCapabilities: ClientCapabilities = {};
  /** Legacy clients get every level until they ask for less with `logging/setLevel`. */
  logLevel: LoggingLevel = 'debug';
  /** Set once `notifications/initialized` arrived; list-change notifications wait for it. */
  ready = false;
  readonly subscriptions = new Set<string>();

  get initialized(): boolean {
    return this.version !== undefined;
  }
}

export interface LegacyHost {
  readonly core: ServerCore;
  readonly session: LegacySession;
  readonly auth: AuthInfo | undefined;
}

export function handleInitialize(
  core: ServerCore,
  session: LegacySession,
  params: Params | undefined,
): Record<string, unknown> {
  const legacyVersions = core.versions.filter(isLegacyVersion);
  if (legacyVersions.length === 0) {
    // A modern-only server names what it speaks: legacy clients cannot move forward on their own.
    throw new ProtocolError(
      ErrorCode.InvalidParams,
      `This server does not support initialize; it speaks ${[...core.versions].reverse().join(', ')}`,
      { supported: [...core.versions].reverse() },
    );
  }
  if (session.initialized) throw ProtocolError.invalidRequest('The session is already initialized');
  checkParams(legacyRequestParams, 'initialize', params);
  const given = params as {
    protocolVersion: string;
    capabilities: ClientCapabilities;
    clientInfo: Implementation;
  };
  const requested = given.protocolVersion;
  const newest = legacyVersions.at(-1) ?? LATEST_LEGACY_PROTOCOL_VERSION;
  const version: LegacyProtocolVersion =
    isLegacyVersion(requested) && legacyVersions.includes(requested) ? requested : newest;
  session.version = version;
  session.clientInfo = given.clientInfo;
  session.clientCapabilities = given.capabilities;
  const result: Record<string, unknown> = {
    protocolVersion: version,
    capabilities: legacyCapabilities(core, version),
    serverInfo: core.info,
  };
  if (core.instructions !== undefined) result['instructions'] = core.instructions;
  return result;
}

/** The server's capabilities as a legacy revision names them. */
function legacyCapabilities(
  core: ServerCore,
  version: LegacyProtocolVersion,
): Record<string, unknown> {
  const { extensions: _extensions, completions, ...rest } = core.capabilities();
  // `completions` came in 2025-03-26; 2024-11-05 answers completion requests without a flag.
  return version >= '2025-03-26' && completions !== undefined ? { ...rest, completions } : rest;
}

export async function handleLegacyRequest(
  host: LegacyHost,
  method: string,
  params: Params | undefined,
  request: RequestContext,
): Promise<Record<string, unknown>> {
  const { core, session } = host;
  if (!session.initialized) {
    if (method === 'ping') return {};
    throw ProtocolError.invalidRequest(
      `The server is not initialized: send initialize first (legacy revisions), or put ` +
        `"io.modelcontextprotocol/protocolVersion" and "io.modelcontextprotocol/clientCapabilities" in _meta (2026-07-28)`,
    );
  }
  const version = session.version as LegacyProtocolVersion;
  if (!isMethodInVersion(method, version) || !isLegacyClientRequest(method))
    throw ProtocolError.methodNotFound(method);
  checkParams(legacyRequestParams, method, params);
  const given = params ?? {};
  switch (method) {
    case 'ping':
      return {};
    case 'logging/setLevel':
      if (core.currentCapabilities().logging === undefined)
        throw ProtocolError.methodNotFound(method);
      session.logLevel = given['level'] as LoggingLevel;
      return {};
    case 'resources/subscribe':
      requireCapability(core, 'resources');
      session.subscriptions.add(given['uri'] as string);
      return {};
    case 'resources/unsubscribe':
      requireCapability(core, 'resources');
      session.subscriptions.delete(given['uri'] as string);
      return {};
  }
  if (!isFeatureMethod(method)) throw ProtocolError.methodNotFound(method);
  requireCapability(core, FEATURE_CAPABILITY[method]);
  const context = createServerContext({
    era: 'legacy',
    version,
    clientInfo: session.clientInfo,
    clientCapabilities: session.clientCapabilities,
    logThreshold: core.currentCapabilities().logging === undefined ? undefined : session.logLevel,
    auth: host.auth,
    request,
    inputs: new LegacyInputGateway(request, version),
  });
  try {
    return trimForVersion(
      method,
      await runFeature(core.features, method, given, context, version),
      version,
    );
  } catch (error) {
    throw error instanceof UrlElicitationRequiredError ? error.forLegacy(version) : error;
  }
}

function isLegacyClientRequest(method: string): boolean {
  return (
    method !== 'sampling/createMessage' &&
    method !== 'elicitation/create' &&
    method !== 'roots/list'
  );
}

function requireCapability(
  core: ServerCore,
  capability: 'tools' | 'resources' | 'prompts' | 'completions',
): void {
  // 2024-11-05 answered completion requests without a capability, so completions is always on.
  if (capability !== 'completions' && core.currentCapabilities()[capability] === undefined) {
    throw new ProtocolError(ErrorCode.MethodNotFound, `The server has no ${capability}`);
  }
}
