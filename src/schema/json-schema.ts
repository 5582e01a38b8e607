// Compiles a JSON Schema once into a reusable validator (no eval, so it runs on edge runtimes):
// dialect from `$schema`, bounds and `$ref` checks first, then one validator object per schema.
import { Validator } from '@cfworker/json-schema';
import type { SchemaDraft } from '@cfworker/json-schema';
import type { JsonObject } from '../spec/jsonrpc.js';
import { copyJson, deepFreeze, isPlainObject } from './json-copy.js';
import { dialectOf } from './json-schema-dialect.js';
import type { JsonSchemaDialect } from './json-schema-dialect.js';
import { checkReferences } from './ref-graph.js';
import { SchemaError } from './schema-error.js';
import { DEFAULT_JSON_SCHEMA_LIMITS, walkSchema } from './schema-walk.js';
import type { JsonSchemaLimits } from './schema-walk.js';
import type { ValidationResult } from './validation-result.js';
import { issuesFromOutput } from './validator-issues.js';

/** A JSON Schema as users write it: any object (its contents are checked at compile time). */
export type JsonSchemaObject = { readonly [key: string]: unknown };

export interface CompileJsonSchemaOptions extends Partial<JsonSchemaLimits> {
  /** Report every problem of an invalid value (default), or stop at the first. */
  readonly allErrors?: boolean;
}

/** A schema compiled once; `validate` may be called any number of times, concurrently. */
export interface CompiledJsonSchema<T = unknown> {
  /** A frozen copy of the schema as given, ready for the wire (`inputSchema`, `outputSchema`). */
  readonly jsonSchema: JsonObject;
  readonly dialect: JsonSchemaDialect;
  /** Never throws: a value JSON cannot hold, or nests too deeply, is an issue. */
  readonly validate: (value: unknown) => ValidationResult<T>;
}

const VALIDATOR_DRAFT: Readonly<Record<JsonSchemaDialect, SchemaDraft>> = {
  'draft-07': '7',
  '2019-09': '2019-09',
  '2020-12': '2020-12',
};

/**
 * Checks and compiles `schema`. Throws `SchemaError` if it is not an object, names an unknown
 * dialect, refers to another document (never fetched), loops through `$ref`, or exceeds a bound.
 */
export function compileJsonSchema<T = unknown>(
  schema: JsonSchemaObject,
  options: CompileJsonSchemaOptions = {},
): CompiledJsonSchema<T> {
  const limits = limitsFrom(options);
  if (!isPlainObject(schema)) {
    throw new SchemaError(
      'not-a-schema',
      `a JSON Schema here must be an object, not ${describeKind(schema)}`,
    );
  }
  // JSON nesting is deeper than subschema nesting ("properties" → name → schema is two levels);
  // the copy bound only has to stop cycles and absurd depth before anything recurses further.
  const maxNesting = limits.maxDepth * 4 + 8;
  const jsonSchema = deepFreeze(copyJson(schema, maxNesting) as JsonObject);
  const dialect = dialectOf(jsonSchema);
  // The validator gets its own copy: it is trimmed to the dialect and annotated by the library.
  const working = copyJson(jsonSchema, maxNesting) as JsonObject;
  const subschemas = walkSchema(working, dialect, limits);
  checkReferences(working, subschemas, limits);
  const validator = new Validator(working, VALIDATOR_DRAFT[dialect], !(options.allErrors ?? true));
  return {
    jsonSchema,
    dialect,
    validate: (value) => runValidator<T>(validator, value),
  };
}

function runValidator<T>(validator: Validator, value: unknown): ValidationResult<T> {
  let output: ReturnType<Validator['validate']>;
  try {
    output = validator.validate(value);
  } catch (error) {
    // The validator recurses with the value and throws on what JSON cannot hold.
    const message =
      error instanceof RangeError
        ? 'value is nested too deeply to validate'
        : 'value is not JSON (it holds undefined, a function, a bigint or a symbol)';
    return { ok: false, issues: [{ path: [], message }] };
  }
  if (output.valid) return { ok: true, value: value as T };
  return { ok: false, issues: issuesFromOutput(output.errors, value) };
}

function limitsFrom(options: CompileJsonSchemaOptions): JsonSchemaLimits {
  const limits: JsonSchemaLimits = {
    maxDepth: options.maxDepth ?? DEFAULT_JSON_SCHEMA_LIMITS.maxDepth,
    maxSubschemas: options.maxSubschemas ?? DEFAULT_JSON_SCHEMA_LIMITS.maxSubschemas,
    maxBranches: options.maxBranches ?? DEFAULT_JSON_SCHEMA_LIMITS.maxBranches,
  };
  for (const [name, limit] of Object.entries(limits)) {
    if (!Number.isSafeInteger(limit) || (limit as number) < 1) {
      throw new RangeError(`${name} must be a positive integer`);
    }
  }
  return limits;
}

function describeKind(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an instance of a class';
  return `a ${typeof value}`;
}
