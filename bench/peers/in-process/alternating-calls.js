// @ts-check
// The operation every in-process measurement repeats: echo and add in turn, with arguments that
// change on every call, each answer checked.
import { checkAddResult, checkEchoResult } from '../expect.js';

/**
 * @param {import('./pairs.js').InProcessPair} pair
 * @returns {() => Promise<void>}
 */
export function alternatingCalls(pair) {
  let count = 0;
  return async () => {
    const n = count++;
    if (n % 2 === 0) {
      const text = `hello ${n}`;
      checkEchoResult(await pair.callTool('echo', { text }), text);
    } else {
      const a = n;
      const b = n * 0.25;
      checkAddResult(await pair.callTool('add', { a, b }), a, b);
    }
  };
}
