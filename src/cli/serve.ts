// `mcpkit serve <module>` and `mcpkit demo`: run a server over stdio, or over Streamable HTTP
// with `--http [host:]port`. They return once serving; the process lives as long as the server.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpServer } from '../server/index.js';
import { StdioServerTransport, serveHttp } from '../node/index.js';
import { stringOption } from './arguments.js';
import type { ParsedCommandLine } from './arguments.js';
import { CliError, ExitCode, usageError } from './cli-error.js';

/** Imports `path`; its default export is an `McpServer` or a (possibly async) function making one. */
export async function loadServerModule(path: string): Promise<McpServer> {
  let module: { default?: unknown };
  try {
    module = (await import(pathToFileURL(resolve(path)).href)) as { default?: unknown };
  } catch (error) {
    throw new CliError(ExitCode.Usage, `cannot import ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  let exported = module.default;
  if (typeof exported === 'function') exported = await (exported as () => unknown)();
  if (!isServer(exported))
    throw usageError(`${path} must default-export an McpServer or a function returning one`);
  return exported;
}

function isServer(value: unknown): value is McpServer {
  return (
    value !== null &&
    typeof value === 'object' &&
    typeof (value as { connect?: unknown }).connect === 'function' &&
    typeof (value as { tool?: unknown }).tool === 'function'
  );
}

/** `[host:]port` → both parts; the host defaults to loopback. */
export function parseListenAddress(raw: string): { host: string; port: number } {
  const colon = raw.lastIndexOf(':');
  const host = colon === -1 ? '127.0.0.1' : raw.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const portText = colon === -1 ? raw : raw.slice(colon + 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535 || host === '')
    throw usageError(`--http must be [host:]port, not "${raw}"`);
  return { host, port };
}

export async function serve(server: McpServer, parsed: ParsedCommandLine): Promise<void> {
  const http = stringOption(parsed.values, 'http');
  if (http === undefined) {
    await server.connect(new StdioServerTransport());
    return;
  }
  const { host, port } = parseListenAddress(http);
  let handle: Awaited<ReturnType<typeof serveHttp>>;
  try {
    handle = await serveHttp(server, {
      host,
      port,
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
    });
  } catch (error) {
    throw new CliError(
      ExitCode.Connection,
      `cannot listen on ${http}: ${(error as Error).message}`,
      { cause: error },
    );
  }
  process.stderr.write(`mcpkit: serving MCP at ${handle.url.href}\n`);
  const stop = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
    void handle.close();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
