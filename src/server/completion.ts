// Argument completion: completers registered with prompts and resource templates, and the
// `completion/complete` answer built from them.
import type { Completion } from '../spec/types/index.js';

/** Suggests values for one argument, given what was typed so far and the other arguments. */
export type Completer = (
  value: string,
  context: { arguments: Readonly<Record<string, string>> },
) => readonly string[] | Promise<readonly string[]>;

export type Completers = Readonly<Record<string, Completer>>;

/** The spec caps a completion at 100 values. */
const MAX_VALUES = 100;

export async function complete(
  completers: Completers | undefined,
  argument: string,
  value: string,
  context: Readonly<Record<string, string>>,
): Promise<Completion> {
  const completer =
    completers !== undefined && Object.hasOwn(completers, argument)
      ? completers[argument]
      : undefined;
  if (completer === undefined) return { values: [] };
  const all = await completer(value, { arguments: context });
  const values = all.slice(0, MAX_VALUES);
  return all.length > MAX_VALUES
    ? { values, total: all.length, hasMore: true }
    : { values, total: all.length, hasMore: false };
}
