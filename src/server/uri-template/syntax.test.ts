// The template grammar: every level-4 form parses, and each malformed template throws at
// construction with an error naming the offending position.
import { describe, it, expect } from 'vitest';
import { LocalError } from '../../jsonrpc/errors.js';
import {
  MAX_PREFIX_LENGTH,
  UriTemplate,
  UriTemplateSyntaxError,
  isUriTemplate,
} from '../uri-template.js';

function syntaxError(template: string): UriTemplateSyntaxError {
  try {
    new UriTemplate(template);
  } catch (error) {
    if (error instanceof UriTemplateSyntaxError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(template)} to be rejected`);
}

describe('UriTemplate syntax', () => {
  it.each([
    'file:///{path}',
    'file:///{+path}',
    '{#frag}{.a,b}{/c*}{;d:3}{?e,f*}{&g}',
    '{a.b}',
    '{a%20b}',
    '{_1,A_b.c9}',
    `{var:${MAX_PREFIX_LENGTH}}`,
    '{var:1}',
    'mcp://no-expression/at-all',
    'caf\u00e9/{x}',
    'x!$&()*+,;=:@/?#[]~-._{x}',
    '',
  ])('accepts %j', (template) => {
    expect(new UriTemplate(template).template).toBe(template);
  });

  it.each([
    ['{abc', 0, 'not closed'],
    ['x/{abc,def', 2, 'not closed'],
    ['x/{', 2, 'not closed'],
    ['abc}', 3, "'}' without a matching '{'"],
    ['{}', 1, 'empty expression'],
    ['{a,}', 3, "missing variable name after ','"],
    ['{,a}', 1, 'reserved for future extensions'],
    ['{=a}', 1, 'reserved for future extensions'],
    ['{!a}', 1, 'reserved for future extensions'],
    ['{@a}', 1, 'reserved for future extensions'],
    ['{|a}', 1, 'reserved for future extensions'],
    ['{a:0}', 3, 'from 1 to 9999'],
    ['{a:007}', 3, 'without leading zeros'],
    ['{a:10000}', 3, 'over the maximum of 9999'],
    ['{a:}', 3, "':' must be followed by a length"],
    ['{a:x}', 3, "':' must be followed by a length"],
    ['{a:3*}', 4, 'either'],
    ['{a*:3}', 3, 'either'],
    ['{a**}', 3, 'either'],
    ['{a-b}', 2, "unexpected '-'"],
    ['{a b}', 2, "unexpected ' '"],
    ['{a.}', 2, "'.' in a variable name"],
    ['{a..b}', 2, "'.' in a variable name"],
    ['{.}', 2, 'empty expression'],
    ['{/,a}', 2, 'cannot start a variable name'],
    ['{-a}', 1, 'cannot start a variable name'],
    ['{{a}}', 1, 'do not nest'],
    ['{a{b}', 2, 'do not nest'],
    ['{a%2}', 2, 'percent-encoded triplet'],
    ['{%zz}', 1, 'percent-encoded triplet'],
    ['a%zz{b}', 1, 'percent-encoded triplet'],
    ['100%', 3, 'percent-encoded triplet'],
    ['a b{c}', 1, "' ' is not allowed"],
    ['a"{c}', 1, `'"' is not allowed`],
    ["it's/{c}", 2, "''' is not allowed"],
    ['<{c}>', 0, "'<' is not allowed"],
    ['a\\b/{c}', 1, "'\\' is not allowed"],
    ['a^{c}', 1, "'^' is not allowed"],
    ['a`{c}', 1, "'`' is not allowed"],
    ['a|{c}', 1, "'|' is not allowed"],
    ['a\u0000{c}', 1, 'control character U+0000'],
    ['{c}\n', 3, 'control character U+000A'],
    ['a\u0085', 1, 'control character U+0085'],
  ] as const)('rejects %j at position %i (%s)', (template, position, problem) => {
    const error = syntaxError(template);
    expect(error.position).toBe(position);
    expect(error.template).toBe(template);
    expect(error.message).toContain(`at position ${position}`);
    expect(error.message).toContain(problem);
  });

  it('reports a malformed template as local misuse, never as a wire error', () => {
    const error = syntaxError('{oops');
    expect(error).toBeInstanceOf(LocalError);
    expect(error.reason).toBe('misuse');
    expect(error.name).toBe('UriTemplateSyntaxError');
  });

  it('keeps messages short for huge templates but the position exact', () => {
    const error = syntaxError(`${'a'.repeat(10_000)}}`);
    expect(error.position).toBe(10_000);
    expect(error.message.length).toBeLessThan(400);
  });

  it('lists variable names once each, in order of first appearance', () => {
    const template = new UriTemplate('{/b,a}{?c,b}{#a:2}{&d*}');
    expect(template.variableNames).toEqual(['b', 'a', 'c', 'd']);
    expect(Object.isFrozen(template.variableNames)).toBe(true);
    expect(String(template)).toBe('{/b,a}{?c,b}{#a:2}{&d*}');
  });

  it('rejects a nonsensical maxUriLength', () => {
    expect(() => new UriTemplate('{x}', { maxUriLength: -1 })).toThrow(RangeError);
    expect(() => new UriTemplate('{x}', { maxUriLength: Number.NaN })).toThrow(RangeError);
  });
});

describe('isUriTemplate', () => {
  it.each([
    ['file:///{path}', true],
    ['{x}', true],
    ['a{b}c', true],
    ['{oops', false],
    ['file:///plain.txt', false],
    ['}{', false],
    ['', false],
  ] as const)('%j → %s', (text, expected) => {
    expect(isUriTemplate(text)).toBe(expected);
  });
});
