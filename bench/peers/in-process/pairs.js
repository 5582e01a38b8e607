// @ts-check
// Client and server of each implementation connected in one process over that implementation's
// own in-memory transport, behind one small interface the in-process suite drives.
import { Client as ClientV1 } from '@modelcontextprotocol/sdk/client/index.js';
import { InMemoryTransport as InMemoryTransportV1 } from '@modelcontextprotocol/sdk/inMemory.js';
import { Client as ClientV2 } from '@modelcontextprotocol/client';
import { InMemoryTransport as InMemoryTransportV2 } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { McpClient } from 'mcpkit/client';
import { createLinkedTransports } from 'mcpkit/transport';
import * as mcpkit from '../mcpkit.js';
import * as sdkV1 from '../sdk-v1.js';
import * as sdkV2 from '../sdk-v2.js';
import * as tmcp from '../tmcp.js';
import { openRawLoopback } from './raw-loopback.js';
import { TmcpMemoryTransport } from './tmcp-memory-transport.js';

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
  const loopback = openRawLoopback();
  return { callTool: loopback.callTool, close: async () => loopback.close() };
}

/** @type {readonly InProcessImplementation[]} */
export const IN_PROCESS_IMPLEMENTATIONS = [
  { impl: 'raw', open: openRaw },
  { impl: mcpkit.name, era: 'legacy', open: () => openMcpkit('legacy') },
  { impl: mcpkit.name, era: 'modern', open: () => openMcpkit('modern') },
  { impl: sdkV1.name, era: 'legacy', open: openSdkV1 },
  { impl: sdkV2.name, era: 'legacy', open: () => openSdkV2('legacy') },
  { impl: sdkV2.name, era: 'modern', open: () => openSdkV2('modern') },
  { impl: tmcp.name, era: 'legacy', open: openTmcp },
];
