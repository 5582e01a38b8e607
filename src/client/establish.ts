// Connecting: pick the era without configuration (stdio.mdx, "Backward Compatibility"): probe
// with `server/discover`; a discover result or a recognised modern error means modern; anything
// else — any other error, a timeout, a closed pipe — means legacy, and `initialize` follows.
import type { JsonRpcConnection } from '../jsonrpc/connection.js';
import type { Disposable } from '../jsonrpc/events.js';
import {
  ConnectionClosedError,
  InvalidResponseError,
  LocalError,
  ProtocolError,
} from '../jsonrpc/errors.js';
import { ErrorCode, MODERN_ERROR_CODES } from '../spec/error-codes.js';
import { MetaKey } from '../spec/meta-keys.js';
import { NotificationMethod } from '../spec/methods.js';
import type { Implementation, ServerCapabilities } from '../spec/types/index.js';
import { legacyResults } from '../spec/validate/index.js';
import {
  LATEST_LEGACY_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSIONS,
  isLegacyVersion,
  isModernVersion,
  type Era,
  type LegacyProtocolVersion,
  type ProtocolVersion,
} from '../spec/versions.js';
import { legacyCapabilities } from './capabilities.js';
import {
  LegacyClientSession,
  ModernClientSession,
  pickVersion,
  type ClientSession,
  type ModernSessionSettings,
} from './client-session.js';
import type { McpClientOptions } from './options.js';

export interface ServerDescription {
  info: Implementation | undefined;
  capabilities: ServerCapabilities;
  instructions: string | undefined;
  /** Every version the server said it supports (modern servers only). */
  supportedVersions: readonly string[] | undefined;
}

/**
 * What a transport may add to moving messages (Streamable HTTP adds both): the era an earlier
 * connection to the same server settled on, so the probe is skipped, and word that the server
 * ended a legacy session, so the client initializes again.
 */
export interface EraAwareTransport {
  rememberedEra?(): Era | undefined;
  onSessionExpired?(listener: () => void): Disposable;
}

export interface Established {
  connection: JsonRpcConnection;
  session: ClientSession;
  server: ServerDescription;
}

const DEFAULT_PROBE_TIMEOUT = 10_000;
const NEWEST_MODERN_FIRST: readonly ProtocolVersion[] = [...MODERN_PROTOCOL_VERSIONS].reverse();

export async function establish(
  open: () => Promise<JsonRpcConnection>,
  canReopen: boolean,
  options: McpClientOptions,
  settings: ModernSessionSettings,
  remembered: () => Era | undefined = () => undefined,
): Promise<Established> {
  let current: JsonRpcConnection | undefined;
  const tracked = async (): Promise<JsonRpcConnection> => (current = await open());
  try {
    return await negotiate(tracked, canReopen, options, settings, remembered);
  } catch (error) {
    // A failed connect leaves nothing behind: the connection (and a spawned server) is closed.
    await current?.close().catch(() => {});
    throw error;
  }
}

async function negotiate(
  open: () => Promise<JsonRpcConnection>,
  canReopen: boolean,
  options: McpClientOptions,
  settings: ModernSessionSettings,
  remembered: () => Era | undefined,
): Promise<Established> {
  let connection = await open();
  // A server remembered as legacy is not probed again (SPEC-MAP §18.5: cache the era).
  const choice =
    (options.version ?? 'auto') === 'auto' && remembered() === 'legacy'
      ? 'legacy'
      : (options.version ?? 'auto');
  if (choice === 'legacy' || isLegacyVersion(choice)) {
    return initialize(
      connection,
      choice === 'legacy' ? undefined : choice,
      options,
      settings.clientInfo,
    );
  }
  const preferred = isModernVersion(choice) ? choice : (NEWEST_MODERN_FIRST[0] as ProtocolVersion);
  const probe = await discover(
    connection,
    preferred,
    settings,
    choice === 'auto' ? (options.probeTimeout ?? DEFAULT_PROBE_TIMEOUT) : undefined,
  );
  if (probe.kind === 'modern') return { connection, session: probe.session, server: probe.server };
  if (choice !== 'auto') {
    const reason = probe.error instanceof Error ? probe.error.message : String(probe.error);
    throw new LocalError(
      'protocol',
      `The server does not speak protocol ${preferred} (server/discover failed: ${reason}); connect with version 'auto' or 'legacy'`,
      { cause: probe.error },
    );
  }
  if (connection.closed) {
    // Some legacy servers exit on an unknown request before `initialize`.
    if (!canReopen) {
      throw new ConnectionClosedError(
        'The server closed the connection on the server/discover probe; pass a transport factory to connect() so the client can restart it, or pin version: "legacy"',
        { cause: probe.error },
      );
    }
    connection = await open();
  }
  return initialize(connection, undefined, options, settings.clientInfo);
}

/** An UnsupportedProtocolVersion error whose `supported` list has legacy versions only. */
function offersOnlyLegacy(error: ProtocolError): boolean {
  if (error.code !== ErrorCode.UnsupportedProtocolVersion) return false;
  const supported = (error.data as { supported?: unknown } | undefined)?.supported;
  return (
    Array.isArray(supported) && supported.some(isLegacyVersion) && !supported.some(isModernVersion)
  );
}

type Probe =
  | { kind: 'modern'; session: ModernClientSession; server: ServerDescription }
  | { kind: 'legacy'; error: unknown };

async function discover(
  connection: JsonRpcConnection,
  version: ProtocolVersion,
  settings: ModernSessionSettings,
  timeout: number | undefined,
): Promise<Probe> {
  const session = new ModernClientSession(connection, version, settings);
  let result: Record<string, unknown>;
  try {
    result = await session.request('server/discover', undefined, {
      resetTimeoutOnProgress: false,
      ...(timeout === undefined ? {} : { timeout }),
    });
  } catch (error) {
    // A dual-era server that no longer speaks any modern version we know lists legacy ones.
    if (error instanceof ProtocolError && offersOnlyLegacy(error)) return { kind: 'legacy', error };
    // A recognised modern error proves a modern server (the session already retried with a
    // common version where the error named one), so it is a real failure, not a fallback.
    if (error instanceof ProtocolError && MODERN_ERROR_CODES.has(error.code)) throw error;
    return { kind: 'legacy', error };
  }
  const supported = result['supportedVersions'] as string[];
  const common = pickVersion(settings.ours, supported);
  if (common === undefined) {
    throw new InvalidResponseError(
      `The server supports ${supported.join(', ')}; this client speaks none of them in the modern era`,
    );
  }
  session.version = common;
  const meta = (result['_meta'] ?? {}) as Record<string, unknown>;
  return {
    kind: 'modern',
    session,
    server: {
      info: meta[MetaKey.ServerInfo] as Implementation | undefined,
      capabilities: result['capabilities'] as ServerCapabilities,
      instructions: result['instructions'] as string | undefined,
      supportedVersions: supported,
    },
  };
}

export async function initialize(
  connection: JsonRpcConnection,
  pinned: LegacyProtocolVersion | undefined,
  options: McpClientOptions,
  clientInfo: Implementation,
): Promise<Established> {
  const requested = pinned ?? LATEST_LEGACY_PROTOCOL_VERSION;
  const result = await connection.request('initialize', {
    protocolVersion: requested,
    capabilities: legacyCapabilities(options, requested),
    clientInfo,
  });
  const checked = legacyResults.initialize.validate(result);
  if (!checked.ok)
    throw new InvalidResponseError('The server answered initialize with an invalid result');
  const answer = result as {
    protocolVersion: string;
    capabilities: ServerCapabilities;
    serverInfo: Implementation;
    instructions?: string;
  };
  if (!isLegacyVersion(answer.protocolVersion)) {
    throw new InvalidResponseError(
      `The server chose protocol version ${answer.protocolVersion}, which this client does not speak`,
    );
  }
  connection.notify(NotificationMethod.Initialized);
  return {
    connection,
    session: new LegacyClientSession(connection, answer.protocolVersion),
    server: {
      info: answer.serverInfo,
      capabilities: answer.capabilities,
      instructions: answer.instructions,
      supportedVersions: undefined,
    },
  };
}
