// Checks a request's params against the era's validator for its method: -32602 with every
// issue, in one message, when they do not fit.
import { ProtocolError } from '../jsonrpc/errors.js';
import { formatIssue, validatorFor, type Validator } from '../spec/validate/index.js';

export function checkParams(
  table: { readonly [method: string]: Validator<unknown> },
  method: string,
  params: unknown,
): void {
  const checked = validatorFor(table, method)?.validate(params);
  if (checked !== undefined && !checked.ok) {
    throw ProtocolError.invalidParams(
      `Invalid params: ${checked.issues.map(formatIssue).join('; ')}`,
    );
  }
}
