// Command-line parsing shared by every command: the global options, the target (URL, stdio
// command after `--`, or a server named in a config file) and `key=value` tool arguments.
import { parseArgs } from 'node:util';
import type { ParseArgsConfig } from 'node:util';
import { usageError } from './cli-error.js';

type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

/** Options every command that talks to a server understands. */
export const CLIENT_OPTIONS = {
  config: { type: 'string' },
  header: { type: 'string', multiple: true },
  timeout: { type: 'string' },
  verbose: { type: 'boolean', short: 'v' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

export interface ParsedCommandLine {
  values: Record<string, string | boolean | string[] | undefined>;
  /** Positionals before `--`. */
  positionals: string[];
  /** Everything after the first `--`: a server command to spawn. */
  stdioCommand: string[] | undefined;
}

/** Parses `argv` (without the command name); anything after `--` is kept apart, untouched. */
export function parseCommandLine(argv: readonly string[], options: OptionSpecs): ParsedCommandLine {
  const split = argv.indexOf('--');
  const own = split === -1 ? [...argv] : argv.slice(0, split);
  const stdioCommand = split === -1 ? undefined : argv.slice(split + 1);
  try {
    const { values, positionals } = parseArgs({
      args: own,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as ParsedCommandLine['values'], positionals, stdioCommand };
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error));
  }
}

export function stringOption(
  values: ParsedCommandLine['values'],
  name: string,
): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

export function listOption(values: ParsedCommandLine['values'], name: string): string[] {
  const value = values[name];
  return Array.isArray(value) ? value : [];
}

/** `--timeout ms`: a positive integer, or undefined when not given. */
export function timeoutOption(values: ParsedCommandLine['values']): number | undefined {
  const raw = stringOption(values, 'timeout');
  if (raw === undefined) return undefined;
  const ms = Number(raw);
  if (!Number.isInteger(ms) || ms <= 0)
    throw usageError(`--timeout must be a positive integer of milliseconds, not "${raw}"`);
  return ms;
}

/** `Name: value` → a header pair. */
export function parseHeaders(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon === -1 ? '' : line.slice(0, colon).trim();
    if (name === '') throw usageError(`--header must look like 'Name: value', not "${line}"`);
    headers[name] = line.slice(colon + 1).trim();
  }
  return headers;
}

/** `key=value` pairs; a value is JSON when it parses as JSON, else the plain string. */
export function parseKeyValues(
  pairs: readonly string[],
  jsonValues: boolean,
): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw usageError(`expected key=value, got "${pair}"`);
    const raw = pair.slice(equals + 1);
    result[pair.slice(0, equals)] = jsonValues ? parseLoosely(raw) : raw;
  }
  return result;
}

function parseLoosely(raw: string): unknown {
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return raw;
  }
}

/** A JSON object given on the command line (`--args '{…}'`). */
export function parseJsonObject(raw: string, option: string): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw usageError(`${option} is not valid JSON`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
    throw usageError(`${option} must be a JSON object`);
  return parsed as Record<string, unknown>;
}
