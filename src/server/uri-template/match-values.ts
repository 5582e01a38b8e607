// Reading variable values out of one located expression group, then reconciling variables that
// appear more than once and applying the traversal guards.
import { decodePercent, truncateToPrefix } from './operators.js';
import { isSafeValue } from './match-safety.js';
import type { ResolvedSafety } from './match-safety.js';
import type { MatchGroup, MatchVarSpec } from './match-plan.js';

/** A matched value: a string, or for an exploded variable a list or (with `k=v` items) a record. */
export type UriTemplateMatchValue = string | string[] | Record<string, string>;

/** The variables a URI matched; a variable that expanded to nothing is absent. */
export type UriTemplateMatch = Record<string, UriTemplateMatchValue>;

export interface Occurrence {
  readonly spec: MatchVarSpec;
  readonly value: UriTemplateMatchValue;
}

/** Defines an own property, so a key like `__proto__` from a URI never touches a prototype. */
export function setOwn<T>(target: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function stringOccurrence(spec: MatchVarSpec, raw: string, found: Occurrence[]): boolean {
  const value = decodePercent(raw);
  if (value === undefined) return false;
  found.push({ spec, value });
  return true;
}

function recordOccurrence(
  spec: MatchVarSpec,
  rawKeys: readonly string[],
  rawValues: readonly string[],
  found: Occurrence[],
): boolean {
  const record: Record<string, string> = {};
  for (let index = 0; index < rawKeys.length; index += 1) {
    const key = decodePercent(rawKeys[index] ?? '');
    const value = decodePercent(rawValues[index] ?? '');
    if (key === undefined || value === undefined || Object.hasOwn(record, key)) return false;
    setOwn(record, key, value);
  }
  found.push({ spec, value: record });
  return true;
}

/** Decodes `rawItems[from, to)` into a list. */
function listOccurrence(
  spec: MatchVarSpec,
  rawItems: readonly string[],
  from: number,
  to: number,
  found: Occurrence[],
): boolean {
  const items: string[] = [];
  for (let index = from; index < to; index += 1) {
    const item = decodePercent(rawItems[index] ?? '');
    if (item === undefined) return false;
    items.push(item);
  }
  found.push({ spec, value: items });
  return true;
}

/**
 * Exploded items `items[from, to)` of an unnamed operator. Without `+`/`#` a raw `=` can only come
 * from a record's `key=value`, so items that all have one form a record; items without form a
 * list; a mix fails.
 */
function explodedOccurrence(
  group: MatchGroup,
  spec: MatchVarSpec,
  items: readonly string[],
  from: number,
  to: number,
  found: Occurrence[],
): boolean {
  if (group.operator.allowReserved) return listOccurrence(spec, items, from, to, found);
  let pairs = 0;
  for (let index = from; index < to; index += 1)
    if (items[index]?.includes('=') === true) pairs += 1;
  if (pairs === 0) return listOccurrence(spec, items, from, to, found);
  if (pairs !== to - from) return false;
  const keys: string[] = [];
  const values: string[] = [];
  for (let index = from; index < to; index += 1) {
    const item = items[index] ?? '';
    const equals = item.indexOf('=');
    keys.push(item.slice(0, equals));
    values.push(item.slice(equals + 1));
  }
  return recordOccurrence(spec, keys, values, found);
}

/** Reads the group's values from `uri[start, end)`, appending them to `found`; `false` if it cannot. */
export function readGroup(
  group: MatchGroup,
  uri: string,
  start: number,
  end: number,
  found: Occurrence[],
): boolean {
  if (start === end) return true; // every variable of the group was undefined
  const { first } = group.operator;
  if (first !== '' && uri.charAt(start) !== first) return false;
  const bodyStart = start + first.length;
  for (let index = bodyStart; index < end; index += 1) {
    if (!group.valueChars.hasCode(uri.charCodeAt(index))) return false;
  }
  const body = uri.slice(bodyStart, end);
  return group.operator.named ? readNamed(group, body, found) : readPositional(group, body, found);
}

/**
 * Unnamed operators assign items to variables in order. An exploded variable takes every item the
 * variables after it do not need; without one, surplus items stay in the last variable (joined
 * back), except for `/`, whose separator cannot occur in a value.
 */
function readPositional(group: MatchGroup, body: string, found: Occurrence[]): boolean {
  const specs = group.varSpecs;
  const { separator } = group.operator;
  let items = body.split(separator);
  const explodeAt = specs.findIndex((spec) => spec.explode);
  if (explodeAt === -1) {
    if (items.length > specs.length) {
      if (separator === '/') return false;
      items = [...items.slice(0, specs.length - 1), items.slice(specs.length - 1).join(separator)];
    }
    return items.every((item, index) =>
      stringOccurrence(specs[index] as MatchVarSpec, item, found),
    );
  }
  const after = specs.length - explodeAt - 1;
  const taken = Math.max(0, items.length - explodeAt - after);
  for (let index = 0; index < Math.min(explodeAt, items.length); index += 1) {
    if (!stringOccurrence(specs[index] as MatchVarSpec, items[index] as string, found))
      return false;
  }
  const exploded = specs[explodeAt] as MatchVarSpec;
  if (taken > 0 && !explodedOccurrence(group, exploded, items, explodeAt, explodeAt + taken, found))
    return false;
  let itemIndex = explodeAt + taken;
  for (
    let specIndex = explodeAt + 1;
    specIndex < specs.length && itemIndex < items.length;
    specIndex += 1
  ) {
    const spec = specs[specIndex] as MatchVarSpec;
    const ok = spec.explode
      ? explodedOccurrence(group, spec, items, itemIndex, itemIndex + 1, found)
      : stringOccurrence(spec, items[itemIndex] as string, found);
    if (!ok) return false;
    itemIndex += 1;
  }
  return true;
}

/** Whether `pair` (`name` or `name=value`, its `=` at `equals`) is named `name`, without slicing. */
function isNamed(pair: string, equals: number, name: string): boolean {
  return (equals === -1 ? pair.length : equals) === name.length && pair.startsWith(name);
}

/**
 * Named operators (`;`, `?`, `&`) assign pairs by name, so their order does not matter. A name given
 * more often than the template has places for it fails the match (no parameter pollution); a pair
 * naming no variable goes to the first exploded variable as a record entry, or fails the match.
 */
function readNamed(group: MatchGroup, body: string, found: Occurrence[]): boolean {
  const specs = group.varSpecs;
  const single: (string | undefined)[] = specs.map(() => undefined);
  // Per exploded variable: raw names and values of its pairs, and whether any name was not its own.
  const names: string[][] = specs.map(() => []);
  const values: string[][] = specs.map(() => []);
  const foreign: boolean[] = specs.map(() => false);
  const firstExploded = specs.findIndex((spec) => spec.explode);

  for (const pair of body.split(group.operator.separator)) {
    if (pair === '') continue;
    const equals = pair.indexOf('=');
    const value = equals === -1 ? '' : pair.slice(equals + 1);
    let target = -1;
    let known = false;
    for (let index = 0; index < specs.length; index += 1) {
      const spec = specs[index] as MatchVarSpec;
      if (spec.explode || !isNamed(pair, equals, spec.name)) continue;
      known = true;
      if (single[index] === undefined) {
        target = index;
        break;
      }
    }
    if (target !== -1) {
      single[target] = value;
      continue;
    }
    if (known) return false;
    target = specs.findIndex((spec) => spec.explode && isNamed(pair, equals, spec.name));
    if (target === -1) {
      target = firstExploded;
      if (target === -1) return false;
      foreign[target] = true;
    }
    names[target]?.push(equals === -1 ? pair : pair.slice(0, equals));
    values[target]?.push(value);
  }

  return specs.every((spec, index) => {
    const value = single[index];
    if (value !== undefined) return stringOccurrence(spec, value, found);
    const pairValues = values[index] ?? [];
    if (pairValues.length === 0) return true;
    if (foreign[index] !== true)
      return listOccurrence(spec, pairValues, 0, pairValues.length, found);
    return recordOccurrence(spec, names[index] ?? [], pairValues, found);
  });
}

function sameValue(a: UriTemplateMatchValue, b: UriTemplateMatchValue): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => item === b[index])
    );
  }
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every((key) => Object.hasOwn(b, key) && a[key] === b[key])
  );
}

function stringsOf(value: UriTemplateMatchValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value;
  return Object.entries(value).flat();
}

/**
 * Applies the guards to every occurrence, then merges repeated variables: occurrences without a
 * prefix modifier must agree, and one with `:N` must be the first N characters of the fullest
 * value, which for a variable appearing once means it has at most N characters.
 */
export function reconcile(
  found: readonly Occurrence[],
  safety: ResolvedSafety,
): UriTemplateMatch | undefined {
  const byName = new Map<string, Occurrence[]>();
  for (const occurrence of found) {
    if (!stringsOf(occurrence.value).every((text) => isSafeValue(text, occurrence.spec, safety)))
      return undefined;
    const list = byName.get(occurrence.spec.name);
    if (list === undefined) byName.set(occurrence.spec.name, [occurrence]);
    else list.push(occurrence);
  }
  const result: UriTemplateMatch = {};
  for (const [name, occurrences] of byName) {
    const capacity = (occurrence: Occurrence): number => occurrence.spec.maxLength ?? Infinity;
    const fullest = occurrences.reduce((best, next) =>
      capacity(next) > capacity(best) ? next : best,
    );
    for (const occurrence of occurrences) {
      const { maxLength } = occurrence.spec;
      const agrees =
        maxLength === undefined
          ? sameValue(occurrence.value, fullest.value)
          : typeof fullest.value === 'string' &&
            occurrence.value === truncateToPrefix(fullest.value, maxLength, false);
      if (!agrees) return undefined;
    }
    setOwn(result, name, fullest.value);
  }
  return result;
}
