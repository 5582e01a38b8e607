// What a sealed request state is bound to: the method, the request's salient params and the
// principal. A state shown on any other request fails, so it cannot be replayed across users or calls.
import type { JsonObject, JsonValue } from '../../spec/jsonrpc.js';
import { canonicalJson } from './canonical-json.js';

export interface RequestStateBinding {
  /** The request's method, e.g. `tools/call`. */
  readonly method: string;
  /**
   * The params that identify the request (for `tools/call`: `name` and `arguments`). Key order
   * does not matter. Leave out what legitimately changes on the retry; see
   * {@link salientRequestParams}.
   */
  readonly params?: JsonValue | undefined;
  /** The authenticated principal (e.g. the token's subject), or `undefined` when anonymous. */
  readonly principal?: string | undefined;
}

/** Params members that differ between a request and its retry by design. */
const RETRY_MEMBERS: ReadonlySet<string> = new Set(['_meta', 'inputResponses', 'requestState']);

/**
 * A request's params without `_meta` (progress tokens and trace context change per attempt),
 * `inputResponses` and `requestState` (which only the retry has): what is left is the same on the
 * first attempt and on every retry of it.
 */
export function salientRequestParams(params: { readonly [key: string]: unknown }): JsonObject {
  const salient: JsonObject = {};
  for (const [key, value] of Object.entries(params)) {
    if (!RETRY_MEMBERS.has(key)) salient[key] = value as JsonValue;
  }
  return salient;
}

/** Separates this digest from any other SHA-256 of JSON the server might compute. */
const BINDING_DOMAIN = 'mcpkit/request-state/v1/binding\n';

/**
 * SHA-256 over the domain tag and the canonical JSON of `{ method, params, principal }`, with an
 * absent `params` or `principal` written as `null` (so an anonymous caller and a principal named
 * `"null"` differ: one is `null`, the other `"null"`).
 */
export async function requestBindingDigest(
  binding: RequestStateBinding,
): Promise<Uint8Array<ArrayBuffer>> {
  const text = canonicalJson({
    method: binding.method,
    params: binding.params ?? null,
    principal: binding.principal ?? null,
  });
  const digest = await globalThis.crypto.subtle.digest(
    'SHA-256',
    new TextEncoder().encode(BINDING_DOMAIN + text),
  );
  return new Uint8Array(digest);
}
