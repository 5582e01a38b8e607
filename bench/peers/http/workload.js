// @ts-check
// The requests the HTTP benchmarks send — `tools/call` alternating echo and add with arguments
// that change every time — in the legacy (session) and modern (2026-07-28) forms, and the check
// of every answer, including the fixed answer of the raw server.
import { check } from '../../lib/measure.js';
import { checkAddResult, checkEchoResult } from '../expect.js';
import { sessionHeaders } from './legacy-session.js';
import { CLIENT_INFO, MODERN_VERSION } from './protocol.js';
import { ACCEPT } from './wire.js';

/** The raw server's one answer to everything: what an endpoint costs with no MCP work at all. */
export const RAW_ANSWER = JSON.stringify({
  jsonrpc: '2.0',
  id: 0,
  result: { content: [{ type: 'text', text: 'raw' }] },
});

/**
 * @typedef {object} Call  one `tools/call` ready to send
 * @property {number} id
 * @property {Record<string, string>} headers
 * @property {string} body
 * @property {(result: unknown) => void} checkResult
 */

/**
 * The n-th call: echo on even n, add on odd n, arguments derived from n.
 * @param {number} n
 * @param {{ modern: true } | { modern: false, session?: import('./legacy-session.js').LegacySession }} form
 *   modern, or legacy in a session (none for the raw server)
 * @returns {Call}
 */
export function toolCall(n, form) {
  const echo = n % 2 === 0;
  const text = `hello ${n}`;
  const a = n;
  const b = (n % 1000) / 4;
  const name = echo ? 'echo' : 'add';
  /** @type {Record<string, unknown>} */
  const params = { name, arguments: echo ? { text } : { a, b } };
  /** @type {Record<string, string>} */
  const headers =
    !form.modern && form.session !== undefined
      ? sessionHeaders(form.session)
      : { 'content-type': 'application/json', accept: ACCEPT };
  if (form.modern) {
    params['_meta'] = {
      'io.modelcontextprotocol/protocolVersion': MODERN_VERSION,
      'io.modelcontextprotocol/clientInfo': CLIENT_INFO,
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    headers['mcp-protocol-version'] = MODERN_VERSION;
    headers['mcp-method'] = 'tools/call';
    headers['mcp-name'] = name;
  }
  return {
    id: n,
    headers,
    body: JSON.stringify({ jsonrpc: '2.0', id: n, method: 'tools/call', params }),
    checkResult: echo
      ? (result) => checkEchoResult(result, text)
      : (result) => checkAddResult(result, a, b),
  };
}

/**
 * Checks the JSON-RPC answer to `call`.
 * @param {Record<string, unknown>} message
 * @param {Call} call
 */
export function checkAnswer(message, call) {
  check(message['jsonrpc'] === '2.0', 'a JSON-RPC 2.0 message');
  check(message['id'] === call.id, `the answer to request ${call.id}`);
  check(!('error' in message), `a result, not ${JSON.stringify(message['error'])}`);
  call.checkResult(message['result']);
}

/**
 * Checks the raw server's answer: exactly its fixed message.
 * @param {Record<string, unknown>} message
 */
export function checkRawAnswer(message) {
  check(JSON.stringify(message) === RAW_ANSWER, 'the raw server answer');
}
