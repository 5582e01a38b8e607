// The engine as a caller and as a callee: correlation, errors on the wire, invalid input.
import { describe, expect, it } from 'vitest';
import { JsonRpcConnection } from '../../src/jsonrpc/connection.js';
import { ProtocolError } from '../../src/jsonrpc/errors.js';
import { ScriptedTransport, flush } from '../helpers/scripted-transport.js';

function setup(options = {}) {
  const transport = new ScriptedTransport();
  const connection = new JsonRpcConnection(transport, {
    resetTimeoutOnProgress: false,
    ...options,
  });
  return { transport, connection };
}

describe('outgoing requests', () => {
  it('resolves with the result that carries its id, whatever the order of answers', async () => {
    const { transport, connection } = setup();
    const first = connection.request('a', { x: 1 });
    const second = connection.request('b');
    const [m1, m2] = transport.take() as { id: number; method: string; params?: unknown }[];
    expect(m1).toEqual({ jsonrpc: '2.0', id: m1!.id, method: 'a', params: { x: 1 } });
    expect(m2!.id).not.toBe(m1!.id);
    transport.receive({ jsonrpc: '2.0', id: m2!.id, result: { which: 'b' } });
    transport.receive({ jsonrpc: '2.0', id: m1!.id, result: { which: 'a' } });
    await expect(first).resolves.toEqual({ which: 'a' });
    await expect(second).resolves.toEqual({ which: 'b' });
    expect(connection.pendingRequestCount).toBe(0);
  });

  it('rejects with a ProtocolError that keeps code, message and data', async () => {
    const { transport, connection } = setup();
    const call = connection.request('a');
    const [sent] = transport.take() as { id: number }[];
    transport.receive({
      jsonrpc: '2.0',
      id: sent!.id,
      error: { code: -32602, message: 'bad', data: { field: 'x' } },
    });
    const error = await call.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProtocolError);
    expect(error).toMatchObject({ code: -32602, message: 'bad', data: { field: 'x' } });
  });

  it('does not confuse the string id "1" with the number 1', async () => {
    const { transport, connection } = setup();
    const dropped: unknown[] = [];
    connection.onDropped((d) => dropped.push(d.message));
    const call = connection.request('a');
    const [sent] = transport.take() as { id: number }[];
    transport.receive({ jsonrpc: '2.0', id: String(sent!.id), result: {} });
    expect(dropped).toHaveLength(1);
    transport.receive({ jsonrpc: '2.0', id: sent!.id, result: { ok: true } });
    await expect(call).resolves.toEqual({ ok: true });
  });

  it('never mutates the params object it was given', () => {
    const { transport, connection } = setup({ resetTimeoutOnProgress: true });
    const params = { a: 1, _meta: { keep: true } };
    void connection.request('a', params).catch(() => {});
    const [sent] = transport.take() as { params: { _meta: Record<string, unknown> } }[];
    expect(params).toEqual({ a: 1, _meta: { keep: true } });
    expect(sent!.params._meta).toMatchObject({ keep: true, progressToken: expect.anything() });
  });
});

describe('incoming requests', () => {
  it('answers with the handler result under the request id', async () => {
    const { transport, connection } = setup();
    connection.setRequestHandler('echo', (params) => ({ got: params?.['v'] }));
    connection.setRequestHandler('slow', async () => {
      await flush();
      return undefined;
    });
    transport.receive({ jsonrpc: '2.0', id: 'x', method: 'echo', params: { v: 42 } });
    transport.receive({ jsonrpc: '2.0', id: 7, method: 'slow' });
    await flush();
    await flush();
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 'x', result: { got: 42 } },
      { jsonrpc: '2.0', id: 7, result: {} },
    ]);
  });

  it('routes responses with the request id as the related request', () => {
    const { transport, connection } = setup();
    connection.setRequestHandler('echo', () => ({}));
    transport.receive({ jsonrpc: '2.0', id: 3, method: 'echo' });
    expect(transport.sent[0]!.options).toEqual({ relatedRequestId: 3 });
  });

  it('answers an unknown method with -32601', () => {
    const { transport } = setup();
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'nope' });
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32601, message: 'Method not found: nope' } },
    ]);
  });

  it('uses the fallback handler for methods without their own', () => {
    const { transport, connection } = setup();
    connection.setFallbackRequestHandler((method) => ({ method }));
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'any/thing' });
    expect(transport.take()).toEqual([{ jsonrpc: '2.0', id: 1, result: { method: 'any/thing' } }]);
  });

  it('turns an unexpected throw into -32603 with nothing of the error on the wire', async () => {
    const { transport, connection } = setup();
    const failures: unknown[] = [];
    connection.onHandlerError((f) => failures.push(f.error));
    connection.setRequestHandler('sync', () => {
      throw new Error('password=hunter2 at /srv/app/secret.ts:10');
    });
    connection.setRequestHandler('async', () => Promise.reject(new TypeError('token abc')));
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'sync' });
    transport.receive({ jsonrpc: '2.0', id: 2, method: 'async' });
    await flush();
    const sent = transport.take();
    expect(sent).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32603, message: 'Internal error' } },
      { jsonrpc: '2.0', id: 2, error: { code: -32603, message: 'Internal error' } },
    ]);
    expect(JSON.stringify(sent)).not.toMatch(/hunter2|secret|token|stack/);
    expect(failures).toHaveLength(2);
  });

  it('sends a ProtocolError thrown by a handler as it is', () => {
    const { transport, connection } = setup();
    connection.setRequestHandler('x', () => {
      throw new ProtocolError(-32602, 'Unknown tool: foo', { name: 'foo' });
    });
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'x' });
    expect(transport.take()).toEqual([
      {
        jsonrpc: '2.0',
        id: 1,
        error: { code: -32602, message: 'Unknown tool: foo', data: { name: 'foo' } },
      },
    ]);
  });

  it('refuses a second handler for the same method, and frees the slot on dispose', () => {
    const { connection } = setup();
    const registration = connection.setRequestHandler('x', () => ({}));
    expect(() => connection.setRequestHandler('x', () => ({}))).toThrow(/already set/);
    registration.dispose();
    expect(() => connection.setRequestHandler('x', () => ({}))).not.toThrow();
  });

  it('rejects a request that reuses an id still in flight, without disturbing the first', async () => {
    const { transport, connection } = setup();
    let release!: () => void;
    connection.setRequestHandler(
      'wait',
      () => new Promise<object>((r) => (release = () => r({ first: true }))),
    );
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'wait' });
    transport.receive({ jsonrpc: '2.0', id: 1, method: 'wait' });
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', id: 1, error: { code: -32600, message: 'Request id 1 is already in use' } },
    ]);
    release();
    await flush();
    expect(transport.take()).toEqual([{ jsonrpc: '2.0', id: 1, result: { first: true } }]);
  });
});

describe('invalid input', () => {
  const cases: [string, unknown, number | undefined, RegExp][] = [
    ['a number', 1, undefined, /got number/],
    ['null', null, undefined, /got null/],
    ['an empty object', {}, undefined, /JSON-RPC message/],
    ['a wrong version', { jsonrpc: '1.0', id: 5, method: 'x' }, 5, /jsonrpc/],
    ['a numeric version', { jsonrpc: 2.0, id: 5, method: 'x' }, 5, /jsonrpc/],
    ['a missing version', { id: 5, method: 'x' }, 5, /jsonrpc/],
    ['a null id', { jsonrpc: '2.0', id: null, method: 'x' }, undefined, /id/],
    ['a fractional id', { jsonrpc: '2.0', id: 1.5, method: 'x' }, undefined, /id/],
    ['an object id', { jsonrpc: '2.0', id: {}, method: 'x' }, undefined, /id/],
    ['a method that is not a string', { jsonrpc: '2.0', id: 2, method: 3 }, 2, /method/],
    ['array params', { jsonrpc: '2.0', id: 2, method: 'x', params: [1] }, 2, /params/],
    [
      'a request that also has a result',
      { jsonrpc: '2.0', id: 2, method: 'x', result: {} },
      2,
      /result/,
    ],
  ];
  it.each(cases)(
    'answers %s with -32600, keeping the id only when it is readable',
    (_, input, id, pattern) => {
      const { transport } = setup();
      transport.receive(input);
      const sent = transport.take() as { id?: unknown; error: { code: number; message: string } }[];
      expect(sent).toHaveLength(1);
      expect(sent[0]!.error.code).toBe(-32600);
      expect(sent[0]!.error.message).toMatch(pattern);
      if (id === undefined) expect(sent[0]).not.toHaveProperty('id');
      else expect(sent[0]!.id).toBe(id);
    },
  );

  it('answers an unparseable frame with an id-less error carrying its code', () => {
    const { transport } = setup();
    transport.receiveInvalid({ code: -32700, message: 'Parse error: Unexpected token' });
    expect(transport.take()).toEqual([
      { jsonrpc: '2.0', error: { code: -32700, message: 'Parse error: Unexpected token' } },
    ]);
  });

  it('never answers a malformed notification', () => {
    const { transport, connection } = setup();
    const dropped: string[] = [];
    connection.onDropped((d) => dropped.push(d.reason));
    transport.receive({ jsonrpc: '2.0', method: 'notifications/x', params: 'nope' });
    transport.receive({ jsonrpc: '2.0', method: 'notifications/x', params: [] });
    expect(transport.take()).toEqual([]);
    expect(dropped).toHaveLength(2);
  });

  it('treats a __proto__ key as data and pollutes nothing', () => {
    const { transport, connection } = setup();
    let seen: unknown;
    connection.setRequestHandler('x', (params) => {
      seen = params;
      return {};
    });
    transport.receive(
      JSON.parse('{"jsonrpc":"2.0","id":1,"method":"x","params":{"__proto__":{"polluted":true}}}'),
    );
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.hasOwn(seen as object, '__proto__')).toBe(true);
    expect(transport.take()).toEqual([{ jsonrpc: '2.0', id: 1, result: {} }]);
  });

  it('never answers a malformed response, whose id could match a request of the peer', () => {
    const { transport, connection } = setup();
    const dropped: string[] = [];
    connection.onDropped((d) => dropped.push(d.reason));
    transport.receive({ jsonrpc: '2.0', id: 2, result: {}, error: { code: 1, message: 'm' } });
    transport.receive({ jsonrpc: '2.0', id: 2, result: 'x' });
    transport.receive({ jsonrpc: '1.0', id: 2, result: {} });
    transport.receive({ jsonrpc: '2.0', id: 2, error: { code: 'x' } });
    expect(transport.take()).toEqual([]);
    expect(dropped).toHaveLength(4);
    // Something that claims no kind at all gets an id-less answer, which cannot match anything.
    transport.receive({ id: 0 });
    expect(transport.take()).toEqual([
      {
        jsonrpc: '2.0',
        error: { code: -32600, message: expect.stringMatching(/JSON-RPC message/) },
      },
    ]);
  });

  it('drops a response to an id it never sent', () => {
    const { transport, connection } = setup();
    const dropped: unknown[] = [];
    connection.onDropped((d) => dropped.push(d.message));
    transport.receive({ jsonrpc: '2.0', id: 99, result: {} });
    transport.receive({ jsonrpc: '2.0', error: { code: -32700, message: 'x' } });
    expect(transport.take()).toEqual([]);
    expect(dropped).toHaveLength(2);
  });
});
