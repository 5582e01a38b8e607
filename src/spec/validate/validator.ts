// The validator contract: a fast, allocation-free check for the hot path, and an explanation that
// runs only after the check failed. Combinators that build validators live in combinators.ts.

export type PathSegment = string | number;

/** One reason a value was rejected, with the JSON path of the offending part. */
export interface Issue {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

export type ValidationResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/**
 * Deepest container nesting a validator descends into, counted from the value it was called on.
 * Hostile input nested deeper is rejected with an issue instead of exhausting the stack later.
 */
export const MAX_DEPTH = 1000;

/** Most issues one explanation reports, so a huge invalid array cannot produce a huge report. */
export const MAX_ISSUES = 20;

/** JSON kinds as bits, so a union can tell which of its branches a value could belong to. */
export const Kind = {
  Object: 1,
  Array: 2,
  String: 4,
  Number: 8,
  Boolean: 16,
  Null: 32,
  Any: 63,
} as const;

/** Depth-aware check used when validators compose; `depth` counts the containers entered so far. */
export type Test = (value: unknown, depth: number) => boolean;
/** Adds at least one issue to `out` for a value the matching `Test` rejects. */
export type Report = (value: unknown, out: Explanation) => void;

/** Collects issues while an explanation walks a rejected value. */
export class Explanation {
  readonly issues: Issue[] = [];
  private missing = 0;

  constructor(private readonly path: PathSegment[] = []) {}

  /** Number of containers entered, the same count `Test` receives as `depth`. */
  get depth(): number {
    return this.path.length;
  }

  get full(): boolean {
    return this.issues.length >= MAX_ISSUES;
  }

  at(segment: PathSegment, value: unknown, report: Report): void {
    this.path.push(segment);
    report(value, this);
    this.path.pop();
  }

  add(message: string): void {
    this.push({ path: [...this.path], message });
  }

  /** An absent member weighs more than a wrong one when a union picks the closest branch. */
  addMissing(message: string): void {
    this.missing++;
    this.add(message);
  }

  /** How far the value is from passing: issues, with absent members counted twice. */
  get distance(): number {
    return this.issues.length + this.missing;
  }

  push(issue: Issue): void {
    if (!this.full) this.issues.push(issue);
  }

  /** A scratch explanation at the current path, to try a branch before keeping its issues. */
  fork(): Explanation {
    return new Explanation([...this.path]);
  }
}

/**
 * A compiled check for values of type `T`. Built once at module load from closures: no `eval`, no
 * schema interpretation per call. `is` and `explain` never throw, whatever they are given.
 */
export class Validator<T> {
  constructor(
    /** What the validator accepts, for messages: `object`, `"2.0"`, `string or integer`… */
    readonly expected: string,
    /** Bit set of the JSON kinds this validator can accept (see `Kind`). */
    readonly kinds: number,
    readonly test: Test,
    readonly report: Report,
  ) {}

  /** Whether `value` has the shape; allocates nothing on success. */
  readonly is = (value: unknown): value is T => {
    try {
      return this.test(value, 0);
    } catch {
      // Only exotic in-process values (throwing getters, proxies) get here; JSON never does.
      return false;
    }
  };

  /** Why `value` was rejected; empty when it is valid. Meant for the failure path only. */
  readonly explain = (value: unknown): Issue[] => {
    const out = new Explanation();
    try {
      if (!this.test(value, 0)) this.report(value, out);
    } catch {
      out.add('value could not be inspected');
    }
    return out.issues;
  };

  readonly validate = (value: unknown): ValidationResult<T> => {
    if (this.is(value)) return { ok: true, value };
    const issues = this.explain(value);
    // A rejected value always gets a reason, even if a report were ever to miss one.
    return {
      ok: false,
      issues: issues.length > 0 ? issues : [{ path: [], message: `expected ${this.expected}` }],
    };
  };
}

export type Infer<V> = V extends Validator<infer T> ? T : never;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `params.arguments`, `content[0].text`, `_meta["io.modelcontextprotocol/protocolVersion"]`. */
export function formatPath(path: readonly PathSegment[]): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** `params.arguments: expected object, got string`. */
export function formatIssue(issue: Issue): string {
  const path = formatPath(issue.path);
  return path === '' ? issue.message : `${path}: ${issue.message}`;
}

export function kindOf(value: unknown): number {
  switch (typeof value) {
    case 'string':
      return Kind.String;
    case 'number':
      return Kind.Number;
    case 'boolean':
      return Kind.Boolean;
    case 'object':
      return value === null ? Kind.Null : Array.isArray(value) ? Kind.Array : Kind.Object;
    default:
      return 0;
  }
}

/** A short description of what was received: `string`, `array`, `null`, or a small literal. */
export function describe(value: unknown, showLiteral = false): string {
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  if (
    showLiteral &&
    (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
  ) {
    const text = JSON.stringify(value);
    return text.length <= 40 ? text : `${text.slice(0, 37)}…`;
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}
