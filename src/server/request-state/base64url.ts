// Base64url (RFC 4648 §5, no padding) without Node's Buffer. Decoding is strict: one text per
// byte string, so no character of a sealed state can change without changing its bytes.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** Character code → 6-bit value, or -1 for characters outside the alphabet. */
const VALUE_OF = ((): Int8Array => {
  const table = new Int8Array(128).fill(-1);
  for (let index = 0; index < ALPHABET.length; index++) table[ALPHABET.charCodeAt(index)] = index;
  return table;
})();

export function encodeBase64Url(bytes: Uint8Array): string {
  let text = '';
  let index = 0;
  for (; index + 2 < bytes.length; index += 3) {
    const triple = (bytes[index]! << 16) | (bytes[index + 1]! << 8) | bytes[index + 2]!;
    text +=
      ALPHABET[triple >>> 18]! +
      ALPHABET[(triple >>> 12) & 63]! +
      ALPHABET[(triple >>> 6) & 63]! +
      ALPHABET[triple & 63]!;
  }
  const rest = bytes.length - index;
  if (rest === 1) {
    const single = bytes[index]!;
    text += ALPHABET[single >>> 2]! + ALPHABET[(single & 3) << 4]!;
  } else if (rest === 2) {
    const pair = (bytes[index]! << 8) | bytes[index + 1]!;
    text += ALPHABET[pair >>> 10]! + ALPHABET[(pair >>> 4) & 63]! + ALPHABET[(pair & 15) << 2]!;
  }
  return text;
}

/**
 * The bytes of unpadded base64url `text`, or `undefined` if it is not the canonical encoding of
 * some byte string: a character outside the alphabet, padding, an impossible length (4n + 1), or
 * non-zero unused bits in the last character (which a lenient decoder would silently ignore).
 */
export function decodeBase64Url(text: string): Uint8Array<ArrayBuffer> | undefined {
  const rest = text.length % 4;
  if (rest === 1) return undefined;
  const bytes = new Uint8Array(((text.length - rest) / 4) * 3 + (rest === 0 ? 0 : rest - 1));
  let accumulator = 0;
  let bits = 0;
  let written = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    const value = code < 128 ? VALUE_OF[code]! : -1;
    if (value < 0) return undefined;
    accumulator = ((accumulator << 6) | value) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[written++] = (accumulator >>> bits) & 0xff;
    }
  }
  if ((accumulator & ((1 << bits) - 1)) !== 0) return undefined;
  return bytes;
}
