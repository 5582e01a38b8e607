// CVE-2026-0621 regression (SECURITY.md J4, N12): adversarial URIs against exploded and ambiguous
// templates match in linear time. The bounds are generous sanity checks: the machine is shared.
import { describe, it, expect } from 'vitest';
import { UriTemplate } from '../uri-template.js';

interface Adversary {
  readonly template: string;
  /** A URI of exactly `length` characters built to make a backtracking matcher explode. */
  readonly build: (length: number) => string;
}

const fill = (prefix: string, unit: string, suffix: string, length: number): string =>
  prefix +
  unit
    .repeat(Math.ceil(length / unit.length))
    .slice(0, Math.max(0, length - prefix.length - suffix.length)) +
  suffix;

const ADVERSARIES: readonly Adversary[] = [
  // The advisory's payload: nested quantifiers over comma lists, with a failing tail.
  { template: '/users{/id*}', build: (n) => fill('/users/', 'user1,user2,user3,', 'userX/', n) },
  { template: '{/id*}', build: (n) => fill('/', ',', '', n) },
  { template: '{/id*}', build: (n) => fill('/', ',', '/%', n) },
  { template: '{?tags*}', build: (n) => fill('?tags=', 'a,', '&', n) },
  { template: '{?tags*}', build: (n) => fill('?', 'tags=a&', '&tags=%zz', n) },
  { template: '{/a*}{/b*}{/c}', build: (n) => fill('', '/x', '/%', n) },
  // Literals that occur everywhere, so every candidate end must be weighed.
  { template: '{+a}/raw/{+b}/raw/{c}', build: (n) => fill('', '/raw', '/!', n) },
  { template: '{a}-{b}-{c}.json', build: (n) => fill('', '-', '!.json', n) },
  { template: 'files://{name}{.ext}{?v}', build: (n) => fill('files://', '.', '?v=%', n) },
  { template: 'map{;a,b*}{?q,f*}', build: (n) => fill('map;a=1', ';b=x', '?q=1&q=2', n) },
];

function bestTime(run: () => void, repetitions: number): number {
  let best = Infinity;
  for (let rep = 0; rep < repetitions; rep += 1) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

/**
 * Milliseconds per match at `length`: the best of many single matches. Single matches, not batches,
 * so garbage from one large match does not bill a collection to the next; the best filters out
 * samples that a collection or another process interrupted.
 */
function timePerMatch(template: UriTemplate, uri: string): number {
  const rounds = Math.max(1, Math.round(20_000 / uri.length));
  return (
    bestTime(() => {
      for (let round = 0; round < rounds; round += 1) template.match(uri);
    }, 15) / rounds
  );
}

describe('UriTemplate.match: no catastrophic backtracking', () => {
  it("handles the advisory's own payloads quickly", () => {
    const users = new UriTemplate('/users{/id*}', { maxUriLength: Infinity });
    for (const uri of [
      `/users/${'user1,user2,user3,'.repeat(10)}userX/`,
      `/users/${'user1,user2,user3,'.repeat(10_000)}userX/`,
      `/users/${','.repeat(100_000)}`,
    ]) {
      expect(bestTime(() => users.match(uri), 3)).toBeLessThan(500);
    }
    const bare = new UriTemplate('{/id*}');
    expect(bestTime(() => bare.match(`/${','.repeat(50)}`), 3)).toBeLessThan(100);
    expect(bare.match(`/${','.repeat(50)}`)).toEqual({ id: [','.repeat(50)] });
    const query = new UriTemplate('/search{?tags*}', { maxUriLength: Infinity });
    expect(bestTime(() => query.match(`/search?tags=${'a,'.repeat(50_000)}&`), 3)).toBeLessThan(
      500,
    );
  });

  it.each(ADVERSARIES)(
    '$template stays under 500 ms at 100,000 characters',
    ({ template, build }) => {
      const parsed = new UriTemplate(template, { maxUriLength: Infinity, safety: false });
      const uri = build(100_000);
      expect(uri.length).toBe(100_000);
      expect(bestTime(() => parsed.match(uri), 3)).toBeLessThan(500);
    },
  );

  it.each(ADVERSARIES)(
    '$template scales linearly: time(2n)/time(n) < 4 up to n = 100,000',
    ({ template, build }) => {
      const parsed = new UriTemplate(template, { maxUriLength: Infinity, safety: false });
      timePerMatch(parsed, build(10_000)); // warm up the JIT
      const sizes = [25_000, 50_000, 100_000];
      const times = sizes.map((size) => timePerMatch(parsed, build(size)));
      for (let index = 1; index < sizes.length; index += 1) {
        // A floor keeps timer resolution from turning sub-0.05 ms noise into a huge ratio.
        const ratio = (times[index] ?? 0) / Math.max(times[index - 1] ?? 0, 0.05);
        expect(
          ratio,
          `${sizes[index - 1]}→${sizes[index]}: ${times.map((t) => t.toFixed(3)).join(' ms, ')} ms`,
        ).toBeLessThan(4);
      }
    },
  );

  it('refuses oversized URIs before looking at them', () => {
    const parsed = new UriTemplate('/users{/id*}');
    const huge = `/users/${'a,'.repeat(1_000_000)}`;
    expect(bestTime(() => parsed.match(huge), 3)).toBeLessThan(50);
    expect(parsed.match(huge)).toBeUndefined();
  });
});
