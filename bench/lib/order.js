// @ts-check
// The order implementations run in within one repetition: it moves along one place each
// repetition, so none is always measured first, or always right after the same neighbour.

/**
 * @template T
 * @param {readonly T[]} items
 * @param {number} repetition
 * @returns {T[]}
 */
export function rotated(items, repetition) {
  if (items.length === 0) return [];
  const start = repetition % items.length;
  return [...items.slice(start), ...items.slice(0, start)];
}
