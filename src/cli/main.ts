#!/usr/bin/env node
// Entry point of the `mcpkit` command: picks the command, runs it, and turns every outcome into
// an exit code (the only place allowed to call process.exit).
import { ProtocolError } from '../jsonrpc/index.js';
import { CLIENT_OPTIONS, parseCommandLine } from './arguments.js';
import type { ParsedCommandLine } from './arguments.js';
import { CliError, ExitCode, usageError } from './cli-error.js';
import { createDemoServer } from './demo-server.js';
import { HELP } from './help.js';
import { runDiscover, runInspect } from './inspect.js';
import { runCall, runComplete, runPrompt, runRead } from './operations.js';
import { createOutput, useColour } from './output.js';
import type { Output } from './output.js';
import { PROXY_OPTIONS, runProxy } from './proxy.js';
import { loadServerModule, serve } from './serve.js';
import { openSession } from './session.js';
import type { Session } from './session.js';

const CLIENT_COMMANDS = ['inspect', 'discover', 'call', 'read', 'prompt', 'complete'] as const;
type ClientCommand = (typeof CLIENT_COMMANDS)[number];

const EXTRA_OPTIONS = {
  call: { args: { type: 'string' } },
  complete: { prompt: { type: 'string' }, template: { type: 'string' } },
} as const;

const SERVE_OPTIONS = {
  http: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  'allow-origin': { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

/** Runs the command; `undefined` means a server is now running and the process must stay. */
async function run(argv: readonly string[]): Promise<ExitCode | undefined> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(`${HELP['main']}\n`);
    return command === undefined ? ExitCode.Usage : ExitCode.Success;
  }
  if (command === 'demo' || command === 'serve') {
    const parsed = parseCommandLine(rest, SERVE_OPTIONS);
    if (parsed.values['help'] === true) return printHelp(command);
    if (parsed.stdioCommand !== undefined) throw usageError(`${command} takes no -- command`);
    if (command === 'demo') {
      if (parsed.positionals.length > 0) throw usageError('demo takes no arguments');
      await serve(createDemoServer(), parsed);
      return undefined;
    }
    const [path, extra] = parsed.positionals;
    if (path === undefined || extra !== undefined)
      throw usageError('serve needs exactly one module path');
    await serve(await loadServerModule(path), parsed);
    return undefined;
  }
  if (command === 'proxy') {
    const parsed = parseCommandLine(rest, PROXY_OPTIONS);
    if (parsed.values['help'] === true) return printHelp(command);
    return runProxy(parsed);
  }
  if (!isClientCommand(command))
    throw usageError(`unknown command "${command}" (try mcpkit --help)`);
  const options = {
    ...CLIENT_OPTIONS,
    ...(command === 'call' || command === 'complete' ? EXTRA_OPTIONS[command] : {}),
  };
  const parsed = parseCommandLine(rest, options);
  if (parsed.values['help'] === true) return printHelp(command);
  const output = createOutput(
    parsed.values['json'] === true,
    useColour(process.stdout, process.env),
  );
  const session = await openSession(parsed, output);
  try {
    return await runClientCommand(command, session, parsed, output);
  } finally {
    await session.client.close().catch(() => {});
  }
}

function runClientCommand(
  command: ClientCommand,
  session: Session,
  parsed: ParsedCommandLine,
  output: Output,
): Promise<ExitCode> {
  switch (command) {
    case 'inspect':
      return runInspect(session.client, output).then(() => ExitCode.Success);
    case 'discover':
      return runDiscover(session.client, output).then(() => ExitCode.Success);
    case 'call':
      return runCall(session, parsed, output);
    case 'read':
      return runRead(session, output);
    case 'prompt':
      return runPrompt(session, output);
    case 'complete':
      return runComplete(session, parsed, output);
  }
}

function isClientCommand(command: string): command is ClientCommand {
  return (CLIENT_COMMANDS as readonly string[]).includes(command);
}

function printHelp(command: string): ExitCode {
  process.stdout.write(`${HELP[command] ?? HELP['main']}\n`);
  return ExitCode.Success;
}

/** One line on stderr (the stack too with --verbose), and the exit code of the failure's kind. */
function report(error: unknown, verbose: boolean): ExitCode {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof CliError ? error.exitCode : ExitCode.Connection;
  const detail = error instanceof ProtocolError ? ` (JSON-RPC error ${error.code})` : '';
  process.stderr.write(`mcpkit: ${message.split('\n')[0] ?? ''}${detail}\n`);
  if (verbose && error instanceof Error && error.stack !== undefined)
    process.stderr.write(`${error.stack}\n`);
  return code;
}

const argv = process.argv.slice(2);
const ownArguments = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
const verbose = ownArguments.includes('--verbose') || ownArguments.includes('-v');
run(argv).then(
  (code) => {
    if (code !== undefined) process.exit(code);
  },
  (error: unknown) => process.exit(report(error, verbose)),
);
