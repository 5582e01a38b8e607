// Connects an McpClient to mcpkit's own server with the client tests' features, over the
// in-memory pair or over stdio (a child process), in one of the four ways the client picks an
// era, and records the wire. `closeHarnesses()` in `afterEach` tears everything down.
import { fileURLToPath } from 'node:url';
import { McpClient, type McpClientOptions } from '../../../src/client/index.js';
import { StdioClientTransport } from '../../../src/node/stdio-client-transport.js';
import { McpServer } from '../../../src/server/index.js';
import { createLinkedTransports } from '../../../src/transport/memory.js';
import {
  SERVER_INFO,
  addClientTestFeatures,
  featureServerOptions,
  type FeatureFlags,
} from '../../fixtures/client-test-features.js';
import { RecordingTransport } from './recording-transport.js';

export const CLIENT_INFO = { name: 'client-under-test', version: '0.1.0' };

/** How the client comes to its era: pinned, or detected against a server of that era. */
export type Mode = 'legacy-pin' | 'legacy-detect' | 'modern-detect' | 'modern-pin';
export type Wire = 'memory' | 'stdio';

export const MODES: readonly Mode[] = [
  'legacy-pin',
  'legacy-detect',
  'modern-detect',
  'modern-pin',
];
export const WIRES: readonly Wire[] = ['memory', 'stdio'];

export function eraOf(mode: Mode): 'legacy' | 'modern' {
  return mode.startsWith('legacy') ? 'legacy' : 'modern';
}

const FIXTURE = fileURLToPath(new URL('../../fixtures/client-test-server.js', import.meta.url));

/** What the server's handlers reported (an abort seen, content elicited). */
export class ServerEvents {
  readonly seen: string[] = [];
  readonly #waiters: { match: (event: string) => boolean; resolve: (event: string) => void }[] = [];

  push(event: string): void {
    this.seen.push(event);
    for (const waiter of [...this.#waiters]) {
      if (waiter.match(event)) {
        this.#waiters.splice(this.#waiters.indexOf(waiter), 1);
        waiter.resolve(event);
      }
    }
  }

  /** Resolves with the first event (already seen or to come) that starts with `prefix`. */
  waitFor(prefix: string, timeoutMs = 10_000): Promise<string> {
    const match = (event: string): boolean => event.startsWith(prefix);
    const already = this.seen.find(match);
    if (already !== undefined) return Promise.resolve(already);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new Error(
            `No server event "${prefix}" within ${timeoutMs} ms; saw ${this.seen.join(', ')}`,
          ),
        );
      }, timeoutMs);
      this.#waiters.push({
        match,
        resolve: (event) => {
          clearTimeout(timer);
          resolve(event);
        },
      });
    });
  }
}

export interface Harness {
  readonly wire: Wire;
  readonly mode: Mode;
  readonly client: McpClient;
  readonly tap: RecordingTransport;
  readonly events: ServerEvents;
  /** The in-process server (memory only). */
  readonly server: McpServer | undefined;
  /** Lines the stdio server wrote on stderr (stdio only). */
  readonly stderr: string[];
}

const open: Harness[] = [];

function clientVersion(mode: Mode): NonNullable<McpClientOptions['version']> {
  if (mode === 'legacy-pin') return 'legacy';
  if (mode === 'modern-pin') return 'modern';
  return 'auto';
}

/** A transport to a fresh server, recorded; and what the server reports. */
export function featureTransport(
  wire: Wire,
  flags: FeatureFlags,
): {
  transport: RecordingTransport;
  events: ServerEvents;
  server: McpServer | undefined;
  stderr: string[];
} {
  const events = new ServerEvents();
  const stderr: string[] = [];
  if (wire === 'memory') {
    const server = new McpServer(SERVER_INFO, {
      ...featureServerOptions(flags),
      onError: (error, where) => events.push(`error:${where}:${String(error)}`),
    });
    addClientTestFeatures(server, (event) => events.push(event));
    const [clientEnd, serverEnd] = createLinkedTransports();
    void server.connect(serverEnd);
    return { transport: new RecordingTransport(clientEnd), events, server, stderr };
  }
  const stdio = new StdioClientTransport({
    command: process.execPath,
    args: [FIXTURE, JSON.stringify(flags)],
  });
  stdio.onStderr((line) => {
    stderr.push(line);
    if (line.startsWith('event:')) events.push(line.slice('event:'.length));
  });
  return { transport: new RecordingTransport(stdio), events, server: undefined, stderr };
}

export async function openHarness(
  wire: Wire,
  mode: Mode,
  options: McpClientOptions = {},
  flags: FeatureFlags = {},
): Promise<Harness> {
  const { transport, events, server, stderr } = featureTransport(wire, {
    ...flags,
    ...(mode === 'legacy-detect' ? { legacyOnly: true } : {}),
  });
  const client = new McpClient(CLIENT_INFO, {
    version: clientVersion(mode),
    // A server that does not know the probe answers at once; this only bounds a hang.
    probeTimeout: 10_000,
    ...options,
  });
  const harness: Harness = { wire, mode, client, tap: transport, events, server, stderr };
  open.push(harness);
  try {
    await client.connect(transport);
  } catch (error) {
    // Leave nothing running behind a failed connect.
    await transport.close();
    throw error;
  }
  return harness;
}

export async function closeHarnesses(): Promise<void> {
  const harnesses = open.splice(0);
  await Promise.all(
    harnesses.map(async (harness) => {
      await harness.client.close();
      await harness.tap.close();
      await harness.server?.close();
    }),
  );
}

/** Registers a tool on the server while the client is connected (list_changed follows). */
export async function registerTool(harness: Harness, name: string): Promise<void> {
  if (harness.server !== undefined) {
    harness.server.tool(name, {}, () => name);
    return;
  }
  // A raw request: `callTool` would look the tool list up, which these tests count.
  await harness.client.request('tools/call', { name: 'register', arguments: { name } });
}

/** Resolves with the next `onListChanged` for `list`. */
export function nextListChanged(client: McpClient, list: string): Promise<void> {
  return new Promise((resolve) => {
    const registration = client.onListChanged((changed) => {
      if (changed !== list) return;
      registration.dispose();
      resolve();
    });
  });
}
