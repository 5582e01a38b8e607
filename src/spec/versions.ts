// Protocol revisions mcpkit speaks, and which era each belongs to.

/** Every protocol revision, oldest first. */
export const PROTOCOL_VERSIONS = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
  '2026-07-28',
] as const;

export type ProtocolVersion = (typeof PROTOCOL_VERSIONS)[number];

/** Revisions that open a session with the `initialize` handshake, oldest first. */
export const LEGACY_PROTOCOL_VERSIONS = [
  '2024-11-05',
  '2025-03-26',
  '2025-06-18',
  '2025-11-25',
] as const satisfies readonly ProtocolVersion[];

/** Revisions that carry version, identity and capabilities in `_meta` on every request. */
export const MODERN_PROTOCOL_VERSIONS = [
  '2026-07-28',
] as const satisfies readonly ProtocolVersion[];

export type LegacyProtocolVersion = (typeof LEGACY_PROTOCOL_VERSIONS)[number];
export type ModernProtocolVersion = (typeof MODERN_PROTOCOL_VERSIONS)[number];

export type Era = 'legacy' | 'modern';

export const LATEST_PROTOCOL_VERSION: ProtocolVersion = '2026-07-28';
export const LATEST_LEGACY_PROTOCOL_VERSION: LegacyProtocolVersion = '2025-11-25';

export function isProtocolVersion(value: unknown): value is ProtocolVersion {
  return typeof value === 'string' && (PROTOCOL_VERSIONS as readonly string[]).includes(value);
}

export function isLegacyVersion(value: unknown): value is LegacyProtocolVersion {
  return (
    typeof value === 'string' && (LEGACY_PROTOCOL_VERSIONS as readonly string[]).includes(value)
  );
}

export function isModernVersion(value: unknown): value is ModernProtocolVersion {
  return (
    typeof value === 'string' && (MODERN_PROTOCOL_VERSIONS as readonly string[]).includes(value)
  );
}

export function eraOf(version: ProtocolVersion): Era {
  return isModernVersion(version) ? 'modern' : 'legacy';
}

/**
 * Whether `version` is at least `since`. Revisions are dates, so their string order is their
 * release order.
 */
export function versionAtLeast(version: ProtocolVersion, since: ProtocolVersion): boolean {
  return version >= since;
}

/** JSON-RPC batches: receiving them is a MUST in 2025-03-26 only; later revisions removed them. */
export function acceptsBatches(version: ProtocolVersion): boolean {
  return version === '2025-03-26';
}
