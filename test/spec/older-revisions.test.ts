// The legacy validators follow 2025-11-25, which only added optional members to the older legacy
// revisions. This checks that claim: whatever a 2024-11-05, 2025-03-26 or 2025-06-18 schema
// accepts using only the members that revision defines, mcpkit's legacy validator accepts too.
import Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { legacyValidators } from '../../src/spec/validate/legacy.js';
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
import { loadExamples } from './spec-corpus.js';

const OLDER = ['2024-11-05', '2025-03-26', '2025-06-18'] as const;

/**
 * Envelope definitions are left out: the envelope is era-neutral and its deliberate differences
 * from the schemas are listed and tested in schema-deviations.ts.
 */
const isEnvelope = (name: string): boolean => name.startsWith('JSONRPC');

/**
 * Closes every object that declares its members, so "accepted" means "accepted using only members
 * this revision defines": a 2024-11-05 peer does not send a later revision's members. Capability
 * objects were free-form (`properties: {}`, `additionalProperties: true`) until 2025-06-18 and
 * 2025-11-25 gave some of them typed members (`sampling.context`, `elicitation.form`…); nobody
 * sent those before they existed, so they are closed as well.
 */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  const members = schema['properties'];
  const freeForm =
    schema['additionalProperties'] === true &&
    typeof members === 'object' &&
    members !== null &&
    Object.keys(members).length === 0;
  if ((members !== undefined && schema['additionalProperties'] === undefined) || freeForm) {
    schema['additionalProperties'] = false;
  }
  Object.values(schema).forEach(closeObjects);
}

/**
 * Before 2025-11-25 a request or notification definition was the payload only (method, params);
 * the JSON-RPC members came from the envelope. Such a payload is wrapped before mcpkit sees it.
 */
function wrapperFor(typeName: string, oldDef: Record<string, unknown>) {
  const oldMembers = (oldDef['properties'] ?? {}) as Record<string, unknown>;
  const newDef = newDefs[typeName] ?? {};
  // A union (ClientRequest…) is judged by its first member.
  const first = ((newDef['anyOf'] ?? []) as { $ref?: string }[])[0]?.$ref?.split('/').pop();
  const message = first === undefined ? newDef : (newDefs[first] ?? {});
  const required = (message['required'] ?? []) as string[];
  if (oldMembers['jsonrpc'] !== undefined || !required.includes('jsonrpc')) {
    return (v: unknown) => v;
  }
  const envelope = required.includes('id') ? { jsonrpc: '2.0', id: 1 } : { jsonrpc: '2.0' };
  return (v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v) ? { ...envelope, ...v } : v;
}

const newDefs = (
  JSON.parse(
    readFileSync(new URL('../../../shared/spec/2025-11-25/schema.json', import.meta.url), 'utf8'),
  ) as { $defs: Record<string, Record<string, unknown>> }
).$defs;

const registry: Readonly<Record<string, Validator<unknown> | undefined>> = legacyValidators;
const corpus = [
  ...loadExamples().map((example) => example.value),
  ...Object.values(legacySamples).flat(),
];
const probes = distinctContainers(corpus);
const corpusStrings = stringsIn(corpus);

describe.each(OLDER)('%s messages pass the legacy validators', (revision) => {
  const schema = JSON.parse(
    readFileSync(new URL(`../../../shared/spec/${revision}/schema.json`, import.meta.url), 'utf8'),
  ) as { $schema: string; definitions: Record<string, unknown> };
  const ajv = new Ajv.default({ strict: false, validateFormats: false });
  const closed = structuredClone(schema);
  closeObjects(closed.definitions);
  ajv.addSchema(closed, 'mcp');
  const names = Object.keys(schema.definitions).filter(
    (name) => registry[name] !== undefined && !isEnvelope(name),
  );

  it('is a draft-07 schema sharing most names with 2025-11-25', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(names.length).toBeGreaterThan(60);
  });

  it.each(names)('%s', (typeName) => {
    const validator = registry[typeName]!;
    const old: ValidateFunction = ajv.compile({ $ref: `mcp#/definitions/${typeName}` });
    const wrap = wrapperFor(typeName, schema.definitions[typeName] as Record<string, unknown>);
    const implies = (value: unknown): void => {
      if (old(value) && !validator.is(wrap(value))) {
        const issues = validator.explain(wrap(value)).map(formatIssue).join('; ');
        throw new Error(`${revision} accepts, mcpkit rejects: ${JSON.stringify(value)}\n${issues}`);
      }
    };
    probes.forEach(implies);
    const valid = probes.filter((probe) => old(probe));
    const keys = propertyNamesOf(schema.definitions, typeName);
    for (const seed of valid.slice(0, 3)) forEachSinglePointMutation(seed, keys, implies);
    if (valid.length === 0) return;
    fc.assert(
      fc.property(
        fc.constantFrom(...valid),
        fc.array(mutationArbitrary(corpusStrings, keys), { minLength: 1, maxLength: 3 }),
        (seed, mutations) => implies(mutate(seed, mutations)),
      ),
      { numRuns: 100 },
    );
  });
});
