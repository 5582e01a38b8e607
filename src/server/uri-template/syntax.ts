// The RFC 6570 template grammar (§2, level 4): a template string becomes literals and expressions,
// or a UriTemplateSyntaxError naming what is wrong and where.
import { LocalError } from '../../jsonrpc/errors.js';
import {
  OPERATORS,
  encodeValue,
  isAlpha,
  isDigit,
  isOperatorChar,
  isPctTripletAt,
  isReservedOperatorChar,
} from './operators.js';
import type { Operator } from './operators.js';

/** The largest prefix modifier the grammar allows: `max-length = %x31-39 0*3DIGIT`. */
export const MAX_PREFIX_LENGTH = 9999;

export interface VarSpec {
  readonly name: string;
  /** The `:N` prefix modifier, if any. */
  readonly maxLength?: number;
  /** The `*` explode modifier. */
  readonly explode: boolean;
}

export interface LiteralPart {
  readonly kind: 'literal';
  /** The literal as written in the template. */
  readonly text: string;
  /** The literal as expansion writes it (non-ASCII characters percent-encoded, §3.1). */
  readonly uriText: string;
}

export interface ExpressionPart {
  readonly kind: 'expression';
  readonly operator: Operator;
  readonly varSpecs: readonly VarSpec[];
  /** Offset of the `{` in the template. */
  readonly position: number;
}

export type TemplatePart = LiteralPart | ExpressionPart;

/** A malformed URI template, found when it is constructed. */
export class UriTemplateSyntaxError extends LocalError {
  override readonly name = 'UriTemplateSyntaxError';
  readonly template: string;
  /** Zero-based offset in the template of the offending character. */
  readonly position: number;

  constructor(template: string, position: number, problem: string) {
    const shown = template.length > 200 ? `${template.slice(0, 200)}…` : template;
    super(
      'misuse',
      `Invalid URI template ${JSON.stringify(shown)} at position ${position}: ${problem}`,
    );
    this.template = template;
    this.position = position;
  }
}

/** ASCII characters the grammar keeps out of literals (§2.1), besides `{`, `}` and a bare `%`. */
const FORBIDDEN_IN_LITERAL = ' "\'<>\\^`|';

function describe(char: string): string {
  const code = char.charCodeAt(0);
  return code < 0x20 || code === 0x7f || (code >= 0x80 && code <= 0x9f)
    ? `control character U+${code.toString(16).toUpperCase().padStart(4, '0')}`
    : `'${char}'`;
}

export function parseUriTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let literal = '';
  const flushLiteral = (): void => {
    if (literal === '') return;
    parts.push({ kind: 'literal', text: literal, uriText: encodeValue(literal, true) });
    literal = '';
  };

  let index = 0;
  while (index < template.length) {
    const char = template.charAt(index);
    const code = template.charCodeAt(index);
    if (char === '{') {
      flushLiteral();
      const { expression, end } = parseExpression(template, index);
      parts.push(expression);
      index = end;
    } else if (char === '}') {
      throw new UriTemplateSyntaxError(template, index, "'}' without a matching '{'");
    } else if (char === '%') {
      if (!isPctTripletAt(template, index)) {
        throw new UriTemplateSyntaxError(
          template,
          index,
          "'%' must start a percent-encoded triplet such as %20",
        );
      }
      literal += template.slice(index, index + 3);
      index += 3;
    } else if (
      code < 0x20 ||
      code === 0x7f ||
      (code >= 0x80 && code <= 0x9f) ||
      FORBIDDEN_IN_LITERAL.includes(char)
    ) {
      throw new UriTemplateSyntaxError(
        template,
        index,
        `${describe(char)} is not allowed in a URI template`,
      );
    } else {
      literal += char;
      index += 1;
    }
  }
  flushLiteral();
  return parts;
}

/** Parses the expression whose `{` is at `open`; `end` is the offset just past its `}`. */
function parseExpression(
  template: string,
  open: number,
): { expression: ExpressionPart; end: number } {
  const fail = (position: number, problem: string): never => {
    throw new UriTemplateSyntaxError(template, position, problem);
  };
  const unclosed = (): never => fail(open, "expression is not closed: '{' without a matching '}'");

  let index = open + 1;
  let op = OPERATORS[''];
  const opChar = template.charAt(index);
  if (isOperatorChar(opChar)) {
    op = OPERATORS[opChar];
    index += 1;
  } else if (isReservedOperatorChar(opChar)) {
    fail(index, `operator '${opChar}' is reserved for future extensions of RFC 6570`);
  }

  const varSpecs: VarSpec[] = [];
  for (;;) {
    const nameStart = index;
    index = scanVarName(template, index, fail);
    if (index === nameStart) {
      if (index >= template.length) unclosed();
      const char = template.charAt(index);
      if (char === '}')
        fail(index, varSpecs.length === 0 ? 'empty expression' : "missing variable name after ','");
      if (char === '{') fail(index, "'{' inside an expression (expressions do not nest)");
      fail(
        index,
        `${describe(char)} cannot start a variable name (use letters, digits, '_' or %XX)`,
      );
    }
    const name = template.slice(nameStart, index);

    let maxLength: number | undefined;
    let explode = false;
    if (template.charAt(index) === ':') {
      const digitsStart = index + 1;
      index = digitsStart;
      while (isDigit(template.charCodeAt(index))) index += 1;
      const digits = template.slice(digitsStart, index);
      if (digits === '')
        fail(digitsStart, "prefix modifier ':' must be followed by a length from 1 to 9999");
      if (digits.startsWith('0'))
        fail(digitsStart, 'prefix length must be from 1 to 9999, without leading zeros');
      if (digits.length > 4)
        fail(digitsStart, `prefix length ${digits} is over the maximum of ${MAX_PREFIX_LENGTH}`);
      maxLength = Number(digits);
    } else if (template.charAt(index) === '*') {
      explode = true;
      index += 1;
    }
    varSpecs.push(maxLength === undefined ? { name, explode } : { name, maxLength, explode });

    if (index >= template.length) unclosed();
    const next = template.charAt(index);
    if (next === '}')
      return {
        expression: { kind: 'expression', operator: op, varSpecs, position: open },
        end: index + 1,
      };
    if (next === ',') {
      index += 1;
      continue;
    }
    if (next === '*' || next === ':')
      fail(index, `a variable takes one modifier, either ':N' or '*', not both`);
    if (next === '{') fail(index, "'{' inside an expression (expressions do not nest)");
    fail(index, `unexpected ${describe(next)} in expression (expected ',' or '}')`);
  }
}

/**
 * Scans `varname = varchar *( ["."] varchar )` with `varchar = ALPHA / DIGIT / "_" / pct-encoded`
 * from `index`; returns the offset just past it (equal to `index` when there is none).
 */
function scanVarName(
  template: string,
  index: number,
  fail: (position: number, problem: string) => never,
): number {
  let position = index;
  for (;;) {
    const code = template.charCodeAt(position);
    if (isAlpha(code) || isDigit(code) || code === 0x5f) position += 1;
    else if (isPctTripletAt(template, position)) position += 3;
    else if (code === 0x25)
      fail(position, "'%' in a variable name must start a percent-encoded triplet");
    else if (code === 0x2e && position > index) {
      const after = template.charCodeAt(position + 1);
      if (!(isAlpha(after) || isDigit(after) || after === 0x5f || after === 0x25)) {
        fail(position, "'.' in a variable name must be followed by a name character");
      }
      position += 1;
    } else return position;
  }
}
