// @ts-check
// An in-memory client transport into a tmcp server. tmcp ships neither a client nor an in-memory
// transport: a server is driven by `server.receive(message, context)`, whose promise is the
// answer, and speaks first through its `send` and `broadcast` events. This is the smallest
// transport doing that, in the shape of the SDK v1 `Transport`, so SDK v1's `Client` can drive it.
//
// Like the SDKs' `InMemoryTransport`, a message is handed over by reference within the sender's
// call, and requests are served concurrently. (tmcp's stdio transport runs session requests one
// after another; that is a property of that transport, measured by the stdio suite.) Session
// info is kept from `initialize`, as tmcp's own transports keep it.

/**
 * @typedef {import('@modelcontextprotocol/sdk/shared/transport.js').Transport} Transport
 * @typedef {import('@modelcontextprotocol/sdk/types.js').JSONRPCMessage} JSONRPCMessage
 * @typedef {import('tmcp').McpServer<any>} TmcpServer
 * @typedef {NonNullable<import('tmcp').Context['sessionInfo']>} SessionInfo
 */

/** @implements {Transport} */
export class TmcpMemoryTransport {
  /** @type {((message: JSONRPCMessage) => void) | undefined} */
  onmessage;
  /** @type {(() => void) | undefined} */
  onclose;
  /** @type {((error: Error) => void) | undefined} */
  onerror;

  /** @type {TmcpServer} */
  #server;
  /** @type {SessionInfo} */
  #sessionInfo = {};
  /** @type {(() => void)[]} */
  #unsubscribe = [];
  #closed = false;

  /** @param {TmcpServer} server */
  constructor(server) {
    this.#server = server;
  }

  async start() {
    const deliver = (/** @type {{ request: unknown }} */ event) =>
      this.#deliver(/** @type {JSONRPCMessage} */ (event.request));
    this.#unsubscribe.push(
      this.#server.on('send', deliver),
      this.#server.on('broadcast', deliver),
      this.#server.on('initialize', ({ capabilities, clientInfo }) => {
        this.#sessionInfo = { clientCapabilities: capabilities, clientInfo };
      }),
      this.#server.on('loglevelchange', ({ level }) => {
        this.#sessionInfo.logLevel = level;
      }),
    );
  }

  /** @param {JSONRPCMessage} message */
  async send(message) {
    if (this.#closed) throw new Error('Not connected');
    const answer = this.#server.receive(/** @type {never} */ (message), {
      sessionInfo: this.#sessionInfo,
    });
    Promise.resolve(answer).then(
      (response) => {
        if (response !== undefined && response !== null)
          this.#deliver(/** @type {JSONRPCMessage} */ (response));
      },
      (/** @type {unknown} */ error) =>
        this.onerror?.(error instanceof Error ? error : new Error(String(error))),
    );
  }

  async close() {
    if (this.#closed) return;
    this.#closed = true;
    for (const unsubscribe of this.#unsubscribe) unsubscribe();
    this.#unsubscribe = [];
    this.onclose?.();
  }

  /** @param {JSONRPCMessage} message */
  #deliver(message) {
    if (!this.#closed) this.onmessage?.(message);
  }
}
