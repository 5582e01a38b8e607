// @ts-check
// Turns repetitions into the reported figures: the median and spread of each metric per
// implementation, its ratio to the raw limit and to the official SDK measured in the same run,
// as JSON-lines summaries and markdown tables.
import { summarize } from './stats.js';

/**
 * @typedef {object} Sample   one repetition of one implementation in one scenario
 * @property {string} suite
 * @property {string} scenario
 * @property {string} impl     `raw`, `mcpkit`, `sdk v1`, `sdk v2` or `tmcp`
 * @property {'legacy' | 'modern'} [era]
 * @property {Record<string, number>} metrics  the first key is the scenario's headline figure
 */

/**
 * @typedef {object} Summary
 * @property {string} suite
 * @property {string} scenario
 * @property {string} impl
 * @property {'legacy' | 'modern'} [era]
 * @property {string} headline
 * @property {Record<string, { median: number, min: number, max: number, n: number }>} metrics
 * @property {Record<string, number>} vsRaw       per metric: how many times as good as the raw limit
 * @property {Record<string, number>} vsOfficial  per metric: how many times as good as the official SDK
 */

/** What each metric is and which way is better. */
export const METRICS = /** @type {const} */ ({
  rate: { label: 'ops/s', better: 'higher', format: (/** @type {number} */ v) => round(v) },
  p50Us: { label: 'p50 µs', better: 'lower', format: (/** @type {number} */ v) => round(v) },
  p99Us: { label: 'p99 µs', better: 'lower', format: (/** @type {number} */ v) => round(v) },
  cpuUsPerOp: {
    label: 'CPU µs/op',
    better: 'lower',
    format: (/** @type {number} */ v) => fixed(v),
  },
  coldStartMs: {
    label: 'cold start ms',
    better: 'lower',
    format: (/** @type {number} */ v) => fixed(v),
  },
  heapPerSession: { label: 'heap/session', better: 'lower', format: bytes },
  rssPerSession: { label: 'RSS/session', better: 'lower', format: bytes },
  heapAfterClose: { label: 'heap after close', better: 'lower', format: bytes },
  installedBytes: { label: 'installed', better: 'lower', format: bytes },
  packages: { label: 'packages', better: 'lower', format: (/** @type {number} */ v) => String(v) },
  importMs: { label: 'import ms', better: 'lower', format: (/** @type {number} */ v) => fixed(v) },
});

/** The implementation whose figures are the raw limit. */
export const RAW = 'raw';

/**
 * Groups samples and computes medians and ratios. The official baseline is `sdk v1` for the
 * legacy era (and for era-less scenarios), `sdk v2` for the modern era.
 * @param {readonly Sample[]} samples
 * @returns {Summary[]}
 */
export function summarizeSamples(samples) {
  /** @type {Map<string, Sample[]>} */
  const groups = new Map();
  for (const sample of samples) {
    for (const name of Object.keys(sample.metrics)) {
      if (!(name in METRICS)) throw new Error(`unknown metric "${name}" in ${sample.suite}`);
    }
    const key = JSON.stringify([sample.suite, sample.scenario, sample.impl, sample.era ?? null]);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [sample]);
    else group.push(sample);
  }
  /** @type {Summary[]} */
  const summaries = [];
  for (const group of groups.values()) {
    const first = /** @type {Sample} */ (group[0]);
    /** @type {Summary['metrics']} */
    const metrics = {};
    for (const name of Object.keys(first.metrics)) {
      metrics[name] = summarize(
        group.map((sample) => /** @type {number} */ (sample.metrics[name])),
      );
    }
    summaries.push({
      suite: first.suite,
      scenario: first.scenario,
      impl: first.impl,
      ...(first.era === undefined ? {} : { era: first.era }),
      headline: /** @type {string} */ (Object.keys(first.metrics)[0]),
      metrics,
      vsRaw: {},
      vsOfficial: {},
    });
  }
  for (const summary of summaries) {
    const peers = summaries.filter(
      (other) => other.suite === summary.suite && other.scenario === summary.scenario,
    );
    const raw = peers.find((other) => other.impl === RAW);
    const officialName = summary.era === 'modern' ? 'sdk v2' : 'sdk v1';
    const official = peers.find(
      (other) =>
        other.impl === officialName && (other.era ?? 'legacy') === (summary.era ?? 'legacy'),
    );
    summary.vsRaw = ratios(summary, raw);
    summary.vsOfficial = ratios(summary, official);
  }
  return summaries;
}

/**
 * Per metric, how many times as good as `baseline` (above 1 is better, whichever way the
 * metric points).
 * @param {Summary} summary
 * @param {Summary | undefined} baseline
 */
function ratios(summary, baseline) {
  /** @type {Record<string, number>} */
  const result = {};
  if (baseline === undefined) return result;
  for (const [name, figure] of Object.entries(summary.metrics)) {
    const base = baseline.metrics[name];
    if (base === undefined || figure.median === 0 || base.median === 0) continue;
    const better = METRICS[/** @type {keyof typeof METRICS} */ (name)].better;
    result[name] = better === 'higher' ? figure.median / base.median : base.median / figure.median;
  }
  return result;
}

/**
 * One markdown table per suite: every metric's median with its spread (min–max over the
 * repetitions), then the headline metric as a ratio to the raw limit and to the official SDK.
 * @param {readonly Summary[]} summaries
 */
export function markdownTables(summaries) {
  /** @type {string[]} */
  const out = [];
  const suites = [...new Set(summaries.map((summary) => summary.suite))];
  for (const suite of suites) {
    const rows = summaries.filter((summary) => summary.suite === suite);
    const metricNames = [...new Set(rows.flatMap((row) => Object.keys(row.metrics)))];
    const hasRaw = rows.some((row) => Object.keys(row.vsRaw).length > 0);
    const hasOfficial = rows.some((row) => Object.keys(row.vsOfficial).length > 0);
    const header = [
      'scenario',
      'implementation',
      ...metricNames.map((name) => METRICS[/** @type {keyof typeof METRICS} */ (name)].label),
      ...(hasRaw ? ['× raw'] : []),
      ...(hasOfficial ? ['× official'] : []),
    ];
    out.push(
      `### ${suite}`,
      '',
      `| ${header.join(' | ')} |`,
      `|${header.map(() => '---').join('|')}|`,
    );
    for (const row of rows) {
      const cells = [
        row.scenario,
        row.era === undefined ? row.impl : `${row.impl} (${row.era})`,
        ...metricNames.map((name) => cell(name, row.metrics[name])),
        ...(hasRaw ? [ratioCell(row.vsRaw[row.headline])] : []),
        ...(hasOfficial ? [ratioCell(row.vsOfficial[row.headline])] : []),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * @param {string} name
 * @param {{ median: number, min: number, max: number, n: number } | undefined} figure
 */
function cell(name, figure) {
  if (figure === undefined) return '';
  const { format } = METRICS[/** @type {keyof typeof METRICS} */ (name)];
  if (figure.n < 2 || figure.min === figure.max) return format(figure.median);
  return `${format(figure.median)} (${format(figure.min)}–${format(figure.max)})`;
}

/** @param {number | undefined} ratio */
function ratioCell(ratio) {
  return ratio === undefined ? '' : ratio.toFixed(2);
}

/** @param {number} value */
function round(value) {
  return Math.round(value).toLocaleString('en-US');
}

/** @param {number} value */
function fixed(value) {
  return value >= 100 ? round(value) : value.toFixed(1);
}

/** @param {number} value */
function bytes(value) {
  const magnitude = Math.abs(value);
  if (magnitude >= 1024 * 1024) return `${(value / 1024 / 1024).toFixed(1)} MB`;
  if (magnitude >= 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${Math.round(value)} B`;
}
