// What the era adapters and sessions need from the server: identity, features, supported
// versions, capabilities, cache hints, the request-state codec and where errors are reported.
import type { CacheScope, Implementation, ServerCapabilities } from '../spec/types/index.js';
import type { ProtocolVersion } from '../spec/versions.js';
import type { FeatureSet } from './features.js';
import type { RequestStateCodec } from './request-state/index.js';

/** Results that carry cache hints in 2026-07-28. */
export type CacheableKind =
  | 'server/discover'
  | 'tools/list'
  | 'resources/list'
  | 'resources/templates/list'
  | 'resources/read'
  | 'prompts/list';

export interface CacheHint {
  ttlMs: number;
  cacheScope: CacheScope;
}

export interface ServerCore {
  readonly info: Implementation;
  readonly instructions: string | undefined;
  readonly features: FeatureSet;
  /** Every version served, oldest first. */
  readonly versions: readonly ProtocolVersion[];
  /** A fresh object, for answers that hand the capabilities out. */
  capabilities(): ServerCapabilities;
  /** The same object until a registration changes: for reading only, never to hand out. */
  currentCapabilities(): Readonly<ServerCapabilities>;
  cacheHint(kind: CacheableKind): CacheHint;
  readonly requestState: RequestStateCodec;
  /** A legacy client said its roots changed (`notifications/roots/list_changed`). */
  rootsListChanged(session: unknown): void;
  /** Something failed that the client is not told about in detail. */
  reportError(error: unknown, where: string): void;
}
