// Where JSON Schema keeps subschemas (2020-12, 2019-09 and draft-07 together), for every walk
// over a schema: the bounds and shape checks at compile time, and the `x-mcp-header` search.
// `items` (one schema, or an array of them before 2020-12) and `dependencies` (a schema or a
// list of names) take two shapes, so each walk handles them itself.

/** Keywords whose value is one subschema. */
export const SINGLE_SCHEMA_KEYWORDS = [
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'additionalProperties',
  'unevaluatedProperties',
  'unevaluatedItems',
  'additionalItems',
] as const;

/** Keywords whose value is a non-empty array of alternative or combined subschemas. */
export const COMPOSITION_KEYWORDS = ['allOf', 'anyOf', 'oneOf'] as const;

/** Keywords whose value maps names (or patterns) to subschemas. */
export const SCHEMA_MAP_KEYWORDS = [
  'properties',
  'patternProperties',
  '$defs',
  'definitions',
  'dependentSchemas',
] as const;
