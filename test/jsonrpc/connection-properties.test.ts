// Properties of the engine over arbitrary input: it never throws, answers each request exactly
// once under its own id, never answers a notification, and never crosses connections.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JsonRpcConnection } from '../../src/jsonrpc/connection.js';
import { ScriptedTransport, flush, linkScripted } from '../helpers/scripted-transport.js';

const id = fc.oneof(fc.integer(), fc.string({ maxLength: 8 }));
const anyId = fc.oneof(
  id,
  fc.constant(null),
  fc.double(),
  fc.boolean(),
  fc.object({ maxDepth: 1 }),
);
const method = fc.constantFrom(
  'echo',
  'fail',
  'missing',
  'notifications/x',
  'notifications/cancelled',
);
const params = fc.oneof(
  fc.constant(undefined),
  fc.object({ maxDepth: 2 }),
  fc.array(fc.integer()),
  fc.string(),
);
const messageLike = fc.record(
  {
    jsonrpc: fc.constantFrom('2.0', '2.0', '2.0', '1.0', 2),
    id: anyId,
    method,
    params,
    result: fc.object({ maxDepth: 1 }),
    error: fc.record({ code: fc.integer(), message: fc.string() }),
  },
  { requiredKeys: [] },
);
const received = fc.oneof(messageLike, fc.jsonValue({ maxDepth: 3 }));

describe('engine properties', () => {
  it('answers each distinct request exactly once, under its id, and nothing else', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(received, { maxLength: 30 }), async (inputs) => {
        const transport = new ScriptedTransport();
        const connection = new JsonRpcConnection(transport);
        connection.setRequestHandler('echo', (p) => ({ p: p ?? null }));
        connection.setRequestHandler('fail', () => {
          throw new Error('boom');
        });
        const expectedIds: unknown[] = [];
        for (const input of inputs) {
          expect(() => transport.receive(input)).not.toThrow();
          const isObject = typeof input === 'object' && input !== null && !Array.isArray(input);
          const candidate = input as Record<string, unknown>;
          if (isObject && 'method' in candidate && 'id' in candidate) {
            const okId = typeof candidate['id'] === 'string' || Number.isInteger(candidate['id']);
            if (okId) expectedIds.push(JSON.parse(JSON.stringify(candidate['id'])));
          }
        }
        await flush();
        // Compare as the wire would carry them (JSON has no -0).
        const responses = JSON.parse(JSON.stringify(transport.take().flat())) as object[];
        for (const response of responses) expect('method' in response).toBe(false);
        const withIds = responses.filter((r) => 'id' in r).map((r) => r.id);
        // Every id answered was received, and every request that was received got an answer.
        for (const answered of withIds) expect(expectedIds).toContainEqual(answered);
        for (const asked of new Set(expectedIds)) expect(withIds).toContainEqual(asked);
      }),
      { numRuns: 1000 },
    );
  });

  it('keeps 50 clients with colliding ids apart, progress included', async () => {
    const clients = Array.from({ length: 50 }, (_, n) => {
      const [clientSide, serverSide] = linkScripted();
      const server = new JsonRpcConnection(serverSide);
      server.setRequestHandler('whoami', async (p, context) => {
        context.sendProgress(1, 2, String(p?.['nonce']));
        await flush();
        return { nonce: p?.['nonce'] };
      });
      return { nonce: `client-${n}`, client: new JsonRpcConnection(clientSide) };
    });
    const results = await Promise.all(
      clients.flatMap(({ nonce, client }) =>
        Array.from({ length: 20 }, async () => {
          const progress: string[] = [];
          const result = (await client.request(
            'whoami',
            { nonce },
            { onProgress: (p) => progress.push(p.message ?? '') },
          )) as { nonce: string };
          return { nonce, result: result.nonce, progress };
        }),
      ),
    );
    expect(results).toHaveLength(1000);
    for (const r of results) {
      expect(r.result).toBe(r.nonce);
      expect(r.progress).toEqual([r.nonce]);
    }
  });
});
