// compileJsonSchema: dialects, local-only $ref, the size and cycle bounds, and issue reporting.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { compileJsonSchema } from './json-schema.js';
import { SchemaError } from './schema-error.js';
import type { SchemaProblem } from './schema-error.js';

/** Runs `compile` and returns the SchemaError problem it threw. */
function problemOf(compile: () => unknown): SchemaProblem {
  try {
    compile();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as SchemaError).problem;
  }
  throw new Error('expected a SchemaError');
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

describe('dialects', () => {
  it('defaults to 2020-12: prefixItems is a tuple, items covers the rest', () => {
    const tuple = compileJsonSchema({
      type: 'array',
      prefixItems: [{ type: 'string' }, { type: 'number' }],
      items: false,
    });
    expect(tuple.dialect).toBe('2020-12');
    expect(tuple.validate(['a', 1]).ok).toBe(true);
    expect(tuple.validate([1, 'a']).ok).toBe(false);
    expect(tuple.validate(['a', 1, true]).ok).toBe(false);
  });

  it('refuses the array form of items in 2020-12, with the fix in the message', () => {
    expect(() => compileJsonSchema({ type: 'array', items: [{ type: 'string' }] })).toThrow(
      /prefixItems/,
    );
  });

  it('draft-07: items array form with additionalItems; prefixItems means nothing there', () => {
    const tuple = compileJsonSchema({
      $schema: DRAFT_07,
      type: 'array',
      items: [{ type: 'string' }, { type: 'number' }],
      additionalItems: false,
    });
    expect(tuple.dialect).toBe('draft-07');
    expect(tuple.validate(['a', 1]).ok).toBe(true);
    expect(tuple.validate(['a', 'b']).ok).toBe(false);
    expect(tuple.validate(['a', 1, 2]).ok).toBe(false);

    const foreign = compileJsonSchema({ $schema: DRAFT_07, prefixItems: [{ type: 'string' }] });
    expect(foreign.validate([1]).ok).toBe(true);
  });

  it('resolves $defs in 2020-12 and definitions in draft-07', () => {
    const modern = compileJsonSchema({
      type: 'object',
      properties: { id: { $ref: '#/$defs/id' } },
      $defs: { id: { type: 'integer' } },
    });
    expect(modern.validate({ id: 3 }).ok).toBe(true);
    expect(modern.validate({ id: 'x' }).ok).toBe(false);

    const legacy = compileJsonSchema({
      $schema: DRAFT_07,
      type: 'object',
      properties: { id: { $ref: '#/definitions/id' } },
      definitions: { id: { type: 'integer' } },
    });
    expect(legacy.validate({ id: 3 }).ok).toBe(true);
    expect(legacy.validate({ id: 1.5 }).ok).toBe(false);
  });

  it('applies dependentRequired in 2020-12 and dependencies in draft-07, each only there', () => {
    const modern = compileJsonSchema({ type: 'object', dependentRequired: { card: ['cvv'] } });
    expect(modern.validate({ card: '1' }).ok).toBe(false);
    expect(modern.validate({ card: '1', cvv: '2' }).ok).toBe(true);
    const ignored = compileJsonSchema({ type: 'object', dependencies: { card: ['cvv'] } });
    expect(ignored.validate({ card: '1' }).ok).toBe(true);

    const legacy = compileJsonSchema({ $schema: DRAFT_07, dependencies: { card: ['cvv'] } });
    expect(legacy.validate({ card: '1' }).ok).toBe(false);
    const legacyIgnored = compileJsonSchema({
      $schema: DRAFT_07,
      dependentRequired: { card: ['cvv'] },
    });
    expect(legacyIgnored.validate({ card: '1' }).ok).toBe(true);
  });

  it('accepts 2019-09 and the URI spellings generators use', () => {
    for (const uri of [
      'https://json-schema.org/draft/2019-09/schema',
      'https://json-schema.org/draft/2019-09/schema#',
    ]) {
      expect(compileJsonSchema({ $schema: uri }).dialect).toBe('2019-09');
    }
    expect(compileJsonSchema({ $schema: 'http://json-schema.org/draft-07/schema' }).dialect).toBe(
      'draft-07',
    );
    expect(
      compileJsonSchema({ $schema: 'https://json-schema.org/draft/2020-12/schema' }).dialect,
    ).toBe('2020-12');
  });

  it('refuses an unknown $schema with a message naming the supported ones', () => {
    expect(
      problemOf(() => compileJsonSchema({ $schema: 'http://json-schema.org/draft-04/schema#' })),
    ).toBe('unsupported-dialect');
    expect(() => compileJsonSchema({ $schema: 'https://example.com/my-dialect' })).toThrow(
      /not supported.*2020-12/,
    );
    expect(problemOf(() => compileJsonSchema({ $schema: 7 }))).toBe('unsupported-dialect');
  });
});

describe('the schema itself', () => {
  it('must be an object: null, arrays, booleans and class instances are refused', () => {
    for (const notObject of [null, [], true, 'x', new Map()]) {
      expect(problemOf(() => compileJsonSchema(notObject as never))).toBe('not-a-schema');
    }
  });

  it('must be JSON: functions and NaN are refused, undefined members dropped', () => {
    expect(problemOf(() => compileJsonSchema({ type: 'object', default: () => 1 }))).toBe(
      'not-json',
    );
    expect(problemOf(() => compileJsonSchema({ minimum: Number.NaN }))).toBe('not-json');
    expect(compileJsonSchema({ type: 'string', description: undefined }).jsonSchema).toEqual({
      type: 'string',
    });
  });

  it('keeps the wire copy frozen and apart from the input, and leaves the input untouched', () => {
    const given = { type: 'object', properties: { a: { $ref: '#/$defs/a' } }, $defs: { a: {} } };
    const snapshot = structuredClone(given);
    const compiled = compileJsonSchema(given);
    expect(given).toEqual(snapshot);
    expect(Object.getOwnPropertyNames(given.properties.a)).toEqual(['$ref']);
    expect(compiled.jsonSchema).toEqual(snapshot);
    expect(compiled.jsonSchema).not.toBe(given);
    expect(Object.isFrozen(compiled.jsonSchema)).toBe(true);
    expect(Object.isFrozen(compiled.jsonSchema['properties'])).toBe(true);
  });

  it('keeps extension keywords such as x-mcp-header on the wire', () => {
    const schema = {
      type: 'object',
      properties: { region: { type: 'string', 'x-mcp-header': 'Region' } },
    };
    expect(compileJsonSchema(schema).jsonSchema).toEqual(schema);
  });

  it('refuses keywords of the wrong shape instead of failing at validation time', () => {
    expect(problemOf(() => compileJsonSchema({ anyOf: {} }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ allOf: [] }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ type: 'text' }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ required: 'a' }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ pattern: '(' }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ patternProperties: { '[': {} } }))).toBe(
      'invalid-schema',
    );
    expect(problemOf(() => compileJsonSchema({ properties: { a: 3 } }))).toBe('invalid-schema');
    expect(problemOf(() => compileJsonSchema({ $dynamicRef: '#meta' }))).toBe('invalid-schema');
  });
});

describe('$ref resolution', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('refuses network refs at compile time and never calls fetch', () => {
    const fetchSpy = vi.fn(() => Promise.reject(new Error('no network in this test')));
    vi.stubGlobal('fetch', fetchSpy);
    for (const ref of [
      'http://169.254.169.254/latest/meta-data/',
      'https://example.com/s.json',
      'https://example.com/s.json#/definitions/a',
      'other.json',
    ]) {
      expect(
        problemOf(() => compileJsonSchema({ type: 'object', properties: { a: { $ref: ref } } })),
      ).toBe('external-ref');
    }
    expect(() => compileJsonSchema({ $ref: 'http://169.254.169.254/x' })).toThrow(
      /nothing is ever fetched/,
    );
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('resolves refs to $id-named resources inside the same document', () => {
    const compiled = compileJsonSchema({
      $id: 'https://example.com/root.json',
      type: 'object',
      properties: { item: { $ref: 'item.json' }, tag: { $ref: '#tag' } },
      $defs: {
        item: { $id: 'item.json', type: 'integer' },
        tag: { $anchor: 'tag', type: 'string' },
      },
    });
    expect(compiled.validate({ item: 1, tag: 'x' }).ok).toBe(true);
    expect(compiled.validate({ item: 'one' }).ok).toBe(false);
    expect(compiled.validate({ tag: 2 }).ok).toBe(false);
  });

  it('refuses a local ref that points at nothing, or at something that is not a subschema', () => {
    expect(problemOf(() => compileJsonSchema({ $ref: '#/$defs/missing' }))).toBe('unresolved-ref');
    expect(
      problemOf(() => compileJsonSchema({ $ref: '#/x-data', 'x-data': { type: 'string' } })),
    ).toBe('unresolved-ref');
  });

  it('accepts recursion that descends into the value', () => {
    const tree = compileJsonSchema({
      type: 'object',
      properties: { children: { type: 'array', items: { $ref: '#' } } },
      additionalProperties: false,
    });
    expect(tree.validate({ children: [{ children: [] }, {}] }).ok).toBe(true);
    const result = tree.validate({ children: [{ children: [{ oops: 1 }] }] });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: ['children', 0, 'children', 0, 'oops'], message: 'unexpected property' }],
    });
  });

  it('refuses $ref and composition loops that never consume input', () => {
    expect(problemOf(() => compileJsonSchema({ $ref: '#' }))).toBe('ref-cycle');
    expect(problemOf(() => compileJsonSchema({ type: 'object', allOf: [{ $ref: '#' }] }))).toBe(
      'ref-cycle',
    );
    expect(
      problemOf(() =>
        compileJsonSchema({
          $ref: '#/$defs/a',
          $defs: { a: { anyOf: [{ $ref: '#/$defs/b' }] }, b: { not: { $ref: '#/$defs/a' } } },
        }),
      ),
    ).toBe('ref-cycle');
  });
});

describe('bounds', () => {
  /** `{ anyOf: [{ anyOf: [ … { type: 'string' } ] }] }`, `depth` levels, built without recursion. */
  function nestedAnyOf(depth: number): Record<string, unknown> {
    let schema: Record<string, unknown> = { type: 'string' };
    for (let i = 0; i < depth; i++) schema = { anyOf: [schema] };
    return schema;
  }

  it('refuses 10 000 nested anyOf without overflowing the stack', () => {
    expect(problemOf(() => compileJsonSchema(nestedAnyOf(10_000)))).toBe('too-large');
  });

  it('accepts nesting within the depth limit, which is configurable', () => {
    const compiled = compileJsonSchema(nestedAnyOf(30));
    expect(compiled.validate('x').ok).toBe(true);
    expect(compiled.validate(1).ok).toBe(false);
    expect(problemOf(() => compileJsonSchema(nestedAnyOf(30), { maxDepth: 10 }))).toBe('too-large');
  });

  it('bounds the number of subschemas and the branches of one composition', () => {
    const wide = { anyOf: Array.from({ length: 50 }, (_, i) => ({ const: i })) };
    expect(compileJsonSchema(wide).validate(49).ok).toBe(true);
    expect(problemOf(() => compileJsonSchema(wide, { maxBranches: 49 }))).toBe('too-large');
    const properties = Object.fromEntries(
      Array.from({ length: 200 }, (_, i) => [`p${i}`, { type: 'string' }]),
    );
    expect(problemOf(() => compileJsonSchema({ properties }, { maxSubschemas: 100 }))).toBe(
      'too-large',
    );
  });

  it('refuses refs that fan out exponentially on one value, though the document is small', () => {
    // Each level refers twice to the next: 2^40 evaluations of a failing value.
    const defs: Record<string, unknown> = { d40: { type: 'string' } };
    for (let i = 0; i < 40; i++) {
      const next = { $ref: `#/$defs/d${i + 1}` };
      defs[`d${i}`] = { anyOf: [next, { ...next }] };
    }
    expect(problemOf(() => compileJsonSchema({ $ref: '#/$defs/d0', $defs: defs }))).toBe(
      'too-large',
    );
  });

  it('refuses a long chain of in-place refs', () => {
    const defs: Record<string, unknown> = { d100: { type: 'string' } };
    for (let i = 0; i < 100; i++) defs[`d${i}`] = { $ref: `#/$defs/d${i + 1}` };
    expect(problemOf(() => compileJsonSchema({ $ref: '#/$defs/d0', $defs: defs }))).toBe(
      'too-large',
    );
  });

  it('refuses an object graph that contains itself', () => {
    const looped: Record<string, unknown> = { type: 'object' };
    looped['properties'] = { self: looped };
    expect(problemOf(() => compileJsonSchema(looped))).toBe('too-large');
  });
});

describe('validate', () => {
  const person = compileJsonSchema({
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1 },
      age: { type: 'integer', minimum: 0 },
      tags: { type: 'array', items: { enum: ['a', 'b'] } },
      'odd/key': { type: 'boolean' },
    },
    required: ['name'],
  });

  it('returns the value itself when it is valid', () => {
    const value = { name: 'Ada', age: 36 };
    expect(person.validate(value)).toEqual({ ok: true, value });
  });

  it('reports every problem with a path and a short message', () => {
    const result = person.validate({ age: 'old', tags: ['a', 'c'], 'odd/key': 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      { path: ['name'], message: 'required property is missing' },
      { path: ['age'], message: 'expected integer, got string' },
      { path: ['tags', 1], message: 'must be one of ["a","b"]' },
      { path: ['odd/key'], message: 'expected boolean, got number' },
    ]);
  });

  it('stops at the first problem when allErrors is false', () => {
    const first = compileJsonSchema(
      { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      { allErrors: false },
    );
    const result = first.validate({ a: 1, b: 2 });
    expect(result.ok === false && result.issues.length).toBe(1);
  });

  it('summarizes failed alternatives once instead of branch by branch', () => {
    const nullable = compileJsonSchema({ anyOf: [{ type: 'string' }, { type: 'null' }] });
    expect(nullable.validate(3)).toEqual({
      ok: false,
      issues: [{ path: [], message: 'does not match any of the allowed alternatives' }],
    });
  });

  it('turns values JSON cannot hold and hostile nesting into issues, never into throws', () => {
    const any = compileJsonSchema({ type: 'object', additionalProperties: { type: 'object' } });
    expect(any.validate(undefined).ok).toBe(false);
    expect(any.validate({ a: () => 1 }).ok).toBe(false);
    const tree = compileJsonSchema({ type: 'object', properties: { c: { $ref: '#' } } });
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 100_000; i++) deep = { c: deep };
    const result = tree.validate(deep);
    expect(result.ok === false && result.issues[0]?.message).toMatch(/nested too deeply/);
  });
});
