// Base64url codec: agrees with Node's encoder, round-trips every byte string, and refuses every
// text that is not the one canonical encoding of its bytes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

describe('base64url', () => {
  it("encodes as Node's Buffer does and decodes back", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (bytes) => {
        const text = encodeBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(decodeBase64Url(text)).toEqual(bytes);
      }),
    );
  });

  it('decodes the empty text to no bytes', () => {
    expect(decodeBase64Url('')).toEqual(new Uint8Array(0));
  });

  it('refuses characters outside the alphabet, padding and impossible lengths', () => {
    for (const text of ['AA==', 'AA=', 'A+B/', 'AB CD', 'ABC\u00e9', 'ABCDE', 'A', 'AB.C']) {
      expect(decodeBase64Url(text), text).toBeUndefined();
    }
  });

  it('refuses a last character with non-zero unused bits, so one byte string has one text', () => {
    // 'AA' is [0]; 'AB' would decode to [0] too under a lenient decoder.
    expect(decodeBase64Url('AA')).toEqual(new Uint8Array([0]));
    expect(decodeBase64Url('AB')).toBeUndefined();
    expect(decodeBase64Url('AAA')).toEqual(new Uint8Array([0, 0]));
    expect(decodeBase64Url('AAB')).toBeUndefined();
  });

  it('accepts exactly the texts it produces', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'AQgw-_Zz09+/=.'), maxLength: 12 }),
        (text) => {
          const bytes = decodeBase64Url(text);
          if (bytes !== undefined) expect(encodeBase64Url(bytes)).toBe(text);
        },
      ),
    );
  });
});
