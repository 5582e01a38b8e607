// RFC 6570 §3 expansion: template parts and variable values in, a URI reference out.
import { encodeValue, truncateToPrefix } from './operators.js';
import type { Operator } from './operators.js';
import type { ExpressionPart, TemplatePart, VarSpec } from './syntax.js';

/** A single value; numbers and booleans are written with `String()`. */
export type UriTemplateScalar = string | number | boolean;

/**
 * A variable's value: a string, a list, or an associative array (a record or a Map, in insertion
 * order). `undefined` and `null` mean undefined, as do an empty list and a record whose values are
 * all undefined (§2.3); the empty string is defined.
 */
export type UriTemplateValue =
  | UriTemplateScalar
  | readonly UriTemplateScalar[]
  | Readonly<Record<string, UriTemplateScalar | undefined>>
  | ReadonlyMap<string, UriTemplateScalar | undefined>;

export type UriTemplateVariables = Readonly<Record<string, UriTemplateValue | null | undefined>>;

type Defined =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'pairs'; readonly pairs: readonly (readonly [string, string])[] };

function isScalar(value: unknown): value is UriTemplateScalar | bigint {
  const type = typeof value;
  return type === 'string' || type === 'number' || type === 'boolean' || type === 'bigint';
}

function definedPairs(entries: Iterable<[unknown, unknown]>): (readonly [string, string])[] {
  const pairs: (readonly [string, string])[] = [];
  for (const [key, value] of entries) {
    if (isScalar(value)) pairs.push([String(key), String(value)]);
  }
  return pairs;
}

/** Reads a value the way §2.3 defines it; anything that is not a scalar, list or map is undefined. */
function defined(variables: UriTemplateVariables, name: string): Defined | undefined {
  // Own properties only: `{constructor}` must not expand Object.prototype.constructor.
  if (!Object.hasOwn(variables, name)) return undefined;
  const value: unknown = variables[name];
  if (isScalar(value)) return { kind: 'string', value: String(value) };
  if (Array.isArray(value)) {
    const items = (value as unknown[]).filter(isScalar).map(String);
    return items.length === 0 ? undefined : { kind: 'list', items };
  }
  if (value instanceof Map) {
    const pairs = definedPairs(value as Map<unknown, unknown>);
    return pairs.length === 0 ? undefined : { kind: 'pairs', pairs };
  }
  if (typeof value === 'object' && value !== null) {
    const pairs = definedPairs(Object.entries(value));
    return pairs.length === 0 ? undefined : { kind: 'pairs', pairs };
  }
  return undefined;
}

export function expandParts(
  parts: readonly TemplatePart[],
  variables: UriTemplateVariables,
): string {
  let uri = '';
  for (const part of parts) {
    uri += part.kind === 'literal' ? part.uriText : expandExpression(part, variables);
  }
  return uri;
}

function expandExpression(expression: ExpressionPart, variables: UriTemplateVariables): string {
  const op = expression.operator;
  let result = '';
  let first = true;
  for (const spec of expression.varSpecs) {
    const value = defined(variables, spec.name);
    if (value === undefined) continue;
    result += first ? op.first : op.separator;
    first = false;
    result += expandValue(op, spec, value);
  }
  return result;
}

/** Appendix A, for one defined variable. */
function expandValue(op: Operator, spec: VarSpec, value: Defined): string {
  const encode = (text: string): string => encodeValue(text, op.allowReserved);
  const named = (name: string, encoded: string): string =>
    op.named ? `${name}${encoded === '' ? op.ifEmpty : '='}${encoded}` : encoded;

  if (value.kind === 'string') {
    const text =
      spec.maxLength === undefined
        ? value.value
        : truncateToPrefix(value.value, spec.maxLength, op.allowReserved);
    return named(spec.name, encode(text));
  }
  // Prefix modifiers do not apply to composite values (§2.4.1); they are ignored here.
  if (!spec.explode) {
    const members = value.kind === 'list' ? value.items : value.pairs.flat();
    return named(spec.name, members.map(encode).join(','));
  }
  if (value.kind === 'list') {
    return value.items.map((item) => named(spec.name, encode(item))).join(op.separator);
  }
  return value.pairs
    .map(([key, item]) =>
      op.named ? named(encode(key), encode(item)) : `${encode(key)}=${encode(item)}`,
    )
    .join(op.separator);
}
