// Sends console output that would reach stdout to another stream while a stdio server runs, so a
// tool that calls console.log cannot corrupt the protocol stream (SECURITY.md T17).
import { Console } from 'node:console';
import type { Writable } from 'node:stream';

/** Every console method that writes to stdout, or keeps state its stdout-writing partner reads. */
const REDIRECTED_METHODS = [
  'log',
  'info',
  'debug',
  'warn',
  'dir',
  'dirxml',
  'table',
  'trace',
  'group',
  'groupCollapsed',
  'groupEnd',
  'count',
  'countReset',
  'time',
  'timeLog',
  'timeEnd',
] as const;

type ConsoleMethods = Record<string, unknown>;

interface ActiveRedirect {
  holders: number;
  original: Map<string, unknown>;
  installed: Map<string, unknown>;
}

let active: ActiveRedirect | undefined;

/**
 * Redirects the global console's stdout methods to `target` until the returned function is
 * called. Nested redirects share the first one's target; the last release restores the console.
 * A method someone else replaced in the meantime is left as they set it.
 */
export function redirectConsole(target: Writable): () => void {
  const methods = console as unknown as ConsoleMethods;
  if (active === undefined) {
    const replacement = new Console({
      stdout: target,
      stderr: target,
    }) as unknown as ConsoleMethods;
    const original = new Map<string, unknown>();
    const installed = new Map<string, unknown>();
    for (const name of REDIRECTED_METHODS) {
      const method = replacement[name];
      if (typeof method !== 'function') continue;
      const bound: unknown = method.bind(replacement);
      original.set(name, methods[name]);
      installed.set(name, bound);
      methods[name] = bound;
    }
    active = { holders: 0, original, installed };
  }
  const redirect = active;
  redirect.holders++;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    redirect.holders--;
    if (redirect.holders > 0 || active !== redirect) return;
    active = undefined;
    for (const [name, bound] of redirect.installed) {
      if (methods[name] === bound) methods[name] = redirect.original.get(name);
    }
  };
}
