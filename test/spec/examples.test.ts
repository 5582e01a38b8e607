// Every example of the 2026-07-28 corpus passes the mcpkit validator for the type it is filed
// under; every example directory maps to a validator, so a new example type cannot be skipped.
import { describe, expect, it } from 'vitest';
import { classifyMessage } from '../../src/spec/validate/envelope.js';
import { validatorFor } from '../../src/spec/validate/message-shapes.js';
import {
  modernNotifications,
  modernRequests,
  modernValidators,
} from '../../src/spec/validate/modern.js';
import { formatIssue } from '../../src/spec/validate/validator.js';
import type { Validator } from '../../src/spec/validate/validator.js';
import { exampleTypeNames, loadExamples } from './spec-corpus.js';

const byTypeName: Readonly<Record<string, Validator<unknown> | undefined>> = modernValidators;

describe('2026-07-28 example corpus', () => {
  const examples = loadExamples();

  it('finds the corpus', () => {
    expect(examples.length).toBeGreaterThan(100);
  });

  it('maps every example directory to a validator', () => {
    const unmapped = exampleTypeNames().filter((name) => byTypeName[name] === undefined);
    expect(unmapped).toEqual([]);
  });

  it.each(examples.map((example) => [example.file, example] as const))(
    '%s passes',
    (_file, example) => {
      const validator = byTypeName[example.typeName];
      expect(validator).toBeDefined();
      const issues = validator!.explain(example.value).map(formatIssue);
      expect(issues).toEqual([]);
      expect(validator!.is(example.value)).toBe(true);
    },
  );

  const messages = examples.filter(
    (example) =>
      typeof example.value === 'object' && example.value !== null && 'jsonrpc' in example.value,
  );

  it.each(messages.map((example) => [example.file, example] as const))(
    '%s is a valid message, and its method table agrees',
    (_file, example) => {
      const classified = classifyMessage(example.value);
      expect(classified.kind).not.toBe('invalid');
      if (classified.kind === 'request') {
        expect(validatorFor(modernRequests, classified.message.method)?.is(example.value)).toBe(
          true,
        );
      }
      if (classified.kind === 'notification') {
        const table = validatorFor(modernNotifications, classified.message.method);
        expect(table?.is(example.value)).toBe(true);
      }
    },
  );
});
