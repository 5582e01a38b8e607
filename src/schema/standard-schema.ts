// User schemas in: the Standard Schema and Standard JSON Schema v1 interfaces (written here from
// the public spec, so no validator library is a dependency) and their compilation, once, into a
// JSON Schema for the wire plus a validator.
import type { JsonObject } from '../spec/jsonrpc.js';
import {
  isOpenObjectSchema,
  rejectEmptyConversion,
  rejectLostFields,
  requireObjectRoot,
} from './conversion-checks.js';
import { isPlainObject } from './json-copy.js';
import { compileJsonSchema } from './json-schema.js';
import { findMcpHeaderParams } from './mcp-header-params.js';
import type { CompileJsonSchemaOptions, JsonSchemaObject } from './json-schema.js';
import type { JsonSchemaDialect } from './json-schema-dialect.js';
import { SchemaError } from './schema-error.js';
import type { ValidationIssue, ValidationResult } from './validation-result.js';

/** What the two specs share: the `~standard` marker, the vendor, and the static types. */
export interface StandardTypedV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardTypedProps<Input, Output>;
}
export interface StandardTypedProps<Input = unknown, Output = Input> {
  readonly version: 1;
  /** The library's name, e.g. "zod", "valibot", "arktype". */
  readonly vendor: string;
  /** Present only in the types, never at run time. */
  readonly types?: StandardTypes<Input, Output> | undefined;
}
export interface StandardTypes<Input = unknown, Output = Input> {
  readonly input: Input;
  readonly output: Output;
}

/** A schema that can validate (Standard Schema v1). */
export interface StandardSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardSchemaProps<Input, Output>;
}
export interface StandardSchemaProps<Input = unknown, Output = Input> extends StandardTypedProps<
  Input,
  Output
> {
  /** May return a promise (async refinements); never throws for an invalid value. */
  readonly validate: (
    value: unknown,
    options?: StandardValidateOptions,
  ) => StandardResult<Output> | Promise<StandardResult<Output>>;
}
export interface StandardValidateOptions {
  readonly libraryOptions?: Record<string, unknown> | undefined;
}
export type StandardResult<Output> = StandardSuccess<Output> | StandardFailure;
export interface StandardSuccess<Output> {
  readonly value: Output;
  readonly issues?: undefined;
}
export interface StandardFailure {
  readonly issues: readonly StandardIssue[];
}
export interface StandardIssue {
  readonly message: string;
  readonly path?: readonly (PropertyKey | StandardPathSegment)[] | undefined;
}
export interface StandardPathSegment {
  readonly key: PropertyKey;
}

/** A schema that can describe itself as JSON Schema (Standard JSON Schema v1). */
export interface StandardJSONSchemaV1<Input = unknown, Output = Input> {
  readonly '~standard': StandardJSONSchemaProps<Input, Output>;
}
export interface StandardJSONSchemaProps<
  Input = unknown,
  Output = Input,
> extends StandardTypedProps<Input, Output> {
  readonly jsonSchema: StandardJSONSchemaConverter;
}
export interface StandardJSONSchemaConverter {
  /** JSON Schema of the values the schema accepts. */
  readonly input: (options: StandardJSONSchemaOptions) => Record<string, unknown>;
  /** JSON Schema of the values validation produces (after defaults and transforms). */
  readonly output: (options: StandardJSONSchemaOptions) => Record<string, unknown>;
}
export type StandardJSONSchemaTarget =
  'draft-2020-12' | 'draft-07' | 'openapi-3.0' | (string & Record<never, never>);
export interface StandardJSONSchemaOptions {
  readonly target: StandardJSONSchemaTarget;
  readonly libraryOptions?: Record<string, unknown> | undefined;
}

/** The type a Standard Schema accepts. One indexed access: no recursion for the compiler. */
export type InferInput<S extends StandardTypedV1> = NonNullable<S['~standard']['types']>['input'];
/** The type a Standard Schema produces. */
export type InferOutput<S extends StandardTypedV1> = NonNullable<S['~standard']['types']>['output'];

/** Anything a user may give as a schema: plain JSON Schema or a Standard (JSON) Schema. */
export type SchemaInput = JsonSchemaObject | StandardSchemaV1 | StandardJSONSchemaV1;

/** The validated type of a `SchemaInput`; plain JSON Schema gives `Record<string, unknown>`. */
export type InferSchemaOutput<S> = S extends StandardTypedV1
  ? InferOutput<S>
  : Record<string, unknown>;

/** Where a schema is used; it decides the defaults of `io` and `requireObject`. */
export type SchemaRole = 'tool input' | 'tool output' | 'prompt arguments' | 'elicitation';

export interface UserSchemaOptions<S = SchemaInput> extends CompileJsonSchemaOptions {
  /** Labels errors, and sets the defaults below (tool output: `output`, any root type). */
  readonly role?: SchemaRole;
  /** Which side of a transforming schema goes on the wire (default: see `role`). */
  readonly io?: 'input' | 'output';
  /** Require `"type": "object"` at the root; default true for every role except tool output. */
  readonly requireObject?: boolean;
  /** Converts a schema whose library has no `~standard.jsonSchema` (zod 3: zod-to-json-schema). */
  readonly toJsonSchema?: (schema: S) => unknown;
  /** Skips the checks that a conversion kept its fields ('empty-conversion'). */
  readonly trustConversion?: boolean;
}

/** A user schema compiled once: the JSON Schema for the wire and a validator to reuse. */
export interface CompiledUserSchema<Output = unknown> {
  /** Frozen; what goes into `inputSchema`, `outputSchema` or `requestedSchema`. */
  readonly jsonSchema: JsonObject;
  readonly dialect: JsonSchemaDialect;
  /** The Standard Schema library, or undefined for plain JSON Schema. */
  readonly vendor: string | undefined;
  /**
   * The validated value is the library's output (defaults applied, transforms run). Never throws
   * for an invalid value; what a library's own validate throws is passed on.
   */
  readonly validate: (
    value: unknown,
  ) => ValidationResult<Output> | Promise<ValidationResult<Output>>;
}

/**
 * Converts and compiles a user schema at registration time. Throws `SchemaError` with a message
 * that says what to do when the schema cannot be used: no JSON Schema support, an empty
 * conversion, a non-object tool input, a bad `x-mcp-header` in a tool input, or a JSON Schema
 * that fails `compileJsonSchema`.
 */
export function compileUserSchema<S extends SchemaInput>(
  source: S,
  options: UserSchemaOptions<S> = {},
): CompiledUserSchema<InferSchemaOutput<S>> {
  const role = options.role;
  const label = role === undefined ? 'schema' : `${role} schema`;
  const io = options.io ?? (role === 'tool output' ? 'output' : 'input');
  const requireObject = options.requireObject ?? (role !== undefined && role !== 'tool output');

  if (!hasStandardProps(source)) {
    if (!isPlainObject(source)) throw notASchema(source, label);
    const compiled = labelled(label, () =>
      compileJsonSchema<InferSchemaOutput<S>>(source, options),
    );
    if (requireObject) requireObjectRoot(compiled.jsonSchema, label, false);
    if (role === 'tool input') findMcpHeaderParams(compiled.jsonSchema);
    return { ...compiled, vendor: undefined };
  }

  const props = source['~standard'] as Partial<StandardSchemaProps & StandardJSONSchemaProps>;
  const vendor = typeof props.vendor === 'string' ? props.vendor : 'unknown';
  if (props.version !== 1) {
    throw new SchemaError(
      'not-a-schema',
      `${label}: Standard Schema version ${String(props.version)} from ${vendor} is not supported (only 1)`,
    );
  }
  const raw = convert(source, props, io, options.toJsonSchema, label, vendor);
  if (!isPlainObject(raw)) {
    throw new SchemaError(
      'conversion-failed',
      `${label}: converting the ${vendor} schema returned ${describe(raw)}, not a JSON Schema object`,
    );
  }
  const compiled = labelled(label, () => compileJsonSchema<InferSchemaOutput<S>>(raw, options));
  const trust = options.trustConversion === true;
  if (!trust) rejectEmptyConversion(compiled.jsonSchema, label, vendor);
  if (requireObject) requireObjectRoot(compiled.jsonSchema, label, true);
  if (role === 'tool input') findMcpHeaderParams(compiled.jsonSchema);

  const validate = props.validate;
  if (typeof validate !== 'function') return { ...compiled, vendor };
  if (!trust && isOpenObjectSchema(compiled.jsonSchema)) {
    const firstIssue = probeEmptyObject(props as StandardSchemaProps);
    if (firstIssue !== undefined) rejectLostFields(compiled.jsonSchema, label, vendor, firstIssue);
  }
  return {
    jsonSchema: compiled.jsonSchema,
    dialect: compiled.dialect,
    vendor,
    validate: (value) => {
      const result = (props as StandardSchemaProps<unknown, InferSchemaOutput<S>>).validate(value);
      return isPromiseLike(result)
        ? Promise.resolve(result).then(fromStandard)
        : fromStandard(result);
    },
  };
}

/** `compileUserSchema` for a tool's `inputSchema`: an object schema, its input side. */
export function toToolSchema<S extends SchemaInput>(
  source: S,
  options: UserSchemaOptions<S> = {},
): CompiledUserSchema<InferSchemaOutput<S>> {
  return compileUserSchema(source, { role: 'tool input', ...options });
}

function convert<S>(
  source: S,
  props: Partial<StandardJSONSchemaProps>,
  io: 'input' | 'output',
  toJsonSchema: ((schema: S) => unknown) | undefined,
  label: string,
  vendor: string,
): unknown {
  const converter = props.jsonSchema;
  const hasConverter =
    typeof converter === 'object' && converter !== null && typeof converter[io] === 'function';
  if (toJsonSchema === undefined && !hasConverter) {
    throw new SchemaError(
      'no-json-schema',
      `${label}: this ${vendor} schema cannot describe itself as JSON Schema (it does not ` +
        'implement Standard JSON Schema, "~standard.jsonSchema"). Use a version that does ' +
        '(zod >= 4.2, arktype >= 2.1.28, valibot through toStandardJsonSchema() from ' +
        '@valibot/to-json-schema), or pass a toJsonSchema option (zod 3: ' +
        'toJsonSchema: (schema) => zodToJsonSchema(schema) from zod-to-json-schema).',
    );
  }
  try {
    if (toJsonSchema !== undefined) return toJsonSchema(source);
    const options: StandardJSONSchemaOptions = { target: 'draft-2020-12' };
    // Called as methods: a converter may rely on `this`.
    return io === 'input' ? converter!.input(options) : converter!.output(options);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SchemaError(
      'conversion-failed',
      `${label}: the ${vendor} schema could not be converted to JSON Schema: ${reason}`,
      { cause: error },
    );
  }
}

/** Runs `compile`, prefixing the message of a `SchemaError` with where the schema is used. */
function labelled<T>(label: string, compile: () => T): T {
  try {
    return compile();
  } catch (error) {
    if (!(error instanceof SchemaError)) throw error;
    throw new SchemaError(error.problem, `${label}: ${error.message}`, { cause: error });
  }
}

/** The first issue the library reports for `{}`, if it answers synchronously and rejects it. */
function probeEmptyObject(props: StandardSchemaProps): string | undefined {
  try {
    const result = props.validate({});
    if (isPromiseLike(result)) {
      // An async schema cannot be probed now; its outcome must not surface as unhandled.
      Promise.resolve(result).catch(() => undefined);
      return undefined;
    }
    return result.issues?.[0]?.message ?? (result.issues ? 'invalid' : undefined);
  } catch {
    return undefined;
  }
}

function fromStandard<T>(result: StandardResult<T>): ValidationResult<T> {
  if (result.issues === undefined) return { ok: true, value: result.value };
  const issues: ValidationIssue[] = Array.from(result.issues, (issue) => ({
    // Array.from: a library may hand an Array subclass (arktype does), which map() would keep.
    path: Array.from(issue.path ?? [], pathKey),
    message: String(issue.message).slice(0, 300),
  }));
  if (issues.length === 0) issues.push({ path: [], message: 'value does not match the schema' });
  return { ok: false, issues };
}

function pathKey(segment: PropertyKey | StandardPathSegment): string | number {
  const key = typeof segment === 'object' ? segment.key : segment;
  if (typeof key === 'symbol') return key.description ?? key.toString();
  return key;
}

function isPromiseLike<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null)?.then === 'function';
}

function hasStandardProps(value: unknown): value is StandardTypedV1 {
  if ((typeof value !== 'object' || value === null) && typeof value !== 'function') return false;
  const props = (value as { '~standard'?: unknown })['~standard'];
  return typeof props === 'object' && props !== null;
}

function notASchema(value: unknown, label: string): SchemaError {
  return new SchemaError(
    'not-a-schema',
    `${label} must be a JSON Schema object or a Standard Schema (zod >= 3.24, valibot, ` +
      `arktype …), not ${describe(value)}`,
  );
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return typeof name === 'string' && name !== 'Object' ? `an instance of ${name}` : 'an object';
  }
  return `a ${typeof value}`;
}
