// A compiled schema builds its validator once and reuses it for every value (never per request).
import type * as CfWorker from '@cfworker/json-schema';
import { describe, expect, it, vi } from 'vitest';

const constructed = vi.hoisted(() => ({ count: 0 }));

vi.mock('@cfworker/json-schema', async (importOriginal) => {
  const original = await importOriginal<typeof CfWorker>();
  class CountingValidator extends original.Validator {
    constructor(...args: ConstructorParameters<typeof original.Validator>) {
      super(...args);
      constructed.count++;
    }
  }
  return { ...original, Validator: CountingValidator };
});

const { compileJsonSchema } = await import('./json-schema.js');
const { compileUserSchema } = await import('./standard-schema.js');

describe('compile once', () => {
  it('constructs one validator per compiled JSON Schema, however often it validates', () => {
    constructed.count = 0;
    const compiled = compileJsonSchema({ type: 'object', properties: { n: { type: 'number' } } });
    expect(constructed.count).toBe(1);
    for (let i = 0; i < 1_000; i++) {
      expect(compiled.validate({ n: i }).ok).toBe(true);
      expect(compiled.validate({ n: String(i) }).ok).toBe(false);
    }
    expect(constructed.count).toBe(1);
  });

  it('does the same for a plain JSON Schema given as a user schema', async () => {
    constructed.count = 0;
    const compiled = compileUserSchema({ type: 'object' }, { role: 'tool input' });
    for (let i = 0; i < 100; i++) expect((await compiled.validate({ i })).ok).toBe(true);
    expect(constructed.count).toBe(1);
  });
});
