// Decoding of request-metadata header values (streamable-http.mdx, "Value Encoding" examples).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMcpHeaderValue } from './mcp-header-value.js';

function encode(value: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(value)) binary += String.fromCharCode(byte);
  return `=?base64?${btoa(binary)}?=`;
}

describe('decodeMcpHeaderValue', () => {
  it.each([
    ['us-west1', 'us-west1'],
    ['=?base64?SGVsbG8sIOS4lueVjA==?=', 'Hello, 世界'],
    ['=?base64?IHBhZGRlZCA=?=', ' padded '],
    ['=?base64?bGluZTEKbGluZTI=?=', 'line1\nline2'],
    ['=?base64?PT9iYXNlNjQ/bGl0ZXJhbD89?=', '=?base64?literal?='],
    ['=?base64??=', ''],
  ])('%j means %j', (raw, value) => {
    expect(decodeMcpHeaderValue(raw)).toBe(value);
  });

  it.each([
    ['a\u0000b'],
    ['caf\u00e9'],
    ['line\u000bbreak'],
    ['=?base64?not base64?='],
    ['=?base64?SGVsbG8?='],
    ['=?base64?//79?='], // bytes that are not UTF-8
  ])('refuses %j', (raw) => {
    expect(decodeMcpHeaderValue(raw)).toBeUndefined();
  });

  it('keeps the sentinel markers case-sensitive: other spellings are plain values', () => {
    expect(decodeMcpHeaderValue('=?BASE64?SGk=?=')).toBe('=?BASE64?SGk=?=');
  });

  it('decodes what a client encodes, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (value) => {
        expect(decodeMcpHeaderValue(encode(value))).toBe(value);
      }),
      { numRuns: 500 },
    );
  });
});
