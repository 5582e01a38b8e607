// What every validator in this folder returns, whichever library or JSON Schema did the checking.

/** One problem with a value: where it is (property names and array indexes) and what is wrong. */
export interface ValidationIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
}

export type ValidationResult<T = unknown> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly ValidationIssue[] };
