// The error a schema raises when it is compiled or converted: it names the problem, so a server
// can refuse a registration and a client can drop a tool whose schema it will not trust.
import { LocalError } from '../jsonrpc/errors.js';

/** Why a schema was refused. */
export type SchemaProblem =
  /** Not a JSON Schema object and not a Standard Schema (null, an array, a class instance …). */
  | 'not-a-schema'
  /** The schema holds something JSON cannot (a function, `NaN`, a cycle of objects). */
  | 'not-json'
  /** `$schema` names a dialect this library does not validate. */
  | 'unsupported-dialect'
  /** A keyword has a value its dialect does not allow, or a keyword is not supported. */
  | 'invalid-schema'
  /** A `$ref` points outside the schema document; nothing is ever fetched. */
  | 'external-ref'
  /** A `$ref` inside the document points at nothing. */
  | 'unresolved-ref'
  /** `$ref`s or composition keywords loop back without consuming any input. */
  | 'ref-cycle'
  /** Depth, subschema count or composition-branch limit exceeded. */
  | 'too-large'
  /** The schema library has no JSON Schema support and no converter was given. */
  | 'no-json-schema'
  /** The converter threw. */
  | 'conversion-failed'
  /** The converted schema lost the fields of its source (the "silent empty schema" bug). */
  | 'empty-conversion'
  /** The schema must describe an object here (tool input, prompt arguments, elicitation). */
  | 'not-an-object-schema'
  /** An `x-mcp-header` annotation breaks a constraint of the spec (tools, 2026-07-28). */
  | 'invalid-mcp-header';

/** A schema was refused at compile or registration time; it never reaches a validator. */
export class SchemaError extends LocalError {
  override readonly name = 'SchemaError';
  readonly problem: SchemaProblem;

  constructor(problem: SchemaProblem, message: string, options?: { cause?: unknown }) {
    super(problem === 'too-large' ? 'limit' : 'misuse', message, options);
    this.problem = problem;
  }
}
