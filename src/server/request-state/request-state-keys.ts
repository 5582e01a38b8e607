// The key ring behind sealed request states: configured secrets, checked once, each turned into
// an AES-256-GCM key by HKDF-SHA-256 so the raw secret itself never encrypts anything.
import { UsageError } from '../../jsonrpc/errors.js';
import { decodeBase64Url, encodeBase64Url } from './base64url.js';

/** Fewer bytes than this is refused: AES-256 needs 256 bits of key material to mean anything. */
export const MIN_REQUEST_STATE_SECRET_BYTES = 32;

/** Key ids appear in every state; a short cap keeps states small and ids from carrying data. */
const MAX_KEY_ID_LENGTH = 64;

/** HKDF `info`, followed by the key id: one secret under two ids yields two unrelated keys. */
const HKDF_INFO_PREFIX = 'mcpkit/request-state/v1/aes-256-gcm/';

export interface RequestStateKey {
  /** Shown in every state so the right key is found: 1–64 visible ASCII characters, no `.`. */
  readonly id: string;
  /**
   * At least 32 random bytes, as bytes or as base64url text (standard base64 with `+`, `/` and
   * `=` padding is accepted too). {@link generateRequestStateSecret} makes one.
   */
  readonly secret: Uint8Array | string;
}

/** True if `id` can name a key: visible ASCII (`!` to `~`) except `.`, at most 64 characters. */
export function isValidRequestStateKeyId(id: string): boolean {
  if (id.length === 0 || id.length > MAX_KEY_ID_LENGTH) return false;
  for (let index = 0; index < id.length; index++) {
    const code = id.charCodeAt(index);
    if (code < 0x21 || code > 0x7e || code === 0x2e) return false;
  }
  return true;
}

/** A fresh random 32-byte secret as base64url text, for configuration or a secret store. */
export function generateRequestStateSecret(): string {
  return encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(32)));
}

let processLocalKey: { id: string; secret: Uint8Array<ArrayBuffer> } | undefined;

/**
 * The key for a server that was given none: random, made once per process (JavaScript realm) and
 * never stored anywhere. Its id is random too, so a state sealed elsewhere fails as `unknown-key`.
 *
 * This is only right for a single process. Several processes behind a load balancer — cluster
 * workers, replicas, serverless instances, or one process after a restart — each get their own
 * key and reject one another's states, so a retry fails whenever it lands on another process.
 * Give every process the same configured key ring instead (for example a secret from
 * {@link generateRequestStateSecret} kept in the deployment's secret store).
 */
export function processLocalRequestStateKey(): RequestStateKey {
  processLocalKey ??= {
    id: `local-${encodeBase64Url(globalThis.crypto.getRandomValues(new Uint8Array(6)))}`,
    secret: globalThis.crypto.getRandomValues(new Uint8Array(32)),
  };
  return { id: processLocalKey.id, secret: processLocalKey.secret.slice() };
}

/**
 * The derived keys, by id; the first configured key seals. Configuration is checked in the
 * constructor (a bad key throws a `UsageError` at startup, not on the first retry), and each key
 * is derived once, right away, so the ring keeps no copy of a raw secret.
 */
export class RequestStateKeyRing {
  readonly sealingKeyId: string;
  readonly #keys = new Map<string, Promise<CryptoKey>>();

  constructor(keys: readonly RequestStateKey[]) {
    const first = keys[0];
    if (first === undefined) throw new UsageError('Request state key ring is empty; add a key');
    const secrets = new Map<string, Uint8Array<ArrayBuffer>>();
    for (const key of keys) {
      if (!isValidRequestStateKeyId(key.id)) {
        throw new UsageError(
          `Request state key id ${JSON.stringify(key.id.slice(0, MAX_KEY_ID_LENGTH + 1))} is invalid: ` +
            `use 1 to ${MAX_KEY_ID_LENGTH} visible ASCII characters other than "."`,
        );
      }
      if (secrets.has(key.id)) {
        throw new UsageError(`Request state key id "${key.id}" is configured twice`);
      }
      secrets.set(key.id, secretBytes(key));
    }
    this.sealingKeyId = first.id;
    for (const [id, secret] of secrets) {
      const derived = deriveStateKey(secret, id);
      // Awaited on use; this branch only keeps a failed derivation from being "unhandled" meanwhile.
      derived.catch(() => undefined);
      this.#keys.set(id, derived);
    }
  }

  /** The key with this id, or `undefined` if the ring does not hold it. */
  get(id: string): Promise<CryptoKey> | undefined {
    return this.#keys.get(id);
  }
}

function secretBytes(key: RequestStateKey): Uint8Array<ArrayBuffer> {
  let bytes: Uint8Array<ArrayBuffer>;
  if (typeof key.secret === 'string') {
    const normalised = key.secret.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const decoded = decodeBase64Url(normalised);
    if (decoded === undefined) {
      throw new UsageError(
        `Request state key "${key.id}": the secret string is not base64url; ` +
          'pass bytes, or text from generateRequestStateSecret()',
      );
    }
    bytes = decoded;
  } else if (key.secret instanceof Uint8Array) {
    bytes = new Uint8Array(key.secret);
  } else {
    throw new UsageError(`Request state key "${key.id}": the secret must be a Uint8Array or text`);
  }
  if (bytes.length < MIN_REQUEST_STATE_SECRET_BYTES) {
    throw new UsageError(
      `Request state key "${key.id}": the secret is ${bytes.length} bytes; at least ` +
        `${MIN_REQUEST_STATE_SECRET_BYTES} random bytes are required (generateRequestStateSecret() makes one)`,
    );
  }
  return bytes;
}

async function deriveStateKey(secret: Uint8Array<ArrayBuffer>, id: string): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const material = await subtle.importKey('raw', secret, 'HKDF', false, ['deriveKey']);
  return subtle.deriveKey(
    {
      name: 'HKDF',
      hash: 'SHA-256',
      salt: new Uint8Array(0),
      info: new TextEncoder().encode(HKDF_INFO_PREFIX + id),
    },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}
