// Loads the offline spec beside the repository (../shared/spec): each revision's schema.json and
// the 2026-07-28 example corpus, for the corpus and differential tests.
import { readFileSync, readdirSync } from 'node:fs';

const SPEC_ROOT = new URL('../../../shared/spec/', import.meta.url);

export type Revision = '2025-11-25' | '2026-07-28';

export interface Example {
  /** The `$defs` name the example is filed under. */
  readonly typeName: string;
  readonly file: string;
  readonly value: unknown;
}

export interface SpecSchema {
  readonly $schema: string;
  readonly $defs: Record<string, unknown>;
}

export function loadSchema(revision: Revision): SpecSchema {
  return JSON.parse(
    readFileSync(new URL(`${revision}/schema.json`, SPEC_ROOT), 'utf8'),
  ) as SpecSchema;
}

/** Every example, by directory, of 2026-07-28 (the only revision that ships them). */
export function loadExamples(): Example[] {
  const root = new URL('2026-07-28/examples/', SPEC_ROOT);
  const examples: Example[] = [];
  for (const typeName of readdirSync(root).sort()) {
    const dir = new URL(`${typeName}/`, root);
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.json')) continue;
      const value: unknown = JSON.parse(readFileSync(new URL(file, dir), 'utf8'));
      examples.push({ typeName, file: `${typeName}/${file}`, value });
    }
  }
  return examples;
}

export function exampleTypeNames(): string[] {
  return readdirSync(new URL('2026-07-28/examples/', SPEC_ROOT)).sort();
}
