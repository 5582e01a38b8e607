// RFC 9110 `token` (1*tchar): what an HTTP header name may be. MCP needs it for `x-mcp-header`
// names (mirrored as `Mcp-Param-*` headers) and for the header names a server exposes.

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** No separators, spaces or control characters, and not empty. */
export function isHttpToken(value: string): boolean {
  return TOKEN.test(value);
}
