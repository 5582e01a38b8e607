// @ts-check
// Checks of the two benchmark tools' answers, shared by every suite: a result counts only when its
// text is exactly what the tool must return.
import { check } from '../lib/measure.js';

/**
 * @param {unknown} result  a `tools/call` result, as any client hands it back
 * @param {string} expected
 * @param {string} what     names the call in the failure message
 */
export function checkTextResult(result, expected, what) {
  const content = /** @type {{ content?: unknown, isError?: unknown } | null | undefined} */ (
    result
  )?.content;
  check(Array.isArray(content) && content.length === 1, `${what}: one content block`);
  const block = /** @type {{ type?: unknown, text?: unknown }} */ (content[0]);
  check(block.type === 'text' && block.text === expected, `${what}: expected text "${expected}"`);
  check(
    /** @type {{ isError?: unknown }} */ (result).isError !== true,
    `${what}: not an isError result`,
  );
}

/**
 * @param {unknown} result
 * @param {string} text
 */
export function checkEchoResult(result, text) {
  checkTextResult(result, text, 'echo');
}

/**
 * @param {unknown} result
 * @param {number} a
 * @param {number} b
 */
export function checkAddResult(result, a, b) {
  checkTextResult(result, String(a + b), 'add');
}
