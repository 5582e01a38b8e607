// Connecting: pick the era without configuration (stdio.mdx, "Backward Compatibility"): probe
// with `server/discover`; a discover result or a recognised modern error means modern; anything
// else — any other error, a timeout, a closed pipe — means legacy, and `initialize` follows.
import type { JsonRpcConnection } from '../jsonrpc/connection.js';
import {
  ConnectionClosedError,
  InvalidResponseError,
  ProtocolError,
  UsageError,
} from '../jsonrpc/errors.js';
import { MODERN_ERROR_CODES } from '../spec/error-codes.js';
import { MetaKey } from '../spec/meta-keys.js';
import { NotificationMethod } from '../spec/methods.js';
import type { Implementation, ServerCapabilities } from '../spec/types/index.js';
import { legacyResults } from '../spec/validate/index.js';
import {
  LATEST_LEGACY_PROTOCOL_VERSION,
  MODERN_PROTOCOL_VERSIONS,
  isLegacyVersion,
  isModernVersion,
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
): Promise<Established> {
  const choice = options.version ?? 'auto';
  let connection = await open();
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
  if (choice !== 'auto') throw probe.error;
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

async function initialize(
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
    await connection.close();
    throw new UsageError(
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
