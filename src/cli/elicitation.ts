// Answers a server's elicitation: on a TTY, asks for each field of the requested schema; with
// no one at the keyboard (stdin not a TTY), declines, so scripted runs never hang.
import { createInterface } from 'node:readline/promises';
import type { ClientHandlers } from '../client/index.js';

type ElicitHandler = NonNullable<ClientHandlers['elicit']>;
type ElicitAnswer = Awaited<ReturnType<ElicitHandler>>;
type Value = string | number | boolean | string[];

export function elicitationHandler(interactive: boolean): ElicitHandler {
  return async (params, { signal }): Promise<ElicitAnswer> => {
    if (!interactive || !('requestedSchema' in params)) {
      process.stderr.write(
        `The server asked: ${params.message} (declined: no terminal to answer on)\n`,
      );
      return { action: 'decline' };
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    try {
      process.stderr.write(`The server asks: ${params.message}\n`);
      const go = (await rl.question('Answer? [Y/n/c(ancel)] ', { signal })).trim().toLowerCase();
      if (go === 'c' || go === 'cancel') return { action: 'cancel' };
      if (go === 'n' || go === 'no') return { action: 'decline' };
      const content: Record<string, Value> = {};
      const required = new Set(params.requestedSchema.required ?? []);
      for (const [name, field] of Object.entries(params.requestedSchema.properties)) {
        const schema = field as Record<string, unknown>;
        const hint = Array.isArray(schema['enum'])
          ? ` (${schema['enum'].map(String).join('/')})`
          : '';
        const label = typeof schema['title'] === 'string' ? schema['title'] : name;
        for (;;) {
          const raw = await rl.question(
            `${label}${hint}${required.has(name) ? '' : ' [optional]'}: `,
            { signal },
          );
          if (raw === '' && !required.has(name)) break;
          const value = coerce(raw, schema['type']);
          if (value !== undefined) {
            content[name] = value;
            break;
          }
          process.stderr.write(`  expected ${String(schema['type'])}\n`);
        }
      }
      return { action: 'accept', content };
    } finally {
      rl.close();
    }
  };
}

function coerce(raw: string, type: unknown): Value | undefined {
  if (type === 'number' || type === 'integer') {
    const number = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(number)) return undefined;
    if (type === 'integer' && !Number.isInteger(number)) return undefined;
    return number;
  }
  if (type === 'boolean') {
    if (/^(y|yes|true)$/i.test(raw)) return true;
    if (/^(n|no|false)$/i.test(raw)) return false;
    return undefined;
  }
  if (type === 'array')
    return raw
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
  return raw;
}
