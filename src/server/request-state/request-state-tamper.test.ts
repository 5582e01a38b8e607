// Tampering: no single-bit change to a sealed state, anywhere, is ever accepted; changes to the
// sealed bytes are caught by authentication, changes to the text by parsing or authentication.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import type { RequestStateBinding } from './request-binding.js';
import { RequestStateCodec } from './request-state-codec.js';
import { generateRequestStateSecret } from './request-state-keys.js';

const binding: RequestStateBinding = {
  method: 'tools/call',
  params: { name: 'transfer', arguments: { amount: 10 } },
  principal: 'user-alice',
};

const states = new RequestStateCodec({
  keys: [{ id: 'k1', secret: generateRequestStateSecret() }],
  now: () => 1_000_000,
});

async function outcome(state: string): Promise<string> {
  const result = await states.unseal(state, binding);
  return result.ok ? 'accepted' : result.reason;
}

describe('tampering with a sealed state', () => {
  it('rejects every single-bit flip of every character', async () => {
    // An odd payload length leaves unused bits in the last character: the strict decoder must
    // refuse them, or flipping them would go unnoticed.
    const state = await states.seal({ approved: false, limit: 5 }, binding);
    expect(decodeBase64Url(state.split('.')[2]!)!.length % 3).not.toBe(0);
    const outcomes = new Set<string>();
    for (let position = 0; position < state.length; position++) {
      for (let bit = 0; bit < 16; bit++) {
        const code = state.charCodeAt(position) ^ (1 << bit);
        const changed =
          state.slice(0, position) + String.fromCharCode(code) + state.slice(position + 1);
        const result = await outcome(changed);
        expect(['malformed', 'unknown-key', 'tampered'], `char ${position}, bit ${bit}`).toContain(
          result,
        );
        outcomes.add(result);
      }
    }
    expect(outcomes).toEqual(new Set(['malformed', 'unknown-key', 'tampered']));
  });

  it('reports every bit flip of the IV, ciphertext or tag as tampered', async () => {
    const state = await states.seal({ approved: false }, binding);
    const [version, keyId, body] = state.split('.');
    const sealed = decodeBase64Url(body!)!;
    for (let index = 0; index < sealed.length; index++) {
      for (let bit = 0; bit < 8; bit++) {
        const changed = sealed.slice();
        changed[index]! ^= 1 << bit;
        const result = await outcome(`${version}.${keyId}.${encodeBase64Url(changed)}`);
        expect(result, `byte ${index}, bit ${bit}`).toBe('tampered');
      }
    }
  });

  it('rejects every truncation and any extension', async () => {
    const state = await states.seal('short', binding);
    for (let length = 0; length < state.length; length++) {
      expect(await outcome(state.slice(0, length)), `length ${length}`).not.toBe('accepted');
    }
    for (const suffix of ['A', 'AA', 'AAAA', '.', '=']) {
      expect(await outcome(state + suffix)).not.toBe('accepted');
    }
  });

  it('rejects any change of body characters, and random forgeries', async () => {
    const state = await states.seal({ approved: false }, binding);
    const prefix = 'v1.k1.';
    const body = state.slice(prefix.length);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: body.length - 1 }), fc.constantFrom(...alphabet)), {
          minLength: 1,
          maxLength: 4,
        }),
        async (edits) => {
          const chars = [...body];
          for (const [position, char] of edits) chars[position] = char;
          const changed = chars.join('');
          fc.pre(changed !== body);
          expect(['malformed', 'tampered']).toContain(await outcome(prefix + changed));
        },
      ),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ minLength: 28, maxLength: 200 }), async (bytes) => {
        expect(await outcome(prefix + encodeBase64Url(bytes))).toBe('tampered');
      }),
      { numRuns: 200 },
    );
  });

  it('cannot be spliced: the body of one state under another header is rejected', async () => {
    const other = new RequestStateCodec({
      keys: [{ id: 'k2', secret: generateRequestStateSecret() }],
    });
    const foreign = await other.seal({ approved: true }, binding);
    const body = foreign.split('.')[2]!;
    expect(await outcome(`v1.k1.${body}`)).toBe('tampered');
  });
});
