// The request-metadata headers of a modern POST (streamable-http.mdx, "Request Metadata"): the
// body's protocol version, method, name and `x-mcp-header` arguments, mirrored for intermediaries.
import { MetaKey } from '../../spec/meta-keys.js';
import type { JsonRpcMessage } from '../../spec/jsonrpc.js';
import { isModernVersion, type ModernProtocolVersion } from '../../spec/versions.js';
import { encodeHeaderValue } from './header-value-encoding.js';
import type { ToolHeaderParams } from './tool-header-params.js';

/** Where `Mcp-Name` comes from, per method. */
const NAME_FIELD: Readonly<Record<string, 'name' | 'uri'>> = {
  'tools/call': 'name',
  'prompts/get': 'name',
  'resources/read': 'uri',
};

/** The modern protocol version a message carries in `params._meta`, if it is a modern one. */
export function modernVersionOf(message: JsonRpcMessage): ModernProtocolVersion | undefined {
  if (!('method' in message)) return undefined;
  const meta = paramsOf(message)?.['_meta'];
  if (typeof meta !== 'object' || meta === null) return undefined;
  const version = (meta as Record<string, unknown>)[MetaKey.ProtocolVersion];
  return isModernVersion(version) ? version : undefined;
}

/** `MCP-Protocol-Version`, `Mcp-Method`, `Mcp-Name` and `Mcp-Param-*` for a modern request. */
export function modernRequestHeaders(
  message: JsonRpcMessage & { method: string },
  version: ModernProtocolVersion,
  tools: ToolHeaderParams,
): Record<string, string> {
  const headers: Record<string, string> = {
    'MCP-Protocol-Version': version,
    'Mcp-Method': message.method,
  };
  const params = paramsOf(message);
  const field = Object.hasOwn(NAME_FIELD, message.method) ? NAME_FIELD[message.method] : undefined;
  const name = field === undefined ? undefined : params?.[field];
  if (typeof name === 'string') headers['Mcp-Name'] = encodeHeaderValue(name);
  if (message.method === 'tools/call' && typeof name === 'string') {
    Object.assign(headers, tools.headersFor(name, params?.['arguments']));
  }
  return headers;
}

function paramsOf(message: JsonRpcMessage): Record<string, unknown> | undefined {
  const params = 'params' in message ? message.params : undefined;
  return typeof params === 'object' && params !== null && !Array.isArray(params)
    ? params
    : undefined;
}
