// Differential tests: for every shape mcpkit validates, mcpkit and Ajv (compiling the published
// schema, with the deviations of schema-deviations.ts applied) agree on the examples, on every
// object found inside them, and on fast-check mutations of the valid ones.
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { legacyValidators } from '../../src/spec/validate/legacy.js';
import { modernValidators } from '../../src/spec/validate/modern.js';
import { formatIssue } from '../../src/spec/validate/validator.js';
import type { Validator } from '../../src/spec/validate/validator.js';
import { legacySamples } from './legacy-samples.js';
import {
  distinctContainers,
  forEachSinglePointMutation,
  mutate,
  mutationArbitrary,
  propertyNamesOf,
  stringsIn,
} from './mutations.js';
import { deviations, patchedDefs } from './schema-deviations.js';
import { loadExamples, loadSchema } from './spec-corpus.js';
import type { Revision } from './spec-corpus.js';

type Registry = Readonly<Record<string, Validator<unknown>>>;

/** Registry entries that are mcpkit helpers, not schema definitions. */
const HELPERS: Record<Revision, readonly string[]> = {
  '2026-07-28': [
    'CallToolResultOrInput',
    'ElicitationContent',
    'ElicitationRequestedSchema',
    'GetPromptResultOrInput',
    'ReadResourceResultOrInput',
  ],
  '2025-11-25': [
    'ElicitationCompleteNotificationParams',
    'ElicitationContent',
    'ElicitationRequestedSchema',
    'LegacyRequestMetaObject',
    'MetaObject',
    'TaskIdParams',
  ],
};

/** Schema definitions mcpkit does not validate on their own, and why. */
const NOT_VALIDATED: Record<Revision, readonly string[]> = {
  // Abstract bases (any method) and result unions that include the open base `Result`, which
  // accept nearly anything; mcpkit validates the concrete message or result by method instead.
  '2026-07-28': ['ClientResult', 'Notification', 'PaginatedRequest', 'Request', 'ServerResult'],
  '2025-11-25': ['ClientResult', 'Notification', 'PaginatedRequest', 'Request', 'ServerResult'],
};

const examples = loadExamples();
const legacySeedValues = Object.values(legacySamples).flat();
const corpusValues = [...examples.map((example) => example.value), ...legacySeedValues];
const corpusStrings = stringsIn(corpusValues);

/** Distinct objects and arrays found anywhere in the corpus, as extra probes for every shape. */
const probes = distinctContainers(corpusValues);

function compile(revision: Revision, patched: boolean): (typeName: string) => ValidateFunction {
  const schema = loadSchema(revision);
  const defs = patched ? patchedDefs(schema.$defs, revision) : schema.$defs;
  const ajv = new Ajv2020.default({ strict: false, validateFormats: false, allErrors: true });
  ajv.addSchema({ ...schema, $defs: defs }, 'mcp');
  const cache = new Map<string, ValidateFunction>();
  return (typeName) => {
    let validate = cache.get(typeName);
    if (validate === undefined) {
      validate = ajv.compile({ $ref: `mcp#/$defs/${typeName}` });
      cache.set(typeName, validate);
    }
    return validate;
  };
}

/** Throws with both verdicts when mcpkit and Ajv disagree, or when explain contradicts is. */
function expectAgreement(
  typeName: string,
  validator: Validator<unknown>,
  ajv: ValidateFunction,
  value: unknown,
): void {
  const ours = validator.is(value);
  const issues = validator.explain(value);
  if (ours !== (issues.length === 0)) {
    throw new Error(`${typeName}: is() = ${ours} but explain() gave ${issues.length} issues`);
  }
  const theirs = ajv(value);
  if (ours !== theirs) {
    throw new Error(
      `${typeName}: mcpkit ${ours ? 'accepts' : 'rejects'}, schema ${theirs ? 'accepts' : 'rejects'}\n` +
        `value: ${JSON.stringify(value)}\nmcpkit: ${issues.map(formatIssue).join('; ')}\n` +
        `ajv: ${JSON.stringify(ajv.errors?.slice(0, 3))}`,
    );
  }
}

function differentialSuite(revision: Revision, registry: Registry): void {
  const schema = loadSchema(revision);
  const ajvFor = compile(revision, true);
  // Valid by construction: the corpus of the revision (other values are only probes).
  const seedsByType: Record<string, unknown[]> = {};
  if (revision === '2026-07-28') {
    for (const example of examples) (seedsByType[example.typeName] ??= []).push(example.value);
  } else {
    for (const [typeName, values] of Object.entries(legacySamples))
      seedsByType[typeName] = [...values];
  }

  describe(`${revision}: mcpkit agrees with schema.json`, () => {
    it('declares JSON Schema 2020-12', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    });

    it('validates every definition, apart from the listed ones', () => {
      const defs = Object.keys(schema.$defs);
      const missing = defs.filter((name) => registry[name] === undefined);
      expect(missing.sort()).toEqual([...NOT_VALIDATED[revision]].sort());
      const extra = Object.keys(registry).filter((name) => !defs.includes(name));
      expect(extra.sort()).toEqual([...HELPERS[revision]].sort());
    });

    const typeNames = Object.keys(registry).filter((name) => !HELPERS[revision].includes(name));
    it.each(typeNames)('%s', (typeName) => {
      const validator = registry[typeName]!;
      const ajv = ajvFor(typeName);
      for (const probe of probes) expectAgreement(typeName, validator, ajv, probe);
      const valid = [...(seedsByType[typeName] ?? []), ...probes.filter((probe) => ajv(probe))];
      for (const seed of valid) expect(validator.is(seed), JSON.stringify(seed)).toBe(true);
      const keys = propertyNamesOf(schema.$defs, typeName);
      // The richest valid values, damaged at every point in turn.
      const richest = [...valid].sort(
        (a, b) => JSON.stringify(b).length - JSON.stringify(a).length,
      );
      for (const seed of richest.slice(0, 3)) {
        forEachSinglePointMutation(seed, keys, (value) =>
          expectAgreement(typeName, validator, ajv, value),
        );
      }
      const seeds = valid.length > 0 ? valid : probes;
      const mutation = mutationArbitrary(corpusStrings, keys);
      fc.assert(
        fc.property(
          fc.constantFrom(...seeds),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
          (seed, mutations) => {
            expectAgreement(typeName, validator, ajv, mutate(seed, mutations));
          },
        ),
        { numRuns: valid.length > 0 ? 300 : 60 },
      );
    });
  });
}

differentialSuite('2026-07-28', modernValidators);
differentialSuite('2025-11-25', legacyValidators);

describe('each listed deviation is real', () => {
  const registries: Record<Revision, Registry> = {
    '2026-07-28': modernValidators,
    '2025-11-25': legacyValidators,
  };
  const cases = deviations.flatMap((deviation) =>
    Object.entries(deviation.witnesses).map(([revision, witness]) => ({
      name: `${deviation.id} (${revision}, ${deviation.direction})`,
      revision: revision as Revision,
      deviation,
      witness,
    })),
  );
  const original = {
    '2026-07-28': compile('2026-07-28', false),
    '2025-11-25': compile('2025-11-25', false),
  };
  const patched = {
    '2026-07-28': compile('2026-07-28', true),
    '2025-11-25': compile('2025-11-25', true),
  };

  it.each(cases)('$name', ({ revision, deviation, witness }) => {
    const ours = registries[revision][witness.typeName]!.is(witness.value);
    expect(ours).toBe(deviation.direction === 'looser');
    expect(original[revision](witness.typeName)(witness.value)).toBe(!ours);
    if (deviation.patch !== undefined) {
      expect(patched[revision](witness.typeName)(witness.value)).toBe(ours);
    }
  });
});
