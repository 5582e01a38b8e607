// Legacy clients (after an `initialize` handshake) and modern clients (`_meta` on every request)
// over raw JSON-RPC, and `inBothEras`, which runs one scenario against one server from each.
import type { RequestOptions } from '../../../src/jsonrpc/connection-options.js';
import type { ProtocolError } from '../../../src/jsonrpc/errors.js';
import { McpServer, type McpServerOptions } from '../../../src/server/mcp-server.js';
import { MetaKey } from '../../../src/spec/meta-keys.js';
import type { ClientCapabilities } from '../../../src/spec/types/index.js';
import type { Era, LegacyProtocolVersion, ProtocolVersion } from '../../../src/spec/versions.js';
import { WirePeer, type Json } from './wire-peer.js';

export const SERVER_INFO = { name: 'test-server', version: '1.2.3' };
export const CLIENT_INFO = { name: 'test-client', version: '0.0.1' };
export const MODERN_VERSION = '2026-07-28';
export const LEGACY_VERSIONS: readonly LegacyProtocolVersion[] = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
];

export interface EraRequestOptions extends RequestOptions {
  /** Extra `_meta` members (a modern log level, a progress token…), in either era. */
  meta?: Json;
}

/** A client of one era: the same calls, put on the wire the way its era requires. */
export interface EraClient {
  readonly era: Era;
  readonly version: ProtocolVersion;
  readonly label: string;
  readonly peer: WirePeer;
  /** The params as this client sends them (modern: with the required `_meta`). */
  params(params?: Json, meta?: Json): Json;
  request(method: string, params?: Json, options?: EraRequestOptions): Promise<Json>;
  failure(method: string, params?: Json, meta?: Json): Promise<ProtocolError>;
}

class LegacyClient implements EraClient {
  readonly era = 'legacy';
  readonly label: string;
  constructor(
    readonly peer: WirePeer,
    readonly version: LegacyProtocolVersion,
    readonly initializeResult: Json,
    label?: string,
  ) {
    this.label = label ?? `legacy ${version}`;
  }
  params(params: Json = {}, meta?: Json): Json {
    if (meta === undefined) return params;
    return { ...params, _meta: { ...(params['_meta'] as Json | undefined), ...meta } };
  }
  request(method: string, params?: Json, options: EraRequestOptions = {}): Promise<Json> {
    const { meta, ...rest } = options;
    const sent = params === undefined && meta === undefined ? undefined : this.params(params, meta);
    return this.peer.request(method, sent, rest);
  }
  failure(method: string, params?: Json, meta?: Json): Promise<ProtocolError> {
    const sent = params === undefined && meta === undefined ? undefined : this.params(params, meta);
    return this.peer.failure(method, sent);
  }
}

export class ModernClient implements EraClient {
  readonly era = 'modern';
  readonly version = MODERN_VERSION;
  readonly label: string;
  constructor(
    readonly peer: WirePeer,
    readonly capabilities: ClientCapabilities,
    label = 'modern',
  ) {
    this.label = label;
  }
  /** The three `_meta` members every modern request carries. */
  meta(): Json {
    return {
      [MetaKey.ProtocolVersion]: MODERN_VERSION,
      [MetaKey.ClientCapabilities]: this.capabilities,
      [MetaKey.ClientInfo]: CLIENT_INFO,
    };
  }
  params(params: Json = {}, meta?: Json): Json {
    return {
      ...params,
      _meta: { ...this.meta(), ...(params['_meta'] as Json | undefined), ...meta },
    };
  }
  request(method: string, params?: Json, options: EraRequestOptions = {}): Promise<Json> {
    const { meta, ...rest } = options;
    return this.peer.request(method, this.params(params, meta), rest);
  }
  failure(method: string, params?: Json, meta?: Json): Promise<ProtocolError> {
    return this.peer.failure(method, this.params(params, meta));
  }
}

const openServers = new Set<McpServer>();

/** Errors reported through `onError` by servers made with `testServer` and no `onError`. */
export const reportedErrors: { error: unknown; where: string }[] = [];

/** A server that is closed by `closeTestServers` (call it in `afterEach`). */
export function testServer(options: McpServerOptions = {}): McpServer {
  const server = new McpServer(SERVER_INFO, {
    onError: (error, where) => reportedErrors.push({ error, where }),
    ...options,
  });
  openServers.add(server);
  return server;
}

export async function closeTestServers(): Promise<void> {
  const servers = [...openServers];
  openServers.clear();
  reportedErrors.length = 0;
  await Promise.all(servers.map((server) => server.close()));
}

export interface LegacySetup {
  version?: LegacyProtocolVersion;
  capabilities?: ClientCapabilities;
  /** Send `notifications/initialized` after the handshake. Default true. */
  initialized?: boolean;
  /** Reuse a connection (stdio-style dual use); default: a new one. */
  peer?: WirePeer;
  label?: string;
}

export async function connectLegacy(
  server: McpServer,
  setup: LegacySetup = {},
): Promise<LegacyClient> {
  const version = setup.version ?? '2025-11-25';
  const peer = setup.peer ?? (await WirePeer.connect(server));
  const result = await peer.request('initialize', {
    protocolVersion: version,
    capabilities: setup.capabilities ?? {},
    clientInfo: CLIENT_INFO,
  });
  if (result['protocolVersion'] !== version) {
    throw new Error(`initialize answered ${String(result['protocolVersion'])}, not ${version}`);
  }
  if (setup.initialized !== false) peer.notify('notifications/initialized');
  return new LegacyClient(peer, version, result, setup.label);
}

export async function connectModern(
  server: McpServer,
  setup: { capabilities?: ClientCapabilities; peer?: WirePeer; label?: string } = {},
): Promise<ModernClient> {
  const peer = setup.peer ?? (await WirePeer.connect(server));
  return new ModernClient(peer, setup.capabilities ?? {}, setup.label);
}

export interface BothErasSetup {
  capabilities?: ClientCapabilities;
  legacyVersion?: LegacyProtocolVersion;
}

/**
 * Runs `scenario` against `server` as a legacy client, as a modern client (each on its own
 * connection), and as both on one shared connection (stdio-style dual use): the same handler code
 * must serve all four. A failure names the client it happened with.
 */
export async function inBothEras(
  server: McpServer,
  scenario: (client: EraClient) => Promise<void>,
  setup: BothErasSetup = {},
): Promise<void> {
  const capabilities = setup.capabilities ?? {};
  const version = setup.legacyVersion ?? '2025-11-25';
  const shared = await WirePeer.connect(server);
  const makers: (() => Promise<EraClient>)[] = [
    () => connectLegacy(server, { version, capabilities }),
    () => connectModern(server, { capabilities }),
    () => connectLegacy(server, { version, capabilities, peer: shared, label: 'legacy (shared)' }),
    () => connectModern(server, { capabilities, peer: shared, label: 'modern (shared)' }),
  ];
  for (const make of makers) {
    const client = await make();
    try {
      await scenario(client);
    } catch (error) {
      if (error instanceof Error) error.message = `[${client.label}] ${error.message}`;
      throw error;
    }
  }
}

/** Resolves after every already-queued microtask and one macrotask: lets in-flight work land. */
export function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
