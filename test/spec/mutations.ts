// fast-check generators that damage a valid message the way a buggy or hostile peer would: drop a
// member, change its type, rename it, add `__proto__`-like keys, swap in another known literal.
import fc from 'fast-check';

type Path = readonly (string | number)[];

export type Mutation =
  | { readonly op: 'delete'; readonly at: number }
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'addKey'; readonly at: number; readonly key: string; readonly value: unknown }
  | { readonly op: 'renameKey'; readonly at: number; readonly key: string };

const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'];
const PROTOCOL_KEYS = ['id', 'method', 'params', 'result', 'error', 'type', '_meta', 'resultType'];

/** Every string a corpus value contains, as keys or values, so mutations hit real literals. */
export function stringsIn(values: readonly unknown[]): string[] {
  const found = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === 'string') found.add(value);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      for (const [key, member] of Object.entries(value)) {
        found.add(key);
        visit(member);
      }
    }
  };
  values.forEach(visit);
  return [...found].filter((text) => text.length < 60).sort();
}

/** Every object and array inside `value` (itself included), for seeding other shapes' tests. */
export function containersIn(value: unknown, out: unknown[] = []): unknown[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(value);
  for (const member of Array.isArray(value) ? value : Object.values(value))
    containersIn(member, out);
  return out;
}

/** Distinct objects and arrays found anywhere in `values`, as probes for every shape. */
export function distinctContainers(values: readonly unknown[]): unknown[] {
  const all = values.flatMap((value) => containersIn(value));
  return [...new Map(all.map((value) => [JSON.stringify(value), value])).values()];
}

export function mutationArbitrary(
  corpusStrings: readonly string[],
  shapeKeys: readonly string[] = [],
): fc.Arbitrary<Mutation> {
  const literal = fc.constantFrom(...corpusStrings);
  const value = fc.oneof(
    fc.constantFrom<unknown>(null, 1.5, 0, -1, 42, 1e21, '', '2.0', true, false, [], {}, ['x'], {
      a: 1,
    }),
    literal,
    fc.jsonValue({ maxDepth: 2 }),
  );
  const key = fc.oneof(fc.constantFrom(...HOSTILE_KEYS, ...PROTOCOL_KEYS, ...shapeKeys), literal);
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value }),
    fc.record({ op: fc.constant('addKey' as const), at: fc.nat(), key, value }),
    fc.record({ op: fc.constant('renameKey' as const), at: fc.nat(), key }),
  );
}

function pathsIn(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((member, i) => pathsIn(member, [...prefix, i], out));
  else if (typeof value === 'object' && value !== null) {
    for (const [key, member] of Object.entries(value)) pathsIn(member, [...prefix, key], out);
  }
  return out;
}

function at(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], root);
}

/** Sets an own data property, as JSON.parse would, even for `__proto__`. */
function define(target: object, key: string | number, value: unknown): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** Applies mutations to a deep copy of `seed`; the seed itself is left alone. */
export function mutate(seed: unknown, mutations: readonly Mutation[]): unknown {
  let root = structuredClone(seed);
  for (const mutation of mutations) {
    const paths = pathsIn(root);
    const path = paths[mutation.at % paths.length]!;
    const parentPath = path.slice(0, -1);
    const last = path[path.length - 1];
    const parent = at(root, parentPath) as Record<string | number, unknown> | unknown[] | undefined;
    const node = at(root, path);
    switch (mutation.op) {
      case 'replace':
        if (last === undefined) root = structuredClone(mutation.value);
        else define(parent as object, last, structuredClone(mutation.value));
        break;
      case 'delete':
        if (last === undefined) break;
        if (Array.isArray(parent)) parent.splice(last as number, 1);
        else delete (parent as Record<string | number, unknown>)[last];
        break;
      case 'addKey':
        if (typeof node === 'object' && node !== null && !Array.isArray(node)) {
          define(node, mutation.key, structuredClone(mutation.value));
        }
        break;
      case 'renameKey':
        if (typeof last === 'string' && parent !== undefined && !Array.isArray(parent)) {
          const moved = parent[last];
          delete parent[last];
          define(parent, mutation.key, moved);
        }
        break;
    }
  }
  return root;
}

const TYPE_PROBES: readonly unknown[] = [null, 1.5, 1, -1, '', 'x', true, [], {}];
const MEMBER_PROBES: readonly unknown[] = [1.5, 'x', {}, null];

/**
 * Every single-point damage of `seed`, one at a time, on one working copy that is restored after
 * each visit: each member deleted or replaced by a value of every JSON type, and each object
 * given each of `keys` (the property names the shape under test knows) with an ill-typed value.
 */
export function forEachSinglePointMutation(
  seed: unknown,
  keys: readonly string[],
  visit: (value: unknown) => void,
): void {
  const root = { value: structuredClone(seed) } as Record<string | number, unknown>;
  for (const path of pathsIn(root.value, ['value'])) {
    const parent = at(root, path.slice(0, -1)) as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    const original = parent[last];
    for (const probe of TYPE_PROBES) {
      define(parent, last, probe);
      visit(root.value);
    }
    if (Array.isArray(parent)) {
      parent.splice(last as number, 1);
      visit(root.value);
      parent.splice(last as number, 0, original);
    } else {
      delete parent[last];
      visit(root.value);
    }
    define(parent, last, original);
    if (typeof original !== 'object' || original === null || Array.isArray(original)) continue;
    const node = original as Record<string, unknown>;
    for (const key of keys) {
      const had = Object.hasOwn(node, key);
      const before = node[key];
      for (const probe of MEMBER_PROBES) {
        define(node, key, probe);
        visit(root.value);
      }
      if (had) define(node, key, before);
      else delete node[key];
    }
  }
}

/** Property names reachable from `$defs[typeName]` through `$ref`s. */
export function propertyNamesOf(defs: Record<string, unknown>, typeName: string): string[] {
  const names = new Set<string>();
  const seen = new Set<string>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, member] of Object.entries(node)) {
      if (key === 'properties' && typeof member === 'object' && member !== null) {
        Object.keys(member).forEach((name) => names.add(name));
      }
      if (key === '$ref' && typeof member === 'string') {
        const target = member.split('/').pop()!;
        if (!seen.has(target)) {
          seen.add(target);
          walk(defs[target]);
        }
      } else walk(member);
    }
  };
  seen.add(typeName);
  walk(defs[typeName]);
  return [...names].sort();
}
