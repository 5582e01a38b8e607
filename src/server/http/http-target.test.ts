// The handler serves any `McpHttpTarget`, not only an `McpServer`: it says which kind of
// connection it opens, and a target that cannot take one leaves no session or request behind.
import { describe, expect, it } from 'vitest';
import { LimitExceededError, type Transport } from '../../jsonrpc/index.js';
import { bodyOf, modernPost, post } from '../../../test/http/helpers/http-fixture.js';
import { createMcpHttpHandler, type McpHttpConnectOptions, type McpHttpTarget } from './index.js';

const INITIALIZE = {
  jsonrpc: '2.0',
  id: 0,
  method: 'initialize',
  params: {
    protocolVersion: '2025-11-25',
    capabilities: {},
    clientInfo: { name: 'c', version: '1' },
  },
};

/** A target that answers every request with `{ echoed: method }`, recording each connect. */
function echoTarget(scopes: McpHttpConnectOptions['scope'][]): McpHttpTarget {
  return {
    toolDefinition: () => undefined,
    connect(transport: Transport, options) {
      scopes.push(options.scope);
      let version: '2025-11-25' | undefined;
      transport.onMessage((value) => {
        const message = value as { id?: number; method?: string };
        if (message.id === undefined) return;
        if (message.method === 'initialize') version = '2025-11-25';
        const result =
          message.method === 'initialize'
            ? {
                protocolVersion: '2025-11-25',
                capabilities: {},
                serverInfo: { name: 's', version: '1' },
              }
            : { echoed: message.method };
        void transport.send({ jsonrpc: '2.0', id: message.id, result });
      });
      return Promise.resolve({
        get protocolVersion() {
          return version;
        },
        acceptsBatches: () => false,
        close: () => transport.close(),
      });
    },
  };
}

describe('createMcpHttpHandler with a custom target', () => {
  it('opens a session connection for initialize and a request connection per modern request', async () => {
    const scopes: McpHttpConnectOptions['scope'][] = [];
    const handler = createMcpHttpHandler(echoTarget(scopes));
    const initialized = await handler.handle(post(INITIALIZE));
    expect(initialized.headers.get('mcp-session-id')).toMatch(/^[\x21-\x7e]{32,}$/);
    const modern = await handler.handle(modernPost('tools/list'));
    expect(await bodyOf(modern)).toMatchObject({ result: { echoed: 'tools/list' } });
    expect(scopes).toEqual(['session', 'request']);
    expect(handler.stats).toEqual({ sessions: 1, sseSessions: 0, statelessRequests: 0 });
    await handler.close();
    expect(handler.stats.sessions).toBe(0);
  });

  it('answers 503 when the target is at capacity (LimitExceededError), keeping nothing', async () => {
    const busy: McpHttpTarget = {
      toolDefinition: () => undefined,
      connect: () => Promise.reject(new LimitExceededError('All 1 server processes are busy')),
    };
    const handler = createMcpHttpHandler(busy);
    const refused = await handler.handle(post(INITIALIZE));
    expect(refused.status).toBe(503);
    expect(await bodyOf(refused)).toMatchObject({ error: { message: /busy/ } });
    expect((await handler.handle(modernPost('tools/list'))).status).toBe(503);
    expect(handler.stats).toEqual({ sessions: 0, sseSessions: 0, statelessRequests: 0 });
    await handler.close();
  });

  it('answers 500 and keeps nothing when the target cannot connect', async () => {
    const errors: unknown[] = [];
    const failing: McpHttpTarget = {
      toolDefinition: () => undefined,
      connect: () => Promise.reject(new Error('cannot start the server')),
    };
    const handler = createMcpHttpHandler(failing, { onError: (error) => errors.push(error) });
    expect((await handler.handle(post(INITIALIZE))).status).toBe(500);
    expect((await handler.handle(modernPost('tools/list'))).status).toBe(500);
    expect(handler.stats).toEqual({ sessions: 0, sseSessions: 0, statelessRequests: 0 });
    expect(errors).toHaveLength(2);
    await handler.close();
  });
});
