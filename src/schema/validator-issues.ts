// Turns the JSON Schema validator's output units into short issues a person or a model can act
// on: wrapper units ("a subschema had errors") are dropped, failed alternatives are summarized
// once instead of branch by branch, and paths become property names and indexes.
import type { OutputUnit } from '@cfworker/json-schema';
import type { ValidationIssue } from './validation-result.js';

/** The most issues one validation reports; the rest add nothing a reader can use. */
const MAX_ISSUES = 100;

/** Units that only announce that their children failed; the children say what is wrong. */
const WRAPPERS = new Set([
  '$ref',
  '$recursiveRef',
  'properties',
  'patternProperties',
  'additionalProperties',
  'unevaluatedProperties',
  'items',
  'prefixItems',
  'additionalItems',
  'unevaluatedItems',
  'allOf',
  'if',
  'dependentSchemas',
]);

/** Units whose children are the failures of alternatives, which would only confuse. */
const SUMMARIES = new Set(['anyOf', 'oneOf', 'not', 'contains', 'propertyNames']);

export function issuesFromOutput(units: readonly OutputUnit[], value: unknown): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  let mutedPrefix: string | undefined;
  let lastWrapper = '';
  for (const unit of units) {
    if (mutedPrefix !== undefined && unit.keywordLocation.startsWith(mutedPrefix)) continue;
    mutedPrefix = undefined;
    const isWrapper =
      WRAPPERS.has(unit.keyword) ||
      (unit.keyword === 'dependencies' && unit.error.includes('dependant schema'));
    if (isWrapper) {
      lastWrapper = unit.keyword;
      continue;
    }
    if (SUMMARIES.has(unit.keyword)) mutedPrefix = `${unit.keywordLocation}/`;
    const described = describeUnit(unit, pathOf(unit.instanceLocation, value), lastWrapper);
    const issue = { path: described.path, message: tidyMessage(described.message) };
    const key = JSON.stringify(issue);
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
    if (issues.length >= MAX_ISSUES) break;
  }
  if (issues.length === 0) issues.push({ path: [], message: 'value does not match the schema' });
  return issues;
}

function describeUnit(
  unit: OutputUnit,
  path: (string | number)[],
  lastWrapper: string,
): ValidationIssue {
  const text = unit.error;
  switch (unit.keyword) {
    case 'type': {
      const match = /^Instance type "(\w+)" is invalid\. Expected (.+)\.$/.exec(text);
      if (match) {
        const expected = (match[2] ?? '').replace(/"/g, '').split(', ').join(' or ');
        return { path, message: `expected ${expected}, got ${match[1] ?? 'another type'}` };
      }
      break;
    }
    case 'required': {
      const match = /required property "(.*)"\.$/.exec(text);
      if (match)
        return { path: [...path, match[1] ?? ''], message: 'required property is missing' };
      break;
    }
    case 'false':
      if (lastWrapper === 'additionalProperties' || lastWrapper === 'unevaluatedProperties') {
        return { path, message: 'unexpected property' };
      }
      if (lastWrapper.endsWith('Items') || lastWrapper === 'items') {
        return { path, message: 'unexpected item' };
      }
      return { path, message: 'no value is allowed here' };
    case 'anyOf':
      return { path, message: 'does not match any of the allowed alternatives' };
    case 'oneOf':
      return {
        path,
        message: text.includes('(0 matches)')
          ? 'does not match any of the allowed alternatives'
          : 'matches more than one of the alternatives, but must match exactly one',
      };
    case 'not':
      return { path, message: 'matches a schema it must not match' };
    case 'enum':
      return { path, message: text.replace(/^Instance does not match any of /, 'must be one of ') };
    case 'const':
      return { path, message: text.replace(/^Instance does not match /, 'must be ') };
    case 'maxProperties':
      return { path, message: text.replace('at least', 'at most') };
    case 'pattern':
      return { path, message: 'string does not match the required pattern' };
    default:
      break;
  }
  return { path, message: text };
}

/** Normalizes a validator message: no leading "Instance", lower case start, no final period. */
function tidyMessage(message: string): string {
  const trimmed = message
    .replace(/^Instance /, 'value ')
    .replace(/\.$/, '')
    .slice(0, 300);
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}

/** The path of "#/a/0/b~1c" in `value`: segments decoded, array indexes as numbers. */
function pathOf(instanceLocation: string, value: unknown): (string | number)[] {
  const path: (string | number)[] = [];
  let current: unknown = value;
  for (const raw of instanceLocation.split('/').slice(1)) {
    let segment = raw;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      // Left as it is: a key with a stray "%" the validator did not encode.
    }
    segment = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current =
        typeof current === 'object' && current !== null
          ? (current as Record<string, unknown>)[segment]
          : undefined;
    }
  }
  return path;
}
