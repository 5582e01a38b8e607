// Canonical JSON text of a value: object keys sorted, no whitespace. Two requests whose params
// differ only in key order produce the same text, and so the same request-state binding.
import type { JsonValue } from '../../spec/jsonrpc.js';

/**
 * Serialises `value` with object keys sorted by UTF-16 code units and no whitespace; strings and
 * numbers are written as `JSON.stringify` writes them (the same choices as RFC 8785). Members whose
 * value is `undefined` are left out and `undefined` array items become `null`, as in
 * `JSON.stringify`.
 *
 * Throws a `TypeError` for anything that has no single JSON text — a non-finite number, a bigint,
 * a function, a symbol, a cycle — rather than guessing, since two different values must never
 * canonicalise to the same text.
 */
export function canonicalJson(value: JsonValue): string {
  return write(value, new Set());
}

function write(value: unknown, ancestors: Set<object>): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return writeContainer(value, ancestors);
    case 'undefined':
    case 'bigint':
    case 'function':
    case 'symbol':
      throw new TypeError(`canonicalJson: a ${typeof value} is not a JSON value`);
  }
}

function writeContainer(container: object, ancestors: Set<object>): string {
  if (ancestors.has(container)) throw new TypeError('canonicalJson: cyclic value');
  ancestors.add(container);
  let text: string;
  if (Array.isArray(container)) {
    const items = (container as unknown[]).map((item) =>
      item === undefined ? 'null' : write(item, ancestors),
    );
    text = `[${items.join(',')}]`;
  } else {
    const record = container as Record<string, unknown>;
    const members: string[] = [];
    for (const key of Object.keys(record).sort()) {
      const member = record[key];
      if (member !== undefined) members.push(`${JSON.stringify(key)}:${write(member, ancestors)}`);
    }
    text = `{${members.join(',')}}`;
  }
  ancestors.delete(container);
  return text;
}
