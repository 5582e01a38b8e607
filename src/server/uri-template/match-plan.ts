// Where each expression sits in a URI, found without backtracking: the template compiled into
// literal-separated runs of expressions, then located in O(n·k) with one right-to-left pass per literal.
import { CharClass, valueCharClass } from './operators.js';
import type { Operator } from './operators.js';
import type { ValuePosition } from './match-safety.js';
import type { TemplatePart, VarSpec } from './syntax.js';

export interface MatchVarSpec extends VarSpec, ValuePosition {}

/**
 * One expression, or several adjacent ones merged because each starts with the other's separator
 * (`{/a}{/b}` is `{/a,b}`, `{?a}{&b}` is `{?a,b}`): they expand exactly alike.
 */
export interface MatchGroup {
  readonly operator: Operator;
  readonly varSpecs: readonly MatchVarSpec[];
  /** Characters allowed after the operator's `first` character. */
  readonly valueChars: CharClass;
}

/** A maximal run of adjacent expressions and the literal after it (empty only at the end). */
export interface MatchSegment {
  readonly groups: readonly MatchGroup[];
  /** Every character any group of the run can produce. */
  readonly chars: CharClass;
  readonly literal: string;
}

export interface MatchPlan {
  readonly lead: string;
  readonly segments: readonly MatchSegment[];
}

function canMerge(previous: Operator, next: Operator): boolean {
  return next.first !== '' && next.first === previous.separator && next.named === previous.named;
}

/** An expression is path-like when it comes before any `?` or `#` and is not a query or fragment. */
export function compileMatchPlan(parts: readonly TemplatePart[]): MatchPlan {
  let lead = '';
  const segments: MatchSegment[] = [];
  let run: { operator: Operator; varSpecs: MatchVarSpec[]; valueChars: CharClass }[] | undefined;
  let inPath = true;

  const closeRun = (literal: string): void => {
    if (run === undefined) return;
    const chars = new CharClass();
    for (const group of run) chars.addAll(group.valueChars).add(group.operator.first);
    segments.push({ groups: run, chars, literal });
    run = undefined;
  };

  for (const part of parts) {
    if (part.kind === 'literal') {
      if (run === undefined) lead += part.uriText;
      else closeRun(part.uriText);
      if (part.text.includes('?') || part.text.includes('#')) inPath = false;
      continue;
    }
    const op = part.operator;
    const leavesPath = op.char === '?' || op.char === '&' || op.char === '#';
    const varSpecs = part.varSpecs.map((spec) => ({
      ...spec,
      pathLike: inPath && !leavesPath,
      allowReserved: op.allowReserved,
    }));
    if (leavesPath) inPath = false;
    run ??= [];
    const previous = run.at(-1);
    if (previous !== undefined && canMerge(previous.operator, op))
      previous.varSpecs.push(...varSpecs);
    else run.push({ operator: op, varSpecs, valueChars: valueCharClass(op) });
  }
  closeRun('');
  return { lead, segments };
}

/** For each index x, the first index ≥ x holding a character outside `chars` (`text.length` if none). */
function firstOutsideTable(text: string, chars: CharClass): Int32Array {
  const table = new Int32Array(text.length + 1);
  table[text.length] = text.length;
  for (let index = text.length - 1; index >= 0; index -= 1) {
    table[index] = chars.hasCode(text.charCodeAt(index))
      ? (table[index + 1] ?? text.length)
      : index;
  }
  return table;
}

function allInside(text: string, chars: CharClass, start: number, end: number): boolean {
  for (let index = start; index < end; index += 1)
    if (!chars.hasCode(text.charCodeAt(index))) return false;
  return true;
}

/**
 * Finds where each segment's run starts and ends: returns `[start0, end0, start1, end1, …]`, or
 * `undefined` when the literals cannot be placed. A run ends at an occurrence of its literal; among
 * the occurrences that leave a matchable rest (judged by character sets), the leftmost is taken, as a
 * lazy regex would, but computed right to left in O(n) per literal instead of by backtracking.
 */
export function locateRuns(
  segments: readonly MatchSegment[],
  uri: string,
  start: number,
): number[] | undefined {
  const length = uri.length;
  const none = length + 1;
  const last = segments.at(-1);
  if (last === undefined) return undefined;
  const finalEnd = length - last.literal.length;
  if (finalEnd < start || !uri.endsWith(last.literal)) return undefined;

  // nextEnd[j](x): the smallest e ≥ x where run j can end with everything after it matching.
  const nextEnd: ((from: number) => number)[] = [];
  const firstOutside: Int32Array[] = [];
  nextEnd[segments.length - 1] = (from) => (from <= finalEnd ? finalEnd : none);
  for (let j = segments.length - 2; j >= 0; j -= 1) {
    const { literal } = segments[j] as MatchSegment;
    const following = segments[j + 1] as MatchSegment;
    const outside = firstOutsideTable(uri, following.chars);
    firstOutside[j + 1] = outside;
    const endAfter = nextEnd[j + 1] as (from: number) => number;
    const reachable = new Uint8Array(length + 1);
    for (let at = uri.indexOf(literal, start); at !== -1; at = uri.indexOf(literal, at + 1)) {
      const nextStart = at + literal.length;
      if (endAfter(nextStart) <= (outside[nextStart] ?? length)) reachable[at] = 1;
    }
    const table = new Int32Array(length + 2).fill(none);
    for (let x = length; x >= 0; x -= 1) table[x] = reachable[x] === 1 ? x : (table[x + 1] ?? none);
    nextEnd[j] = (from) => (from <= length ? (table[from] ?? none) : none);
  }

  const runs: number[] = [];
  let position = start;
  for (let j = 0; j < segments.length; j += 1) {
    const segment = segments[j] as MatchSegment;
    const end = (nextEnd[j] as (from: number) => number)(position);
    if (end > length) return undefined;
    const table = firstOutside[j];
    const clean =
      table === undefined
        ? allInside(uri, segment.chars, position, end)
        : (table[position] ?? length) >= end;
    if (!clean) return undefined;
    runs.push(position, end);
    position = end + segment.literal.length;
  }
  return runs;
}

/** Operators whose `first` character starts a URI component: the earliest one begins the next group. */
const STARTS_COMPONENT = '?&#';

/**
 * Splits a run's extent between its groups, left to right, deciding each boundary once. A group
 * reaches as far as its characters allow; if the next group's `first` character can also occur
 * inside it, the boundary is the first `?`, `&` or `#` (they start a URI component), or the last
 * `.`, `/` or `;` (`{name}{.ext}`: the extension follows the last dot). A next group with no
 * `first` character (`{a}{b}`) gets only what the previous one cannot take. Returns the G+1 bounds.
 */
export function splitRun(
  groups: readonly MatchGroup[],
  uri: string,
  start: number,
  end: number,
): number[] {
  const bounds = [start];
  let position = start;
  for (let g = 0; g < groups.length - 1; g += 1) {
    const group = groups[g] as MatchGroup;
    const nextFirst = (groups[g + 1] as MatchGroup).operator.first;
    const { first } = group.operator;
    if (first !== '' && (position >= end || uri.charAt(position) !== first)) {
      bounds.push(position); // this group expanded to nothing
      continue;
    }
    const inner = position + first.length;
    let regionEnd = inner;
    while (regionEnd < end && group.valueChars.hasCode(uri.charCodeAt(regionEnd))) regionEnd += 1;
    let boundary = regionEnd;
    if (nextFirst !== '' && group.valueChars.hasChar(nextFirst) && regionEnd > inner) {
      const at = STARTS_COMPONENT.includes(nextFirst)
        ? uri.indexOf(nextFirst, inner)
        : uri.lastIndexOf(nextFirst, regionEnd - 1);
      if (at >= inner && at < regionEnd) boundary = at;
    }
    bounds.push(boundary);
    position = boundary;
  }
  bounds.push(end);
  return bounds;
}
