// Expansion beyond the RFC tables: value kinds, undefined semantics, encoding of Unicode and of
// pct-encoded triplets, prefixes by character, and lookups that never reach Object.prototype.
import { describe, it, expect } from 'vitest';
import { UriTemplate } from '../uri-template.js';
import type { UriTemplateVariables } from '../uri-template.js';

const expand = (template: string, variables: UriTemplateVariables): string =>
  new UriTemplate(template).expand(variables);

describe('UriTemplate.expand', () => {
  it('writes numbers and booleans with String()', () => {
    expect(expand('{?page,size,all}', { page: 2, size: 0.5, all: false })).toBe(
      '?page=2&size=0.5&all=false',
    );
    expect(expand('{/ids*}', { ids: [1, 2, 3] })).toBe('/1/2/3');
  });

  it('treats undefined, null, an empty list and an all-undefined record as undefined', () => {
    const variables: UriTemplateVariables = {
      u: undefined,
      n: null,
      l: [],
      r: {},
      ru: { a: undefined },
    };
    for (const name of ['u', 'n', 'l', 'r', 'ru', 'missing']) {
      expect(expand(`x{?${name}}{;${name}*}{/${name}}{#${name}}`, variables)).toBe('x');
    }
    expect(expand('{?a,b,c}', { b: 'B' })).toBe('?b=B');
    expect(expand('{&a,b}', {})).toBe('');
  });

  it('keeps the empty string defined', () => {
    expect(expand('{?q}', { q: '' })).toBe('?q=');
    expect(expand('{;q}', { q: '' })).toBe(';q');
    expect(expand('{/q}', { q: '' })).toBe('/');
    expect(expand('{#q}', { q: '' })).toBe('#');
    expect(expand('{?list}', { list: [''] })).toBe('?list=');
    expect(expand('{?list*}', { list: ['', 'a'] })).toBe('?list=&list=a');
  });

  it('skips undefined members of records, keeping insertion order', () => {
    expect(expand('{?filters*}', { filters: { b: '2', skip: undefined, a: '1' } })).toBe(
      '?b=2&a=1',
    );
    const map = new Map<string, string | undefined>([
      ['z', 'last'],
      ['gone', undefined],
      ['a b', 'x&y'],
    ]);
    expect(expand('{?m*}', { m: map })).toBe('?z=last&a%20b=x%26y');
    expect(expand('{m}', { m: map })).toBe('z,last,a%20b,x%26y');
  });

  it('reads own properties only', () => {
    expect(expand('{constructor}{/toString}{?hasOwnProperty}', {})).toBe('');
    expect(expand('{__proto__}', {})).toBe('');
    const inherited = Object.create({ id: 'inherited' }) as UriTemplateVariables;
    expect(expand('{id}', inherited)).toBe('');
  });

  it('percent-encodes Unicode as UTF-8, never throwing on lone surrogates', () => {
    expect(expand('{x}', { x: 'café' })).toBe('caf%C3%A9');
    expect(expand('{+x}', { x: '日本/語' })).toBe('%E6%97%A5%E6%9C%AC/%E8%AA%9E');
    expect(expand('{x}', { x: '😀' })).toBe('%F0%9F%98%80');
    expect(expand('{x}', { x: '\ud800' })).toBe('%EF%BF%BD');
    expect(expand('{x}', { x: '\u0000\n' })).toBe('%00%0A');
  });

  it('encodes non-ASCII template literals (§3.1)', () => {
    expect(expand('café/{x}', { x: 'a' })).toBe('caf%C3%A9/a');
    expect(expand('a%2Fb/{x}', { x: 'c' })).toBe('a%2Fb/c');
  });

  it('keeps pct-encoded triplets only for + and #, and only when valid', () => {
    expect(expand('{x}', { x: '%2F' })).toBe('%252F');
    expect(expand('{+x}', { x: '%2F' })).toBe('%2F');
    expect(expand('{#x}', { x: '%2f%' })).toBe('#%2f%25');
    expect(expand('{+x}', { x: '%zz' })).toBe('%25zz');
  });

  it('counts prefix lengths in characters, not code units or octets', () => {
    expect(expand('{x:1}', { x: '😀a' })).toBe('%F0%9F%98%80');
    expect(expand('{x:2}', { x: 'é😀é' })).toBe('%C3%A9%F0%9F%98%80');
    expect(expand('{+x:2}', { x: '%41bc' })).toBe('%41b');
    expect(expand('{x:2}', { x: '%41bc' })).toBe('%254');
    expect(expand('{x:9999}', { x: 'short' })).toBe('short');
  });

  it('ignores prefixes on composite values (§2.4.1)', () => {
    expect(expand('{list:2}', { list: ['abc', 'def'] })).toBe('abc,def');
  });

  it('encodes exploded record keys with the operator’s character set', () => {
    expect(expand('{?k*}', { k: { 'a&b': 'c=d' } })).toBe('?a%26b=c%3Dd');
    expect(expand('{+k*}', { k: { 'a&b': 'c=d' } })).toBe('a&b=c=d');
    expect(expand('{;k*}', { k: { a: '' } })).toBe(';a');
    expect(expand('{/k*}', { k: { a: '' } })).toBe('/a=');
  });

  it('accepts what match returns', () => {
    const template = new UriTemplate('/r{/path*}{?q,f*}');
    const uri = '/r/a/b?q=1&x=2&y=3';
    expect(template.expand(template.match(uri))).toBe(uri);
  });
});
