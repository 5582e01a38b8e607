// Sealed MRTR `requestState`: the codec, its key ring helpers, the request binding and the
// failure type. Explicit names only, so the public surface is what this file lists.
export { canonicalJson } from './canonical-json.js';
export { requestBindingDigest, salientRequestParams } from './request-binding.js';
export type { RequestStateBinding } from './request-binding.js';
export {
  DEFAULT_MAX_REQUEST_STATE_LENGTH,
  DEFAULT_REQUEST_STATE_TTL_MS,
  RequestStateCodec,
} from './request-state-codec.js';
export type {
  RequestStateCodecOptions,
  UnsealedRequestState,
  UnsealRequestStateResult,
} from './request-state-codec.js';
export {
  requestStateFailure,
  requestStateFailureToProtocolError,
} from './request-state-failure.js';
export type { RequestStateFailure, RequestStateFailureReason } from './request-state-failure.js';
export {
  generateRequestStateSecret,
  isValidRequestStateKeyId,
  MIN_REQUEST_STATE_SECRET_BYTES,
  processLocalRequestStateKey,
} from './request-state-keys.js';
export type { RequestStateKey } from './request-state-keys.js';
