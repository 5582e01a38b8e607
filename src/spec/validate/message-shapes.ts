// Builders for whole JSON-RPC messages around a method-specific payload, shared by both eras: a
// request or notification with a fixed method, a result response, an error with a fixed code.
import { jsonValue, literal, object, optional, string } from './combinators.js';
import type { Optional } from './combinators.js';
import { requestId } from './envelope.js';
import { Validator } from './validator.js';

const jsonrpc = literal('2.0');

type Payload = Validator<unknown> | Optional<unknown>;

/** `{ jsonrpc, id, method, params }` with `method` fixed; wrap `params` in `optional` if it may be absent. */
export function requestMessage<const M extends string, P extends Payload>(method: M, params: P) {
  return object({ jsonrpc, id: requestId, method: literal(method), params });
}

export function notificationMessage<const M extends string, P extends Payload>(
  method: M,
  params: P,
) {
  return object({ jsonrpc, method: literal(method), params });
}

export function resultResponse<R>(result: Validator<R>) {
  return object({ jsonrpc, id: requestId, result });
}

/** An error object with a fixed code, as the 2026-07-28 schema names them (`ParseError`…). */
export function errorObject<const C extends number>(code: C) {
  return object({ code: literal(code), message: string, data: optional(jsonValue) });
}

/** An error object with a fixed code and required, typed `data`. */
export function errorObjectWithData<const C extends number, D>(code: C, data: Validator<D>) {
  return object({ code: literal(code), message: string, data });
}

/** A whole error response around a given error object; `id` is absent when it was unreadable. */
export function errorResponse<E extends object>(error: Validator<E>) {
  return object({ jsonrpc, id: optional(requestId), error });
}

/**
 * A by-method lookup table without a prototype, so a method read off the wire such as
 * `constructor` or `__proto__` finds nothing instead of an `Object.prototype` member.
 */
export function methodTable<const M extends { readonly [method: string]: Validator<unknown> }>(
  entries: M,
): Readonly<M> {
  return Object.freeze(Object.assign(Object.create(null) as M, entries));
}

/** The validator `table` holds for a method read off the wire, if any. */
export function validatorFor(
  table: { readonly [method: string]: Validator<unknown> },
  method: string,
): Validator<unknown> | undefined {
  return Object.hasOwn(table, method) ? table[method] : undefined;
}

/** A table's shape: validators under some of the given method names. */
export type MethodsOf<Method extends string> = { readonly [K in Method]?: Validator<unknown> };

type ValidatorsIn<M> = { [K in keyof M as M[K] extends Validator<unknown> ? K : never]: M[K] };

/** The validators a module exports, without its helper values. */
export function validatorsIn<M extends object>(module: M): ValidatorsIn<M> {
  const entries = Object.entries(module).filter(([, value]) => value instanceof Validator);
  return Object.fromEntries(entries) as ValidatorsIn<M>;
}
