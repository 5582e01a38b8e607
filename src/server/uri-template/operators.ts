// The eight RFC 6570 expression operators (§3.2, Appendix A) and the character work they share:
// percent-encoding for expansion, character classes and percent-decoding for matching.

export type OperatorChar = '' | '+' | '#' | '.' | '/' | ';' | '?' | '&';

/** One row of the RFC 6570 Appendix A table. */
export interface Operator {
  readonly char: OperatorChar;
  /** Emitted before the first defined variable of the expression. */
  readonly first: string;
  /** Emitted between defined variables, and between exploded items. */
  readonly separator: string;
  /** Whether each value is written as `name=value`. */
  readonly named: boolean;
  /** Written after a name whose value is the empty string. */
  readonly ifEmpty: string;
  /** Whether reserved characters and pct-encoded triplets pass through unencoded (`+`, `#`). */
  readonly allowReserved: boolean;
}

function operator(
  char: OperatorChar,
  first: string,
  separator: string,
  named: boolean,
  ifEmpty: string,
  allowReserved: boolean,
): Operator {
  return { char, first, separator, named, ifEmpty, allowReserved };
}

export const OPERATORS: Readonly<Record<OperatorChar, Operator>> = {
  '': operator('', '', ',', false, '', false),
  '+': operator('+', '', ',', false, '', true),
  '#': operator('#', '#', ',', false, '', true),
  '.': operator('.', '.', '.', false, '', false),
  '/': operator('/', '/', '/', false, '', false),
  ';': operator(';', ';', ';', true, '', false),
  '?': operator('?', '?', '&', true, '=', false),
  '&': operator('&', '&', '&', true, '=', false),
};

export function isOperatorChar(char: string): char is Exclude<OperatorChar, ''> {
  return char.length === 1 && '+#./;?&'.includes(char);
}

/** `=`, `,`, `!`, `@` and `|` are reserved by RFC 6570 §2.2 for future operators. */
export function isReservedOperatorChar(char: string): boolean {
  return char.length === 1 && '=,!@|'.includes(char);
}

const RESERVED = ":/?#[]@!$&'()*+,;=";

export function isAlpha(code: number): boolean {
  return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
}

export function isDigit(code: number): boolean {
  return code >= 0x30 && code <= 0x39;
}

export function isHexDigit(code: number): boolean {
  return isDigit(code) || (code >= 0x41 && code <= 0x46) || (code >= 0x61 && code <= 0x66);
}

/** RFC 3986 unreserved: ALPHA / DIGIT / "-" / "." / "_" / "~". */
export function isUnreserved(code: number): boolean {
  return (
    isAlpha(code) ||
    isDigit(code) ||
    code === 0x2d ||
    code === 0x2e ||
    code === 0x5f ||
    code === 0x7e
  );
}

export function isReserved(code: number): boolean {
  return code < 0x80 && RESERVED.includes(String.fromCharCode(code));
}

/** Whether `text` has a pct-encoded triplet (`%` and two hex digits) at `index`. */
export function isPctTripletAt(text: string, index: number): boolean {
  return (
    text.charCodeAt(index) === 0x25 &&
    isHexDigit(text.charCodeAt(index + 1)) &&
    isHexDigit(text.charCodeAt(index + 2))
  );
}

const utf8 = new TextEncoder();
const HEX = '0123456789ABCDEF';

function pctEncodeCodePoint(codePoint: number): string {
  let encoded = '';
  // TextEncoder turns a lone surrogate into U+FFFD instead of throwing like encodeURIComponent.
  for (const byte of utf8.encode(String.fromCodePoint(codePoint))) {
    encoded += '%' + HEX.charAt(byte >> 4) + HEX.charAt(byte & 0x0f);
  }
  return encoded;
}

/**
 * Percent-encodes `value` for an expression: only unreserved characters pass (the U set), or with
 * `allowReserved` also reserved characters and existing pct-encoded triplets (the U+R set).
 */
export function encodeValue(value: string, allowReserved: boolean): string {
  let encoded = '';
  let index = 0;
  while (index < value.length) {
    const code = value.charCodeAt(index);
    if (isUnreserved(code) || (allowReserved && isReserved(code))) {
      encoded += value.charAt(index);
      index += 1;
    } else if (allowReserved && isPctTripletAt(value, index)) {
      encoded += value.slice(index, index + 3);
      index += 3;
    } else {
      const codePoint = value.codePointAt(index) ?? code;
      encoded += pctEncodeCodePoint(codePoint);
      index += codePoint > 0xffff ? 2 : 1;
    }
  }
  return encoded;
}

/**
 * The first `maxLength` characters of `value` (§2.4.1): counted in code points, never splitting a
 * surrogate pair, and for the `+`/`#` operators never splitting a pct-encoded triplet either.
 */
export function truncateToPrefix(value: string, maxLength: number, allowReserved: boolean): string {
  let index = 0;
  let characters = 0;
  while (index < value.length && characters < maxLength) {
    if (allowReserved && isPctTripletAt(value, index)) index += 3;
    else index += (value.codePointAt(index) ?? 0) > 0xffff ? 2 : 1;
    characters += 1;
  }
  return value.slice(0, index);
}

/** Percent-decodes `text` as UTF-8; `undefined` for a malformed triplet or invalid UTF-8. */
export function decodePercent(text: string): string | undefined {
  if (!text.includes('%')) return text;
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * A set of characters a matched URI may contain at some point. Non-ASCII characters are always
 * members: expansion percent-encodes them, but clients often send IRIs with raw Unicode.
 */
export class CharClass {
  readonly #ascii = new Uint8Array(128);

  add(chars: string): this {
    for (let index = 0; index < chars.length; index += 1) {
      const code = chars.charCodeAt(index);
      if (code < 128) this.#ascii[code] = 1;
    }
    return this;
  }

  addWhere(predicate: (code: number) => boolean): this {
    for (let code = 0; code < 128; code += 1) if (predicate(code)) this.#ascii[code] = 1;
    return this;
  }

  addAll(other: CharClass): this {
    for (let code = 0; code < 128; code += 1) if (other.hasCode(code)) this.#ascii[code] = 1;
    return this;
  }

  hasCode(code: number): boolean {
    return code >= 128 || this.#ascii[code] === 1;
  }

  hasChar(char: string): boolean {
    return char.length > 0 && this.hasCode(char.charCodeAt(0));
  }
}

/**
 * Characters that can follow an operator's `first` character in its expansion: the U or U+R set,
 * `%` of triplets, the separator, `,` (lists that are not exploded) and `=` (names, exploded pairs).
 */
export function valueCharClass(op: Operator): CharClass {
  const chars = new CharClass().addWhere(isUnreserved).add('%,=').add(op.separator);
  return op.allowReserved ? chars.addWhere(isReserved) : chars;
}
