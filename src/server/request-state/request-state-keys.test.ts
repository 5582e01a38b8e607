// Key ring configuration: short or unreadable secrets, bad or duplicate ids and an empty ring are
// refused at construction with errors that name the key but never echo the secret.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../jsonrpc/errors.js';
import { decodeBase64Url } from './base64url.js';
import { RequestStateCodec } from './request-state-codec.js';
import {
  generateRequestStateSecret,
  isValidRequestStateKeyId,
  MIN_REQUEST_STATE_SECRET_BYTES,
  processLocalRequestStateKey,
} from './request-state-keys.js';

const binding = { method: 'tools/call', params: { name: 'greet' } };

function codecWith(id: string, secret: Uint8Array | string): RequestStateCodec {
  return new RequestStateCodec({ keys: [{ id, secret }] });
}

describe('request state secrets', () => {
  it('refuses a secret shorter than 32 bytes, saying how long it must be', () => {
    const short = 'c2hvcnQtYnV0LW5vdC1zaG9ydC1lbm91Z2gtISE'; // 29 bytes
    expect(() => codecWith('k1', short)).toThrow(UsageError);
    expect(() => codecWith('k1', short)).toThrow(/at least 32 random bytes/);
    expect(() => codecWith('k1', new Uint8Array(31))).toThrow(/31 bytes/);
    expect(() => codecWith('k1', short)).not.toThrow(new RegExp(short));
    expect(() => codecWith('k1', new Uint8Array(32))).not.toThrow();
  });

  it('refuses a secret string that is not base64url without echoing it', () => {
    const secret = 'this is a passphrase, not base64url text!!!!';
    expect(() => codecWith('k1', secret)).toThrow(/not base64url/);
    expect(() => codecWith('k1', secret)).not.toThrow(/passphrase/);
  });

  it('refuses a secret of another type', () => {
    expect(() => codecWith('k1', 42 as unknown as string)).toThrow(UsageError);
  });

  it('reads standard base64 with padding as the same bytes as base64url', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    bytes[0] = 0xfb; // forces '+' or '/' in standard base64
    bytes[1] = 0xff;
    const standard = Buffer.from(bytes).toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(standard.endsWith('=')).toBe(true);
    const sealed = await codecWith('k1', standard).seal('x', binding);
    const opened = await codecWith('k1', bytes).unseal(sealed, binding);
    expect(opened.ok).toBe(true);
  });

  it('generates 32 fresh random bytes as base64url text', () => {
    const secret = generateRequestStateSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(decodeBase64Url(secret)?.length).toBe(MIN_REQUEST_STATE_SECRET_BYTES);
    expect(generateRequestStateSecret()).not.toBe(secret);
    expect(() => codecWith('k1', secret)).not.toThrow();
  });
});

describe('request state key ids', () => {
  it('accepts visible ASCII without dots, up to 64 characters', () => {
    for (const id of ['k1', '2026-08', 'a_b~c!', 'x'.repeat(64), '!~']) {
      expect(isValidRequestStateKeyId(id), id).toBe(true);
    }
    for (const id of ['', 'a.b', 'a b', 'caf\u00e9', 'tab\t', 'x'.repeat(65), '\u007f']) {
      expect(isValidRequestStateKeyId(id), id).toBe(false);
      expect(() => codecWith(id, generateRequestStateSecret())).toThrow(UsageError);
    }
  });

  it('refuses an empty ring and a key id configured twice', () => {
    expect(() => new RequestStateCodec({ keys: [] })).toThrow(/empty/);
    const secret = generateRequestStateSecret();
    expect(
      () =>
        new RequestStateCodec({
          keys: [
            { id: 'k1', secret },
            { id: 'k1', secret: generateRequestStateSecret() },
          ],
        }),
    ).toThrow(/twice/);
  });
});

describe('processLocalRequestStateKey', () => {
  it('is one random key for the whole process, with a valid random id', async () => {
    const first = processLocalRequestStateKey();
    const second = processLocalRequestStateKey();
    expect(isValidRequestStateKeyId(first.id)).toBe(true);
    expect(first.id).toMatch(/^local-[A-Za-z0-9_-]{8}$/);
    expect(second).toEqual(first);
    const sealed = await new RequestStateCodec({ keys: [first] }).seal(1, binding);
    const opened = await new RequestStateCodec({ keys: [second] }).unseal(sealed, binding);
    expect(opened.ok).toBe(true);
  });

  it('hands out copies, so a caller cannot change the process key', () => {
    const key = processLocalRequestStateKey();
    (key.secret as Uint8Array).fill(0);
    expect(processLocalRequestStateKey().secret).not.toEqual(new Uint8Array(32));
  });

  it('keeps the configured bytes even if the caller later overwrites its array', async () => {
    const bytes = crypto.getRandomValues(new Uint8Array(32));
    const copy = bytes.slice();
    const codec = codecWith('k1', bytes);
    bytes.fill(0);
    const sealed = await codec.seal('x', binding);
    expect((await codecWith('k1', copy).unseal(sealed, binding)).ok).toBe(true);
  });
});
