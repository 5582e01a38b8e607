// Traversal guards applied to matched values (resources spec: servers MUST sanitize paths;
// SECURITY.md and USERS.md §c item 7): a URI whose values could escape a directory does not match.

/** Each guard is on unless set to `false`. */
export interface UriTemplateSafetyOptions {
  /** A `..` segment (split on `/` and `\`, after decoding `%2e%2e`, `.%2E`…), or `...`/`.. ` variants. */
  readonly rejectDotSegments?: boolean;
  /** A NUL character (`%00`) anywhere. */
  readonly rejectNul?: boolean;
  /**
   * In a path-like position (an expression before any `?` or `#` of the template, with no operator or
   * `.`, `/`, `;`, `+`): a `\` (`%5C`), and except for `+` a `/` that came percent-encoded (`%2F`).
   */
  readonly rejectEncodedSeparators?: boolean;
  /** In a path-like position: a value starting with `/` or `\`, or with a drive letter like `C:`. */
  readonly rejectAbsolutePaths?: boolean;
}

export type ResolvedSafety = Required<UriTemplateSafetyOptions>;

export function resolveSafety(
  option: boolean | UriTemplateSafetyOptions | undefined,
): ResolvedSafety {
  if (option === false) {
    return {
      rejectDotSegments: false,
      rejectNul: false,
      rejectEncodedSeparators: false,
      rejectAbsolutePaths: false,
    };
  }
  const given: UriTemplateSafetyOptions = option === true || option === undefined ? {} : option;
  return {
    rejectDotSegments: given.rejectDotSegments ?? true,
    rejectNul: given.rejectNul ?? true,
    rejectEncodedSeparators: given.rejectEncodedSeparators ?? true,
    rejectAbsolutePaths: given.rejectAbsolutePaths ?? true,
  };
}

/** Where a variable sits in the template, which decides the guards that apply to it. */
export interface ValuePosition {
  readonly pathLike: boolean;
  readonly allowReserved: boolean;
}

const SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
const SPACE = 0x20;

/**
 * Whether some segment between separators is two or more dots optionally followed by dots and
 * spaces: `..` itself, and the forms Windows trims back to it (`...`, `.. `).
 */
export function hasDotDotSegment(value: string): boolean {
  let segmentStart = 0;
  for (let index = 0; index <= value.length; index += 1) {
    const code = index < value.length ? value.charCodeAt(index) : SLASH;
    if (code !== SLASH && code !== BACKSLASH) continue;
    if (isDotDot(value, segmentStart, index)) return true;
    segmentStart = index + 1;
  }
  return false;
}

function isDotDot(value: string, start: number, end: number): boolean {
  if (end - start < 2 || value.charCodeAt(start) !== DOT || value.charCodeAt(start + 1) !== DOT)
    return false;
  for (let index = start + 2; index < end; index += 1) {
    const code = value.charCodeAt(index);
    if (code !== DOT && code !== SPACE) return false;
  }
  return true;
}

export function looksAbsolute(value: string): boolean {
  const first = value.charCodeAt(0);
  if (first === SLASH || first === BACKSLASH) return true;
  const isLetter = (first >= 0x41 && first <= 0x5a) || (first >= 0x61 && first <= 0x7a);
  return isLetter && value.charCodeAt(1) === 0x3a;
}

/** Whether one decoded string (a value, a list item, a key) passes the guards. */
export function isSafeValue(
  value: string,
  position: ValuePosition,
  safety: ResolvedSafety,
): boolean {
  if (safety.rejectNul && value.includes('\0')) return false;
  if (safety.rejectDotSegments && hasDotDotSegment(value)) return false;
  if (!position.pathLike) return true;
  if (safety.rejectEncodedSeparators) {
    // No expansion leaves `\` raw, so one in a decoded value was sent as %5C.
    if (value.includes('\\')) return false;
    if (!position.allowReserved && value.includes('/')) return false;
  }
  return !(safety.rejectAbsolutePaths && looksAbsolute(value));
}
