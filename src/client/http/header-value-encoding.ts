// How a value travels in an MCP request-metadata header (streamable-http.mdx, "Value Encoding"):
// as it is when it is plain visible ASCII, otherwise as `=?base64?{UTF-8 in Base64}?=`.

const SENTINEL_PREFIX = '=?base64?';
const SENTINEL_SUFFIX = '?=';
/** Space and visible ASCII; a tab is legal in HTTP but is a control character, so it is encoded. */
const PLAIN = /^[\x20-\x7e]*$/;

/** Whether `value` can go into a header as it is, without being mistaken for an encoded one. */
export function isPlainHeaderValue(value: string): boolean {
  if (!PLAIN.test(value)) return false;
  if (value.startsWith(' ') || value.endsWith(' ')) return false;
  return !(value.startsWith(SENTINEL_PREFIX) && value.endsWith(SENTINEL_SUFFIX));
}

/** The header form of `value`: itself when plain, else the Base64 sentinel form. */
export function encodeHeaderValue(value: string): string {
  if (isPlainHeaderValue(value)) return value;
  return `${SENTINEL_PREFIX}${utf8Base64(value)}${SENTINEL_SUFFIX}`;
}

/**
 * The string an argument becomes before encoding: strings as they are, integers in decimal,
 * booleans as `true`/`false`. Anything else (null, objects, fractions) has no header form.
 */
export function headerTextOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value).toString();
  if (typeof value === 'bigint') return value.toString();
  return undefined;
}

function utf8Base64(value: string): string {
  const bytes = new TextEncoder().encode(value);
  let binary = '';
  // Chunked so a long value never overflows the argument list of fromCharCode.
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
