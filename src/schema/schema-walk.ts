// One pass over every subschema of a (copied) schema document before it is compiled: enforces
// the size bounds, checks the shape of the keywords the validator acts on, and removes keywords
// that belong to another dialect, so the validator cannot apply them where they mean nothing.
import type { JsonObject, JsonValue } from '../spec/jsonrpc.js';
import { escapePointer, isPlainObject } from './json-copy.js';
import type { JsonSchemaDialect } from './json-schema-dialect.js';
import { SchemaError } from './schema-error.js';
import {
  COMPOSITION_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from './subschema-keywords.js';

/** Bounds a schema must stay within; a schema from a peer is untrusted input. */
export interface JsonSchemaLimits {
  /** Deepest nesting of subschemas, and longest chain of in-place `$ref`/composition steps. */
  readonly maxDepth: number;
  /** Subschemas in the document, and subschemas that may apply to one value through refs. */
  readonly maxSubschemas: number;
  /** Entries in one `allOf`, `anyOf` or `oneOf`. */
  readonly maxBranches: number;
}

export const DEFAULT_JSON_SCHEMA_LIMITS: JsonSchemaLimits = {
  maxDepth: 64,
  maxSubschemas: 10_000,
  maxBranches: 1_000,
};

/** An object subschema and where it sits in the document (a JSON Pointer). */
export interface LocatedSchema {
  readonly node: JsonObject;
  readonly pointer: string;
}

const TYPE_NAMES = new Set(['array', 'boolean', 'integer', 'null', 'number', 'object', 'string']);

/**
 * Keywords the validator implements in every dialect but which are unknown (so must be ignored)
 * in this one. `$defs` and `definitions` stay: a `$ref` may point into either in any dialect.
 */
const FOREIGN_KEYWORDS: Readonly<Record<JsonSchemaDialect, readonly string[]>> = {
  'draft-07': [
    'prefixItems',
    'dependentRequired',
    'dependentSchemas',
    'unevaluatedProperties',
    'unevaluatedItems',
    'minContains',
    'maxContains',
    '$anchor',
    '$recursiveRef',
    '$recursiveAnchor',
  ],
  '2019-09': ['prefixItems', 'dependencies'],
  '2020-12': ['additionalItems', 'dependencies', '$recursiveRef', '$recursiveAnchor'],
};

/**
 * Walks `root` (mutating it: foreign keywords are deleted) and returns its object subschemas.
 * Throws `SchemaError` on the first bound exceeded or keyword of the wrong shape.
 */
export function walkSchema(
  root: JsonObject,
  dialect: JsonSchemaDialect,
  limits: JsonSchemaLimits,
): LocatedSchema[] {
  const found: LocatedSchema[] = [];
  let count = 0;
  const foreign = FOREIGN_KEYWORDS[dialect];

  const visit = (schema: JsonValue | undefined, pointer: string, depth: number): void => {
    count++;
    if (count > limits.maxSubschemas) {
      throw new SchemaError(
        'too-large',
        `the schema has more than ${limits.maxSubschemas} subschemas`,
      );
    }
    if (depth > limits.maxDepth) {
      throw new SchemaError(
        'too-large',
        `subschemas are nested more than ${limits.maxDepth} deep (at ${pointer})`,
      );
    }
    if (typeof schema === 'boolean') return;
    if (!isPlainObject(schema)) {
      throw invalid(pointer, 'a subschema must be an object or a boolean');
    }
    const node = schema;
    for (const keyword of foreign) delete node[keyword];
    checkKeywords(node, pointer, dialect);
    found.push({ node, pointer });

    const child = (value: JsonValue | undefined, suffix: string): void =>
      visit(value, `${pointer}/${suffix}`, depth + 1);

    for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
      if (node[keyword] !== undefined) child(node[keyword], keyword);
    }
    const items = node['items'];
    if (Array.isArray(items)) {
      if (dialect === '2020-12') {
        throw invalid(
          `${pointer}/items`,
          'in JSON Schema 2020-12 "items" is one schema; use "prefixItems" for tuples, or ' +
            'declare "$schema": "http://json-schema.org/draft-07/schema#"',
        );
      }
      items.forEach((item, index) => child(item, `items/${index}`));
    } else if (items !== undefined) {
      child(items, 'items');
    }
    const prefixItems = node['prefixItems'];
    if (prefixItems !== undefined) {
      if (!Array.isArray(prefixItems)) throw invalid(`${pointer}/prefixItems`, 'must be an array');
      prefixItems.forEach((item, index) => child(item, `prefixItems/${index}`));
    }
    for (const keyword of COMPOSITION_KEYWORDS) {
      const branches = node[keyword];
      if (branches === undefined) continue;
      if (!Array.isArray(branches) || branches.length === 0) {
        throw invalid(`${pointer}/${keyword}`, 'must be a non-empty array of schemas');
      }
      if (branches.length > limits.maxBranches) {
        throw new SchemaError(
          'too-large',
          `${pointer}/${keyword} has ${branches.length} branches; the limit is ${limits.maxBranches}`,
        );
      }
      branches.forEach((branch, index) => child(branch, `${keyword}/${index}`));
    }
    for (const keyword of SCHEMA_MAP_KEYWORDS) {
      const map = node[keyword];
      if (map === undefined) continue;
      if (!isPlainObject(map)) throw invalid(`${pointer}/${keyword}`, 'must be an object');
      for (const [key, value] of Object.entries(map)) {
        if (keyword === 'patternProperties') checkPattern(key, `${pointer}/${keyword}`);
        child(value, `${keyword}/${escapePointer(key)}`);
      }
    }
    const dependencies = node['dependencies'];
    if (dependencies !== undefined) {
      if (!isPlainObject(dependencies))
        throw invalid(`${pointer}/dependencies`, 'must be an object');
      for (const [key, value] of Object.entries(dependencies)) {
        // The array form lists required property names; only the schema form is a subschema.
        if (!Array.isArray(value)) child(value, `dependencies/${escapePointer(key)}`);
      }
    }
  };

  visit(root, '', 0);
  return found;
}

function checkKeywords(node: JsonObject, pointer: string, dialect: JsonSchemaDialect): void {
  const type = node['type'];
  if (type !== undefined) {
    const names = Array.isArray(type) ? type : [type];
    if (names.length === 0 || !names.every((name) => TYPE_NAMES.has(name as string))) {
      throw invalid(`${pointer}/type`, `"${JSON.stringify(type).slice(0, 100)}" is not a type`);
    }
  }
  const required = node['required'];
  if (required !== undefined) {
    if (!Array.isArray(required) || !required.every((name) => typeof name === 'string')) {
      throw invalid(`${pointer}/required`, 'must be an array of property names');
    }
  }
  if (node['enum'] !== undefined && !Array.isArray(node['enum'])) {
    throw invalid(`${pointer}/enum`, 'must be an array');
  }
  const pattern = node['pattern'];
  if (pattern !== undefined) {
    if (typeof pattern !== 'string') throw invalid(`${pointer}/pattern`, 'must be a string');
    checkPattern(pattern, pointer);
  }
  for (const keyword of ['$ref', '$id', '$anchor'] as const) {
    if (node[keyword] !== undefined && typeof node[keyword] !== 'string') {
      throw invalid(`${pointer}/${keyword}`, 'must be a string');
    }
  }
  if (node['$dynamicRef'] !== undefined) {
    // The validator would ignore it and accept whatever it was meant to check.
    throw invalid(`${pointer}/$dynamicRef`, '"$dynamicRef" is not supported; use "$ref"');
  }
  if (
    dialect === '2019-09' &&
    node['$recursiveRef'] !== undefined &&
    node['$recursiveRef'] !== '#'
  ) {
    throw invalid(`${pointer}/$recursiveRef`, 'the only supported value is "#"');
  }
}

function checkPattern(pattern: string, pointer: string): void {
  try {
    new RegExp(pattern, 'u');
  } catch {
    throw invalid(pointer, `"${pattern.slice(0, 100)}" is not a valid regular expression`);
  }
}

function invalid(pointer: string, message: string): SchemaError {
  return new SchemaError('invalid-schema', `invalid schema at ${pointer || '/'}: ${message}`);
}
