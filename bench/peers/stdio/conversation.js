// @ts-check
// What the stdio driver says to a server, per era: the legacy handshake, `tools/list`, and the
// alternating echo/add calls the load is made of, every answer checked; for the raw echo child,
// the same request lines, checked to come back unchanged.
import { check } from '../../lib/measure.js';
import { checkAddResult, checkEchoResult } from '../expect.js';

/** @typedef {'raw' | 'legacy' | 'modern'} Dialect */
/** @typedef {import('./driver.js').StdioDriver} StdioDriver */

const LEGACY_VERSION = '2025-11-25';
const LEGACY_VERSIONS = ['2024-11-05', '2025-03-26', '2025-06-18', '2025-11-25'];
const CLIENT_INFO = { name: 'bench-stdio-driver', version: '1.0.0' };

/** The per-request fields every 2026-07-28 request carries instead of a handshake. */
const MODERN_META = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientCapabilities': {},
  'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
};

/**
 * Opens the conversation: `initialize` then `notifications/initialized` for the legacy era,
 * nothing for the modern one (every request stands alone) or the raw child.
 * @param {StdioDriver} driver
 * @param {Dialect} dialect
 * @returns {Promise<string | undefined>} the negotiated legacy revision
 */
export async function openConversation(driver, dialect) {
  if (dialect !== 'legacy') return undefined;
  const { message } = await driver.request('initialize', {
    protocolVersion: LEGACY_VERSION,
    capabilities: {},
    clientInfo: CLIENT_INFO,
  });
  const version = /** @type {{ protocolVersion?: unknown } | undefined} */ (message.result)
    ?.protocolVersion;
  check(
    typeof version === 'string' && LEGACY_VERSIONS.includes(version),
    `initialize: a legacy protocolVersion, got ${JSON.stringify(message)}`,
  );
  driver.notify('notifications/initialized');
  return version;
}

/**
 * The first useful exchange, which ends a cold start: `tools/list` naming both tools (the raw
 * child: one line echoed).
 * @param {StdioDriver} driver
 * @param {Dialect} dialect
 */
export async function firstExchange(driver, dialect) {
  if (dialect === 'raw') {
    const { line, sent } = await driver.request('tools/list', {});
    check(line === sent, 'raw echo: the line came back unchanged');
    return;
  }
  const { message } = await driver.request('tools/list', withEnvelope(dialect, {}));
  const tools = /** @type {{ tools?: unknown } | undefined} */ (message.result)?.tools;
  check(Array.isArray(tools), `tools/list: a tools array, got ${JSON.stringify(message)}`);
  const names = tools.map((tool) => /** @type {{ name?: unknown }} */ (tool).name).sort();
  check(names.join() === 'add,echo', `tools/list: echo and add, got ${names.join()}`);
}

/**
 * One operation of the load: `tools/call` of echo and add in turn, with arguments that change
 * every call, its answer checked. The raw child gets the very same lines.
 * @param {StdioDriver} driver
 * @param {Dialect} dialect
 * @returns {() => Promise<void>}
 */
export function toolCalls(driver, dialect) {
  let count = 0;
  return async () => {
    const n = count++;
    if (n % 2 === 0) {
      const text = `hello ${n}`;
      const answer = await driver.request(
        'tools/call',
        withEnvelope(dialect, { name: 'echo', arguments: { text } }),
      );
      if (dialect === 'raw') check(answer.line === answer.sent, 'raw echo: line unchanged');
      else checkEchoResult(resultOf(answer.message, dialect), text);
    } else {
      const a = n;
      const b = (n % 1000) / 4;
      const answer = await driver.request(
        'tools/call',
        withEnvelope(dialect, { name: 'add', arguments: { a, b } }),
      );
      if (dialect === 'raw') check(answer.line === answer.sent, 'raw echo: line unchanged');
      else checkAddResult(resultOf(answer.message, dialect), a, b);
    }
  };
}

/**
 * @param {Dialect} dialect
 * @param {Record<string, unknown>} params
 */
function withEnvelope(dialect, params) {
  return dialect === 'modern' ? { ...params, _meta: MODERN_META } : params;
}

/**
 * The result of an answer; a modern one must say it is complete, so a server that quietly served
 * the call as a legacy one does not pass for modern.
 * @param {import('./driver.js').Answer['message']} message
 * @param {Dialect} dialect
 */
function resultOf(message, dialect) {
  check(message.error === undefined, `a result, got the error ${JSON.stringify(message.error)}`);
  if (dialect === 'modern') {
    const resultType = /** @type {{ resultType?: unknown } | undefined} */ (message.result)
      ?.resultType;
    check(resultType === 'complete', `a modern result, got ${JSON.stringify(message.result)}`);
  }
  return message.result;
}
