// describeIssues: one readable line per validation failure, for isError results a model reads.
import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { describeIssues, formatIssuePath } from './describe-issues.js';
import { compileJsonSchema } from './json-schema.js';
import { toToolSchema } from './standard-schema.js';

describe('formatIssuePath', () => {
  it('writes identifiers with dots, indexes in brackets, other keys quoted', () => {
    expect(formatIssuePath([])).toBe('');
    expect(formatIssuePath(['a'])).toBe('a');
    expect(formatIssuePath(['a', 0, 'b'])).toBe('a[0].b');
    expect(formatIssuePath(['odd key', 'x-y'])).toBe('["odd key"]["x-y"]');
    expect(formatIssuePath([2])).toBe('[2]');
  });
});

describe('describeIssues', () => {
  it('reads like the message an isError tool result needs', () => {
    const compiled = compileJsonSchema({
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'array', items: { type: 'string' } } },
      required: ['c'],
    });
    const result = compiled.validate({ a: 'x', b: ['ok', 3] });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(`Invalid arguments for tool "x": ${describeIssues(result.issues)}`).toBe(
      'Invalid arguments for tool "x": c: required property is missing; ' +
        'a: expected number, got string; b[1]: expected string, got number',
    );
  });

  it('leaves the path out for the value itself', () => {
    expect(describeIssues([{ path: [], message: 'expected object, got array' }])).toBe(
      'expected object, got array',
    );
  });

  it('caps the list and says how many were left out', () => {
    const issues = Array.from({ length: 15 }, (_, i) => ({ path: [`p${i}`], message: 'bad' }));
    const text = describeIssues(issues, { maxIssues: 3 });
    expect(text).toBe('p0: bad; p1: bad; p2: bad (and 12 more)');
  });

  it('describes issues from a Standard Schema library the same way', async () => {
    const compiled = toToolSchema(z.object({ a: z.number() }));
    const result = await compiled.validate({ a: 'x' });
    expect(result.ok === false && describeIssues(result.issues)).toMatch(/^a: .*number/);
  });
});
