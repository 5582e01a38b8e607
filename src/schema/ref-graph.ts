// Compile-time checks on `$ref`: every reference must resolve inside the document (nothing is
// ever fetched), and references plus composition keywords must neither loop without consuming
// input nor fan out into more evaluations of one value than the limits allow.
import { dereference } from '@cfworker/json-schema';
import type { Schema } from '@cfworker/json-schema';
import type { JsonObject } from '../spec/jsonrpc.js';
import { isPlainObject } from './json-copy.js';
import { SchemaError } from './schema-error.js';
import type { JsonSchemaLimits, LocatedSchema } from './schema-walk.js';

/** Keywords whose subschemas apply to the same value as their parent. */
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else'] as const;
const IN_PLACE_ARRAYS = ['allOf', 'anyOf', 'oneOf'] as const;
const IN_PLACE_MAPS = ['dependentSchemas', 'dependencies'] as const;

/**
 * Resolves every `$ref` of the walked document against the validator's own lookup table, then
 * bounds the graph of in-place applications. `root` must be the document `schemas` came from.
 */
export function checkReferences(
  root: JsonObject,
  schemas: readonly LocatedSchema[],
  limits: JsonSchemaLimits,
): void {
  let lookup: Record<string, Schema | boolean>;
  try {
    lookup = dereference(root);
  } catch (error) {
    throw new SchemaError('invalid-schema', `invalid schema: ${messageOf(error)}`, {
      cause: error,
    });
  }
  const pointers = new Map<object, string>(schemas.map(({ node, pointer }) => [node, pointer]));
  const documents = new Set(Object.keys(lookup).map(withoutFragment));
  const anchors = schemas.filter(({ node }) => node['$recursiveAnchor'] === true);

  const targetOf = (ref: string, absolute: string | undefined, pointer: string): object | null => {
    const target = lookup[absolute ?? ref];
    if (target === undefined) {
      const document = withoutFragment(absolute ?? ref);
      if (!ref.startsWith('#') && !documents.has(document)) {
        throw new SchemaError(
          'external-ref',
          `"$ref": "${ref.slice(0, 200)}" at ${pointer || '/'} points to another document; ` +
            'only references inside the schema are resolved, and nothing is ever fetched',
        );
      }
      throw new SchemaError(
        'unresolved-ref',
        `"$ref": "${ref.slice(0, 200)}" at ${pointer || '/'} does not resolve inside the schema`,
      );
    }
    if (typeof target === 'boolean') return null;
    if (!pointers.has(target)) {
      // Somewhere the walk did not check (an unknown keyword, "examples"): refuse to run it.
      throw new SchemaError(
        'unresolved-ref',
        `"$ref": "${ref.slice(0, 200)}" at ${pointer || '/'} does not point at a subschema`,
      );
    }
    return target;
  };

  const edges = new Map<object, object[]>();
  for (const { node, pointer } of schemas) {
    const next: object[] = [];
    const add = (value: unknown): void => {
      if (isPlainObject(value)) next.push(value);
    };
    for (const keyword of IN_PLACE_SINGLE) add(node[keyword]);
    for (const keyword of IN_PLACE_ARRAYS) {
      const branches = node[keyword];
      if (Array.isArray(branches)) branches.forEach(add);
    }
    for (const keyword of IN_PLACE_MAPS) {
      const map = node[keyword];
      if (isPlainObject(map)) Object.values(map).forEach(add);
    }
    const located = node as Schema;
    if (typeof node['$ref'] === 'string') {
      add(targetOf(node['$ref'], located.__absolute_ref__, `${pointer}/$ref`));
    }
    if (typeof node['$recursiveRef'] === 'string') {
      add(targetOf(node['$recursiveRef'], located.__absolute_recursive_ref__, pointer));
      // At run time it may land on any schema marked "$recursiveAnchor": true.
      for (const anchor of anchors) next.push(anchor.node);
    }
    edges.set(node, next);
  }
  boundInPlaceGraph(schemas, edges, pointers, limits);
}

interface Frame {
  readonly node: object;
  readonly children: readonly object[];
  next: number;
  longestChain: number;
  evaluations: number;
}

interface Measured {
  readonly longestChain: number;
  readonly evaluations: number;
}

/**
 * Depth-first over in-place edges (iterative: a long chain must not overflow the stack here).
 * A node seen again while still open is a loop that never consumes input; the measured chain
 * length and evaluation count are what one value costs the validator at that node.
 */
function boundInPlaceGraph(
  schemas: readonly LocatedSchema[],
  edges: ReadonlyMap<object, readonly object[]>,
  pointers: ReadonlyMap<object, string>,
  limits: JsonSchemaLimits,
): void {
  const measured = new Map<object, Measured | 'open'>();
  const open = (node: object): Frame => {
    measured.set(node, 'open');
    return { node, children: edges.get(node) ?? [], next: 0, longestChain: 0, evaluations: 0 };
  };
  const absorb = (frame: Frame, child: Measured): void => {
    frame.longestChain = Math.max(frame.longestChain, child.longestChain);
    frame.evaluations += child.evaluations;
  };

  for (const { node: start } of schemas) {
    if (measured.has(start)) continue;
    const stack: Frame[] = [open(start)];
    while (stack.length > 0) {
      const frame = stack[stack.length - 1] as Frame;
      const child = frame.children[frame.next++];
      if (child !== undefined) {
        const state = measured.get(child);
        if (state === 'open') {
          throw new SchemaError(
            'ref-cycle',
            `the schema at ${pointers.get(child) || '/'} applies itself to the same value ` +
              'again ($ref or composition loop) without descending into the value',
          );
        }
        if (state === undefined) stack.push(open(child));
        else absorb(frame, state);
        continue;
      }
      const done: Measured = {
        longestChain: frame.longestChain + 1,
        evaluations: frame.evaluations + 1,
      };
      const where = pointers.get(frame.node) || '/';
      if (done.longestChain > limits.maxDepth) {
        throw new SchemaError(
          'too-large',
          `the schema at ${where} chains more than ${limits.maxDepth} $ref or composition steps`,
        );
      }
      if (done.evaluations > limits.maxSubschemas) {
        throw new SchemaError(
          'too-large',
          `more than ${limits.maxSubschemas} subschemas may apply to one value at ${where} ` +
            '(counting every $ref expansion)',
        );
      }
      measured.set(frame.node, done);
      stack.pop();
      const parent = stack[stack.length - 1];
      if (parent !== undefined) absorb(parent, done);
    }
  }
}

function withoutFragment(uri: string): string {
  const hash = uri.indexOf('#');
  return hash === -1 ? uri : uri.slice(0, hash);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
