// Where the server is: an http(s) URL, a command to spawn over stdio (after `--`), or a server
// named in an MCP client config file (`{ "mcpServers": { name: { command, args, env } | { url } } }`).
import { readFile } from 'node:fs/promises';
import { StreamableHttpClientTransport } from '../client/http/index.js';
import { StdioClientTransport } from '../node/index.js';
import type { Transport } from '../jsonrpc/index.js';
import { CliError, ExitCode, usageError } from './cli-error.js';

export type Target =
  | { kind: 'http'; url: string }
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string> | undefined };

export interface TargetChoice {
  /** The first positional when no `--` command was given. */
  name: string | undefined;
  stdioCommand: string[] | undefined;
  configPath: string | undefined;
}

export async function resolveTarget(choice: TargetChoice): Promise<Target> {
  if (choice.stdioCommand !== undefined) {
    const [command, ...args] = choice.stdioCommand;
    if (command === undefined || command === '') throw usageError('no server command after --');
    return { kind: 'stdio', command, args, env: undefined };
  }
  const name = choice.name;
  if (name === undefined)
    throw usageError('no target: give a URL, a config server name, or -- <command> [args…]');
  if (/^https?:\/\//i.test(name)) return { kind: 'http', url: name };
  if (choice.configPath === undefined)
    throw usageError(`"${name}" is not a URL; name a server from a config file with --config PATH`);
  return fromConfig(choice.configPath, name);
}

async function fromConfig(path: string, name: string): Promise<Target> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw usageError(`cannot read config ${path}: ${(error as Error).message}`);
  }
  let config: unknown;
  try {
    config = JSON.parse(text);
  } catch {
    throw usageError(`config ${path} is not valid JSON`);
  }
  const servers = isObject(config) ? config['mcpServers'] : undefined;
  if (!isObject(servers)) throw usageError(`config ${path} has no "mcpServers" object`);
  const entry = Object.hasOwn(servers, name) ? servers[name] : undefined;
  if (!isObject(entry)) {
    const known = Object.keys(servers).join(', ') || 'none';
    throw usageError(`no server "${name}" in ${path} (servers: ${known})`);
  }
  if (typeof entry['url'] === 'string') return { kind: 'http', url: entry['url'] };
  if (typeof entry['command'] !== 'string')
    throw usageError(`server "${name}" in ${path} needs "command" or "url"`);
  const args = Array.isArray(entry['args']) ? entry['args'].map(String) : [];
  const env = isObject(entry['env'])
    ? Object.fromEntries(Object.entries(entry['env']).map(([key, value]) => [key, String(value)]))
    : undefined;
  return { kind: 'stdio', command: entry['command'], args, env };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A factory, so the client can respawn a stdio server that exits on the era probe. */
export function transportFactory(target: Target, headers: Record<string, string>): () => Transport {
  if (target.kind === 'http') {
    if (!URL.canParse(target.url)) throw usageError(`not a valid URL: ${target.url}`);
    return () => new StreamableHttpClientTransport(target.url, { headers });
  }
  if (Object.keys(headers).length > 0) throw usageError('--header applies only to HTTP targets');
  const env = target.env;
  return () => {
    try {
      return new StdioClientTransport({
        command: target.command,
        args: target.args,
        ...(env === undefined ? {} : { env }),
      });
    } catch (error) {
      throw new CliError(
        ExitCode.Connection,
        `cannot start ${target.command}: ${(error as Error).message}`,
      );
    }
  };
}
