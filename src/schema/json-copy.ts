// Deep copies of schema documents that are plain JSON and nothing else, taken before any other
// code walks them: a bounded depth (cycles and hostile nesting stop here), no functions or class
// instances, and "__proto__" kept as an ordinary key.
import type { JsonValue } from '../spec/jsonrpc.js';
import { SchemaError } from './schema-error.js';

/** A deep copy of `value` as plain JSON; throws `SchemaError` ('not-json') if it is not JSON. */
export function copyJson(value: unknown, maxNesting: number): JsonValue {
  return copyValue(value, maxNesting, '');
}

/** True for `{}`-style objects of any realm (not arrays, not class instances, not null). */
export function isPlainObject(value: unknown): value is { readonly [key: string]: unknown } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/** Freezes a JSON value and everything in it, so a compiled schema cannot be changed later. */
export function deepFreeze<T extends JsonValue>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const child of Object.values(value)) {
      if (child !== undefined) deepFreeze(child);
    }
    Object.freeze(value);
  }
  return value;
}

function copyValue(value: unknown, levelsLeft: number, pointer: string): JsonValue {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      if (Number.isFinite(value)) return value;
      throw notJson(pointer, `the number ${String(value)}`);
    case 'object':
      break;
    default:
      throw notJson(pointer, `a value of type ${typeof value}`);
  }
  if (value === null) return null;
  if (levelsLeft <= 0) {
    throw new SchemaError(
      'too-large',
      `the schema is nested too deeply at ${pointer || '/'} (or an object in it contains itself)`,
    );
  }
  if (Array.isArray(value)) {
    return value.map((item, index) => copyValue(item, levelsLeft - 1, `${pointer}/${index}`));
  }
  if (!isPlainObject(value)) {
    const kind = (value as { constructor?: { name?: unknown } }).constructor?.name;
    throw notJson(pointer, `an instance of ${typeof kind === 'string' ? kind : 'a class'}`);
  }
  // Built from entries so that a "__proto__" key stays an own property instead of a prototype.
  const entries: [string, JsonValue][] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue; // as JSON.stringify would drop it
    entries.push([key, copyValue(child, levelsLeft - 1, `${pointer}/${escapePointer(key)}`)]);
  }
  return Object.fromEntries(entries);
}

function notJson(pointer: string, what: string): SchemaError {
  return new SchemaError(
    'not-json',
    `the schema must be plain JSON, but ${pointer || 'its root'} is ${what}`,
  );
}

/** Escapes one JSON Pointer segment (RFC 6901). */
export function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}
