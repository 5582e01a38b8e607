// `mcpkit proxy --stdio-to-http [host:]port -- <command>`: a local stdio server exposed over
// Streamable HTTP, both eras on one endpoint, every message relayed to a server process as is.
import type { ParsedCommandLine } from './arguments.js';
import { ExitCode, usageError } from './cli-error.js';
import { listenHttp, stopOnSignal } from './serve.js';
import { StdioRelayTarget } from './stdio-relay-target.js';
import { resolveTarget } from './target.js';

/** Serves until SIGINT or SIGTERM, then stops the listener and every server process. */
export async function runStdioToHttp(parsed: ParsedCommandLine): Promise<ExitCode> {
  const [name, extra] = parsed.positionals;
  if (extra !== undefined) throw usageError(`unexpected argument "${extra}"`);
  const target = await resolveTarget({
    name,
    stdioCommand: parsed.stdioCommand,
    configPath: typeof parsed.values['config'] === 'string' ? parsed.values['config'] : undefined,
  });
  if (target.kind !== 'stdio')
    throw usageError('--stdio-to-http needs a stdio server: -- <command> [args…] or a config name');
  const maxProcesses = positiveInteger(parsed, 'max-processes');
  const relay = new StdioRelayTarget({
    ...(maxProcesses === undefined ? {} : { maxProcesses }),
    server: {
      command: target.command,
      args: target.args,
      ...(target.env === undefined ? {} : { env: target.env }),
    },
    // The server processes' own logging stays visible, as if they were run directly.
    onStderr: (line) => process.stderr.write(`${line}\n`),
    ...(parsed.values['verbose'] === true
      ? { trace: (line: string) => process.stderr.write(`${line}\n`) }
      : {}),
  });
  const handle = await listenHttp(relay, parsed, 'stdio-to-http');
  process.stderr.write(
    `mcpkit proxy: serving ${[target.command, ...target.args].join(' ')} at ${handle.url.href}\n`,
  );
  await new Promise<void>((resolve) => stopOnSignal(resolve));
  await handle.close();
  await relay.close();
  return ExitCode.Success;
}

function positiveInteger(parsed: ParsedCommandLine, option: string): number | undefined {
  const raw = parsed.values[option];
  if (typeof raw !== 'string') return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < 1 || !Number.isSafeInteger(value))
    throw usageError(`--${option} must be a whole number of at least 1, not "${raw}"`);
  return value;
}
