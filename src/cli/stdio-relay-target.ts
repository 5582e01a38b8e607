// The server side of `mcpkit proxy --stdio-to-http`: an HTTP target whose connections are
// stdio server processes. A legacy session gets a process of its own, for as long as it lasts
// (its `initialize` state lives there). A 2026-07-28 request borrows an idle process, one
// request at a time, so everything the process writes until the answer belongs to that request;
// the process goes back to the pool after a clean answer, and is stopped otherwise.
import { LimitExceededError } from '../jsonrpc/index.js';
import type { Transport } from '../jsonrpc/index.js';
import { StdioClientTransport } from '../node/index.js';
import type { StdioClientTransportOptions } from '../node/index.js';
import type {
  McpHttpConnection,
  McpHttpConnectOptions,
  McpHttpTarget,
} from '../server/http/index.js';
import type { Tool } from '../spec/index.js';
import { RelayedConnection } from './relayed-connection.js';
import { traceTransport } from './verbose-transport.js';

export interface StdioRelayOptions {
  /** How each server process is started. */
  server: StdioClientTransportOptions;
  /** Processes kept idle for the next modern request. Default 2. */
  maxIdle?: number;
  /** Processes running at once, idle ones included; past it, new sessions and requests get 503. Default 16. */
  maxProcesses?: number;
  /** Lines the server processes write to stderr. */
  onStderr?: (line: string) => void;
  /** Every message to and from each process, one line each (`--verbose`). */
  trace?: (line: string) => void;
}

/** Tool definitions remembered for header checks; a server with more is unusual. */
const MAX_REMEMBERED_TOOLS = 10_000;

export class StdioRelayTarget implements McpHttpTarget {
  readonly #options: StdioRelayOptions;
  readonly #maxIdle: number;
  readonly #maxProcesses: number;
  readonly #idle: Transport[] = [];
  readonly #running = new Set<Transport>();
  readonly #tools = new Map<string, Tool>();
  #closed = false;
  #spawned = 0;

  constructor(options: StdioRelayOptions) {
    this.#options = options;
    this.#maxIdle = options.maxIdle ?? 2;
    this.#maxProcesses = options.maxProcesses ?? 16;
  }

  /** Server processes running now, idle ones included. */
  get processes(): number {
    return this.#running.size;
  }

  async connect(transport: Transport, options: McpHttpConnectOptions): Promise<McpHttpConnection> {
    const reusable = options.scope === 'request';
    const child = (reusable ? this.#idle.pop() : undefined) ?? (await this.#spawn());
    return new RelayedConnection(transport, child, {
      release: (released, clean) => this.#release(released, reusable && clean),
      toolsSeen: (tools) => this.#remember(tools),
    });
  }

  toolDefinition(name: string): Tool | undefined {
    return this.#tools.get(name);
  }

  /** Stops every server process. */
  async close(): Promise<void> {
    this.#closed = true;
    this.#idle.length = 0;
    await Promise.all([...this.#running].map((child) => child.close()));
  }

  async #spawn(): Promise<Transport> {
    if (this.#closed) throw new Error('The proxy is shutting down');
    if (this.#running.size >= this.#maxProcesses) {
      // An idle process gives way to work that needs a new one.
      const idle = this.#idle.shift();
      if (idle === undefined) {
        throw new LimitExceededError(
          `All ${this.#maxProcesses} server processes are busy; try again later`,
        );
      }
      void idle.close();
    }
    const pipe = new StdioClientTransport(this.#options.server);
    const trace = this.#options.trace;
    const label = `[server ${++this.#spawned}]`;
    const child =
      trace === undefined ? pipe : traceTransport(pipe, (line) => trace(`${label} ${line}`));
    this.#running.add(child);
    // A pipe that exits while idle leaves the pool at once, so no request is given a dead one.
    pipe.onClose(() => {
      this.#running.delete(child);
      const idle = this.#idle.indexOf(child);
      if (idle !== -1) this.#idle.splice(idle, 1);
    });
    const onStderr = this.#options.onStderr;
    if (onStderr !== undefined) pipe.onStderr(onStderr);
    try {
      await pipe.start();
    } catch (error) {
      this.#running.delete(child);
      throw error;
    }
    return child;
  }

  #release(child: Transport, reusable: boolean): void {
    if (reusable && !this.#closed && !child.closed && this.#idle.length < this.#maxIdle) {
      this.#idle.push(child);
      return;
    }
    void child.close();
  }

  #remember(tools: readonly Tool[]): void {
    for (const tool of tools) {
      if (tool === null || typeof tool !== 'object' || typeof tool.name !== 'string') continue;
      if (this.#tools.size >= MAX_REMEMBERED_TOOLS && !this.#tools.has(tool.name)) return;
      this.#tools.set(tool.name, tool);
    }
  }
}
