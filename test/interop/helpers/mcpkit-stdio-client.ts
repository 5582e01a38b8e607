// Spawns an official-SDK server under mcpkit's client over mcpkit's stdio transport, recording
// every message on the pipe, every process spawned and what the server asked the host.
import type { McpClientOptions } from '../../../src/client/index.js';
import { StdioClientTransport } from '../../../src/node/stdio-client-transport.js';
import { connectMcpkit, type McpkitSession } from './mcpkit-client-session.js';

export {
  CLIENT_INFO,
  ROOTS,
  SAMPLING_ANSWER,
  Wire,
  type HostInputs,
  type WireEntry,
} from './mcpkit-client-session.js';

/** A session whose transports are the server processes it spawned. */
export type StdioSession = McpkitSession<StdioClientTransport>;

/**
 * Connects with `version: 'auto'` through a transport factory, so era detection may restart a
 * server that exits on the `server/discover` probe.
 */
export function connectOverStdio(
  command: string,
  args: readonly string[],
  options: Omit<McpClientOptions, 'handlers'> = {},
): Promise<StdioSession> {
  const stderr: string[] = [];
  const spawn = (): StdioClientTransport => {
    const transport = new StdioClientTransport({ command, args, stderr: 'pipe' });
    transport.onStderr((line) => stderr.push(line));
    return transport;
  };
  return connectMcpkit(spawn, options, stderr);
}

/** Whether a process still exists (signal 0 checks without sending anything). */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
