// @ts-check
// Order statistics for benchmark samples: medians and percentiles by nearest rank, no averaging
// of outliers into the figure we report.

/**
 * The q-quantile (0..1) of `values` by nearest rank; NaN when there are none.
 * @param {readonly number[]} values
 * @param {number} q
 */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return /** @type {number} */ (sorted[rank]);
}

/** @param {readonly number[]} values */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const upper = /** @type {number} */ (sorted[middle]);
  if (sorted.length % 2 === 1) return upper;
  const lower = /** @type {number} */ (sorted[middle - 1]);
  return (lower + upper) / 2;
}

/**
 * Median with its spread: the smallest and largest repetition.
 * @param {readonly number[]} values
 * @returns {{ median: number, min: number, max: number, n: number }}
 */
export function summarize(values) {
  return {
    median: median(values),
    min: values.length === 0 ? Number.NaN : Math.min(...values),
    max: values.length === 0 ? Number.NaN : Math.max(...values),
    n: values.length,
  };
}
