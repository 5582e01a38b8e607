// Behaviour of the validator combinators: what each accepts, and the issues explain() reports.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonValue,
  lazy,
  literal,
  number,
  numberWithin,
  object,
  optional,
  orAbsent,
  record,
  refine,
  string,
  union,
} from './combinators.js';
import { MAX_ISSUES, formatIssue, formatPath } from './validator.js';
import type { Validator } from './validator.js';

function messages(validator: Validator<unknown>, value: unknown): string[] {
  return validator.explain(value).map(formatIssue);
}

describe('primitives', () => {
  it('accept only their JSON type', () => {
    expect(string.is('')).toBe(true);
    expect(string.is(1)).toBe(false);
    expect(boolean.is(false)).toBe(true);
    expect(boolean.is(0)).toBe(false);
    expect(number.is(1.5)).toBe(true);
    expect(number.is(Number.NaN)).toBe(false);
    expect(number.is(Infinity)).toBe(false);
    expect(integer.is(3)).toBe(true);
    expect(integer.is(3.5)).toBe(false);
    expect(integer.is('3')).toBe(false);
  });

  it('explain what they expected and what they got', () => {
    expect(messages(string, null)).toEqual(['expected string, got null']);
    expect(messages(integer, 1.5)).toEqual(['expected integer, got 1.5']);
    expect(messages(number, [])).toEqual(['expected number, got array']);
  });

  it('check literals, enums and ranges', () => {
    expect(literal('2.0').is('2.0')).toBe(true);
    expect(messages(literal('2.0'), '1.0')).toEqual(['expected "2.0", got "1.0"']);
    expect(literal(null).is(null)).toBe(true);
    const level = enumOf('debug', 'info');
    expect(level.is('info')).toBe(true);
    expect(messages(level, 'trace')).toEqual(['expected one of "debug", "info", got "trace"']);
    const priority = numberWithin(0, 1);
    expect(priority.is(0) && priority.is(1) && priority.is(0.5)).toBe(true);
    expect(messages(priority, 2)).toEqual(['expected number between 0 and 1, got 2']);
    expect(numberWithin(0, Infinity, true).is(-1)).toBe(false);
  });
});

describe('object', () => {
  const tool = object({ name: string, description: optional(string) });

  it('requires required properties and checks present optional ones', () => {
    expect(tool.is({ name: 'a' })).toBe(true);
    expect(tool.is({ name: 'a', description: 'd' })).toBe(true);
    expect(tool.is({ description: 'd' })).toBe(false);
    expect(tool.is({ name: 'a', description: 3 })).toBe(false);
  });

  it('allows unknown extra properties, as the MCP schemas do', () => {
    expect(tool.is({ name: 'a', extra: { deep: [1, 2] } })).toBe(true);
  });

  it('rejects non-objects, arrays included', () => {
    expect(tool.is([])).toBe(false);
    expect(tool.is(null)).toBe(false);
    expect(messages(tool, [])).toEqual(['expected object, got array']);
  });

  it('reports every failing member with its path', () => {
    expect(messages(tool, { description: 3 })).toEqual([
      'name: missing required property (expected string)',
      'description: expected string, got number',
    ]);
  });

  it('names nested paths the way a reader expects', () => {
    const call = object({ params: object({ arguments: record(jsonValue) }) });
    expect(messages(call, { params: { arguments: 'x' } })).toEqual([
      'params.arguments: expected object, got string',
    ]);
    const meta = object({ _meta: object({ 'io.modelcontextprotocol/protocolVersion': string }) });
    expect(messages(meta, { _meta: {} })).toEqual([
      '_meta["io.modelcontextprotocol/protocolVersion"]: missing required property (expected string)',
    ]);
  });
});

describe('array and record', () => {
  it('check every item, up to an optional maximum length', () => {
    const values = array(string, 2);
    expect(values.is(['a', 'b'])).toBe(true);
    expect(values.is(['a', 'b', 'c'])).toBe(false);
    expect(messages(values, ['a', 'b', 'c'])).toEqual(['expected at most 2 items, got 3']);
    expect(messages(array(string), ['a', 1])).toEqual(['[1]: expected string, got number']);
  });

  it('check every own member of a record', () => {
    const headers = record(string);
    expect(headers.is({ a: 'x', b: 'y' })).toBe(true);
    expect(messages(headers, { a: 'x', 'b c': 2 })).toEqual([
      '["b c"]: expected string, got number',
    ]);
  });

  it('cap the number of issues', () => {
    const issues = array(string).explain(Array.from({ length: 1000 }, () => 0));
    expect(issues).toHaveLength(MAX_ISSUES);
  });
});

describe('union', () => {
  const scalar = union(string, integer, boolean, array(string));

  it('accepts any branch', () => {
    for (const value of ['a', 1, true, ['a']]) expect(scalar.is(value)).toBe(true);
    expect(scalar.is(1.5)).toBe(false);
  });

  it('explains the only branch of the right kind, or lists the alternatives', () => {
    expect(messages(scalar, ['a', 2])).toEqual(['[1]: expected string, got number']);
    expect(messages(scalar, null)).toEqual([
      'expected string or integer or boolean or array, got null',
    ]);
  });

  it('explains the closest object branch', () => {
    const contents = union(
      object({ uri: string, text: string }),
      object({ uri: string, blob: string }),
    );
    expect(messages(contents, { uri: 'u', blob: 1 })).toEqual([
      'blob: expected string, got number',
    ]);
  });
});

describe('discriminated', () => {
  const content = discriminated('type', {
    text: object({ type: literal('text'), text: string }),
    image: object({ type: literal('image'), data: string }),
  });

  it('checks only the branch its tag names', () => {
    expect(content.is({ type: 'text', text: 'hi' })).toBe(true);
    expect(content.is({ type: 'image', text: 'hi' })).toBe(false);
    expect(messages(content, { type: 'image', text: 'hi' })).toEqual([
      'data: missing required property (expected string)',
    ]);
  });

  it('reports a missing or unknown tag with the allowed values', () => {
    expect(messages(content, {})).toEqual([
      'type: missing required property (expected one of "text", "image")',
    ]);
    expect(messages(content, { type: 'video' })).toEqual([
      'type: expected one of "text", "image", got "video"',
    ]);
    expect(messages(content, { type: 'toString' })).toHaveLength(1);
  });

  it('uses the default branch when the tag is absent, if it has one', () => {
    const params = discriminated(
      'mode',
      {
        form: object({ mode: optional(literal('form')), message: string }),
        url: object({ mode: literal('url'), url: string }),
      },
      'form',
    );
    expect(params.is({ message: 'm' })).toBe(true);
    expect(params.is({ mode: 'url', url: 'u' })).toBe(true);
    expect(params.is({ mode: 'url', message: 'm' })).toBe(false);
  });
});

describe('lazy, refine, orAbsent', () => {
  interface Tree {
    children: Tree[];
  }
  const tree: Validator<Tree> = lazy(() => object({ children: array(tree) }));

  it('lazy allows recursive shapes', () => {
    expect(tree.is({ children: [{ children: [] }] })).toBe(true);
    expect(messages(tree, { children: [{ children: 1 }] })).toEqual([
      'children[0].children: expected array, got number',
    ]);
  });

  it('refine adds a rule after the shape passes', () => {
    const some = refine(
      object({ a: optional(string), b: optional(string) }),
      (v) => v.a !== undefined || v.b !== undefined,
      'needs "a" or "b"',
    );
    expect(some.is({ a: 'x' })).toBe(true);
    expect(messages(some, {})).toEqual(['needs "a" or "b"']);
    expect(messages(some, { a: 1 })).toEqual(['a: expected string, got number']);
  });

  it('orAbsent accepts undefined, for params that may be left out', () => {
    const params = orAbsent(object({ cursor: optional(string) }));
    expect(params.is(undefined)).toBe(true);
    expect(params.is({})).toBe(true);
    expect(params.is(null)).toBe(false);
  });
});

describe('formatPath', () => {
  it('uses dots for identifiers, brackets for indexes and other keys', () => {
    expect(formatPath(['params', 'content', 0, 'text'])).toBe('params.content[0].text');
    expect(formatPath(['_meta', 'a/b'])).toBe('_meta["a/b"]');
    expect(formatPath([])).toBe('');
  });
});

describe('check and explain agree', () => {
  const validators: Validator<unknown>[] = [
    object({ name: string, tags: optional(array(string)), n: optional(integer) }),
    union(string, array(record(number))),
    jsonValue,
  ];

  it('explain is empty exactly when is() is true, and neither throws', () => {
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), (value) => {
        for (const validator of validators) {
          expect(validator.explain(value).length === 0).toBe(validator.is(value));
        }
      }),
    );
  });

  it('validate() returns the value or the issues', () => {
    const result = string.validate(3);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map(formatIssue)).toEqual(['expected string, got number']);
    expect(string.validate('x')).toEqual({ ok: true, value: 'x' });
  });
});
