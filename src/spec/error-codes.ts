// JSON-RPC and MCP error codes, with the revisions that define the MCP-specific ones.
import type { ProtocolVersion } from './versions.js';

export const ErrorCode = {
  /** Invalid JSON was received. */
  ParseError: -32700,
  /** The JSON sent is not a valid request object. */
  InvalidRequest: -32600,
  /** The method does not exist or is not available. */
  MethodNotFound: -32601,
  /** Invalid method parameters; in 2026-07-28 also a missing resource, bad cursor, bad `_meta`. */
  InvalidParams: -32602,
  /** Internal error; what user code throws unexpectedly becomes this, with no detail. */
  InternalError: -32603,
  /** Legacy (2024-11-05 … 2025-11-25): resource not found. 2026-07-28 uses -32602 instead. */
  ResourceNotFound: -32002,
  /** 2025-11-25 only: the request needs a URL-mode elicitation first. */
  UrlElicitationRequired: -32042,
  /** 2026-07-28: an HTTP header disagrees with the body. */
  HeaderMismatch: -32020,
  /** 2026-07-28: the request needs a client capability that was not declared. */
  MissingRequiredClientCapability: -32021,
  /** 2026-07-28: the requested protocol version is not supported. */
  UnsupportedProtocolVersion: -32022,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;
export type KnownErrorCode = (typeof ErrorCode)[ErrorCodeName];

/** Codes only some revisions define; the standard JSON-RPC codes exist in every revision. */
const MCP_CODE_SPANS: ReadonlyMap<number, readonly [ProtocolVersion, ProtocolVersion?]> = new Map([
  [ErrorCode.ResourceNotFound, ['2024-11-05', '2025-11-25']],
  [ErrorCode.UrlElicitationRequired, ['2025-11-25', '2025-11-25']],
  [ErrorCode.HeaderMismatch, ['2026-07-28']],
  [ErrorCode.MissingRequiredClientCapability, ['2026-07-28']],
  [ErrorCode.UnsupportedProtocolVersion, ['2026-07-28']],
]);

/** Whether a party speaking `version` may emit `code`. */
export function isErrorCodeInVersion(code: number, version: ProtocolVersion): boolean {
  const span = MCP_CODE_SPANS.get(code);
  if (span === undefined) return true;
  const [from, to] = span;
  return version >= from && (to === undefined || version <= to);
}

/** The code for "resource not found" in a given revision. */
export function resourceNotFoundCode(version: ProtocolVersion): number {
  return version >= '2026-07-28' ? ErrorCode.InvalidParams : ErrorCode.ResourceNotFound;
}

/**
 * Modern errors a dual-era client recognises as proof that it talks to a modern server
 * (versioning.mdx, "Backward Compatibility").
 */
export const MODERN_ERROR_CODES: ReadonlySet<number> = new Set([
  ErrorCode.HeaderMismatch,
  ErrorCode.MissingRequiredClientCapability,
  ErrorCode.UnsupportedProtocolVersion,
]);
