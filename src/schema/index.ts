// Layer 2, runtime-neutral: user schemas (plain JSON Schema, or any Standard Schema library)
// compiled once into a wire JSON Schema and a validator. Explicit names only.
export { compileJsonSchema } from './json-schema.js';
export type {
  CompileJsonSchemaOptions,
  CompiledJsonSchema,
  JsonSchemaObject,
} from './json-schema.js';
export { dialectOf, SUPPORTED_JSON_SCHEMA_DIALECTS } from './json-schema-dialect.js';
export type { JsonSchemaDialect } from './json-schema-dialect.js';
export { DEFAULT_JSON_SCHEMA_LIMITS } from './schema-walk.js';
export type { JsonSchemaLimits } from './schema-walk.js';
export { compileUserSchema, toToolSchema } from './standard-schema.js';
export type {
  CompiledUserSchema,
  InferInput,
  InferOutput,
  InferSchemaOutput,
  SchemaInput,
  SchemaRole,
  StandardIssue,
  StandardJSONSchemaConverter,
  StandardJSONSchemaOptions,
  StandardJSONSchemaProps,
  StandardJSONSchemaTarget,
  StandardJSONSchemaV1,
  StandardPathSegment,
  StandardFailure,
  StandardResult,
  StandardSchemaProps,
  StandardSchemaV1,
  StandardSuccess,
  StandardTypedProps,
  StandardTypedV1,
  StandardTypes,
  StandardValidateOptions,
  UserSchemaOptions,
} from './standard-schema.js';
export { describeIssues, formatIssuePath } from './describe-issues.js';
export type { DescribeIssuesOptions } from './describe-issues.js';
export { findMcpHeaderParams, MCP_HEADER_KEYWORD } from './mcp-header-params.js';
export type { McpHeaderParam } from './mcp-header-params.js';
export { SchemaError } from './schema-error.js';
export type { SchemaProblem } from './schema-error.js';
export type { ValidationIssue, ValidationResult } from './validation-result.js';
