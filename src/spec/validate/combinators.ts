// Validator combinators: primitives, objects, arrays, records, unions, recursion. They run once at
// module load and return closures; the closures do the per-message work without interpreting a schema.
import type { JsonValue } from '../jsonrpc.js';
import { Kind, MAX_DEPTH, Validator, describe, kindOf } from './validator.js';
import type { Infer, Report, Test, Explanation } from './validator.js';

const hasOwn = Object.hasOwn;
/** Own and enumerable: a member as `for…in` plus `hasOwn` sees it (for JSON, every own member). */
const isMember = (value: object, key: string): boolean =>
  Object.prototype.propertyIsEnumerable.call(value, key);
const TOO_DEEP = `nested deeper than ${MAX_DEPTH} levels`;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function mismatch(expected: string, value: unknown, showLiteral = false): string {
  return `expected ${expected}, got ${describe(value, showLiteral)}`;
}

/** A validator for a single value with no children. */
function leaf<T>(
  expected: string,
  kinds: number,
  accepts: Test,
  showLiteral = false,
): Validator<T> {
  const report: Report = (value, out) => out.add(mismatch(expected, value, showLiteral));
  return new Validator<T>(expected, kinds, accepts, report);
}

export const string = leaf<string>('string', Kind.String, (v) => typeof v === 'string');
export const boolean = leaf<boolean>('boolean', Kind.Boolean, (v) => typeof v === 'boolean');
export const number = leaf<number>('number', Kind.Number, (v) => Number.isFinite(v));
export const integer = leaf<number>('integer', Kind.Number, (v) => Number.isInteger(v), true);

/** A finite number (or integer) within inclusive bounds. */
export function numberWithin(min: number, max: number, integral = false): Validator<number> {
  const base = integral ? 'integer' : 'number';
  const expected = max === Infinity ? `${base} ≥ ${min}` : `${base} between ${min} and ${max}`;
  const accepts: Test = (v) =>
    (integral ? Number.isInteger(v) : Number.isFinite(v)) &&
    (v as number) >= min &&
    (v as number) <= max;
  return leaf<number>(expected, Kind.Number, accepts, true);
}

export function literal<const L extends string | number | boolean | null>(value: L): Validator<L> {
  return leaf<L>(JSON.stringify(value), kindOf(value), (v) => v === value, true);
}

export function enumOf<const L extends readonly string[]>(...values: L): Validator<L[number]> {
  const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
  return leaf<L[number]>(expected, Kind.String, (v) => values.includes(v as string), true);
}

/** Any object; its members are not looked at (a later, method-specific validator does that). */
export const anyObject = leaf<{ [key: string]: unknown }>('object', Kind.Object, isObject);

function isJson(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isFinite(value);
    case 'object': {
      if (value === null) return true;
      if (depth >= MAX_DEPTH) return false;
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!isJson(value[i], depth + 1)) return false;
        return true;
      }
      for (const key in value) {
        if (hasOwn(value, key) && !isJson((value as Record<string, unknown>)[key], depth + 1)) {
          return false;
        }
      }
      return true;
    }
    default:
      return false;
  }
}

const reportJson: Report = (value, out) => {
  const kind = kindOf(value);
  if (kind === 0 || (kind === Kind.Number && !Number.isFinite(value))) {
    return out.add(mismatch('JSON value', value));
  }
  if (!isJson(value, out.depth)) reportChildren(value, out, isJson, reportJson);
};

/** Any JSON value, nested at most `MAX_DEPTH` deep. Stands for the schema's `{}`. */
export const jsonValue = new Validator<JsonValue>('JSON value', Kind.Any, isJson, reportJson);

/** Any JSON object, members nested at most `MAX_DEPTH` deep. */
export const jsonObject: Validator<{ [key: string]: JsonValue }> = record(jsonValue);

/** Reports the failing members of a container whose members all use one validator. */
function reportChildren(value: unknown, out: Explanation, test: Test, report: Report): void {
  if (out.depth >= MAX_DEPTH) return out.add(TOO_DEEP);
  const depth = out.depth + 1;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && !out.full; i++) {
      if (!test(value[i], depth)) out.at(i, value[i], report);
    }
  } else {
    const members = value as Record<string, unknown>;
    for (const key in members) {
      if (out.full) return;
      if (hasOwn(members, key) && !test(members[key], depth)) out.at(key, members[key], report);
    }
  }
}

export function array<T>(items: Validator<T>, maxItems = Infinity): Validator<T[]> {
  const item = items.test;
  const test: Test = (value, depth) => {
    if (!Array.isArray(value) || depth >= MAX_DEPTH || value.length > maxItems) return false;
    for (let i = 0; i < value.length; i++) if (!item(value[i], depth + 1)) return false;
    return true;
  };
  const report: Report = (value, out) => {
    if (!Array.isArray(value)) return out.add(mismatch('array', value));
    if (value.length > maxItems) out.add(`expected at most ${maxItems} items, got ${value.length}`);
    reportChildren(value, out, item, items.report);
  };
  return new Validator<T[]>('array', Kind.Array, test, report);
}

/** An object used as a map: every own property's value must satisfy `values`. */
export function record<T>(values: Validator<T>): Validator<{ [key: string]: T }> {
  const member = values.test;
  const test: Test = (value, depth) => {
    if (!isObject(value) || depth >= MAX_DEPTH) return false;
    for (const key in value) if (hasOwn(value, key) && !member(value[key], depth + 1)) return false;
    return true;
  };
  const report: Report = (value, out) => {
    if (!isObject(value)) return out.add(mismatch('object', value));
    reportChildren(value, out, member, values.report);
  };
  return new Validator<{ [key: string]: T }>('object', Kind.Object, test, report);
}

/** Marks an object property as optional; present properties are always checked. */
export interface Optional<T> {
  readonly optional: Validator<T>;
}

export function optional<T>(validator: Validator<T>): Optional<T> {
  return { optional: validator };
}

export type Shape = { readonly [key: string]: Validator<unknown> | Optional<unknown> };
type FieldType<F> = F extends Optional<infer T> ? T : F extends Validator<infer T> ? T : never;
type RequiredKeys<S> = { [K in keyof S]: S[K] extends Optional<unknown> ? never : K }[keyof S];
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: FieldType<S[K]> } & {
    [K in Exclude<keyof S, RequiredKeys<S>>]?: FieldType<S[K]>;
  }
>;

interface Field {
  readonly key: string;
  readonly required: boolean;
  readonly test: Test;
  readonly report: Report;
  readonly reportMissing: Report;
}

/**
 * An object with known properties. Unknown extra properties are allowed, as the MCP schemas leave
 * objects open. Properties are read only when they are own properties, so `__proto__` or
 * `constructor` keys are plain data and inherited members never satisfy a check.
 */
export function object<S extends Shape>(shape: S): Validator<ObjectOf<S>> {
  const fields: Field[] = Object.entries(shape).map(([key, field]) => {
    const validator = field instanceof Validator ? field : field.optional;
    const missing = `missing required property (expected ${validator.expected})`;
    return {
      key,
      required: field instanceof Validator,
      test: validator.test,
      report: validator.report,
      reportMissing: (_value, out) => out.addMissing(missing),
    };
  });
  const byKey = new Map(fields.map((field) => [field.key, field]));
  const requiredCount = fields.filter((field) => field.required).length;
  // Walks the value's members rather than the shape's: most optional members are absent, and an
  // absent member then costs nothing. Only own members count, so inherited ones never satisfy.
  const test: Test = (value, depth) => {
    if (!isObject(value) || depth >= MAX_DEPTH) return false;
    let required = 0;
    for (const key in value) {
      const field = byKey.get(key);
      if (field === undefined || !hasOwn(value, key)) continue;
      if (!field.test(value[key], depth + 1)) return false;
      if (field.required) required++;
    }
    return required === requiredCount;
  };
  const report: Report = (value, out) => {
    if (!isObject(value)) return out.add(mismatch('object', value));
    if (out.depth >= MAX_DEPTH) return out.add(TOO_DEEP);
    for (const field of fields) {
      if (out.full) return;
      if (isMember(value, field.key)) {
        const member = value[field.key];
        if (!field.test(member, out.depth + 1)) out.at(field.key, member, field.report);
      } else if (field.required) out.at(field.key, undefined, field.reportMissing);
    }
  };
  return new Validator<ObjectOf<S>>('object', Kind.Object, test, report);
}

/**
 * Any of several validators. On failure it explains the branch that fits the value's JSON kind, or,
 * when several do, the one with the fewest issues.
 */
export function union<const V extends readonly Validator<unknown>[]>(
  ...branches: V
): Validator<Infer<V[number]>> {
  const expected = [...new Set(branches.map((b) => b.expected))].join(' or ');
  const kinds = branches.reduce((bits, b) => bits | b.kinds, 0);
  const tests = branches.map((b) => b.test);
  const test: Test = (value, depth) => {
    for (let i = 0; i < tests.length; i++) if (tests[i]!(value, depth)) return true;
    return false;
  };
  const report: Report = (value, out) => {
    const kind = kindOf(value);
    const candidates = branches.filter((b) => (b.kinds & kind) !== 0);
    if (candidates.length === 0) return out.add(mismatch(expected, value));
    let best: Explanation | undefined;
    for (const branch of candidates) {
      const trial = out.fork();
      branch.report(value, trial);
      if (best === undefined || trial.distance < best.distance) best = trial;
    }
    for (const issue of best!.issues) out.push(issue);
  };
  return new Validator<Infer<V[number]>>(expected, kinds, test, report);
}

/**
 * A union of object shapes told apart by a string property (`type`, `method`, `resultType`…): one
 * map lookup picks the only branch worth checking. `whenAbsent` names the branch for objects
 * without the property, for unions where one branch leaves it optional.
 */
export function discriminated<const M extends { readonly [tag: string]: Validator<object> }>(
  key: string,
  branches: M,
  whenAbsent?: keyof M & string,
): Validator<Infer<M[keyof M]>> {
  const byTag = new Map(Object.entries(branches));
  const fallback = whenAbsent === undefined ? undefined : byTag.get(whenAbsent);
  const expectedTag = `one of ${[...byTag.keys()].map((t) => JSON.stringify(t)).join(', ')}`;
  const pick = (value: Record<string, unknown>): Validator<object> | undefined => {
    if (!hasOwn(value, key)) return fallback;
    const tag = value[key];
    return typeof tag === 'string' ? byTag.get(tag) : undefined;
  };
  const test: Test = (value, depth) => {
    if (!isObject(value)) return false;
    const branch = pick(value);
    return branch !== undefined && branch.test(value, depth);
  };
  const report: Report = (value, out) => {
    if (!isObject(value)) return out.add(mismatch('object', value));
    const branch = pick(value);
    if (branch !== undefined) return branch.report(value, out);
    const tag = hasOwn(value, key) ? value[key] : undefined;
    out.at(key, tag, (_v, inner) =>
      inner.add(
        tag === undefined
          ? `missing required property (expected ${expectedTag})`
          : mismatch(expectedTag, tag, true),
      ),
    );
  };
  return new Validator<Infer<M[keyof M]>>('object', Kind.Object, test, report);
}

/** A validator defined later, for recursive shapes. */
export function lazy<T>(define: () => Validator<T>, expected = 'value'): Validator<T> {
  let target: Validator<T> | undefined;
  const resolve = (): Validator<T> => (target ??= define());
  return new Validator<T>(
    expected,
    Kind.Any,
    (value, depth) => resolve().test(value, depth),
    (value, out) => resolve().report(value, out),
  );
}

/** Adds a rule the shape alone cannot express, e.g. "at least one of these properties". */
export function refine<T>(
  base: Validator<T>,
  rule: (value: T) => boolean,
  message: string,
): Validator<T> {
  const test: Test = (value, depth) => base.test(value, depth) && rule(value as T);
  const report: Report = (value, out) => {
    if (!base.test(value, out.depth)) base.report(value, out);
    else if (!rule(value as T)) out.add(message);
  };
  return new Validator<T>(base.expected, base.kinds, test, report);
}

/** Accepts `undefined` (an absent member) besides what `validator` accepts. */
export function orAbsent<T>(validator: Validator<T>): Validator<T | undefined> {
  const inner = validator.test;
  return new Validator<T | undefined>(
    validator.expected,
    validator.kinds,
    (value, depth) => value === undefined || inner(value, depth),
    validator.report,
  );
}
