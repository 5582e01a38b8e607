// Which JSON Schema dialect a schema is written in: 2020-12 unless `$schema` says otherwise, as
// MCP requires; draft-07 and 2019-09 are supported too, anything else is refused by name.
import { SchemaError } from './schema-error.js';

export type JsonSchemaDialect = 'draft-07' | '2019-09' | '2020-12';

/** The dialects `compileJsonSchema` validates, by the `$schema` URI each is declared with. */
export const SUPPORTED_JSON_SCHEMA_DIALECTS: Readonly<Record<JsonSchemaDialect, string>> = {
  'draft-07': 'http://json-schema.org/draft-07/schema#',
  '2019-09': 'https://json-schema.org/draft/2019-09/schema',
  '2020-12': 'https://json-schema.org/draft/2020-12/schema',
};

// Generators disagree on the scheme and on the trailing "#" (zod-to-json-schema writes
// "…/2019-09/schema#"), so both are normalized away before comparing.
const BY_NORMALIZED_URI = new Map<string, JsonSchemaDialect>([
  ['json-schema.org/draft-07/schema', 'draft-07'],
  ['json-schema.org/draft/2019-09/schema', '2019-09'],
  ['json-schema.org/draft/2020-12/schema', '2020-12'],
]);

/** The dialect of a schema document, from its root `$schema` (absent: 2020-12). */
export function dialectOf(schema: { readonly [key: string]: unknown }): JsonSchemaDialect {
  const declared = schema['$schema'];
  if (declared === undefined) return '2020-12';
  if (typeof declared !== 'string') {
    throw new SchemaError('unsupported-dialect', '"$schema" must be a string (a dialect URI)');
  }
  const normalized = declared
    .trim()
    .replace(/^https?:\/\//, '')
    .replace(/#$/, '');
  const dialect = BY_NORMALIZED_URI.get(normalized);
  if (dialect === undefined) {
    throw new SchemaError(
      'unsupported-dialect',
      `JSON Schema dialect "${declared.slice(0, 200)}" is not supported; use ` +
        `${SUPPORTED_JSON_SCHEMA_DIALECTS['2020-12']} (the default when "$schema" is absent), ` +
        `${SUPPORTED_JSON_SCHEMA_DIALECTS['2019-09']} or ${SUPPORTED_JSON_SCHEMA_DIALECTS['draft-07']}`,
    );
  }
  return dialect;
}
