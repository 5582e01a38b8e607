// Seals and opens MRTR `requestState` (2026-07-28): AES-256-GCM under a rotating key ring, with
// expiry and a binding to the originating request inside, so the client can neither read nor forge it.
import { LimitExceededError, UsageError } from '../../jsonrpc/errors.js';
import type { JsonValue } from '../../spec/jsonrpc.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';
import type { RequestStateBinding } from './request-binding.js';
import { requestBindingDigest } from './request-binding.js';
import type { RequestStateFailure } from './request-state-failure.js';
import { requestStateFailure } from './request-state-failure.js';
import type { RequestStateKey } from './request-state-keys.js';
import { isValidRequestStateKeyId, RequestStateKeyRing } from './request-state-keys.js';

/** Ten minutes: long enough for a person to answer a form, short enough to bound replay. */
export const DEFAULT_REQUEST_STATE_TTL_MS = 10 * 60 * 1000;

/** 256 KiB of state text; anything longer is refused before it is decoded. */
export const DEFAULT_MAX_REQUEST_STATE_LENGTH = 256 * 1024;

const FORMAT_VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface RequestStateCodecOptions {
  /**
   * The key ring. The first key seals; every key opens. To rotate: put the new key first and keep
   * the old one after it until the states it sealed have expired (one TTL), then drop it. Rotate
   * well before 2^32 seals under one key (the safe bound for random 96-bit GCM nonces).
   */
  readonly keys: readonly RequestStateKey[];
  /** How long a sealed state stays valid, in milliseconds. Default 10 minutes. */
  readonly ttlMs?: number;
  /** The longest state text accepted or produced, in characters. Default 262 144 (256 KiB). */
  readonly maxStateLength?: number;
  /** Milliseconds since the epoch; inject a fake clock in tests. Default `Date.now`. */
  readonly now?: () => number;
}

/** A state that verified: its payload and when it was sealed, by which key. */
export interface UnsealedRequestState {
  readonly ok: true;
  readonly payload: JsonValue;
  /** The key that sealed it; a state under an old key is a sign rotation is still in progress. */
  readonly keyId: string;
  readonly issuedAt: number;
  readonly expiresAt: number;
}

export type UnsealRequestStateResult = UnsealedRequestState | RequestStateFailure;

/** The authenticated plaintext: binding digest, expiry, issue time, payload. */
interface SealedContents {
  b: string;
  exp: number;
  iat: number;
  p: JsonValue;
}

/**
 * Turns a JSON payload into an opaque `requestState` string and back. A state is
 * `v1.<keyId>.<base64url(iv ‖ ciphertext ‖ tag)>`; the `v1.<keyId>` header is the additional
 * authenticated data, and the plaintext holds the payload, issue and expiry times and a SHA-256
 * digest of the request it belongs to.
 *
 * Every process that may receive the retry must hold the sealing key: behind a load balancer,
 * give all replicas the same configured keys (see `processLocalRequestStateKey` for the
 * single-process default). A sealed state is not single-use: where a state must be redeemed at
 * most once, record its use server-side.
 */
export class RequestStateCodec {
  readonly ttlMs: number;
  readonly maxStateLength: number;
  readonly #ring: RequestStateKeyRing;
  readonly #now: () => number;

  /** Throws a `UsageError` for a bad key ring or option, so misconfiguration fails at startup. */
  constructor(options: RequestStateCodecOptions) {
    this.ttlMs = options.ttlMs ?? DEFAULT_REQUEST_STATE_TTL_MS;
    if (!Number.isSafeInteger(this.ttlMs) || this.ttlMs <= 0) {
      throw new UsageError('Request state ttlMs must be a positive whole number of milliseconds');
    }
    this.maxStateLength = options.maxStateLength ?? DEFAULT_MAX_REQUEST_STATE_LENGTH;
    if (!Number.isSafeInteger(this.maxStateLength) || this.maxStateLength <= 0) {
      throw new UsageError('Request state maxStateLength must be a positive whole number');
    }
    this.#now = options.now ?? Date.now;
    this.#ring = new RequestStateKeyRing(options.keys);
  }

  /**
   * Seals `payload` for the request described by `binding`. Throws a `TypeError` if the payload
   * is not JSON, and a `LimitExceededError` if the state would exceed `maxStateLength` (it would
   * be refused on the retry anyway).
   */
  async seal(payload: JsonValue, binding: RequestStateBinding): Promise<string> {
    if (payload === undefined) throw new TypeError('Request state payload must be a JSON value');
    const keyId = this.#ring.sealingKeyId;
    const key = await this.#ring.get(keyId)!;
    const issuedAt = this.#currentTime();
    const contents: SealedContents = {
      b: encodeBase64Url(await requestBindingDigest(binding)),
      exp: issuedAt + this.ttlMs,
      iat: issuedAt,
      p: payload,
    };
    const plaintext = new TextEncoder().encode(JSON.stringify(contents));
    const header = `${FORMAT_VERSION}.${keyId}`;
    const iv = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES));
    const ciphertext = await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(header), tagLength: 128 },
      key,
      plaintext,
    );
    const sealed = new Uint8Array(IV_BYTES + ciphertext.byteLength);
    sealed.set(iv);
    sealed.set(new Uint8Array(ciphertext), IV_BYTES);
    const state = `${header}.${encodeBase64Url(sealed)}`;
    if (state.length > this.maxStateLength) {
      throw new LimitExceededError(
        `Sealed request state is ${state.length} characters, over the limit of ` +
          `${this.maxStateLength}; keep less in it`,
      );
    }
    return state;
  }

  /**
   * Opens `state` if this server sealed it for the request described by `binding` and it has not
   * expired. Never throws for a bad state: every refusal is a {@link RequestStateFailure}.
   */
  async unseal(state: unknown, binding: RequestStateBinding): Promise<UnsealRequestStateResult> {
    if (typeof state !== 'string') return requestStateFailure('malformed');
    if (state.length > this.maxStateLength) return requestStateFailure('too-large');
    const versionEnd = state.indexOf('.');
    const keyIdEnd = state.indexOf('.', versionEnd + 1);
    if (versionEnd < 0 || keyIdEnd < 0) return requestStateFailure('malformed');
    const keyId = state.slice(versionEnd + 1, keyIdEnd);
    if (state.slice(0, versionEnd) !== FORMAT_VERSION || !isValidRequestStateKeyId(keyId)) {
      return requestStateFailure('malformed');
    }
    const sealed = decodeBase64Url(state.slice(keyIdEnd + 1));
    if (sealed === undefined || sealed.length < IV_BYTES + TAG_BYTES) {
      return requestStateFailure('malformed');
    }
    const keyPromise = this.#ring.get(keyId);
    if (keyPromise === undefined) return requestStateFailure('unknown-key');
    const key = await keyPromise;

    let plaintext: ArrayBuffer;
    try {
      plaintext = await globalThis.crypto.subtle.decrypt(
        {
          name: 'AES-GCM',
          iv: sealed.subarray(0, IV_BYTES),
          additionalData: new TextEncoder().encode(state.slice(0, keyIdEnd)),
          tagLength: 128,
        },
        key,
        sealed.subarray(IV_BYTES),
      );
    } catch {
      return requestStateFailure('tampered');
    }

    // Authentic from here on; a shape this code does not recognise was sealed by other code.
    const contents = parseContents(plaintext);
    if (contents === undefined) return requestStateFailure('malformed');
    const expected = encodeBase64Url(await requestBindingDigest(binding));
    if (!constantTimeEqual(contents.b, expected)) return requestStateFailure('wrong-request');
    if (this.#currentTime() >= contents.exp) return requestStateFailure('expired');
    return {
      ok: true,
      payload: contents.p,
      keyId,
      issuedAt: contents.iat,
      expiresAt: contents.exp,
    };
  }

  #currentTime(): number {
    const now = this.#now();
    if (!Number.isFinite(now)) throw new UsageError('Request state clock returned a non-number');
    return Math.floor(now);
  }
}

function parseContents(plaintext: ArrayBuffer): SealedContents | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(plaintext));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const record = parsed as Partial<Record<keyof SealedContents, unknown>>;
  if (typeof record.b !== 'string' || !Object.hasOwn(record, 'p')) return undefined;
  if (!Number.isSafeInteger(record.iat) || !Number.isSafeInteger(record.exp)) return undefined;
  return parsed as SealedContents;
}

/** String equality whose time does not depend on where the strings first differ. */
function constantTimeEqual(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index++) {
    difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  }
  return difference === 0;
}
