// @ts-check
// Client and server of each implementation connected in one process over that implementation's
// own in-memory transport, behind one small interface the in-process suite drives. Each opener
// imports its implementation when called, so a process measuring one loads only that one.

/**
 * @typedef {object} InProcessPair  a connected client and server
 * @property {(name: string, args: Record<string, unknown>) => Promise<unknown>} callTool
 *   resolves with the `tools/call` result as the client hands it back
 * @property {() => Promise<void>} close  closes the client and the server
 */

/**
 * @typedef {object} InProcessImplementation
 * @property {string} impl
 * @property {'legacy' | 'modern'} [era]
 * @property {() => Promise<InProcessPair>} open
 */

const CLIENT_INFO = { name: 'bench-client', version: '1.0.0' };

/** @param {'legacy' | 'modern'} version */
async function openMcpkit(version) {
  const { McpClient } = await import('mcpkit/client');
  const { createLinkedTransports } = await import('mcpkit/transport');
  const mcpkit = await import('../mcpkit.js');
  const server = mcpkit.createServer();
  const [clientEnd, serverEnd] = createLinkedTransports();
  await server.connect(serverEnd);
  const client = new McpClient(CLIENT_INFO, { version });
  await client.connect(clientEnd);
  return {
    callTool: (/** @type {string} */ name, /** @type {Record<string, unknown>} */ args) =>
      client.callTool(name, args),
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/** @returns {Promise<InProcessPair>} */
async function openSdkV1() {
  const { Client: ClientV1 } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { InMemoryTransport: InMemoryTransportV1 } =
    await import('@modelcontextprotocol/sdk/inMemory.js');
  const sdkV1 = await import('../sdk-v1.js');
  const server = sdkV1.createServer();
  const [clientEnd, serverEnd] = InMemoryTransportV1.createLinkedPair();
  await server.connect(serverEnd);
  const client = new ClientV1(CLIENT_INFO);
  await client.connect(clientEnd);
  return {
    callTool: (name, args) => client.callTool({ name, arguments: args }),
    close: async () => {
      await client.close();
      await server.close();
    },
  };
}

/**
 * Legacy: the server connected by hand to the in-memory transport, as v2 documents it. Modern:
 * a hand-connected v2 server answers only the legacy handshake; v2 decides the era in its serving
 * entries, and `serveStdio` is the one for a message transport (it takes any `Transport`), so it
 * serves the server end and the client pins 2026-07-28.
 * @param {'legacy' | 'modern'} era
 * @returns {Promise<InProcessPair>}
 */
async function openSdkV2(era) {
  const { Client: ClientV2 } = await import('@modelcontextprotocol/client');
  const { InMemoryTransport: InMemoryTransportV2 } = await import('@modelcontextprotocol/server');
  const { serveStdio } = await import('@modelcontextprotocol/server/stdio');
  const sdkV2 = await import('../sdk-v2.js');
  const [clientEnd, serverEnd] = InMemoryTransportV2.createLinkedPair();
  /** @type {() => Promise<void>} */
  let closeServer;
  if (era === 'legacy') {
    const server = sdkV2.createServer();
    await server.connect(serverEnd);
    closeServer = () => server.close();
  } else {
    const handle = serveStdio(sdkV2.createServer, { transport: serverEnd });
    closeServer = () => handle.close();
  }
  const client = new ClientV2(
    CLIENT_INFO,
    era === 'modern' ? { versionNegotiation: { mode: { pin: '2026-07-28' } } } : {},
  );
  await client.connect(clientEnd);
  return {
    callTool: (name, args) => client.callTool({ name, arguments: args }),
    close: async () => {
      await client.close();
      await closeServer();
    },
  };
}

/**
 * tmcp has no client of its own; SDK v1's `Client` drives it, so the client side costs the same
 * as in the `sdk v1` row and the difference between the two rows is the server's.
 * @returns {Promise<InProcessPair>}
 */
async function openTmcp() {
  const { Client: ClientV1 } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { TmcpMemoryTransport } = await import('./tmcp-memory-transport.js');
  const tmcp = await import('../tmcp.js');
  const server = tmcp.createServer();
  const client = new ClientV1(CLIENT_INFO);
  await client.connect(new TmcpMemoryTransport(server));
  return {
    callTool: (name, args) => client.callTool({ name, arguments: args }),
    close: () => client.close(),
  };
}

/** @returns {Promise<InProcessPair>} */
async function openRaw() {
  const { openRawLoopback } = await import('./raw-loopback.js');
  const loopback = openRawLoopback();
  return { callTool: loopback.callTool, close: async () => loopback.close() };
}

/** @type {readonly InProcessImplementation[]} */
export const IN_PROCESS_IMPLEMENTATIONS = [
  { impl: 'raw', open: openRaw },
  { impl: 'mcpkit', era: 'legacy', open: () => openMcpkit('legacy') },
  { impl: 'mcpkit', era: 'modern', open: () => openMcpkit('modern') },
  { impl: 'sdk v1', era: 'legacy', open: openSdkV1 },
  { impl: 'sdk v2', era: 'legacy', open: () => openSdkV2('legacy') },
  { impl: 'sdk v2', era: 'modern', open: () => openSdkV2('modern') },
  { impl: 'tmcp', era: 'legacy', open: openTmcp },
];

/**
 * @param {string} impl
 * @param {'legacy' | 'modern' | undefined} era
 */
export function findInProcessImplementation(impl, era) {
  const found = IN_PROCESS_IMPLEMENTATIONS.find(
    (entry) => entry.impl === impl && entry.era === era,
  );
  if (found === undefined) throw new Error(`no in-process implementation ${impl} ${era ?? ''}`);
  return found;
}
