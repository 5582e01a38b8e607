// Unguessable identifiers for sessions and streams (SECURITY T12, d.5): bits from the platform
// CSPRNG as lowercase hex, which is visible ASCII and safe in headers, URLs and SSE event ids.

/** `bytes` random bytes (default 16, i.e. 128 bits) as lowercase hex. */
export function randomId(bytes = 16): string {
  const buffer = crypto.getRandomValues(new Uint8Array(bytes));
  let id = '';
  for (const byte of buffer) id += byte.toString(16).padStart(2, '0');
  return id;
}
