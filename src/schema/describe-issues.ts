// Validation issues as one line of text for an `isError` tool result or an error message, so a
// model can see what to fix: `a: expected number, got string; b[0]: required property is missing`.
import type { ValidationIssue } from './validation-result.js';

export interface DescribeIssuesOptions {
  /** Issues listed before "(and N more)"; default 10. */
  readonly maxIssues?: number;
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `a.b[0]["odd key"]`; the empty path (the value itself) is the empty string. */
export function formatIssuePath(path: readonly (string | number)[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else
      text += `[${JSON.stringify(segment.length > 100 ? `${segment.slice(0, 100)}…` : segment)}]`;
  }
  return text;
}

/** The issues joined into one readable string. */
export function describeIssues(
  issues: readonly ValidationIssue[],
  options: DescribeIssuesOptions = {},
): string {
  const max = Math.max(1, options.maxIssues ?? 10);
  const shown = issues.slice(0, max).map((issue) => {
    const where = formatIssuePath(issue.path);
    return where === '' ? issue.message : `${where}: ${issue.message}`;
  });
  if (shown.length === 0) return 'the value is invalid';
  const rest = issues.length - shown.length;
  return rest > 0 ? `${shown.join('; ')} (and ${rest} more)` : shown.join('; ');
}
