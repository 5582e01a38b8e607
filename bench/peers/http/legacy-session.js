// @ts-check
// A legacy Streamable HTTP session from the client side, the spec way: `initialize`, then
// `notifications/initialized` with the session id the server gave, and an HTTP DELETE to end it.
import { check } from '../../lib/measure.js';
import { ACCEPT, answerTo, send } from './wire.js';
import { CLIENT_INFO, LEGACY_VERSION, SESSION_VERSIONS } from './protocol.js';

/**
 * @typedef {object} LegacySession
 * @property {string} sessionId
 * @property {string} protocolVersion  the revision the server agreed on
 */

/**
 * Opens a session, offering the newest legacy revision; servers may agree on an older one.
 * @param {import('node:http').Agent} agent
 * @param {URL} url
 * @returns {Promise<LegacySession>}
 */
export async function openSession(agent, url) {
  const initialize = await send(
    agent,
    url,
    { 'content-type': 'application/json', accept: ACCEPT },
    JSON.stringify({
      jsonrpc: '2.0',
      id: 0,
      method: 'initialize',
      params: { protocolVersion: LEGACY_VERSION, capabilities: {}, clientInfo: CLIENT_INFO },
    }),
  );
  const answer = answerTo(initialize, 0);
  const result = /** @type {{ protocolVersion?: unknown } | undefined} */ (answer['result']);
  const protocolVersion = result?.protocolVersion;
  check(
    typeof protocolVersion === 'string' && SESSION_VERSIONS.includes(protocolVersion),
    `initialize agreed on a session-era revision, not ${String(protocolVersion)}`,
  );
  const sessionId = initialize.sessionId;
  check(sessionId !== undefined && sessionId !== '', 'initialize returned Mcp-Session-Id');
  const initialized = await send(
    agent,
    url,
    sessionHeaders({ sessionId, protocolVersion }),
    JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' }),
  );
  check(initialized.status === 202, `notifications/initialized → 202, got ${initialized.status}`);
  return { sessionId, protocolVersion };
}

/**
 * Ends a session with DELETE.
 * @param {import('node:http').Agent} agent
 * @param {URL} url
 * @param {LegacySession} session
 */
export async function closeSession(agent, url, session) {
  const reply = await send(agent, url, sessionHeaders(session), '', 'DELETE');
  check(reply.status >= 200 && reply.status < 300, `DELETE → 2xx, got ${reply.status}`);
}

/**
 * What every request in a session carries.
 * @param {LegacySession} session
 * @returns {Record<string, string>}
 */
export function sessionHeaders(session) {
  return {
    'content-type': 'application/json',
    accept: ACCEPT,
    'mcp-session-id': session.sessionId,
    'mcp-protocol-version': session.protocolVersion,
  };
}
