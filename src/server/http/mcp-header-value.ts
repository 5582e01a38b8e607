// Reading an MCP request-metadata header value (streamable-http.mdx, "Value Encoding"): plain
// visible ASCII as it is, or `=?base64?…?=`, the Base64 of UTF-8, decoded before any comparison.

const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';
/** Space, tab and visible ASCII: what RFC 9110 allows in a field value, minus obs-text. */
const FIELD_VALUE = /^[\t\x20-\x7e]*$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/**
 * The value a header stands for, or undefined when it holds characters a header value may not
 * (control characters, non-ASCII) or a sentinel that is not valid Base64 of UTF-8.
 */
export function decodeMcpHeaderValue(raw: string): string | undefined {
  if (!FIELD_VALUE.test(raw)) return undefined;
  if (
    raw.length < SENTINEL_PREFIX.length + SENTINEL_SUFFIX.length ||
    !raw.startsWith(SENTINEL_PREFIX) ||
    !raw.endsWith(SENTINEL_SUFFIX)
  ) {
    return raw;
  }
  const encoded = raw.slice(SENTINEL_PREFIX.length, raw.length - SENTINEL_SUFFIX.length);
  if (!BASE64.test(encoded)) return undefined;
  const binary = atob(encoded);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
