// `mcpkit serve <module>` and `mcpkit demo`: run a server over stdio, or over Streamable HTTP
// with `--http [host:]port`. They return once serving; the process lives as long as the server.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { McpServer } from '../server/index.js';
import { StdioServerTransport } from '../node/index.js';
import { serveHttp } from '../node/http/index.js';
import type { HttpServerHandle } from '../node/http/index.js';
import type { McpHttpTarget } from '../server/http/index.js';
import { listOption, stringOption } from './arguments.js';
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

/** `[host:]port` (the value of `option`) → both parts; the host defaults to loopback. */
export function parseListenAddress(raw: string, option = 'http'): { host: string; port: number } {
  const colon = raw.lastIndexOf(':');
  const host = colon === -1 ? '127.0.0.1' : raw.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const portText = colon === -1 ? raw : raw.slice(colon + 1);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535 || host === '')
    throw usageError(`--${option} must be [host:]port, not "${raw}"`);
  return { host, port };
}

export async function serve(server: McpServer, parsed: ParsedCommandLine): Promise<void> {
  const http = stringOption(parsed.values, 'http');
  if (http === undefined) {
    await server.connect(new StdioServerTransport());
    return;
  }
  const handle = await listenHttp(server, parsed, 'http');
  process.stderr.write(`mcpkit: serving MCP at ${handle.url.href}\n`);
  stopOnSignal(() => handle.close());
}

/**
 * Serves `target` over Streamable HTTP at the address in option `option`, with the Host and
 * Origin allowlists from `--allow-host` / `--allow-origin` (loopback names when absent).
 */
export async function listenHttp(
  target: McpHttpTarget,
  parsed: ParsedCommandLine,
  option: string,
): Promise<HttpServerHandle> {
  const raw = stringOption(parsed.values, option) ?? '';
  const { host, port } = parseListenAddress(raw, option);
  const allowedHosts = listOption(parsed.values, 'allow-host');
  const allowedOrigins = listOption(parsed.values, 'allow-origin');
  try {
    return await serveHttp(target, {
      host,
      port,
      ...(allowedHosts.length > 0 ? { allowedHosts } : {}),
      ...(allowedOrigins.length > 0 ? { allowedOrigins } : {}),
      onWarning: (message) => process.stderr.write(`warning: ${message}\n`),
    });
  } catch (error) {
    throw new CliError(
      ExitCode.Connection,
      `cannot listen on ${raw}: ${(error as Error).message}`,
      {
        cause: error,
      },
    );
  }
}

/** Runs `stop` once on the first SIGINT or SIGTERM. */
export function stopOnSignal(stop: () => unknown): void {
  const once = () => {
    process.off('SIGINT', once);
    process.off('SIGTERM', once);
    void stop();
  };
  process.on('SIGINT', once);
  process.on('SIGTERM', once);
}
