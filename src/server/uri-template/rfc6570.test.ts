// RFC 6570's own examples (§1.1, the level tables of §1.2, §3.2.1–3.2.9), quoted as published:
// expansion must reproduce each one, and matching each expansion must give variables that expand back.
import { describe, it, expect } from 'vitest';
import { UriTemplate } from '../uri-template.js';
import type { UriTemplateVariables } from '../uri-template.js';

const RFC_VARIABLES = {
  count: ['one', 'two', 'three'],
  dom: ['example', 'com'],
  dub: 'me/too',
  hello: 'Hello World!',
  half: '50%',
  var: 'value',
  who: 'fred',
  base: 'http://example.com/home/',
  path: '/foo/bar',
  list: ['red', 'green', 'blue'],
  keys: { semi: ';', dot: '.', comma: ',' },
  v: '6',
  x: '1024',
  y: '768',
  empty: '',
  empty_keys: {},
  undef: null,
} as const;

/** [template, expansion] */
type RfcCase = readonly [string, string];

const SECTION_1_1: { variables: Record<string, string>; cases: readonly RfcCase[] } = {
  variables: { username: 'fred', term: 'cat', q: 'cat', lang: 'en' },
  cases: [
    ['http://example.com/~{username}/', 'http://example.com/~fred/'],
    ['http://example.com/dictionary/{term:1}/{term}', 'http://example.com/dictionary/c/cat'],
    ['http://example.com/search{?q,lang}', 'http://example.com/search?q=cat&lang=en'],
  ],
};

const LEVEL_TABLES: Record<string, readonly RfcCase[]> = {
  'Level 1': [
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
  ],
  'Level 2': [
    ['{+var}', 'value'],
    ['{+hello}', 'Hello%20World!'],
    ['{+path}/here', '/foo/bar/here'],
    ['here?ref={+path}', 'here?ref=/foo/bar'],
    ['X{#var}', 'X#value'],
    ['X{#hello}', 'X#Hello%20World!'],
  ],
  'Level 3': [
    ['map?{x,y}', 'map?1024,768'],
    ['{x,hello,y}', '1024,Hello%20World%21,768'],
    ['{+x,hello,y}', '1024,Hello%20World!,768'],
    ['{+path,x}/here', '/foo/bar,1024/here'],
    ['{#x,hello,y}', '#1024,Hello%20World!,768'],
    ['{#path,x}/here', '#/foo/bar,1024/here'],
    ['X{.var}', 'X.value'],
    ['X{.x,y}', 'X.1024.768'],
    ['{/var}', '/value'],
    ['{/var,x}/here', '/value/1024/here'],
    ['{;x,y}', ';x=1024;y=768'],
    ['{;x,y,empty}', ';x=1024;y=768;empty'],
    ['{?x,y}', '?x=1024&y=768'],
    ['{?x,y,empty}', '?x=1024&y=768&empty='],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
    ['{&x,y,empty}', '&x=1024&y=768&empty='],
  ],
  'Level 4': [
    ['{var:3}', 'val'],
    ['{var:20}', 'value'],
    ['{list}', 'red,green,blue'],
    ['{list*}', 'red,green,blue'],
    ['{keys}', 'semi,%3B,dot,.,comma,%2C'],
    ['{keys*}', 'semi=%3B,dot=.,comma=%2C'],
    ['{+path:6}/here', '/foo/b/here'],
    ['{+list}', 'red,green,blue'],
    ['{+list*}', 'red,green,blue'],
    ['{+keys}', 'semi,;,dot,.,comma,,'],
    ['{+keys*}', 'semi=;,dot=.,comma=,'],
    ['{#path:6}/here', '#/foo/b/here'],
    ['{#list}', '#red,green,blue'],
    ['{#list*}', '#red,green,blue'],
    ['{#keys}', '#semi,;,dot,.,comma,,'],
    ['{#keys*}', '#semi=;,dot=.,comma=,'],
    ['X{.var:3}', 'X.val'],
    ['X{.list}', 'X.red,green,blue'],
    ['X{.list*}', 'X.red.green.blue'],
    ['X{.keys}', 'X.semi,%3B,dot,.,comma,%2C'],
    ['X{.keys*}', 'X.semi=%3B.dot=..comma=%2C'],
    ['{/var:1,var}', '/v/value'],
    ['{/list}', '/red,green,blue'],
    ['{/list*}', '/red/green/blue'],
    ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
    ['{/keys}', '/semi,%3B,dot,.,comma,%2C'],
    ['{/keys*}', '/semi=%3B/dot=./comma=%2C'],
    ['{;hello:5}', ';hello=Hello'],
    ['{;list}', ';list=red,green,blue'],
    ['{;list*}', ';list=red;list=green;list=blue'],
    ['{;keys}', ';keys=semi,%3B,dot,.,comma,%2C'],
    ['{;keys*}', ';semi=%3B;dot=.;comma=%2C'],
    ['{?var:3}', '?var=val'],
    ['{?list}', '?list=red,green,blue'],
    ['{?list*}', '?list=red&list=green&list=blue'],
    ['{?keys}', '?keys=semi,%3B,dot,.,comma,%2C'],
    ['{?keys*}', '?semi=%3B&dot=.&comma=%2C'],
    ['{&var:3}', '&var=val'],
    ['{&list}', '&list=red,green,blue'],
    ['{&list*}', '&list=red&list=green&list=blue'],
    ['{&keys}', '&keys=semi,%3B,dot,.,comma,%2C'],
    ['{&keys*}', '&semi=%3B&dot=.&comma=%2C'],
  ],
};

const SECTION_3_2: Record<string, readonly RfcCase[]> = {
  '3.2.1 Variable Expansion': [
    ['{count}', 'one,two,three'],
    ['{count*}', 'one,two,three'],
    ['{/count}', '/one,two,three'],
    ['{/count*}', '/one/two/three'],
    ['{;count}', ';count=one,two,three'],
    ['{;count*}', ';count=one;count=two;count=three'],
    ['{?count}', '?count=one,two,three'],
    ['{?count*}', '?count=one&count=two&count=three'],
    ['{&count*}', '&count=one&count=two&count=three'],
  ],
  '3.2.2 Simple String Expansion': [
    ['{var}', 'value'],
    ['{hello}', 'Hello%20World%21'],
    ['{half}', '50%25'],
    ['O{empty}X', 'OX'],
    ['O{undef}X', 'OX'],
    ['{x,y}', '1024,768'],
    ['{x,hello,y}', '1024,Hello%20World%21,768'],
    ['?{x,empty}', '?1024,'],
    ['?{x,undef}', '?1024'],
    ['?{undef,y}', '?768'],
    ['{var:3}', 'val'],
    ['{var:30}', 'value'],
    ['{list}', 'red,green,blue'],
    ['{list*}', 'red,green,blue'],
    ['{keys}', 'semi,%3B,dot,.,comma,%2C'],
    ['{keys*}', 'semi=%3B,dot=.,comma=%2C'],
  ],
  '3.2.3 Reserved Expansion': [
    ['{+var}', 'value'],
    ['{+hello}', 'Hello%20World!'],
    ['{+half}', '50%25'],
    ['{base}index', 'http%3A%2F%2Fexample.com%2Fhome%2Findex'],
    ['{+base}index', 'http://example.com/home/index'],
    ['O{+empty}X', 'OX'],
    ['O{+undef}X', 'OX'],
    ['{+path}/here', '/foo/bar/here'],
    ['here?ref={+path}', 'here?ref=/foo/bar'],
    ['up{+path}{var}/here', 'up/foo/barvalue/here'],
    ['{+x,hello,y}', '1024,Hello%20World!,768'],
    ['{+path,x}/here', '/foo/bar,1024/here'],
    ['{+path:6}/here', '/foo/b/here'],
    ['{+list}', 'red,green,blue'],
    ['{+list*}', 'red,green,blue'],
    ['{+keys}', 'semi,;,dot,.,comma,,'],
    ['{+keys*}', 'semi=;,dot=.,comma=,'],
  ],
  '3.2.4 Fragment Expansion': [
    ['{#var}', '#value'],
    ['{#hello}', '#Hello%20World!'],
    ['{#half}', '#50%25'],
    ['foo{#empty}', 'foo#'],
    ['foo{#undef}', 'foo'],
    ['{#x,hello,y}', '#1024,Hello%20World!,768'],
    ['{#path,x}/here', '#/foo/bar,1024/here'],
    ['{#path:6}/here', '#/foo/b/here'],
    ['{#list}', '#red,green,blue'],
    ['{#list*}', '#red,green,blue'],
    ['{#keys}', '#semi,;,dot,.,comma,,'],
    ['{#keys*}', '#semi=;,dot=.,comma=,'],
  ],
  '3.2.5 Label Expansion with Dot-Prefix': [
    ['{.who}', '.fred'],
    ['{.who,who}', '.fred.fred'],
    ['{.half,who}', '.50%25.fred'],
    ['www{.dom*}', 'www.example.com'],
    ['X{.var}', 'X.value'],
    ['X{.empty}', 'X.'],
    ['X{.undef}', 'X'],
    ['X{.var:3}', 'X.val'],
    ['X{.list}', 'X.red,green,blue'],
    ['X{.list*}', 'X.red.green.blue'],
    ['X{.keys}', 'X.semi,%3B,dot,.,comma,%2C'],
    ['X{.keys*}', 'X.semi=%3B.dot=..comma=%2C'],
    ['X{.empty_keys}', 'X'],
    ['X{.empty_keys*}', 'X'],
  ],
  '3.2.6 Path Segment Expansion': [
    ['{/who}', '/fred'],
    ['{/who,who}', '/fred/fred'],
    ['{/half,who}', '/50%25/fred'],
    ['{/who,dub}', '/fred/me%2Ftoo'],
    ['{/var}', '/value'],
    ['{/var,empty}', '/value/'],
    ['{/var,undef}', '/value'],
    ['{/var,x}/here', '/value/1024/here'],
    ['{/var:1,var}', '/v/value'],
    ['{/list}', '/red,green,blue'],
    ['{/list*}', '/red/green/blue'],
    ['{/list*,path:4}', '/red/green/blue/%2Ffoo'],
    ['{/keys}', '/semi,%3B,dot,.,comma,%2C'],
    ['{/keys*}', '/semi=%3B/dot=./comma=%2C'],
  ],
  '3.2.7 Path-Style Parameter Expansion': [
    ['{;who}', ';who=fred'],
    ['{;half}', ';half=50%25'],
    ['{;empty}', ';empty'],
    ['{;v,empty,who}', ';v=6;empty;who=fred'],
    ['{;v,bar,who}', ';v=6;who=fred'],
    ['{;x,y}', ';x=1024;y=768'],
    ['{;x,y,empty}', ';x=1024;y=768;empty'],
    ['{;x,y,undef}', ';x=1024;y=768'],
    ['{;hello:5}', ';hello=Hello'],
    ['{;list}', ';list=red,green,blue'],
    ['{;list*}', ';list=red;list=green;list=blue'],
    ['{;keys}', ';keys=semi,%3B,dot,.,comma,%2C'],
    ['{;keys*}', ';semi=%3B;dot=.;comma=%2C'],
  ],
  '3.2.8 Form-Style Query Expansion': [
    ['{?who}', '?who=fred'],
    ['{?half}', '?half=50%25'],
    ['{?x,y}', '?x=1024&y=768'],
    ['{?x,y,empty}', '?x=1024&y=768&empty='],
    ['{?x,y,undef}', '?x=1024&y=768'],
    ['{?var:3}', '?var=val'],
    ['{?list}', '?list=red,green,blue'],
    ['{?list*}', '?list=red&list=green&list=blue'],
    ['{?keys}', '?keys=semi,%3B,dot,.,comma,%2C'],
    ['{?keys*}', '?semi=%3B&dot=.&comma=%2C'],
  ],
  '3.2.9 Form-Style Query Continuation': [
    ['{&who}', '&who=fred'],
    ['{&half}', '&half=50%25'],
    ['?fixed=yes{&x}', '?fixed=yes&x=1024'],
    ['{&x,y,empty}', '&x=1024&y=768&empty='],
    ['{&var:3}', '&var=val'],
    ['{&list}', '&list=red,green,blue'],
    ['{&list*}', '&list=red&list=green&list=blue'],
    ['{&keys}', '&keys=semi,%3B,dot,.,comma,%2C'],
    ['{&keys*}', '&semi=%3B&dot=.&comma=%2C'],
  ],
};

const ALL_TABLES = [...Object.entries(LEVEL_TABLES), ...Object.entries(SECTION_3_2)];

describe('RFC 6570 expansion examples', () => {
  it.each(SECTION_1_1.cases)('§1.1 %s', (template, expected) => {
    expect(new UriTemplate(template).expand(SECTION_1_1.variables)).toBe(expected);
  });
  for (const [section, cases] of ALL_TABLES) {
    describe(section, () => {
      it.each(cases)('%s → %s', (template, expected) => {
        expect(new UriTemplate(template).expand(RFC_VARIABLES as UriTemplateVariables)).toBe(
          expected,
        );
      });
    });
  }
});

/** Variables of the example set holding a list or a record. */
const COMPOSITE = new Set(['count', 'dom', 'list', 'keys']);

/**
 * Whether a non-exploded composite sits under an operator that encodes `,`: matching gives it back
 * as the joined string (`'one,two,three'`), which expands with `%2C` where the list had `,`.
 */
function joinsComposite(template: string): boolean {
  for (const [, body = ''] of template.matchAll(/\{([^}]*)\}/g)) {
    const op = '+#./;?&'.includes(body.charAt(0)) ? body.charAt(0) : '';
    if (op === '+' || op === '#') continue;
    for (const spec of body.slice(op.length).split(',')) {
      if (!spec.endsWith('*') && COMPOSITE.has(spec.split(':')[0] ?? '')) return true;
    }
  }
  return false;
}

/** `.` separates exploded items and also occurs raw in the value `.`: no inverse exists. */
const NOT_INVERTIBLE = new Set(['X{.keys*}']);

describe('matching the RFC expansions', () => {
  const seen = new Set<string>();
  const cases = [...SECTION_1_1.cases, ...ALL_TABLES.flatMap(([, list]) => list)].filter(
    ([template, uri]) => {
      const key = `${template} ${uri}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  );

  it.each(cases)('%s ← %s', (template, uri) => {
    const parsed = new UriTemplate(template, { safety: false });
    const variables = parsed.match(uri);
    if (NOT_INVERTIBLE.has(template)) {
      expect(variables).toBeUndefined();
      return;
    }
    expect(variables).toBeDefined();
    const again = parsed.expand(variables);
    if (joinsComposite(template)) expect(decodeURIComponent(again)).toBe(decodeURIComponent(uri));
    else expect(again).toBe(uri);
  });

  it('gives back the values themselves, decoded', () => {
    const match = (template: string, uri: string) =>
      new UriTemplate(template, { safety: false }).match(uri);
    expect(
      match('http://example.com/dictionary/{term:1}/{term}', 'http://example.com/dictionary/c/cat'),
    ).toEqual({
      term: 'cat',
    });
    expect(match('{/list*,path:4}', '/red/green/blue/%2Ffoo')).toEqual({
      list: ['red', 'green', 'blue'],
      path: '/foo',
    });
    expect(match('{?keys*}', '?semi=%3B&dot=.&comma=%2C')).toEqual({
      keys: { semi: ';', dot: '.', comma: ',' },
    });
    expect(match('{/keys*}', '/semi=%3B/dot=./comma=%2C')).toEqual({
      keys: { semi: ';', dot: '.', comma: ',' },
    });
    expect(match('{;list*}', ';list=red;list=green;list=blue')).toEqual({
      list: ['red', 'green', 'blue'],
    });
    expect(match('{;v,bar,who}', ';v=6;who=fred')).toEqual({ v: '6', who: 'fred' });
    expect(match('{;v,empty,who}', ';v=6;empty;who=fred')).toEqual({
      v: '6',
      empty: '',
      who: 'fred',
    });
    expect(match('{/var:1,var}', '/v/value')).toEqual({ var: 'value' });
    expect(match('{x,hello,y}', '1024,Hello%20World%21,768')).toEqual({
      x: '1024',
      hello: 'Hello World!',
      y: '768',
    });
    expect(match('{+half}', '50%25')).toEqual({ half: '50%' });
    expect(match('{base}index', 'http%3A%2F%2Fexample.com%2Fhome%2Findex')).toEqual({
      base: 'http://example.com/home/',
    });
    expect(match('X{.empty}', 'X.')).toEqual({ empty: '' });
    expect(match('O{empty}X', 'OX')).toEqual({});
    expect(match('foo{#empty}', 'foo#')).toEqual({ empty: '' });
    expect(match('{count}', 'one,two,three')).toEqual({ count: 'one,two,three' });
  });
});
