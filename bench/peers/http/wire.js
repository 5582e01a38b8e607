// @ts-check
// One MCP message POSTed over node:http and its reply read back, whether the server answered with
// a JSON body or an SSE stream: the client half every HTTP benchmark shares.
import { request } from 'node:http';

/** What every POST to an MCP endpoint must accept (spec: both, always). */
export const ACCEPT = 'application/json, text/event-stream';

/**
 * @typedef {object} HttpReply
 * @property {number} status
 * @property {string} contentType  the media type without parameters, '' when absent
 * @property {string | undefined} sessionId
 * @property {string} text
 */

/**
 * Sends `body` with `method` (POST unless told) to `url` through `agent` and reads the whole reply.
 * @param {import('node:http').Agent} agent
 * @param {URL} url
 * @param {Record<string, string>} headers
 * @param {string} body
 * @param {string} [method]
 * @returns {Promise<HttpReply>}
 */
export function send(agent, url, headers, body, method = 'POST') {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method,
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      },
      (incoming) => {
        let text = '';
        incoming.setEncoding('utf8');
        incoming.on('data', (/** @type {string} */ chunk) => (text += chunk));
        incoming.once('error', reject);
        incoming.once('end', () => {
          const sessionId = incoming.headers['mcp-session-id'];
          resolve({
            status: incoming.statusCode ?? 0,
            contentType: (incoming.headers['content-type'] ?? '').split(';')[0]?.trim() ?? '',
            sessionId: Array.isArray(sessionId) ? sessionId[0] : sessionId,
            text,
          });
        });
      },
    );
    outgoing.once('error', reject);
    outgoing.end(body);
  });
}

/**
 * The JSON-RPC message answering request `id` in a reply: the JSON body, or the SSE `message`
 * event that carries it (priming events without data and other messages are skipped).
 * @param {HttpReply} reply
 * @param {string | number} id
 * @returns {Record<string, unknown>}
 */
export function answerTo(reply, id) {
  if (reply.status !== 200) {
    throw new Error(`wrong answer: HTTP ${reply.status} ${reply.text.slice(0, 200)}`);
  }
  if (reply.contentType === 'application/json') return JSON.parse(reply.text);
  if (reply.contentType !== 'text/event-stream') {
    throw new Error(`wrong answer: content type "${reply.contentType}"`);
  }
  for (const event of reply.text.split(/\r?\n\r?\n/)) {
    const data = event
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(line.startsWith('data: ') ? 6 : 5))
      .join('\n');
    if (data === '') continue;
    const message = JSON.parse(data);
    if (message.id === id) return message;
  }
  throw new Error(`wrong answer: no SSE event answers request ${id}`);
}
