// The value encoding of request-metadata headers: the spec's table, and properties that keep a
// header from ever carrying a control character or an ambiguous plain value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeHeaderValue, headerTextOf, isPlainHeaderValue } from './header-value-encoding.js';

function decode(value: string): string {
  const match = /^=\?base64\?(.*)\?=$/.exec(value);
  if (match === null) return value;
  const binary = atob(match[1]!);
  return new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)));
}

describe('encodeHeaderValue', () => {
  it.each([
    ['us-west1', 'us-west1'],
    ['Hello, 世界', '=?base64?SGVsbG8sIOS4lueVjA==?='],
    [' padded ', '=?base64?IHBhZGRlZCA=?='],
    ['line1\nline2', '=?base64?bGluZTEKbGluZTI=?='],
    ['=?base64?literal?=', '=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?='],
  ])('encodes %j as the spec table says', (value, encoded) => {
    expect(encodeHeaderValue(value)).toBe(encoded);
  });

  it('encodes carriage returns, NUL, tabs and DEL', () => {
    for (const value of ['a\rb', 'a\0b', 'a\tb', 'a\x7fb', 'a\r\nX-Injected: 1']) {
      expect(isPlainHeaderValue(value)).toBe(false);
      expect(encodeHeaderValue(value).startsWith('=?base64?')).toBe(true);
    }
  });

  it('keeps inner spaces and a lone sentinel prefix plain', () => {
    expect(encodeHeaderValue('a b')).toBe('a b');
    expect(encodeHeaderValue('=?base64?abc')).toBe('=?base64?abc');
  });

  it('always yields visible ASCII that decodes back to the value', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (value) => {
        const encoded = encodeHeaderValue(value);
        expect(encoded).toMatch(/^[\x20-\x7e]*$/);
        expect(decode(encoded)).toBe(value);
      }),
    );
  });
});

describe('headerTextOf', () => {
  it('converts strings, integers and booleans, and nothing else', () => {
    expect(headerTextOf('x')).toBe('x');
    expect(headerTextOf(42)).toBe('42');
    expect(headerTextOf(-7)).toBe('-7');
    expect(headerTextOf(true)).toBe('true');
    expect(headerTextOf(false)).toBe('false');
    expect(headerTextOf(1.5)).toBeUndefined();
    expect(headerTextOf(null)).toBeUndefined();
    expect(headerTextOf({ a: 1 })).toBeUndefined();
    expect(headerTextOf(undefined)).toBeUndefined();
  });
});
