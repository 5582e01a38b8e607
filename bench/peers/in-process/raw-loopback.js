// @ts-check
// The raw limit in memory: the least a JSON-RPC `tools/call` round trip can cost in one process, a
// client correlating ids through a Map of pending promises and a server dispatching by method from
// a Map, with no protocol layer (no validation, no sessions, no timeouts) in between.
//
// The hop between the two ends mirrors the SDKs' own in-memory transports (v1 and v2
// `InMemoryTransport`): the sender calls the receiver's handler directly and hands over the
// message object itself, with no serialization and no scheduling. mcpkit's
// `createLinkedTransports` adds one microtask per message (and clones only when asked); the direct
// call is the cheaper of the two common practices, so it is the one a limit should use.

/**
 * @typedef {{ jsonrpc: '2.0', id: number, method: string, params?: Record<string, unknown> }} RawRequest
 * @typedef {{ jsonrpc: '2.0', id: number, result?: unknown, error?: { code: number, message: string } }} RawResponse
 * @typedef {(params: Record<string, unknown>) => unknown} RawTool
 */

/** @type {ReadonlyMap<string, RawTool>} */
const TOOLS = new Map([
  ['echo', (args) => ({ content: [{ type: 'text', text: args['text'] }] })],
  [
    'add',
    (args) => ({
      content: [{ type: 'text', text: String(Number(args['a']) + Number(args['b'])) }],
    }),
  ],
]);

/** @type {ReadonlyMap<string, (params: Record<string, unknown>) => Promise<unknown>>} */
const METHODS = new Map([
  [
    'tools/call',
    async (params) => {
      const tool = TOOLS.get(String(params['name']));
      if (tool === undefined) throw new Error(`unknown tool ${String(params['name'])}`);
      return tool(/** @type {Record<string, unknown>} */ (params['arguments'] ?? {}));
    },
  ],
]);

/**
 * The server end: answers each request through `reply`, an unknown method with -32601.
 * @param {(response: RawResponse) => void} reply
 * @returns {(request: RawRequest) => void}
 */
function rawServer(reply) {
  return (request) => {
    const method = METHODS.get(request.method);
    if (method === undefined) {
      reply({
        jsonrpc: '2.0',
        id: request.id,
        error: { code: -32601, message: 'Method not found' },
      });
      return;
    }
    method(request.params ?? {}).then(
      (result) => reply({ jsonrpc: '2.0', id: request.id, result }),
      (/** @type {unknown} */ error) =>
        reply({ jsonrpc: '2.0', id: request.id, error: { code: -32603, message: String(error) } }),
    );
  };
}

/**
 * A connected client and server; `callTool` resolves with the result object of `tools/call`.
 * @returns {{ callTool: (name: string, args: Record<string, unknown>) => Promise<unknown>, close: () => void }}
 */
export function openRawLoopback() {
  /** @type {Map<number, { resolve: (result: unknown) => void, reject: (error: Error) => void }>} */
  const pending = new Map();
  let nextId = 0;
  let closed = false;
  const toServer = rawServer((response) => {
    const waiter = pending.get(response.id);
    if (waiter === undefined) return;
    pending.delete(response.id);
    if (response.error === undefined) waiter.resolve(response.result);
    else waiter.reject(new Error(`${response.error.code} ${response.error.message}`));
  });
  return {
    callTool(name, args) {
      if (closed) return Promise.reject(new Error('loopback closed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        toServer({ jsonrpc: '2.0', id, method: 'tools/call', params: { name, arguments: args } });
      });
    },
    close() {
      closed = true;
      for (const waiter of pending.values()) waiter.reject(new Error('loopback closed'));
      pending.clear();
    },
  };
}
