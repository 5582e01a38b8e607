// Sealing and opening request states: round trip, binding to method/params/principal, expiry,
// key rotation, several processes sharing a key, size limits and the pinned wire format.
import { describe, expect, it, vi } from 'vitest';
import { ProtocolError, LimitExceededError, UsageError } from '../../jsonrpc/errors.js';
import type { JsonValue } from '../../spec/jsonrpc.js';
import { decodeBase64Url } from './base64url.js';
import type { RequestStateBinding } from './request-binding.js';
import { salientRequestParams } from './request-binding.js';
import type { UnsealRequestStateResult } from './request-state-codec.js';
import {
  DEFAULT_MAX_REQUEST_STATE_LENGTH,
  DEFAULT_REQUEST_STATE_TTL_MS,
  RequestStateCodec,
} from './request-state-codec.js';
import { requestStateFailureToProtocolError } from './request-state-failure.js';
import type { RequestStateFailureReason } from './request-state-failure.js';
import { generateRequestStateSecret } from './request-state-keys.js';

const binding: RequestStateBinding = {
  method: 'tools/call',
  params: { name: 'book-flight', arguments: { from: 'CDG', to: 'NRT', passengers: [1, 2] } },
  principal: 'user-alice',
};

const payload: JsonValue = { answers: { confirm: { action: 'accept', content: { ok: true } } } };

function codec(options: Partial<ConstructorParameters<typeof RequestStateCodec>[0]> = {}) {
  return new RequestStateCodec({ keys: [{ id: 'k1', secret: SECRET }], ...options });
}
const SECRET = generateRequestStateSecret();

function expectFailure(result: UnsealRequestStateResult, reason: RequestStateFailureReason): void {
  expect(result.ok ? 'ok' : result.reason).toBe(reason);
}

describe('RequestStateCodec round trip', () => {
  it('opens what it sealed, with payload, key id and times', async () => {
    const clock = { now: 1_800_000_000_123 };
    const states = codec({ now: () => clock.now });
    const state = await states.seal(payload, binding);
    expect(state).toMatch(/^v1\.k1\.[A-Za-z0-9_-]+$/);
    expect(await states.unseal(state, binding)).toEqual({
      ok: true,
      payload,
      keyId: 'k1',
      issuedAt: clock.now,
      expiresAt: clock.now + DEFAULT_REQUEST_STATE_TTL_MS,
    });
  });

  it('round-trips every kind of JSON payload', async () => {
    const states = codec();
    for (const value of [
      null,
      0,
      -1.5,
      '',
      'text \u2603 \ud83d\ude00',
      true,
      [],
      {},
      [[{ a: [] }]],
    ]) {
      const opened = await states.unseal(await states.seal(value, binding), binding);
      expect(opened.ok && opened.payload).toEqual(value);
    }
  });

  it('hides the payload: its text appears nowhere in the state, not even after decoding', async () => {
    const marker = 'VERY-SECRET-MARKER-1234567890';
    const state = await codec().seal({ note: marker }, binding);
    expect(state).not.toContain(marker);
    const bytes = decodeBase64Url(state.split('.')[2]!)!;
    expect(Buffer.from(bytes).toString('latin1')).not.toContain(marker);
  });

  it('gives a different state for the same payload every time (random IV)', async () => {
    const states = codec({ now: () => 1_000 });
    const first = await states.seal(payload, binding);
    const second = await states.seal(payload, binding);
    expect(first).not.toBe(second);
    expect(first.split('.')[2]!.slice(0, 16)).not.toBe(second.split('.')[2]!.slice(0, 16));
  });

  it('produces 10 000 unique states', async () => {
    const states = codec({ now: () => 1_000 });
    const seen = new Set<string>();
    for (let batch = 0; batch < 10; batch++) {
      const sealed = await Promise.all(
        Array.from({ length: 1_000 }, () => states.seal('same', binding)),
      );
      for (const state of sealed) seen.add(state);
    }
    expect(seen.size).toBe(10_000);
  });
});

describe('RequestStateCodec binding', () => {
  it('refuses the state for another principal, or when anonymous', async () => {
    const states = codec();
    const state = await states.seal(payload, binding);
    expectFailure(
      await states.unseal(state, { ...binding, principal: 'user-mallory' }),
      'wrong-request',
    );
    expectFailure(
      await states.unseal(state, { ...binding, principal: undefined }),
      'wrong-request',
    );
    expectFailure(
      await states.unseal(state, { method: binding.method, params: binding.params }),
      'wrong-request',
    );
  });

  it('tells an anonymous caller apart from a principal named "null" or ""', async () => {
    const states = codec();
    const anonymous = await states.seal(payload, { method: 'tools/call', params: {} });
    expectFailure(
      await states.unseal(anonymous, { method: 'tools/call', params: {}, principal: 'null' }),
      'wrong-request',
    );
    expectFailure(
      await states.unseal(anonymous, { method: 'tools/call', params: {}, principal: '' }),
      'wrong-request',
    );
    expect((await states.unseal(anonymous, { method: 'tools/call', params: {} })).ok).toBe(true);
  });

  it('refuses the state for another method', async () => {
    const states = codec();
    const state = await states.seal(payload, binding);
    expectFailure(
      await states.unseal(state, { ...binding, method: 'prompts/get' }),
      'wrong-request',
    );
  });

  it('refuses the state for other params', async () => {
    const states = codec();
    const state = await states.seal(payload, binding);
    const others: JsonValue[] = [
      { name: 'book-flight', arguments: { from: 'CDG', to: 'LHR', passengers: [1, 2] } },
      { name: 'book-flight', arguments: { from: 'CDG', to: 'NRT', passengers: [2, 1] } },
      { name: 'book-flight', arguments: { from: 'CDG', to: 'NRT', passengers: [1, 2], x: 0 } },
      { name: 'cancel-flight', arguments: { from: 'CDG', to: 'NRT', passengers: [1, 2] } },
      {},
      null,
    ];
    for (const params of others) {
      expectFailure(await states.unseal(state, { ...binding, params }), 'wrong-request');
    }
  });

  it('accepts the same params with keys in another order', async () => {
    const states = codec();
    const state = await states.seal(payload, binding);
    const reordered = {
      arguments: { passengers: [1, 2], to: 'NRT', from: 'CDG' },
      name: 'book-flight',
    };
    expect((await states.unseal(state, { ...binding, params: reordered })).ok).toBe(true);
  });

  it('binds what survives a retry when given salientRequestParams', async () => {
    const states = codec();
    const first = { _meta: { progressToken: 1 }, name: 'book-flight', arguments: { to: 'NRT' } };
    const retry = {
      arguments: { to: 'NRT' },
      name: 'book-flight',
      _meta: { progressToken: 2 },
      inputResponses: { confirm: { action: 'accept' } },
      requestState: 'v1.k1.xxx',
    };
    expect(salientRequestParams(retry)).toEqual({ arguments: { to: 'NRT' }, name: 'book-flight' });
    const state = await states.seal(payload, {
      method: 'tools/call',
      params: salientRequestParams(first),
    });
    const opened = await states.unseal(state, {
      method: 'tools/call',
      params: salientRequestParams(retry),
    });
    expect(opened.ok).toBe(true);
  });
});

describe('RequestStateCodec expiry', () => {
  it('accepts a state until its TTL has passed, then refuses it as expired', async () => {
    const clock = { now: 5_000_000 };
    const states = codec({ now: () => clock.now, ttlMs: 60_000 });
    const state = await states.seal(payload, binding);
    clock.now += 59_999;
    expect((await states.unseal(state, binding)).ok).toBe(true);
    clock.now += 1;
    expectFailure(await states.unseal(state, binding), 'expired');
  });

  it('uses a 10-minute TTL by default', async () => {
    const clock = { now: 0 };
    const states = codec({ now: () => clock.now });
    const state = await states.seal(payload, binding);
    clock.now = 10 * 60 * 1000 - 1;
    expect((await states.unseal(state, binding)).ok).toBe(true);
    clock.now = 10 * 60 * 1000;
    expectFailure(await states.unseal(state, binding), 'expired');
  });

  it('keeps the expiry the sealing server chose, whatever TTL the opening server has', async () => {
    const clock = { now: 0 };
    const short = codec({ now: () => clock.now, ttlMs: 1_000 });
    const long = codec({ now: () => clock.now, ttlMs: 3_600_000 });
    const state = await short.seal(payload, binding);
    clock.now = 1_000;
    expectFailure(await long.unseal(state, binding), 'expired');
  });

  it('refuses bad options and a broken clock', async () => {
    for (const ttlMs of [0, -1, 1.5, NaN, Infinity]) {
      expect(() => codec({ ttlMs })).toThrow(UsageError);
    }
    for (const maxStateLength of [0, -5, 2.5]) {
      expect(() => codec({ maxStateLength })).toThrow(UsageError);
    }
    await expect(codec({ now: () => NaN }).seal(1, binding)).rejects.toThrow(UsageError);
  });
});

describe('RequestStateCodec key rotation', () => {
  const oldKey = { id: 'old', secret: generateRequestStateSecret() };
  const newKey = { id: 'new', secret: generateRequestStateSecret() };

  it('opens states of the old key once a new key is put first, and seals with the new key', async () => {
    const before = new RequestStateCodec({ keys: [oldKey] });
    const during = new RequestStateCodec({ keys: [newKey, oldKey] });
    const oldState = await before.seal(payload, binding);
    const opened = await during.unseal(oldState, binding);
    expect(opened.ok && opened.keyId).toBe('old');
    const newState = await during.seal(payload, binding);
    expect(newState.startsWith('v1.new.')).toBe(true);
    expect((await before.unseal(newState, binding)).ok).toBe(false);
  });

  it('refuses states of a key that was removed as unknown-key', async () => {
    const before = new RequestStateCodec({ keys: [oldKey] });
    const after = new RequestStateCodec({ keys: [newKey] });
    expectFailure(await after.unseal(await before.seal(payload, binding), binding), 'unknown-key');
  });

  it('refuses a state relabelled with another key id it holds as tampered', async () => {
    const ring = new RequestStateCodec({ keys: [newKey, oldKey] });
    const state = await ring.seal(payload, binding);
    expectFailure(await ring.unseal(state.replace('v1.new.', 'v1.old.'), binding), 'tampered');
  });

  it('derives different keys for one secret under two ids', async () => {
    const secret = generateRequestStateSecret();
    const a = new RequestStateCodec({ keys: [{ id: 'a', secret }] });
    const both = new RequestStateCodec({
      keys: [
        { id: 'a', secret },
        { id: 'b', secret },
      ],
    });
    const state = await a.seal(payload, binding);
    expect((await both.unseal(state, binding)).ok).toBe(true);
    expectFailure(await both.unseal(state.replace('v1.a.', 'v1.b.'), binding), 'tampered');
  });
});

describe('RequestStateCodec across processes', () => {
  it('two codecs built from the same configured secret accept each other’s states', async () => {
    const secret = generateRequestStateSecret();
    const replicaA = new RequestStateCodec({ keys: [{ id: 'shared', secret }] });
    const replicaB = new RequestStateCodec({
      keys: [{ id: 'shared', secret: decodeBase64Url(secret)! }],
    });
    const fromA = await replicaA.seal(payload, binding);
    const fromB = await replicaB.seal(payload, binding);
    expect(await replicaB.unseal(fromA, binding)).toMatchObject({ ok: true, payload });
    expect(await replicaA.unseal(fromB, binding)).toMatchObject({ ok: true, payload });
  });

  it('a codec with another secret under the same id refuses the state as tampered', async () => {
    const replicaA = new RequestStateCodec({
      keys: [{ id: 'shared', secret: generateRequestStateSecret() }],
    });
    const replicaB = new RequestStateCodec({
      keys: [{ id: 'shared', secret: generateRequestStateSecret() }],
    });
    expectFailure(
      await replicaB.unseal(await replicaA.seal(payload, binding), binding),
      'tampered',
    );
  });
});

describe('RequestStateCodec size limit', () => {
  it('refuses an oversized state as too-large before decoding or decrypting it', async () => {
    const states = codec({ maxStateLength: 1_000 });
    const decrypt = vi.spyOn(globalThis.crypto.subtle, 'decrypt');
    try {
      // Garbage that would be "malformed" if it were read at all.
      expectFailure(await states.unseal('\u0000'.repeat(1_001), binding), 'too-large');
      const big = await codec({ maxStateLength: 100_000 }).seal('x'.repeat(2_000), binding);
      expectFailure(await states.unseal(big, binding), 'too-large');
      expect(decrypt).not.toHaveBeenCalled();
    } finally {
      decrypt.mockRestore();
    }
  });

  it('defaults to 256 KiB of state text', async () => {
    expect(DEFAULT_MAX_REQUEST_STATE_LENGTH).toBe(262_144);
    const states = codec();
    expectFailure(await states.unseal('v1.k1.' + 'A'.repeat(262_144), binding), 'too-large');
    expectFailure(await states.unseal('v1.k1.' + 'A'.repeat(262_136), binding), 'tampered');
  });

  it('refuses to seal a state that would exceed the limit', async () => {
    const states = codec({ maxStateLength: 500 });
    await expect(states.seal('x'.repeat(1_000), binding)).rejects.toThrow(LimitExceededError);
    const fits = await states.seal('x'.repeat(100), binding);
    expect(fits.length).toBeLessThanOrEqual(500);
  });
});

describe('RequestStateCodec failures', () => {
  it('classifies inputs that are not states at all as malformed', async () => {
    const states = codec();
    const valid = await states.seal(payload, binding);
    const [, , body] = valid.split('.');
    const inputs: unknown[] = [
      undefined,
      null,
      42,
      {},
      ['v1.k1.x'],
      '',
      'v1',
      'v1.k1',
      'v1..' + body,
      'v2.k1.' + body,
      'V1.k1.' + body,
      'v1.k 1.' + body,
      'v1.k1.' + body + '=',
      'v1.k1.' + body + '.x',
      'v1.k1.' + body!.slice(0, 37),
      'v1.k1.AAAA',
    ];
    for (const input of inputs) {
      expectFailure(await states.unseal(input, binding), 'malformed');
    }
  });

  it('uses fixed messages that reveal nothing about keys or payload', async () => {
    const secretId = 'key-id-should-not-leak';
    const states = new RequestStateCodec({
      keys: [{ id: secretId, secret: SECRET }],
      now: () => 0,
      ttlMs: 1,
      maxStateLength: 2_000,
    });
    const marker = 'payload-should-not-leak';
    const state = await states.seal({ marker }, binding);
    const [, , body] = state.split('.');
    const flipped = body!.startsWith('A') ? 'B' + body!.slice(1) : 'A' + body!.slice(1);
    const failures = [
      await states.unseal('nope', binding),
      await new RequestStateCodec({ keys: [{ id: 'other', secret: SECRET }] }).unseal(
        state,
        binding,
      ),
      await states.unseal(`v1.${secretId}.${flipped}`, binding),
      await new RequestStateCodec({
        keys: [{ id: secretId, secret: SECRET }],
        now: () => 10,
      }).unseal(state, binding),
      await states.unseal(state, { ...binding, principal: 'someone-else' }),
      await states.unseal('x'.repeat(2_001), binding),
    ];
    expect(failures.map((failure) => (failure.ok ? 'ok' : failure.reason))).toEqual([
      'malformed',
      'unknown-key',
      'tampered',
      'expired',
      'wrong-request',
      'too-large',
    ]);
    for (const failure of failures) {
      if (failure.ok) continue;
      for (const leak of [
        secretId,
        SECRET,
        marker,
        'user-alice',
        'someone-else',
        body!.slice(0, 8),
      ]) {
        expect(failure.message).not.toContain(leak);
      }
      expect(failure.message).toMatch(/^Invalid requestState/);
    }
  });

  it('maps a failure to -32602 Invalid params with the reason as data', async () => {
    const failure = await codec().unseal('garbage', binding);
    if (failure.ok) throw new Error('expected a failure');
    const error = requestStateFailureToProtocolError(failure);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error.toJson()).toEqual({
      code: -32602,
      message: failure.message,
      data: { reason: 'malformed' },
    });
  });
});

describe('RequestStateCodec wire format', () => {
  it('is AES-256-GCM under an HKDF-SHA-256 key, IV first, header as associated data', async () => {
    const secretBytes = crypto.getRandomValues(new Uint8Array(32));
    const states = new RequestStateCodec({
      keys: [{ id: 'pin', secret: secretBytes }],
      now: () => 1234,
    });
    const state = await states.seal({ hello: 'world' }, binding);
    const [version, keyId, body] = state.split('.');
    expect([version, keyId]).toEqual(['v1', 'pin']);
    const sealed = decodeBase64Url(body!)!;

    const material = await crypto.subtle.importKey('raw', secretBytes, 'HKDF', false, [
      'deriveKey',
    ]);
    const key = await crypto.subtle.deriveKey(
      {
        name: 'HKDF',
        hash: 'SHA-256',
        salt: new Uint8Array(0),
        info: new TextEncoder().encode('mcpkit/request-state/v1/aes-256-gcm/pin'),
      },
      material,
      { name: 'AES-GCM', length: 256 },
      false,
      ['decrypt'],
    );
    const plaintext = await crypto.subtle.decrypt(
      {
        name: 'AES-GCM',
        iv: sealed.subarray(0, 12),
        additionalData: new TextEncoder().encode('v1.pin'),
      },
      key,
      sealed.subarray(12),
    );
    const contents = JSON.parse(new TextDecoder().decode(plaintext));
    expect(contents).toMatchObject({ p: { hello: 'world' }, iat: 1234, exp: 1234 + 600_000 });
    expect(contents.b).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});
