// `mcpkit proxy`: bridges transports in either direction, relaying messages without reading
// them, so both eras and every feature pass through.
import type { ParsedCommandLine } from './arguments.js';
import { stringOption } from './arguments.js';
import type { ExitCode } from './cli-error.js';
import { usageError } from './cli-error.js';
import { runHttpToStdio } from './proxy-http-to-stdio.js';
import { runStdioToHttp } from './proxy-stdio-to-http.js';

export const PROXY_OPTIONS = {
  'http-to-stdio': { type: 'string' },
  'stdio-to-http': { type: 'string' },
  header: { type: 'string', multiple: true },
  config: { type: 'string' },
  'allow-host': { type: 'string', multiple: true },
  'allow-origin': { type: 'string', multiple: true },
  'max-processes': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  verbose: { type: 'boolean', short: 'v' },
} as const;

export function runProxy(parsed: ParsedCommandLine): Promise<ExitCode> {
  const { values } = parsed;
  const url = stringOption(values, 'http-to-stdio');
  const listen = stringOption(values, 'stdio-to-http');
  if ((url === undefined) === (listen === undefined))
    throw usageError('proxy needs one of --http-to-stdio <url> or --stdio-to-http [host:]port');
  if (url !== undefined) {
    for (const option of ['config', 'allow-host', 'allow-origin', 'max-processes'])
      if (values[option] !== undefined) throw usageError(`--${option} needs --stdio-to-http`);
    return runHttpToStdio(parsed, url);
  }
  if (values['header'] !== undefined) throw usageError('--header needs --http-to-stdio');
  return runStdioToHttp(parsed);
}
