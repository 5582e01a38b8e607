// Sorts a received JSON value into request / notification / response, or says why it is not a
// valid JSON-RPC message. Payloads (params, results) are checked later, per method, by layer 3.
import type {
  JsonRpcErrorObject,
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResponse,
  RequestId,
} from '../spec/jsonrpc.js';

export type Envelope =
  | { kind: 'request'; message: JsonRpcRequest }
  | { kind: 'notification'; message: JsonRpcNotification }
  | { kind: 'response'; message: JsonRpcResponse }
  /**
   * Not a valid message. `shape` says what it tried to be: only a broken request is answered
   * (under `id` when that could be read); a broken notification or response never is, since an
   * answer to a response could be mistaken by the peer for the answer to a request of its own.
   */
  | {
      kind: 'invalid';
      reason: string;
      shape: 'request' | 'notification' | 'response';
      id?: RequestId;
    };

export function isRequestId(value: unknown): value is RequestId {
  return typeof value === 'string' || (typeof value === 'number' && Number.isInteger(value));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isErrorObject(value: unknown): value is JsonRpcErrorObject {
  return (
    isPlainObject(value) &&
    typeof value['code'] === 'number' &&
    Number.isInteger(value['code']) &&
    typeof value['message'] === 'string'
  );
}

/** Own-property read, so a `__proto__` key in parsed JSON is data, never a prototype. */
function own(value: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(value, key) ? value[key] : undefined;
}

export function classifyEnvelope(value: unknown): Envelope {
  if (!isPlainObject(value)) {
    return { kind: 'invalid', reason: 'Message must be a JSON object', shape: 'request' };
  }
  const id = own(value, 'id');
  const readableId = isRequestId(id) ? id : undefined;
  const method = own(value, 'method');
  const hasId = Object.hasOwn(value, 'id');
  const shape = Object.hasOwn(value, 'method')
    ? hasId
      ? 'request'
      : 'notification'
    : hasId || Object.hasOwn(value, 'result') || Object.hasOwn(value, 'error')
      ? 'response'
      : 'request';
  const invalid = (reason: string): Envelope =>
    readableId === undefined || shape !== 'request'
      ? { kind: 'invalid', reason, shape }
      : { kind: 'invalid', reason, shape, id: readableId };

  if (own(value, 'jsonrpc') !== '2.0') return invalid('"jsonrpc" must be "2.0"');

  if (method !== undefined) {
    if (typeof method !== 'string') return invalid('"method" must be a string');
    const params = own(value, 'params');
    if (params !== undefined && !isPlainObject(params))
      return invalid('"params" must be an object');
    if (!hasId) return { kind: 'notification', message: value as unknown as JsonRpcNotification };
    if (readableId === undefined) return invalid('"id" must be a string or an integer');
    return { kind: 'request', message: value as unknown as JsonRpcRequest };
  }

  const hasResult = Object.hasOwn(value, 'result');
  const hasError = Object.hasOwn(value, 'error');
  if (hasResult === hasError) return invalid('A response has exactly one of "result" and "error"');
  if (hasResult) {
    if (readableId === undefined) return invalid('"id" must be a string or an integer');
    if (!isPlainObject(own(value, 'result'))) return invalid('"result" must be an object');
  } else {
    if (!isErrorObject(own(value, 'error')))
      return invalid('"error" must have a code and a message');
    if (hasId && id !== null && readableId === undefined)
      return invalid('"id" must be a string or an integer');
  }
  return { kind: 'response', message: value as unknown as JsonRpcResponse };
}
