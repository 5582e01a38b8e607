// Differential property test: on random values, compiled schemas accept exactly what Ajv (an
// independent implementation) accepts, for 2020-12 and draft-07, and validate never throws.
import Ajv2020 from 'ajv/dist/2020.js';
import AjvDraft7 from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileJsonSchema } from './json-schema.js';

const MODERN_SCHEMAS = [
  {
    type: 'object',
    properties: {
      name: { type: 'string', minLength: 1, maxLength: 5 },
      n: { type: 'integer', minimum: -3, exclusiveMaximum: 10 },
      tags: { type: 'array', prefixItems: [{ type: 'string' }], items: { type: 'number' } },
      mode: { enum: ['a', 'b', 1, null] },
    },
    required: ['name'],
    dependentRequired: { n: ['mode'] },
    additionalProperties: { type: ['boolean', 'null'] },
  },
  {
    $defs: { leaf: { type: 'string', pattern: '^[a-c]+$' } },
    anyOf: [{ $ref: '#/$defs/leaf' }, { type: 'array', items: { $ref: '#' }, maxItems: 3 }],
  },
  {
    oneOf: [
      { type: 'number', multipleOf: 2 },
      { type: 'integer', maximum: 4 },
    ],
    not: { const: 0 },
  },
];

const LEGACY_SCHEMAS = [
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'array',
    items: [{ type: 'string' }, { type: 'boolean' }],
    additionalItems: { type: 'number' },
    definitions: { unused: { type: 'null' } },
  },
  {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties: { a: { $ref: '#/definitions/small' } },
    dependencies: { a: ['b'], c: { required: ['d'] } },
    definitions: { small: { type: 'integer', maximum: 3 } },
  },
];

/** Small values built from the keys and edge cases of the schemas above. */
const anyValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('a', 'abc', 'd', '', 'toolong', 0, 1, 2, 3, 4, 1.5, -4, 10, true, false, null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom('name', 'a', 'b', 'c', 'd', 'x'), tie('value'), { maxKeys: 5 }),
  ),
})).value;

/** Objects near the first 2020-12 schema, so that both outcomes are common. */
const nearModern = fc.record(
  {
    name: fc.constantFrom('a', 'abc', 'abc', '', 'toolong'),
    n: fc.constantFrom(0, 3, 9, 1.5, 10),
    tags: fc.array(fc.constantFrom('a', 1, 2.5, 1, true), { maxLength: 3 }),
    mode: fc.constantFrom('a', 'b', 1, null, 'z'),
    extra: fc.constantFrom(true, null, null, 1),
  },
  { requiredKeys: [] },
);

/** Objects near the second draft-07 schema. */
const nearLegacy = fc.record(
  {
    a: fc.constantFrom(1, 3, 4, 'x'),
    b: fc.constantFrom(true, null, 1),
    c: fc.constantFrom(true, null),
    d: fc.constantFrom(false, 'x'),
  },
  { requiredKeys: [] },
);

const values = fc.oneof(anyValue, nearModern, nearLegacy);

describe('compileJsonSchema agrees with Ajv', () => {
  it('on 2020-12 schemas', () => {
    const ajv = new Ajv2020.default({ strict: false, validateFormats: false });
    for (const schema of MODERN_SCHEMAS) {
      const ours = compileJsonSchema(schema);
      const theirs = ajv.compile(schema);
      fc.assert(
        fc.property(values, (value) => {
          expect(ours.validate(value).ok).toBe(theirs(value));
        }),
        { numRuns: 500 },
      );
    }
  });

  it('on draft-07 schemas', () => {
    const ajv = new AjvDraft7.default({ strict: false, validateFormats: false });
    for (const schema of LEGACY_SCHEMAS) {
      const ours = compileJsonSchema(schema);
      const theirs = ajv.compile(schema);
      fc.assert(
        fc.property(values, (value) => {
          expect(ours.validate(value).ok).toBe(theirs(value));
        }),
        { numRuns: 500 },
      );
    }
  });
});
