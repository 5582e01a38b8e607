// `mcpkit proxy --http-to-stdio <url>`: a local stdio server that relays every JSON-RPC message,
// unchanged, to a remote Streamable HTTP server and back, so hosts that only spawn processes reach it.
import { StreamableHttpClientTransport } from '../client/http/index.js';
import type { Transport, TransportCloseInfo } from '../jsonrpc/index.js';
import { StdioServerTransport } from '../node/index.js';
import type { JsonRpcMessage } from '../spec/jsonrpc.js';
import { listOption, parseHeaders } from './arguments.js';
import type { ParsedCommandLine } from './arguments.js';
import { CliError, ExitCode, usageError } from './cli-error.js';
import { sendQuietly } from './send-quietly.js';
import { traceTransport } from './verbose-transport.js';

/** JSON-RPC "Invalid Request", for a value on the pipe that is not a message at all. */
const INVALID_REQUEST = -32600;

/**
 * Pipes messages both ways between `local` and `remote` without reading them: requests,
 * answers and notifications of either era pass as they are, so the relay needs no features.
 * Resolves once either side closes; the other is closed then too.
 */
export async function relay(local: Transport, remote: Transport): Promise<TransportCloseInfo> {
  const ended = new Promise<TransportCloseInfo>((resolve) => {
    const finish = (info: TransportCloseInfo): void => {
      for (const subscription of subscriptions) subscription.dispose();
      void Promise.all([local.close(), remote.close()]).then(
        () => resolve(info),
        () => resolve(info),
      );
    };
    const subscriptions = [
      local.onMessage((message) => forward(message, remote, local)),
      remote.onMessage((message) => forward(message, local, remote)),
      // A broken frame is answered where it came from, as the engine would; nothing to relay.
      local.onInvalid(({ code, message }) => answer(local, code, message)),
      remote.onInvalid(() => {}),
      local.onClose(finish),
      remote.onClose(finish),
    ];
  });
  await remote.start();
  await local.start();
  return ended;
}

/** Hands one received value on; a value that cannot be a message is refused to its sender. */
function forward(value: unknown, to: Transport, from: Transport): void {
  if (!isMessageShaped(value)) {
    answer(from, INVALID_REQUEST, 'Not a JSON-RPC message');
    return;
  }
  sendQuietly(to, value as JsonRpcMessage | JsonRpcMessage[]);
}

function answer(to: Transport, code: number, message: string): void {
  sendQuietly(to, { jsonrpc: '2.0', id: null, error: { code, message } });
}

/** An object, or a non-empty batch of objects: the validation is the far end's job. */
function isMessageShaped(value: unknown): boolean {
  const isObject = (item: unknown) =>
    item !== null && typeof item === 'object' && !Array.isArray(item);
  return Array.isArray(value) ? value.length > 0 && value.every(isObject) : isObject(value);
}

/** Runs the proxy until the host closes stdin (or a signal arrives). */
export async function runHttpToStdio(parsed: ParsedCommandLine, url: string): Promise<ExitCode> {
  const { values } = parsed;
  if (parsed.positionals.length > 0 || parsed.stdioCommand !== undefined)
    throw usageError('proxy --http-to-stdio takes only the URL and --header options');
  if (!/^https?:\/\//i.test(url) || !URL.canParse(url))
    throw usageError(`--http-to-stdio needs an http(s) URL, not "${url}"`);
  const headers = parseHeaders(listOption(values, 'header'));
  const http = new StreamableHttpClientTransport(url, { headers });
  http.onWarning(({ kind, reason }) => process.stderr.write(`mcpkit proxy: ${kind}: ${reason}\n`));
  const remote =
    values['verbose'] === true
      ? traceTransport(http, (line) => process.stderr.write(`${line}\n`))
      : http;
  const local = new StdioServerTransport();
  const stop = (): void => void local.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    const { error } = await relay(local, remote);
    if (error !== undefined)
      throw new CliError(ExitCode.Connection, error.message, { cause: error });
    return ExitCode.Success;
  } finally {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  }
}
