// The request-metadata headers of a 2026-07-28 POST checked against its body (streamable-http.mdx,
// "Server Validation", SECURITY T9): a header that is missing, malformed or disagrees with the
// body stops the request before it runs. The body compared is the very object the server runs.
import type { JsonRpcRequest } from '../../spec/jsonrpc.js';
import { MetaKey } from '../../spec/meta-keys.js';
import type { McpHeaderParam } from '../../schema/index.js';
import { decodeMcpHeaderValue } from './mcp-header-value.js';

/** The `x-mcp-header` parameters of a registered tool; empty for an unknown one. */
export type ToolHeaderParams = (toolName: string) => readonly McpHeaderParam[];

/** Which body field `Mcp-Name` mirrors, per method. */
const NAME_SOURCE: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

const DECIMAL = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** Why the headers do not fit the body (the HeaderMismatch message), or undefined when they do. */
export function findHeaderMismatch(
  headers: Headers,
  message: JsonRpcRequest,
  toolParams: ToolHeaderParams,
): string | undefined {
  const params = message.params ?? {};
  const version = headers.get('mcp-protocol-version');
  if (version === null) return 'Header mismatch: the MCP-Protocol-Version header is missing';
  const meta = ownMember(params, '_meta');
  const bodyVersion = isRecord(meta) ? ownMember(meta, MetaKey.ProtocolVersion) : undefined;
  // A body without the version is malformed, which the server answers with -32602 itself.
  if (bodyVersion !== undefined && bodyVersion !== version) {
    return `Header mismatch: MCP-Protocol-Version header value '${version}' does not match body value ${JSON.stringify(bodyVersion)}`;
  }
  const method = headers.get('mcp-method');
  if (method === null) return 'Header mismatch: the Mcp-Method header is missing';
  if (method !== message.method) {
    return `Header mismatch: Mcp-Method header value '${method}' does not match body value '${message.method}'`;
  }
  const nameSource = Object.hasOwn(NAME_SOURCE, message.method)
    ? NAME_SOURCE[message.method]
    : undefined;
  if (nameSource !== undefined) {
    const problem = compareHeader(headers, 'Mcp-Name', ownMember(params, nameSource), true);
    if (problem !== undefined) return problem;
  }
  if (message.method === 'tools/call') {
    const name = ownMember(params, 'name');
    if (typeof name !== 'string') return undefined;
    const args = ownMember(params, 'arguments');
    for (const param of toolParams(name)) {
      const value = valueAt(args, param.path);
      const problem = compareHeader(headers, `Mcp-Param-${param.name}`, value, false);
      if (problem !== undefined) return problem;
    }
  }
  return undefined;
}

/**
 * Compares one mirrored header with its body value. `required`: the header must be there even
 * when the body has no usable value (`Mcp-Name`). `Mcp-Param-*` headers are expected exactly when
 * the body has a non-null value, and must be absent otherwise.
 */
function compareHeader(
  headers: Headers,
  name: string,
  bodyValue: unknown,
  required: boolean,
): string | undefined {
  const raw = headers.get(name);
  const absent = bodyValue === undefined || bodyValue === null;
  if (raw === null) {
    return required || !absent ? `Header mismatch: the ${name} header is missing` : undefined;
  }
  const decoded = decodeMcpHeaderValue(raw);
  if (decoded === undefined) return `Header mismatch: the ${name} header value is malformed`;
  if (absent || !sameValue(decoded, bodyValue)) {
    return `Header mismatch: ${name} header value '${raw}' does not match the body`;
  }
  return undefined;
}

/** Strings compare exactly, numbers numerically (`42.0` is 42), booleans as `true`/`false`. */
function sameValue(header: string, body: unknown): boolean {
  switch (typeof body) {
    case 'string':
      return header === body;
    case 'number':
      return DECIMAL.test(header) && Number(header) === body;
    case 'boolean':
      return header === String(body);
    default:
      return false;
  }
}

/** The instance value at a chain of `properties` keys; undefined when any step is missing. */
function valueAt(root: unknown, path: readonly string[]): unknown {
  let value = root;
  for (const key of path) {
    if (!isRecord(value)) return undefined;
    value = ownMember(value, key);
  }
  return value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function ownMember(record: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
