// Reserved `_meta` keys, and the naming rule every `_meta` key follows.

/** `_meta` keys defined by 2026-07-28 (and 2025-11-25 for the task ones). */
export const MetaKey = {
  ProtocolVersion: 'io.modelcontextprotocol/protocolVersion',
  ClientCapabilities: 'io.modelcontextprotocol/clientCapabilities',
  ClientInfo: 'io.modelcontextprotocol/clientInfo',
  LogLevel: 'io.modelcontextprotocol/logLevel',
  ServerInfo: 'io.modelcontextprotocol/serverInfo',
  SubscriptionId: 'io.modelcontextprotocol/subscriptionId',
  /** 2025-11-25 experimental tasks only. */
  RelatedTask: 'io.modelcontextprotocol/related-task',
  /** 2025-11-25 experimental tasks only. */
  ModelImmediateResponse: 'io.modelcontextprotocol/model-immediate-response',
  ProgressToken: 'progressToken',
} as const;

export type MetaKeyName = (typeof MetaKey)[keyof typeof MetaKey];

/** Keys reserved for OpenTelemetry context propagation (2026-07-28). */
export const OTEL_META_KEYS = ['traceparent', 'tracestate', 'baggage'] as const;

const LABEL = /^[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)?$/;

/**
 * Whether `key` follows the `_meta` naming rule: an optional prefix of dot-separated labels
 * ending in `/`, then a name that starts and ends with an alphanumeric character.
 */
export function isValidMetaKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (!NAME.test(name)) return false;
  if (slash === -1) return true;
  const labels = key.slice(0, slash).split('.');
  return labels.every((label) => LABEL.test(label));
}

/**
 * Whether `key` uses a prefix reserved for MCP itself: one whose second label is
 * `modelcontextprotocol` or `mcp` (e.g. `io.modelcontextprotocol/`, `dev.mcp/`).
 */
export function isReservedMetaKey(key: string): boolean {
  const slash = key.indexOf('/');
  if (slash === -1) return false;
  const second = key.slice(0, slash).split('.')[1];
  return second === 'modelcontextprotocol' || second === 'mcp';
}
