// The status table: refusals and JSON-RPC errors to HTTP statuses, per era.
import { describe, expect, it } from 'vitest';
import { refusal, statusForReply } from './http-status.js';

const error = (code: number) => ({ jsonrpc: '2.0', id: 1, error: { code, message: 'x' } });

describe('statusForReply', () => {
  it.each([
    [-32601, 404],
    [-32602, 400],
    [-32600, 400],
    [-32700, 400],
    [-32020, 400],
    [-32021, 400],
    [-32022, 400],
    [-32603, 500],
    [-32000, 200],
    [-32042, 200],
  ])('modern error %i → %i', (code, status) => {
    expect(statusForReply(error(code), 'modern')).toBe(status);
  });

  it('a result is 200 in every phase', () => {
    const result = { jsonrpc: '2.0', id: 1, result: {} };
    expect(statusForReply(result, 'modern')).toBe(200);
    expect(statusForReply(result, 'legacy')).toBe(200);
    expect(statusForReply(result, 'handshake')).toBe(200);
  });

  it('legacy errors are ordinary answers; a failed handshake is a 400', () => {
    expect(statusForReply(error(-32601), 'legacy')).toBe(200);
    expect(statusForReply(error(-32602), 'handshake')).toBe(400);
    expect(statusForReply([error(-32601)], 'legacy')).toBe(200);
  });
});

describe('refusal', () => {
  it.each([
    ['forbidden', 403, -32600],
    ['not-acceptable', 406, -32600],
    ['stream-conflict', 409, -32600],
    ['body-too-large', 413, -32600],
    ['unsupported-media-type', 415, -32600],
    ['parse-error', 400, -32700],
    ['session-not-found', 404, -32600],
    ['header-mismatch', 400, -32020],
    ['too-many-requests', 429, -32600],
    ['server-busy', 503, -32603],
  ] as const)('%s → %i with code %i and no id', async (kind, status, code) => {
    const response = refusal(kind, 'because');
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toEqual({ jsonrpc: '2.0', error: { code, message: 'because' } });
  });

  it('names the request when its id is known', async () => {
    expect(await refusal('header-mismatch', 'm', { id: 7 }).json()).toMatchObject({ id: 7 });
  });
});
