// @ts-check
// The JSON body of a node:http request, read whole — what `express.json()` hands the official
// SDKs' documented session routers as `req.body`.

/**
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<unknown>} the parsed body, or undefined when it is not JSON
 */
export async function readJsonBody(req) {
  /** @type {Buffer[]} */
  const chunks = [];
  for await (const chunk of req) chunks.push(/** @type {Buffer} */ (chunk));
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {string} name  lower case
 */
export function headerOf(req, name) {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * Answers a request no session can take, as the SDKs' examples do.
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 */
export function refuse(res, status, message) {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ jsonrpc: '2.0', error: { code: -32000, message }, id: null }));
}
