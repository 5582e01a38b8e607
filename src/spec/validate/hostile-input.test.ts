// Hostile input: deep nesting, prototype keys, huge arrays and exotic values are rejected (or
// accepted) cleanly; validation never throws and never reads through the prototype chain.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { array, jsonValue, object, optional, record, string } from './combinators.js';
import { classifyMessage } from './envelope.js';
import { legacyValidators } from './legacy.js';
import { modernRequests, modernResults, modernValidators } from './modern.js';
import { MAX_DEPTH, MAX_ISSUES, formatIssue } from './validator.js';
import type { Validator } from './validator.js';

function nestedArrays(depth: number): unknown {
  return JSON.parse('['.repeat(depth) + ']'.repeat(depth));
}

function nestedObjects(depth: number): unknown {
  return JSON.parse('{"a":'.repeat(depth) + '{}' + '}'.repeat(depth));
}

const meta = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
};

function toolCall(args: unknown): Record<string, unknown> {
  return {
    jsonrpc: '2.0',
    id: 1,
    method: 'tools/call',
    params: { _meta: meta, name: 't', arguments: args },
  };
}

describe('deep nesting', () => {
  it(`accepts JSON nested ${MAX_DEPTH} containers deep and rejects one level more`, () => {
    expect(jsonValue.is(nestedArrays(MAX_DEPTH))).toBe(true);
    expect(jsonValue.is(nestedArrays(MAX_DEPTH + 1))).toBe(false);
    expect(jsonValue.is(nestedObjects(MAX_DEPTH - 1))).toBe(true);
    expect(jsonValue.is(nestedObjects(MAX_DEPTH + 1))).toBe(false);
  });

  it('rejects 100 000 levels inside a tool call with one issue, without throwing', () => {
    for (const deep of [nestedArrays(100_000), nestedObjects(100_000)]) {
      const message = toolCall({ deep });
      expect(modernRequests['tools/call'].is(message)).toBe(false);
      const issues = modernRequests['tools/call'].explain(message);
      expect(issues).toHaveLength(1);
      expect(issues[0]!.message).toBe(`nested deeper than ${MAX_DEPTH} levels`);
      expect(formatIssue(issues[0]!)).toMatch(
        /^params\.arguments\.deep(\[0\]|\.a)+: nested deeper/,
      );
    }
  });

  it('bounds recursion through lazy and nested shapes too', () => {
    const list = object({ items: optional(array(record(jsonValue))) });
    let value: unknown = {};
    for (let i = 0; i < 5000; i++) value = { items: [{ next: value }] };
    expect(list.is(value)).toBe(false);
    expect(() => list.explain(value)).not.toThrow();
  });
});

describe('prototype keys are plain data', () => {
  const named = object({ name: string });

  it('a "__proto__" member from JSON.parse neither satisfies nor breaks a check', () => {
    const value = JSON.parse('{"__proto__": {"name": "inherited"}}') as unknown;
    expect(named.is(value)).toBe(false);
    expect(named.explain(value).map(formatIssue)).toEqual([
      'name: missing required property (expected string)',
    ]);
    const both = JSON.parse('{"__proto__": 1, "name": "own"}') as unknown;
    expect(named.is(both)).toBe(true);
  });

  it('inherited members such as "constructor" and "toString" are never read', () => {
    const shape = object({ constructor: string, toString: optional(string) });
    expect(shape.is({})).toBe(false);
    expect(shape.is(JSON.parse('{"constructor": "x"}'))).toBe(true);
    expect(shape.is(JSON.parse('{"constructor": "x", "toString": 1}'))).toBe(false);
  });

  it('records check "__proto__" members as data', () => {
    const strings = record(string);
    expect(strings.is(JSON.parse('{"__proto__": "x"}'))).toBe(true);
    expect(strings.is(JSON.parse('{"__proto__": 1}'))).toBe(false);
    expect(strings.explain(JSON.parse('{"__proto__": 1}')).map(formatIssue)).toEqual([
      '__proto__: expected string, got number',
    ]);
  });

  it('a polluted Object.prototype does not satisfy a rule', () => {
    const prototype = Object.prototype as Record<string, unknown>;
    prototype['requestState'] = 'forged';
    prototype['name'] = 'forged';
    try {
      expect(modernResults['tools/call'].is({ resultType: 'input_required' })).toBe(false);
      expect(named.is({})).toBe(false);
    } finally {
      delete prototype['requestState'];
      delete prototype['name'];
    }
  });

  it('validating many hostile messages never pollutes Object.prototype', () => {
    const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted');
    const hostile = fc.dictionary(hostileKey, fc.jsonValue({ maxDepth: 3 }));
    fc.assert(
      fc.property(hostile, hostile, (params, args) => {
        const text = JSON.stringify({ ...toolCall(args), params: { ...params, arguments: args } });
        const message: unknown = JSON.parse(text);
        classifyMessage(message);
        modernRequests['tools/call'].explain(message);
      }),
      { numRuns: 2000 },
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.keys(Object.prototype)).toEqual([]);
  });
});

describe('huge and exotic values', () => {
  it('validates a million-element array and caps the issues of a bad one', () => {
    const big = Array.from({ length: 1_000_000 }, (_, i) => `v${i}`);
    expect(array(string).is(big)).toBe(true);
    const bad = Array.from({ length: 1_000_000 }, () => 1);
    expect(array(string).explain(bad)).toHaveLength(MAX_ISSUES);
  });

  it('rejects values JSON cannot carry', () => {
    for (const value of [undefined, () => 1, Symbol('s'), 10n, Number.NaN, -Infinity]) {
      expect(jsonValue.is(value)).toBe(false);
      expect(jsonValue.explain(value)).toHaveLength(1);
    }
    const sparse: unknown[] = [1];
    sparse[2] = 3;
    expect(jsonValue.is(sparse)).toBe(false);
  });

  it('accepts objects without a prototype', () => {
    const bare = Object.assign(Object.create(null) as object, { name: 'x' });
    expect(object({ name: string }).is(bare)).toBe(true);
  });

  it('never throws, even on throwing getters and proxies', () => {
    const trap = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new Error('trap');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('trap');
        },
      },
    );
    const getter = Object.defineProperty({}, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    for (const value of [trap, getter, { params: trap }]) {
      for (const validator of [object({ name: string }), record(string), jsonValue]) {
        expect(validator.is(value)).toBe(false);
        expect(() => validator.explain(value)).not.toThrow();
        expect(validator.explain(value).length).toBeGreaterThan(0);
      }
      expect(() => classifyMessage(value)).not.toThrow();
    }
  });

  it('no registered validator throws on arbitrary values', () => {
    const all: Validator<unknown>[] = [
      ...Object.values(modernValidators as Record<string, Validator<unknown>>),
      ...Object.values(legacyValidators as Record<string, Validator<unknown>>),
    ];
    fc.assert(
      fc.property(fc.anything({ withNullPrototype: true, withSparseArray: true }), (value) => {
        for (const validator of all) {
          const ok = validator.is(value);
          expect(validator.explain(value).length === 0).toBe(ok);
        }
      }),
      { numRuns: 300 },
    );
  });
});
