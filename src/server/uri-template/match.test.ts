// Matching: the documented rules for ambiguous and partial input, and round trips
// (match(expand(v)) gives back v) for random values on templates that leave no choice.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { DEFAULT_MAX_URI_LENGTH, UriTemplate } from '../uri-template.js';
import type {
  UriTemplateMatch,
  UriTemplateOptions,
  UriTemplateVariables,
} from '../uri-template.js';

const match = (
  template: string,
  uri: string,
  options?: UriTemplateOptions,
): UriTemplateMatch | undefined => new UriTemplate(template, options).match(uri);

describe('UriTemplate.match: basics', () => {
  it('extracts and decodes simple variables', () => {
    expect(match('users://{id}/profile', 'users://42/profile')).toEqual({ id: '42' });
    expect(match('users://{id}/profile', 'users://J%C3%BCrgen%20M/profile')).toEqual({
      id: 'Jürgen M',
    });
    expect(match('weather://{city}/{date}', 'weather://Paris/2026-07-28')).toEqual({
      city: 'Paris',
      date: '2026-07-28',
    });
  });

  it('matches a template without expressions only exactly', () => {
    expect(match('config://app', 'config://app')).toEqual({});
    expect(match('config://app', 'config://app/')).toBeUndefined();
    expect(match('config://app', 'config://ap')).toBeUndefined();
  });

  it('compares literals exactly, case included', () => {
    expect(match('users://{id}/profile', 'USERS://42/profile')).toBeUndefined();
    expect(match('users://{id}/profile', 'users://42/Profile')).toBeUndefined();
    expect(match('users://{id}/profile', 'user://42/profile')).toBeUndefined();
  });

  it('does not ignore trailing slashes', () => {
    expect(match('/users/{id}', '/users/42/')).toBeUndefined();
    expect(match('/users{/id}', '/users/42/')).toBeUndefined();
    expect(match('/users/{id}/', '/users/42')).toBeUndefined();
    expect(match('/files{/path*}', '/files/a/b/')).toEqual({ path: ['a', 'b', ''] });
  });

  it('leaves out variables that expanded to nothing', () => {
    expect(match('/users/{id}', '/users/')).toEqual({});
    expect(match('/users{/id}', '/users')).toEqual({});
    expect(match('/users{/id}', '/users/')).toEqual({ id: '' });
  });

  it('rejects characters an expansion could not have produced', () => {
    expect(match('users://{id}', 'users://a/b')).toBeUndefined();
    expect(match('users://{id}', 'users://a?b')).toBeUndefined();
    expect(match('users://{id}', 'users://a b')).toBeUndefined();
    expect(match('{/id}', '/a/b')).toBeUndefined();
  });

  it('accepts raw non-ASCII characters (IRIs) in values', () => {
    expect(match('docs://{name}', 'docs://café')).toEqual({ name: 'café' });
  });

  it('rejects invalid percent-encodings', () => {
    for (const bad of ['%zz', '%2', '%', '%E9', '%C0%AE', '%ED%A0%80']) {
      expect(match('users://{id}', `users://${bad}`), bad).toBeUndefined();
      expect(match('file:///{+path}', `file:///a/${bad}`), bad).toBeUndefined();
    }
  });

  it('enforces prefix lengths in characters', () => {
    expect(match('{x:3}', 'abc')).toEqual({ x: 'abc' });
    expect(match('{x:3}', 'abcd')).toBeUndefined();
    expect(match('{x:1}', '%F0%9F%98%80')).toEqual({ x: '😀' });
  });

  it('requires repeated variables to agree', () => {
    expect(match('{x}/{x}', 'a/a')).toEqual({ x: 'a' });
    expect(match('{x}/{x}', 'a/b')).toBeUndefined();
    expect(match('/{x:2}/{x}', '/ab/abc')).toEqual({ x: 'abc' });
    expect(match('/{x:2}/{x}', '/ab/xbc')).toBeUndefined();
    expect(match('/{x:5}/{x:2}', '/ab/ab')).toEqual({ x: 'ab' });
  });

  it('returns undefined for a non-string URI', () => {
    expect(new UriTemplate('{x}').match(42 as unknown as string)).toBeUndefined();
  });

  it('ignores URIs longer than maxUriLength (8 KiB by default)', () => {
    const template = new UriTemplate('blob://{id}');
    const longest = `blob://${'a'.repeat(DEFAULT_MAX_URI_LENGTH - 7)}`;
    expect(template.match(longest)).toBeDefined();
    expect(template.match(`${longest}a`)).toBeUndefined();
    expect(match('blob://{id}', 'blob://abcd', { maxUriLength: 10 })).toBeUndefined();
    expect(match('blob://{id}', 'blob://abc', { maxUriLength: 10 })).toEqual({ id: 'abc' });
  });
});

describe('UriTemplate.match: query and other named parameters', () => {
  it('takes query parameters in any order, and lets any be missing', () => {
    const template = 'search://items{?q,page,lang}';
    expect(match(template, 'search://items?q=cat&page=2&lang=en')).toEqual({
      q: 'cat',
      page: '2',
      lang: 'en',
    });
    expect(match(template, 'search://items?lang=en&q=cat')).toEqual({ q: 'cat', lang: 'en' });
    expect(match(template, 'search://items?page=2')).toEqual({ page: '2' });
    expect(match(template, 'search://items')).toEqual({});
    expect(match(template, 'search://items?')).toEqual({});
    expect(match(template, 'search://items?q=')).toEqual({ q: '' });
    expect(match(template, 'search://items?q')).toEqual({ q: '' });
  });

  it('rejects unknown and repeated parameters', () => {
    expect(match('s{?q}', 's?q=a&other=b')).toBeUndefined();
    expect(match('s{?q}', 's?q=a&q=b')).toBeUndefined();
    expect(match('s{?q,q}', 's?q=a&q=a')).toEqual({ q: 'a' });
  });

  it('gives unknown parameters to an exploded variable as a record', () => {
    expect(match('s{?q,filters*}', 's?color=red&q=cat&size=L')).toEqual({
      q: 'cat',
      filters: { color: 'red', size: 'L' },
    });
    expect(match('s{?tags*}', 's?tags=a&tags=b')).toEqual({ tags: ['a', 'b'] });
  });

  it('treats `{?a}{&b}` as one query', () => {
    expect(match('s{?a}{&b}', 's?b=2&a=1')).toEqual({ a: '1', b: '2' });
    expect(match('s?fixed=yes{&x,y}', 's?fixed=yes&y=2')).toEqual({ y: '2' });
    expect(match('s?fixed=yes{&x,y}', 's?fixed=no&y=2')).toBeUndefined();
  });

  it('takes path-style parameters in any order', () => {
    expect(match('map{;lat,lng}', 'map;lng=2.35;lat=48.85')).toEqual({ lat: '48.85', lng: '2.35' });
  });

  it('never lets a parameter name touch a prototype', () => {
    const result = match('s{?q*}', 's?__proto__=polluted&constructor=x');
    expect(result?.q).toEqual({ ['__proto__']: 'polluted', constructor: 'x' });
    expect(Object.getPrototypeOf(result?.q)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const named = match('{__proto__}', 'value');
    expect(named !== undefined && Object.hasOwn(named, '__proto__')).toBe(true);
  });
});

describe('UriTemplate.match: ambiguity rules', () => {
  it('ends a run at the leftmost occurrence of the next literal that lets the rest match', () => {
    expect(match('{a}-{b}', 'x-y-z')).toEqual({ a: 'x', b: 'y-z' });
    expect(match('{+dir}/raw/{file}', 'a/raw/b/raw/c')).toEqual({ dir: 'a/raw/b', file: 'c' });
    expect(match('{name}.json', 'my.data.json')).toEqual({ name: 'my.data' });
    expect(match('{+path}/here', '/foo/bar/here/here', { safety: false })).toEqual({
      path: '/foo/bar/here',
    });
  });

  it('splits adjacent expressions by their first characters', () => {
    expect(match('files://{name}{.ext}', 'files://my.report.pdf')).toEqual({
      name: 'my.report',
      ext: 'pdf',
    });
    expect(match('files://{name}{.ext}', 'files://README')).toEqual({ name: 'README' });
    expect(match('file:///{+path}{?v}', 'file:///a/b.txt?v=2')).toEqual({
      path: 'a/b.txt',
      v: '2',
    });
    expect(match('file:///{+path}{#frag}', 'file:///a/b#x/y')).toEqual({
      path: 'a/b',
      frag: 'x/y',
    });
    expect(match('repo://{+dir}{/file}{?ref}', 'repo://src/lib/x.ts?ref=main')).toEqual({
      dir: 'src/lib',
      file: 'x.ts',
      ref: 'main',
    });
    expect(match('/users{/id}{?fields}', '/users/42?fields=name')).toEqual({
      id: '42',
      fields: 'name',
    });
    expect(match('{a}{b}', 'xy')).toEqual({ a: 'xy' });
  });

  it('assigns unnamed items in order, the exploded variable taking the surplus', () => {
    expect(match('{/a,b}', '/x')).toEqual({ a: 'x' });
    expect(match('{/a}{/b}', '/x/y')).toEqual({ a: 'x', b: 'y' });
    expect(match('{/head,rest*,tail}', '/1/2/3/4')).toEqual({
      head: '1',
      rest: ['2', '3'],
      tail: '4',
    });
    expect(match('{x,y}', 'a,b,c')).toEqual({ x: 'a', y: 'b,c' });
    expect(match('{/a,b}', '/x/y/z')).toBeUndefined();
  });

  it('reads exploded `key=value` items as a record, plain items as a list, and refuses a mix', () => {
    expect(match('{/kv*}', '/a=1/b=2')).toEqual({ kv: { a: '1', b: '2' } });
    expect(match('{/kv*}', '/a/b')).toEqual({ kv: ['a', 'b'] });
    expect(match('{/kv*}', '/a=1/b')).toBeUndefined();
    expect(match('{/kv*}', '/a=1/a=2')).toBeUndefined();
  });
});

describe('UriTemplate.match: round trips', () => {
  const noSafety = { safety: false } as const;
  // Values with valid %XX triplets are kept as-is by `+` and `#`, so they come back decoded.
  const noTriplet = (text: string): boolean => !/%[0-9A-Fa-f]{2}/.test(text);
  const anyString = fc.string({ unit: 'binary', maxLength: 12 });
  const nasty = fc.string({
    unit: fc.constantFrom(
      'a',
      '/',
      '?',
      '#',
      '&',
      '=',
      ',',
      ';',
      '.',
      '%',
      '%2F',
      ' ',
      'é',
      '😀',
      '..',
      '+',
      '*',
    ),
    maxLength: 8,
  });
  const text = fc.oneof(anyString, nasty);
  const nonEmpty = text.filter((value) => value !== '');

  const roundTrip = (template: string, arbitrary: fc.Arbitrary<UriTemplateVariables>) => () => {
    const parsed = new UriTemplate(template, noSafety);
    fc.assert(
      fc.property(arbitrary, (variables) => {
        expect(parsed.match(parsed.expand(variables))).toEqual(variables);
      }),
      { numRuns: 300 },
    );
  };

  it(
    'simple variables between literals',
    roundTrip('users://{id}/posts/{post}', fc.record({ id: nonEmpty, post: nonEmpty })),
  );

  it(
    'reserved expansion of a whole path',
    roundTrip('file:///{+path}', fc.record({ path: nonEmpty.filter(noTriplet) })),
  );

  it(
    'optional query parameters, empty values included',
    roundTrip(
      'search://items{?q,page,lang}',
      fc.record({ q: text, page: text, lang: text }, { requiredKeys: [] }),
    ),
  );

  it(
    'path segments and a query',
    roundTrip(
      '/repos/{owner}/{repo}{/path*}{?ref}',
      fc.record(
        {
          owner: nonEmpty,
          repo: nonEmpty,
          path: fc.array(text, { minLength: 1, maxLength: 5 }),
          ref: text,
        },
        { requiredKeys: ['owner', 'repo'] },
      ),
    ),
  );

  it(
    'an exploded query record',
    roundTrip(
      'find{?q,filters*}',
      fc.record(
        {
          q: text,
          filters: fc
            .dictionary(text, text, { minKeys: 1, maxKeys: 4 })
            .filter((record) => !Object.hasOwn(record, 'q')),
        },
        { requiredKeys: [] },
      ),
    ),
  );

  it(
    'an exploded path record',
    roundTrip('/x{/kv*}', fc.record({ kv: fc.dictionary(text, text, { minKeys: 1, maxKeys: 4 }) })),
  );

  it(
    'path-style parameters',
    roundTrip(
      'map{;lat,lng,tags*}',
      fc.record(
        { lat: text, lng: text, tags: fc.array(text, { minLength: 1 }) },
        { requiredKeys: [] },
      ),
    ),
  );

  it(
    'a name and an extension',
    roundTrip(
      'files://{name}{.ext}',
      fc.record({ name: nonEmpty, ext: nonEmpty.filter((value) => !value.includes('.')) }),
    ),
  );

  it(
    'a directory, a file and a version',
    roundTrip(
      'repo://{+dir}{/file}{?v}',
      fc.record(
        {
          dir: nonEmpty.filter((value) => noTriplet(value) && !value.includes('?')),
          file: text,
          v: text,
        },
        { requiredKeys: ['dir', 'file'] },
      ),
    ),
  );

  it('prefixes shorter than the value', () => {
    const parsed = new UriTemplate('/{x:3}/{x}', noSafety);
    fc.assert(
      fc.property(anyString, (x) => {
        const result = parsed.match(parsed.expand({ x }));
        expect(result).toEqual(x === '' ? {} : { x });
      }),
    );
  });

  it('matches, on any template, variables that expand back to the same URI', () => {
    // Where the template leaves a choice the variables may differ, but not the URI they make, up to
    // `,` and `=`: match accepts them raw inside a value (a list's joining `,` comes back as part of
    // a string), and expansion writes them back as `%2C` and `%3D`.
    const commas = (uri: string): string => uri.replaceAll('%2C', ',').replaceAll('%3D', '=');
    const templates = [
      '{a}-{b}',
      '{+r}/x/{b}',
      '{a}{b}',
      '{+r}{/b}',
      '{/list*}{/b}',
      '{.a}{.list*}',
      '{a,b}',
      '{a}{?list*}',
    ];
    const variables = fc.record(
      {
        a: text,
        b: text,
        r: text.filter(noTriplet),
        list: fc.array(text, { minLength: 1, maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    let matched = 0;
    fc.assert(
      fc.property(fc.constantFrom(...templates), variables, (template, values) => {
        const parsed = new UriTemplate(template, noSafety);
        const uri = parsed.expand(values);
        const result = parsed.match(uri);
        if (result === undefined) return;
        matched += 1;
        expect(commas(parsed.expand(result))).toBe(commas(uri));
      }),
      { numRuns: 500 },
    );
    expect(matched).toBeGreaterThan(400);
  });
});
