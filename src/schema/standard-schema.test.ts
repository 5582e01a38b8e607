// compileUserSchema / toToolSchema with real schema libraries (zod 4, zod 3 + a converter,
// valibot, arktype), plain JSON Schema, and the loud failures for unusable conversions.
import { toStandardJsonSchema } from '@valibot/to-json-schema';
import { type } from 'arktype';
import * as v from 'valibot';
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { z as z3 } from 'zod3';
import { zodToJsonSchema } from 'zod-to-json-schema';
import { SchemaError } from './schema-error.js';
import type { SchemaProblem } from './schema-error.js';
import { compileUserSchema, toToolSchema } from './standard-schema.js';
import type { StandardSchemaV1 } from './standard-schema.js';
import type { ValidationResult } from './validation-result.js';

const DRAFT_2020_12 = 'https://json-schema.org/draft/2020-12/schema';

function problemOf(compile: () => unknown): SchemaProblem {
  try {
    compile();
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    return (error as SchemaError).problem;
  }
  throw new Error('expected a SchemaError');
}

function issuesOf(result: ValidationResult): unknown {
  return result.ok ? [] : result.issues;
}

describe('zod 4 (Standard JSON Schema built in)', () => {
  const args = z.object({ a: z.number(), b: z.string().optional() });

  it('converts to 2020-12 JSON Schema and validates with zod itself', async () => {
    const compiled = toToolSchema(args);
    expect(compiled.vendor).toBe('zod');
    expect(compiled.dialect).toBe('2020-12');
    expect(compiled.jsonSchema).toEqual({
      $schema: DRAFT_2020_12,
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'string' } },
      required: ['a'],
    });
    expect(await compiled.validate({ a: 1 })).toEqual({ ok: true, value: { a: 1 } });
    const failed = await compiled.validate({ a: 'x' });
    expect(failed.ok).toBe(false);
    expect(issuesOf(failed)).toEqual([{ path: ['a'], message: expect.stringMatching(/number/) }]);
  });

  it('infers the validated type from the schema', async () => {
    const result = await toToolSchema(args).validate({ a: 1 });
    if (result.ok)
      expectTypeOf(result.value).toEqualTypeOf<{ a: number; b?: string | undefined }>();
  });

  it('uses the output side for a tool output: defaults applied, value transformed', async () => {
    const result = z.object({ n: z.number().default(1) });
    const output = compileUserSchema(result, { role: 'tool output' });
    expect(output.jsonSchema['required']).toEqual(['n']);
    expect(await output.validate({})).toEqual({ ok: true, value: { n: 1 } });
    const input = toToolSchema(result);
    expect(input.jsonSchema['required']).toBeUndefined();
  });

  it('supports async refinements: validate returns a promise', async () => {
    const even = z.object({ n: z.number().refine(async (n) => Promise.resolve(n % 2 === 0)) });
    const compiled = toToolSchema(even);
    const pending = compiled.validate({ n: 2 });
    expect(pending).toBeInstanceOf(Promise);
    expect(await pending).toEqual({ ok: true, value: { n: 2 } });
    expect((await compiled.validate({ n: 3 })).ok).toBe(false);
  });

  it('refuses a tool input that is not an object schema', () => {
    expect(problemOf(() => toToolSchema(z.string()))).toBe('not-an-object-schema');
    expect(problemOf(() => toToolSchema(z.object({ a: z.number() }).nullable()))).toBe(
      'not-an-object-schema',
    );
  });

  it('accepts any root type for a tool output (arrays are allowed there)', async () => {
    const list = compileUserSchema(z.array(z.string()), { role: 'tool output' });
    expect(list.jsonSchema['type']).toBe('array');
    expect((await list.validate(['a'])).ok).toBe(true);
  });

  it('accepts an object with no fields, which really accepts {}', async () => {
    const none = toToolSchema(z.object({}));
    expect((await none.validate({})).ok).toBe(true);
  });

  it('reports a converter failure as a SchemaError with the library message', () => {
    expect(problemOf(() => toToolSchema(z.object({ when: z.date() })))).toBe('conversion-failed');
  });
});

describe('zod 3 (no Standard JSON Schema): a converter option', () => {
  const args = z3.object({ a: z3.number(), pair: z3.tuple([z3.string(), z3.number()]) });

  it('without a converter: a clear error that says what to do', () => {
    expect(problemOf(() => toToolSchema(args))).toBe('no-json-schema');
    expect(() => toToolSchema(args)).toThrow(/toJsonSchema.*zod-to-json-schema/);
  });

  it('with zod-to-json-schema: a draft-07 schema, validated by zod 3', async () => {
    const compiled = toToolSchema(args, {
      toJsonSchema: (schema) => zodToJsonSchema(schema as never),
    });
    expect(compiled.dialect).toBe('draft-07');
    expect(compiled.jsonSchema['required']).toEqual(['a', 'pair']);
    expect(await compiled.validate({ a: 1, pair: ['x', 2] })).toEqual({
      ok: true,
      value: { a: 1, pair: ['x', 2] },
    });
    expect(issuesOf(await compiled.validate({ a: 1, pair: ['x', 'y'] }))).toEqual([
      { path: ['pair', 1], message: expect.any(String) },
    ]);
    const result = await compiled.validate({});
    if (result.ok)
      expectTypeOf(result.value).toEqualTypeOf<{ a: number; pair: [string, number] }>();
  });

  it('fails loudly on the silent empty schema (zod 4 given to the zod 3 converter)', () => {
    const zod4 = z.object({ a: z.number() });
    const convert = (schema: unknown): unknown => zodToJsonSchema(schema as never);
    expect(convert(zod4)).toEqual({ $schema: 'http://json-schema.org/draft-07/schema#' });
    expect(problemOf(() => toToolSchema(zod4, { toJsonSchema: convert }))).toBe('empty-conversion');
  });

  it('fails loudly when the conversion kept "type": "object" but lost the fields', () => {
    const lossy = (): unknown => ({ type: 'object', properties: {} });
    expect(problemOf(() => toToolSchema(args, { toJsonSchema: lossy }))).toBe('empty-conversion');
    expect(() => toToolSchema(args, { toJsonSchema: lossy })).toThrow(/lost the fields/);
    const trusted = toToolSchema(args, { toJsonSchema: lossy, trustConversion: true });
    expect(trusted.jsonSchema).toEqual({ type: 'object', properties: {} });
  });

  it('refuses a converter that throws or returns something other than a schema object', () => {
    const throwing = (): unknown => {
      throw new Error('boom');
    };
    expect(problemOf(() => toToolSchema(args, { toJsonSchema: throwing }))).toBe(
      'conversion-failed',
    );
    expect(problemOf(() => toToolSchema(args, { toJsonSchema: () => null }))).toBe(
      'conversion-failed',
    );
  });

  it('still applies the $ref rules to what a converter returns', () => {
    const remote = (): unknown => ({
      type: 'object',
      properties: { a: { $ref: 'https://x.test/a' } },
    });
    expect(problemOf(() => toToolSchema(args, { toJsonSchema: remote }))).toBe('external-ref');
    expect(() => toToolSchema(args, { toJsonSchema: remote })).toThrow(
      /^tool input schema: .*nothing is ever fetched/,
    );
  });
});

describe('valibot', () => {
  const args = v.object({ name: v.string(), count: v.pipe(v.number(), v.minValue(1)) });

  it('through toStandardJsonSchema: converts and validates with valibot', async () => {
    const compiled = toToolSchema(toStandardJsonSchema(args));
    expect(compiled.vendor).toBe('valibot');
    expect(compiled.jsonSchema).toMatchObject({
      type: 'object',
      properties: { name: { type: 'string' }, count: { type: 'number', minimum: 1 } },
      required: ['name', 'count'],
    });
    expect((await compiled.validate({ name: 'x', count: 2 })).ok).toBe(true);
    expect(issuesOf(await compiled.validate({ name: 'x', count: 0 }))).toEqual([
      { path: ['count'], message: expect.any(String) },
    ]);
    const result = await compiled.validate({});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<{ name: string; count: number }>();
  });

  it('a bare valibot schema has no JSON Schema support: the error names the fix', () => {
    expect(() => toToolSchema(args)).toThrow(/toStandardJsonSchema/);
  });
});

describe('arktype', () => {
  const args = type({ id: 'string', 'limit?': 'number.integer' });

  it('converts and validates with arktype', async () => {
    const compiled = toToolSchema(args);
    expect(compiled.vendor).toBe('arktype');
    expect(compiled.jsonSchema).toMatchObject({
      type: 'object',
      properties: { id: { type: 'string' }, limit: { type: 'integer' } },
      required: ['id'],
    });
    expect(await compiled.validate({ id: 'a', limit: 3 })).toEqual({
      ok: true,
      value: { id: 'a', limit: 3 },
    });
    expect(issuesOf(await compiled.validate({ id: 'a', limit: 1.5 }))).toEqual([
      { path: ['limit'], message: expect.any(String) },
    ]);
    const result = await compiled.validate({});
    if (result.ok) expectTypeOf(result.value).toEqualTypeOf<{ id: string; limit?: number }>();
  });
});

describe('plain JSON Schema and other inputs', () => {
  it('compiles a JSON Schema object and validates synchronously', () => {
    const compiled = toToolSchema({ type: 'object', properties: { a: { type: 'number' } } });
    expect(compiled.vendor).toBeUndefined();
    const result = compiled.validate({ a: 'x' });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: ['a'], message: 'expected number, got string' }],
    });
    expectTypeOf(compiled.validate).returns.toEqualTypeOf<
      ValidationResult<Record<string, unknown>> | Promise<ValidationResult<Record<string, unknown>>>
    >();
  });

  it('requires an object root for tool input, not for a schema without a role', () => {
    expect(problemOf(() => toToolSchema({ type: 'string' }))).toBe('not-an-object-schema');
    expect(compileUserSchema({ type: 'string' }).validate('x')).toEqual({ ok: true, value: 'x' });
  });

  it('refuses what is neither a JSON Schema object nor a Standard Schema', () => {
    class LegacySchema {
      shape = { a: 1 };
    }
    for (const notSchema of [null, 'x', [], new LegacySchema()]) {
      expect(problemOf(() => compileUserSchema(notSchema as never))).toBe('not-a-schema');
    }
  });

  it('refuses a Standard Schema of another version', () => {
    const future = { '~standard': { version: 2, vendor: 'next', validate: () => ({ value: 1 }) } };
    expect(problemOf(() => compileUserSchema(future as never))).toBe('not-a-schema');
  });

  it('validates a Standard JSON Schema without validate() against its JSON Schema', () => {
    const describedOnly = {
      '~standard': {
        version: 1 as const,
        vendor: 'describer',
        jsonSchema: {
          input: () => ({ type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }),
          output: () => ({ type: 'object' }),
        },
      },
    };
    const compiled = toToolSchema(describedOnly);
    expect(compiled.validate({ a: 'x' })).toEqual({ ok: true, value: { a: 'x' } });
    expect(issuesOf(compiled.validate({}) as ValidationResult)).toEqual([
      { path: ['a'], message: 'required property is missing' },
    ]);
  });

  it('normalizes issue paths: segment objects and symbols become keys', async () => {
    const key = Symbol('inner');
    const custom: StandardSchemaV1<unknown, { a: string }> = {
      '~standard': {
        version: 1,
        vendor: 'custom',
        validate: () => ({ issues: [{ message: 'bad', path: [{ key: 'a' }, 0, key] }] }),
      },
    };
    const compiled = toToolSchema(custom, {
      toJsonSchema: () => ({ type: 'object', properties: { a: { type: 'string' } } }),
    });
    expect(await compiled.validate({})).toEqual({
      ok: false,
      issues: [{ path: ['a', 0, 'inner'], message: 'bad' }],
    });
  });
});
