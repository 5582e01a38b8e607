// RFC 6570 URI templates for MCP resource templates: full level-4 expansion, and linear-time
// matching of `resources/read` URIs with traversal guards on by default (SECURITY.md J4, N12).
import { expandParts } from './expand.js';
import type { UriTemplateVariables } from './expand.js';
import { compileMatchPlan, locateRuns, splitRun } from './match-plan.js';
import type { MatchGroup, MatchPlan } from './match-plan.js';
import { resolveSafety } from './match-safety.js';
import type { ResolvedSafety, UriTemplateSafetyOptions } from './match-safety.js';
import { readGroup, reconcile } from './match-values.js';
import type { Occurrence, UriTemplateMatch } from './match-values.js';
import { parseUriTemplate } from './syntax.js';
import type { TemplatePart } from './syntax.js';

/** The longest URI `match` looks at by default: 8 KiB of UTF-16 code units. */
export const DEFAULT_MAX_URI_LENGTH = 8 * 1024;

export interface UriTemplateOptions {
  /**
   * Traversal guards on `match`: `true` or absent turns them all on, `false` all off, an object
   * turns off the ones set to `false`.
   */
  readonly safety?: boolean | UriTemplateSafetyOptions;
  /** URIs longer than this never match. Default `DEFAULT_MAX_URI_LENGTH`; `Infinity` for no limit. */
  readonly maxUriLength?: number;
}

/**
 * A parsed RFC 6570 template. Construction throws `UriTemplateSyntaxError` for a malformed one.
 *
 * `match` is the inverse of `expand` where the template leaves no choice, and follows fixed rules
 * where it does:
 * - literals match exactly (case-sensitive) as `expand` writes them; a trailing `/` is not ignored;
 * - a run of expressions ends at the leftmost occurrence of the next literal that lets the rest match
 *   (`{a}-{b}` on `x-y-z` gives a = `x`), except the final literal, which is anchored at the end;
 * - adjacent expressions with the same separator act as one (`{/a}{/b}` is `{/a,b}`, `{?a}{&b}` is
 *   `{?a,b}`); otherwise each takes what its characters allow, and where the next one's first
 *   character could also be inside it, stops at the first `?`, `&`, `#` or the last `.`, `/`, `;`
 *   (`{+path}{?q}`: first `?`; `{name}{.ext}`: last dot; `{a}{b}`: all to `a`);
 * - values are percent-decoded (an invalid encoding fails the match); a non-exploded variable is a
 *   string (`{list}` on `a,b` gives `'a,b'`; a raw `,` or `=` in a value is accepted and kept); an
 *   exploded one is a list, or a record when its items are `key=value` pairs (for `;`, `?`, `&`:
 *   when any key is not the variable's name);
 * - `;`, `?`, `&` parameters may come in any order, may be missing, may not repeat beyond the
 *   template's places for them, and may not be unknown unless an exploded variable takes them;
 * - a variable that expanded to nothing is absent: `''` and undefined are the same for `{x}` and `{+x}`;
 * - for `+` and `#`, a value that itself contained `%XX` comes back decoded;
 * - with the default guards, a value with a `..` segment, a NUL, an encoded separator or a leading
 *   `/` fails the match (see `UriTemplateSafetyOptions`): write `file:///{+path}`, not
 *   `file://{+path}`, so that relative paths are what match.
 *
 * Matching never backtracks: literals are placed in one right-to-left pass each, every expression
 * is split once, so time is O(n·k) for a URI of n characters and a template of k characters.
 */
export class UriTemplate {
  readonly template: string;
  /** Every variable name, once each, in order of first appearance. */
  readonly variableNames: readonly string[];
  readonly #parts: readonly TemplatePart[];
  readonly #plan: MatchPlan;
  readonly #safety: ResolvedSafety;
  readonly #maxUriLength: number;

  constructor(template: string, options: UriTemplateOptions = {}) {
    const maxUriLength = options.maxUriLength ?? DEFAULT_MAX_URI_LENGTH;
    if (!(maxUriLength >= 0)) {
      throw new RangeError(
        `maxUriLength must be a non-negative number, got ${String(maxUriLength)}`,
      );
    }
    this.template = template;
    this.#parts = parseUriTemplate(template);
    this.#plan = compileMatchPlan(this.#parts);
    this.#safety = resolveSafety(options.safety);
    this.#maxUriLength = maxUriLength;
    const names = new Set<string>();
    for (const part of this.#parts) {
      if (part.kind === 'expression') for (const spec of part.varSpecs) names.add(spec.name);
    }
    this.variableNames = Object.freeze([...names]);
  }

  /** RFC 6570 §3 expansion. Variables missing from `variables` (own properties only) are undefined. */
  expand(variables: UriTemplateVariables = {}): string {
    return expandParts(this.#parts, variables);
  }

  /** The variables of a URI this template could have produced, or `undefined`. Linear in the URI. */
  match(uri: string): UriTemplateMatch | undefined {
    if (typeof uri !== 'string' || uri.length > this.#maxUriLength) return undefined;
    const { lead, segments } = this.#plan;
    if (!uri.startsWith(lead)) return undefined;
    if (segments.length === 0) return uri.length === lead.length ? {} : undefined;
    const runs = locateRuns(segments, uri, lead.length);
    if (runs === undefined) return undefined;
    const found: Occurrence[] = [];
    for (const [index, segment] of segments.entries()) {
      const bounds = splitRun(segment.groups, uri, runs[2 * index] ?? 0, runs[2 * index + 1] ?? 0);
      const readAll = segment.groups.every((group: MatchGroup, g) =>
        readGroup(group, uri, bounds[g] ?? 0, bounds[g + 1] ?? 0, found),
      );
      if (!readAll) return undefined;
    }
    return reconcile(found, this.#safety);
  }

  toString(): string {
    return this.template;
  }
}

/**
 * Whether `text` looks like a template rather than a plain URI: it has a `{` with a `}` after it.
 * It does not validate; `new UriTemplate(text)` does, and throws on a malformed one.
 */
export function isUriTemplate(text: string): boolean {
  const open = text.indexOf('{');
  return open !== -1 && text.indexOf('}', open + 1) !== -1;
}
