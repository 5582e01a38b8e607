// Loud failures for schemas that would otherwise break silently: a conversion that came out as
// `{}` or as an object with none of its source's fields, and a tool input that is not an object.
import type { JsonObject } from '../spec/jsonrpc.js';
import { SchemaError } from './schema-error.js';

/** Keywords that describe or label a schema without constraining any value. */
const ANNOTATIONS = new Set([
  '$schema',
  '$id',
  '$anchor',
  '$dynamicAnchor',
  '$comment',
  '$defs',
  'definitions',
  'title',
  'description',
  'examples',
  'default',
  'deprecated',
  'readOnly',
  'writeOnly',
]);

/** Keywords that say something about an object's members; an object schema with none is open. */
const MEMBER_KEYWORDS = [
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'propertyNames',
  'required',
  'dependentRequired',
  'dependentSchemas',
  'dependencies',
  'minProperties',
  'maxProperties',
  '$ref',
  'allOf',
  'anyOf',
  'oneOf',
  'not',
  'if',
  'enum',
  'const',
];

/** Throws if a converted schema constrains nothing at all (`{}` plus annotations). */
export function rejectEmptyConversion(schema: JsonObject, label: string, vendor: string): void {
  if (Object.keys(schema).some((key) => !ANNOTATIONS.has(key))) return;
  throw new SchemaError(
    'empty-conversion',
    `${label}: converting the ${vendor} schema produced ${preview(schema)}, which accepts ` +
      'anything; the converter does not understand this schema (a zod 4 schema given to a ' +
      'zod 3 converter does this). Use a converter made for this library version.',
  );
}

/** Throws unless the root of the schema is `"type": "object"`, as MCP requires here. */
export function requireObjectRoot(schema: JsonObject, label: string, converted: boolean): void {
  const type = schema['type'];
  if (type === 'object') return;
  const found = type === undefined ? 'no "type"' : `"type": ${JSON.stringify(type)}`;
  throw new SchemaError(
    'not-an-object-schema',
    `${label} must describe an object ("type": "object" at the root, as MCP requires), ` +
      `but it has ${found}` +
      (converted ? '; describe the fields with an object schema (e.g. z.object({ … }))' : ''),
  );
}

/**
 * True when the schema is `"type": "object"` and says nothing about members: what a converter
 * that lost the fields produces. Such a schema is legitimate only if the source accepts `{}`.
 */
export function isOpenObjectSchema(schema: JsonObject): boolean {
  if (schema['type'] !== 'object') return false;
  const properties = schema['properties'];
  if (typeof properties === 'object' && properties !== null && Object.keys(properties).length > 0) {
    return false;
  }
  return MEMBER_KEYWORDS.every((keyword) => schema[keyword] === undefined);
}

/** Throws because the source requires fields that its open object schema never mentions. */
export function rejectLostFields(
  schema: JsonObject,
  label: string,
  vendor: string,
  firstIssue: string,
): never {
  throw new SchemaError(
    'empty-conversion',
    `${label}: the ${vendor} schema rejects {} ("${firstIssue.slice(0, 200)}"), but its JSON ` +
      `Schema ${preview(schema)} declares no properties, so clients would never send them; ` +
      'the conversion lost the fields. Use a converter made for this library version, or pass ' +
      'trustConversion: true if the schema is right.',
  );
}

function preview(schema: JsonObject): string {
  const text = JSON.stringify(schema);
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
