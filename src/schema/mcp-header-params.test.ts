// findMcpHeaderParams: the x-mcp-header constraints of the 2026-07-28 tools and HTTP pages.
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../spec/jsonrpc.js';
import { findMcpHeaderParams } from './mcp-header-params.js';
import { SchemaError } from './schema-error.js';
import { toToolSchema } from './standard-schema.js';

function rejection(schema: JsonObject): string {
  try {
    findMcpHeaderParams(schema);
  } catch (error) {
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).problem).toBe('invalid-mcp-header');
    return (error as SchemaError).message;
  }
  throw new Error('expected the schema to be rejected');
}

/** An object schema whose one parameter `p` has the given `x-mcp-header` and type. */
const withHeader = (header: unknown, type: unknown = 'string'): JsonObject => ({
  type: 'object',
  properties: { p: { type, 'x-mcp-header': header } as JsonObject },
});
const untyped: JsonObject = { type: 'object', properties: { p: { 'x-mcp-header': 'P' } } };

describe('findMcpHeaderParams', () => {
  it('finds the annotated parameters of the spec example, and nested ones', () => {
    const schema: JsonObject = {
      type: 'object',
      properties: {
        region: { type: 'string', 'x-mcp-header': 'Region' },
        query: { type: 'string' },
        options: {
          type: 'object',
          properties: { dryRun: { type: 'boolean', 'x-mcp-header': 'Dry-Run' } },
        },
        'x-mcp-header': { type: 'integer' },
      },
      required: ['region', 'query'],
    };
    expect(findMcpHeaderParams(schema)).toEqual([
      { name: 'Region', path: ['region'], type: 'string' },
      { name: 'Dry-Run', path: ['options', 'dryRun'], type: 'boolean' },
    ]);
  });

  it('refuses names that are empty, not tokens, or carry control characters', () => {
    for (const bad of ['', 'Two Words', 'Line\r\nBreak', 'a:b', 'ü', 7]) {
      expect(rejection(withHeader(bad))).toMatch(/token/);
    }
  });

  it('refuses the same name twice, ignoring case', () => {
    const schema: JsonObject = {
      type: 'object',
      properties: {
        a: { type: 'string', 'x-mcp-header': 'Region' },
        b: { type: 'string', 'x-mcp-header': 'region' },
      },
    };
    expect(rejection(schema)).toMatch(/also used/);
  });

  it('refuses parameters that are not string, integer or boolean (number included)', () => {
    for (const type of ['number', 'object', 'array', ['string', 'null']]) {
      expect(rejection(withHeader('P', type))).toMatch(/string, integer or boolean/);
    }
    expect(rejection(untyped)).toMatch(/string, integer or boolean/);
    expect(findMcpHeaderParams(withHeader('P', 'integer'))).toHaveLength(1);
  });

  it('refuses annotations not reachable through properties alone', () => {
    const leaf = { type: 'string', 'x-mcp-header': 'X' };
    for (const schema of [
      { type: 'object', 'x-mcp-header': 'Root' },
      { type: 'object', properties: { list: { type: 'array', items: leaf } } },
      { type: 'object', anyOf: [{ properties: { a: leaf } }] },
      { type: 'object', if: { properties: { a: leaf } } },
      { type: 'object', properties: { a: { $ref: '#/$defs/a' } }, $defs: { a: leaf } },
      { type: 'object', additionalProperties: leaf },
    ] as JsonObject[]) {
      expect(rejection(schema)).toMatch(/reachable/);
    }
  });

  it('runs when a tool input schema is compiled, so a bad tool fails at registration', () => {
    expect(() => toToolSchema(withHeader('Bad Name'))).toThrow(SchemaError);
    expect(() => toToolSchema(withHeader('Good-Name'))).not.toThrow();
  });
});
