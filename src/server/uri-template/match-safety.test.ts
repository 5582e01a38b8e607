// Traversal corpus (USERS.md §c item 7, SECURITY.md): every attack is rejected by default, each
// guard can be turned off per template, and ordinary values still match.
import { describe, it, expect } from 'vitest';
import { UriTemplate } from '../uri-template.js';
import type { UriTemplateOptions } from '../uri-template.js';

const match = (template: string, uri: string, options?: UriTemplateOptions) =>
  new UriTemplate(template, options).match(uri);

/** [template, attacking URI] — each one matches structurally, so only a guard can stop it. */
const ATTACKS: readonly (readonly [string, string])[] = [
  // `..` segments, raw and in every percent-encoded spelling
  ['file:///{+path}', 'file:///../etc/passwd'],
  ['file:///{+path}', 'file:///docs/../../etc/passwd'],
  ['file:///{+path}', 'file:///docs/..'],
  ['file:///{+path}', 'file:///%2e%2e/etc/passwd'],
  ['file:///{+path}', 'file:///%2E%2e/etc/passwd'],
  ['file:///{+path}', 'file:///%2E%2E/etc/passwd'],
  ['file:///{+path}', 'file:///.%2e/etc/passwd'],
  ['file:///{+path}', 'file:///%2E./etc/passwd'],
  ['file:///{+path}', 'file:///docs/%2e%2e%2f%2e%2e%2fetc'],
  ['file:///{path}', 'file:///..'],
  ['file:///{path}', 'file:///%2e%2e'],
  ['file:///{path}', 'file:///..%2Fetc%2Fpasswd'],
  ['files://root{/path*}', 'files://root/docs/../../secret'],
  ['files://root{/path*}', 'files://root/docs/%2E%2E/secret'],
  ['notes://{+name}.md', 'notes://../../secret.md'],
  // Windows spellings: backslashes and trailing dots or spaces
  ['file:///{+path}', 'file:///..%5Cwindows%5Csystem32'],
  ['file:///{+path}', 'file:///docs%5C..%5C..%5Csecret'],
  ['file:///{path}', 'file:///%5C%5Cserver%5Cshare'],
  ['file:///{+path}', 'file:///.../secret'],
  ['file:///{+path}', 'file:///..%20/secret'],
  // a separator smuggled through %2F where the operator encodes `/`
  ['file:///{path}', 'file:///etc%2Fpasswd'],
  ['users://{id}/profile', 'users://1%2F..%2F2/profile'],
  ['users://{id}/profile', 'users://admin%2Fsecrets/profile'],
  ['files://root{/path*}', 'files://root/a%2Fb'],
  ['label://x{.name}', 'label://x.a%2Fb'],
  ['map://m{;p}', 'map://m;p=a%2Fb'],
  // NUL
  ['file:///{+path}', 'file:///secret.txt%00.png'],
  ['file:///{path}', 'file:///%00'],
  ['search://q{?term}', 'search://q?term=a%00b'],
  // absolute paths
  ['file:///{+path}', 'file:////etc/passwd'],
  ['file:///{path}', 'file:///%2Fetc%2Fpasswd'],
  ['file:///{+path}', 'file:///C:/Windows/win.ini'],
  ['file:///{+path}', 'file:///c:%5CWindows'],
  ['file:///{+path}', 'file:///%5Cserver%5Cshare'],
  // `..` inside query values and exploded records
  ['search://q{?path}', 'search://q?path=..%2F..%2Fsecret'],
  ['find://x{?f*}', 'find://x?dir=..'],
  ['find://x{?f*}', 'find://x?..=key'],
  // the sibling-prefix escape (`/allowed_evil` passing a startsWith('/allowed') check)
  ['file:///allowed/{+path}', 'file:///allowed/../allowed_evil/secret'],
  ['file:///allowed/{+path}', 'file:///allowed/%2e%2e/allowed_evil/secret'],
];

describe('UriTemplate.match: traversal guards', () => {
  it.each(ATTACKS)('%s rejects %s by default', (template, uri) => {
    expect(match(template, uri)).toBeUndefined();
    expect(match(template, uri, { safety: true })).toBeUndefined();
  });

  it.each(ATTACKS)('%s lets %s through with safety: false', (template, uri) => {
    expect(match(template, uri, { safety: false })).toBeDefined();
  });

  it('never matches a sibling directory by prefix', () => {
    expect(match('file:///allowed/{+path}', 'file:///allowed_evil/secret')).toBeUndefined();
    expect(
      match('file:///allowed/{+path}', 'file:///allowed_evil/secret', { safety: false }),
    ).toBeUndefined();
    expect(match('file:///allowed/{+path}', 'file:///allowed/ok/file.txt')).toEqual({
      path: 'ok/file.txt',
    });
  });

  it('still matches ordinary values, including dots that are not `..` segments', () => {
    expect(match('file:///{+path}', 'file:///docs/readme.md')).toEqual({ path: 'docs/readme.md' });
    expect(match('file:///{+path}', 'file:///.config/a..b/...x/v1.2')).toEqual({
      path: '.config/a..b/...x/v1.2',
    });
    expect(match('file:///{+path}', 'file:///docs/./a')).toEqual({ path: 'docs/./a' });
    expect(match('files://root{/path*}', 'files://root/a/b.txt')).toEqual({ path: ['a', 'b.txt'] });
    expect(match('users://{id}/profile', 'users://a.b/profile')).toEqual({ id: 'a.b' });
    expect(match('file:///{path}', 'file:///ab%3Ac')).toEqual({ path: 'ab:c' });
  });

  it('allows encoded separators outside the path (query and fragment values)', () => {
    expect(match('search://q{?term}', 'search://q?term=a%2Fb')).toEqual({ term: 'a/b' });
    expect(match('search://q{?term}', 'search://q?term=%2Fabs')).toEqual({ term: '/abs' });
    expect(match('search://q?x={term}', 'search://q?x=a%2Fb')).toEqual({ term: 'a/b' });
    expect(match('doc://d{#section}', 'doc://d#a/b')).toEqual({ section: 'a/b' });
  });

  it('allows %2F under `+`, where it equals a raw `/`', () => {
    expect(match('file:///{+path}', 'file:///docs%2Freadme.md')).toEqual({
      path: 'docs/readme.md',
    });
  });

  it('turns guards off one by one', () => {
    const only = (guard: string): UriTemplateOptions => ({ safety: { [guard]: false } });
    expect(match('file:///{+path}', 'file:////etc/passwd', only('rejectAbsolutePaths'))).toEqual({
      path: '/etc/passwd',
    });
    expect(
      match('file:///{+path}', 'file:////etc/../passwd', only('rejectAbsolutePaths')),
    ).toBeUndefined();
    expect(match('file:///{+path}', 'file:///a/../b', only('rejectDotSegments'))).toEqual({
      path: 'a/../b',
    });
    expect(match('file:///{+path}', 'file:///a%00', only('rejectDotSegments'))).toBeUndefined();
    expect(match('file:///{+path}', 'file:///a%00', only('rejectNul'))).toEqual({ path: 'a\0' });
    expect(match('file:///{path}', 'file:///a%2Fb', only('rejectEncodedSeparators'))).toEqual({
      path: 'a/b',
    });
    expect(
      match('file:///{path}', 'file:///a%2F..', only('rejectEncodedSeparators')),
    ).toBeUndefined();
  });
});
