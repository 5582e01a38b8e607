// Why a presented `requestState` was refused, as data. The messages are fixed text: they say what
// kind of failure it was and nothing about the keys, the payload or how far verification got.
import { ProtocolError } from '../../jsonrpc/errors.js';

export type RequestStateFailureReason =
  /** Not a string, not in the `v1.<keyId>.<data>` shape, or the data is not valid base64url. */
  | 'malformed'
  /** Sealed under a key id this server does not hold (rotated out, or never shared with it). */
  | 'unknown-key'
  /** Authenticated decryption failed: the state was altered or forged. */
  | 'tampered'
  /** Genuine, but presented after its expiry. */
  | 'expired'
  /** Genuine, but issued for another method, other params or another principal. */
  | 'wrong-request'
  /** Longer than the configured limit; refused before any decoding. */
  | 'too-large';

export interface RequestStateFailure {
  readonly ok: false;
  readonly reason: RequestStateFailureReason;
  /** Safe to log and to send to the client. */
  readonly message: string;
}

const MESSAGES: Readonly<Record<RequestStateFailureReason, string>> = {
  malformed: 'Invalid requestState: not a state this server issued',
  'unknown-key': 'Invalid requestState: sealed with a key this server does not hold',
  tampered: 'Invalid requestState: failed verification',
  expired: 'Invalid requestState: expired; send the original request again without it',
  'wrong-request': 'Invalid requestState: issued for a different request',
  'too-large': 'Invalid requestState: too large',
};

export function requestStateFailure(reason: RequestStateFailureReason): RequestStateFailure {
  return { ok: false, reason, message: MESSAGES[reason] };
}

/**
 * The wire error for a refused state: `-32602 Invalid params`, since `requestState` is a param,
 * with the reason as `data` so a client can tell "start over" (expired) from a bug or an attack.
 */
export function requestStateFailureToProtocolError(failure: RequestStateFailure): ProtocolError {
  return ProtocolError.invalidParams(failure.message, { reason: failure.reason });
}
