// @ts-check
// The protocol revisions and client identity the HTTP benchmarks speak.

/** What a benchmark client offers in `initialize`. */
export const LEGACY_VERSION = '2025-11-25';

/** Revisions of the session era a server may agree on (Streamable HTTP exists since 2025-03-26). */
export const SESSION_VERSIONS = ['2025-03-26', '2025-06-18', LEGACY_VERSION];

/** The stateless revision: every request carries its own `_meta` envelope and headers. */
export const MODERN_VERSION = '2026-07-28';

/** Who the benchmark client says it is. */
export const CLIENT_INFO = { name: 'mcpkit-bench', version: '1.0.0' };
