// Opens a client to the target with the CLI's policy: elicitation asked on a TTY or declined,
// sampling shown and refused, roots not offered, `--timeout` on every request, `--verbose` tracing.
import { McpClient } from '../client/index.js';
import type { CallOptions } from '../client/index.js';
import { listOption, parseHeaders, stringOption, timeoutOption } from './arguments.js';
import type { ParsedCommandLine } from './arguments.js';
import { CliError, ExitCode } from './cli-error.js';
import { elicitationHandler } from './elicitation.js';
import { refuseSampling } from './sampling.js';
import type { Output } from './output.js';
import { resolveTarget, transportFactory } from './target.js';
import { traceTransport } from './verbose-transport.js';

export interface Session {
  client: McpClient;
  /** Options for every request: timeout, and progress lines on stderr. */
  call: CallOptions;
  /** The positionals left once the target was taken. */
  rest: string[];
}

export const CLIENT_INFO = { name: 'mcpkit-cli', version: '0.1.0' };

export async function openSession(parsed: ParsedCommandLine, output: Output): Promise<Session> {
  const { values } = parsed;
  const verbose = values['verbose'] === true;
  const timeout = timeoutOption(values);
  const headers = parseHeaders(listOption(values, 'header'));
  const fromStdio = parsed.stdioCommand !== undefined;
  const target = await resolveTarget({
    name: fromStdio ? undefined : parsed.positionals[0],
    stdioCommand: parsed.stdioCommand,
    configPath: stringOption(values, 'config'),
  });
  const rest = fromStdio ? parsed.positionals : parsed.positionals.slice(1);
  const make = transportFactory(target, headers);
  const trace = (line: string) => output.note(line);
  const client = new McpClient(CLIENT_INFO, {
    handlers: { elicit: elicitationHandler(process.stdin.isTTY), sample: refuseSampling },
    ...(timeout === undefined
      ? {}
      : { probeTimeout: timeout, connection: { requestTimeout: timeout } }),
  });
  try {
    await client.connect(verbose ? () => traceTransport(make(), trace) : make);
  } catch (error) {
    await client.close().catch(() => {});
    if (error instanceof CliError) throw error;
    throw new CliError(ExitCode.Connection, `cannot connect: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const call: CallOptions = {
    onProgress: ({ progress, total, message }) =>
      output.note(
        `progress ${progress}${total === undefined ? '' : `/${total}`}${message === undefined ? '' : ` ${message}`}`,
      ),
  };
  if (timeout !== undefined) call.timeout = timeout;
  return { client, call, rest };
}
