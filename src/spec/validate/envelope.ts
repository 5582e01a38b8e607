// JSON-RPC envelope validators, the same in every revision, and classifyMessage, which sorts a parsed
// message into request / notification / result response / error response, or says why it cannot.
import type {
  JsonRpcErrorObject,
  JsonRpcErrorResponse,
  JsonRpcMessage,
  JsonRpcNotification,
  JsonRpcRequest,
  JsonRpcResultResponse,
  RequestId,
} from '../jsonrpc.js';
import {
  anyObject,
  integer,
  jsonValue,
  literal,
  object,
  optional,
  refine,
  string,
  union,
} from './combinators.js';
import { Kind, Validator, describe } from './validator.js';
import type { Issue } from './validator.js';

const hasOwn = Object.hasOwn;

/** A request id: a string or an integer; MCP forbids null and fractions. */
export const requestId: Validator<RequestId> = union(string, integer);
export const progressToken: Validator<RequestId> = requestId;

const jsonrpc = literal('2.0');

function lacks(...keys: string[]): (message: object) => boolean {
  // A loop, not `keys.some`, which would make a closure for every message.
  return (message) => {
    for (const key of keys) if (hasOwn(message, key)) return false;
    return true;
  };
}

export const jsonRpcErrorObject: Validator<JsonRpcErrorObject> = object({
  code: integer,
  message: string,
  data: optional(jsonValue),
});

export const jsonRpcRequest: Validator<JsonRpcRequest> = refine(
  object({ jsonrpc, id: requestId, method: string, params: optional(anyObject) }),
  lacks('result', 'error'),
  'a request must not carry "result" or "error"',
);

export const jsonRpcNotification: Validator<JsonRpcNotification> = refine(
  object({ jsonrpc, method: string, params: optional(anyObject) }),
  lacks('id', 'result', 'error'),
  'a notification must not carry "id", "result" or "error"',
);

export const jsonRpcResultResponse: Validator<JsonRpcResultResponse> = refine(
  object({ jsonrpc, id: requestId, result: anyObject }),
  lacks('error', 'method'),
  'a response has exactly one of "result" and "error", and no "method"',
);

/**
 * An error response. `id` may be absent (2025-11-25 and later) or `null` (plain JSON-RPC, which
 * older peers send when they could not read the request's id).
 */
export const jsonRpcErrorResponse: Validator<JsonRpcErrorResponse> = refine(
  object({ jsonrpc, id: optional(union(requestId, literal(null))), error: jsonRpcErrorObject }),
  lacks('result', 'method'),
  'a response has exactly one of "result" and "error", and no "method"',
);

export type MessageKind = 'request' | 'notification' | 'result' | 'error';

const byKind = {
  request: jsonRpcRequest,
  notification: jsonRpcNotification,
  result: jsonRpcResultResponse,
  error: jsonRpcErrorResponse,
} as const;

/** Which kind of message `value` claims to be, from the members it has; no member is checked. */
function claimedKind(value: unknown): MessageKind | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  try {
    if (hasOwn(value, 'method')) return hasOwn(value, 'id') ? 'request' : 'notification';
    if (hasOwn(value, 'result')) return 'result';
    if (hasOwn(value, 'error')) return 'error';
  } catch {
    // A proxy that refuses to be inspected is not a message; JSON never gets here.
  }
  return undefined;
}

const NOT_A_MESSAGE = 'expected a JSON-RPC message: an object with "method", "result" or "error"';

/** Any JSON-RPC message, judged by the kind it claims to be. */
export const jsonRpcMessage = new Validator<JsonRpcMessage>(
  'JSON-RPC message',
  Kind.Object,
  (value, depth) => {
    const kind = claimedKind(value);
    return kind !== undefined && byKind[kind].test(value, depth);
  },
  (value, out) => {
    const kind = claimedKind(value);
    if (kind === undefined) out.add(`${NOT_A_MESSAGE}, got ${describe(value)}`);
    else byKind[kind].report(value, out);
  },
);

/** The kind of a valid message, or `undefined`; allocates nothing. */
export function messageKind(value: unknown): MessageKind | undefined {
  const kind = claimedKind(value);
  return kind !== undefined && byKind[kind].is(value) ? kind : undefined;
}

export type ClassifiedMessage =
  | { readonly kind: 'request'; readonly message: JsonRpcRequest }
  | { readonly kind: 'notification'; readonly message: JsonRpcNotification }
  | { readonly kind: 'result'; readonly message: JsonRpcResultResponse }
  | { readonly kind: 'error'; readonly message: JsonRpcErrorResponse }
  | {
      readonly kind: 'invalid';
      readonly issues: readonly Issue[];
      /**
       * The kind the message claims to be, from the members it has. Only a broken request (or
       * something that claims no kind at all) deserves an answer: answering a broken
       * notification breaks JSON-RPC, and an answer to a broken response could be taken by the
       * peer for the answer to a request of its own.
       */
      readonly claimed: MessageKind | undefined;
      /** The message's id when it could be read, so an error response can name the request. */
      readonly id: RequestId | null;
    };

/**
 * Sorts a parsed message by kind after checking its envelope (not its params or result, which
 * depend on the method). An invalid message comes back with its issues.
 */
export function classifyMessage(value: unknown): ClassifiedMessage {
  const kind = claimedKind(value);
  if (kind !== undefined && byKind[kind].is(value)) {
    return { kind, message: value } as ClassifiedMessage;
  }
  const issues = kind === undefined ? jsonRpcMessage.explain(value) : byKind[kind].explain(value);
  return {
    kind: 'invalid',
    issues,
    claimed: kind,
    id: kind === 'request' ? readableId(value as object) : null,
  };
}

function readableId(message: object): RequestId | null {
  try {
    const id: unknown = hasOwn(message, 'id') ? (message as { id: unknown }).id : null;
    return requestId.is(id) ? id : null;
  } catch {
    return null;
  }
}
