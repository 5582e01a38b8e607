// Pins the layer-0 constants to the specification itself: the methods each revision's schema
// defines, the MCP error codes it introduces, the reserved `_meta` keys, and the era rules.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  ClientRequestMethod,
  NotificationMethod,
  ServerRequestMethod,
  isMethodInVersion,
} from '../../src/spec/methods.js';
import {
  ErrorCode,
  MODERN_ERROR_CODES,
  isErrorCodeInVersion,
  resourceNotFoundCode,
} from '../../src/spec/error-codes.js';
import { MetaKey, isReservedMetaKey, isValidMetaKey } from '../../src/spec/meta-keys.js';
import {
  PROTOCOL_VERSIONS,
  acceptsBatches,
  eraOf,
  isLegacyVersion,
  isModernVersion,
  versionAtLeast,
} from '../../src/spec/versions.js';

const SPEC_ROOT = new URL('../../../shared/spec/', import.meta.url);

function definitions(revision: string): Record<string, Record<string, unknown>> {
  const schema = JSON.parse(
    readFileSync(new URL(`${revision}/schema.json`, SPEC_ROOT), 'utf8'),
  ) as {
    $defs?: Record<string, Record<string, unknown>>;
    definitions?: Record<string, Record<string, unknown>>;
  };
  return schema.$defs ?? schema.definitions ?? {};
}

/** Every `"const"` value anywhere under `value`. */
function consts(value: unknown, out = new Set<unknown>()): Set<unknown> {
  if (Array.isArray(value)) for (const item of value) consts(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'const') out.add(child);
      else consts(child, out);
    }
  }
  return out;
}

const ALL_METHODS = [
  ...Object.values(ClientRequestMethod),
  ...Object.values(ServerRequestMethod),
  ...Object.values(NotificationMethod),
];

describe.each(PROTOCOL_VERSIONS)('revision %s', (revision) => {
  const defs = definitions(revision);
  const schemaMethods = new Set<string>();
  for (const definition of Object.values(defs)) {
    const method = (definition['properties'] as Record<string, { const?: string }> | undefined)?.[
      'method'
    ];
    if (typeof method?.const === 'string') schemaMethods.add(method.const);
  }

  it('defines exactly the methods mcpkit says it does', () => {
    const ours = new Set(ALL_METHODS.filter((method) => isMethodInVersion(method, revision)));
    expect([...ours].sort()).toEqual([...schemaMethods].sort());
  });

  it('knows every method name the schema uses', () => {
    for (const method of schemaMethods) expect(ALL_METHODS).toContain(method);
  });

  it('allows exactly the MCP-specific error codes the schema defines', () => {
    const codes = [...consts(defs)].filter(
      (c): c is number => typeof c === 'number' && c <= -32000 && c > -32100,
    );
    for (const code of codes) expect(isErrorCodeInVersion(code, revision), String(code)).toBe(true);
    for (const code of [
      ErrorCode.UrlElicitationRequired,
      ErrorCode.HeaderMismatch,
      ErrorCode.MissingRequiredClientCapability,
      ErrorCode.UnsupportedProtocolVersion,
    ]) {
      expect(isErrorCodeInVersion(code, revision), String(code)).toBe(codes.includes(code));
    }
  });
});

describe('errors across revisions', () => {
  it('uses -32002 for a missing resource in the legacy era and -32602 in the modern one', () => {
    expect(resourceNotFoundCode('2024-11-05')).toBe(-32002);
    expect(resourceNotFoundCode('2025-11-25')).toBe(-32002);
    expect(resourceNotFoundCode('2026-07-28')).toBe(-32602);
    expect(isErrorCodeInVersion(-32002, '2026-07-28')).toBe(false);
  });

  it('recognises exactly the 2026 codes as modern', () => {
    expect([...MODERN_ERROR_CODES].sort()).toEqual([-32022, -32021, -32020].sort());
  });
});

describe('_meta keys', () => {
  it('match the request, result and notification meta objects of 2026-07-28', () => {
    const defs = definitions('2026-07-28');
    const keysOf = (name: string) =>
      Object.keys((defs[name]?.['properties'] as object | undefined) ?? {});
    const reserved = new Set([
      ...keysOf('RequestMetaObject'),
      ...keysOf('ResultMetaObject'),
      ...keysOf('NotificationMetaObject'),
      ...keysOf('SubscriptionsListenResultMetaObject'),
    ]);
    const ours = new Set<string>([
      MetaKey.ProtocolVersion,
      MetaKey.ClientCapabilities,
      MetaKey.ClientInfo,
      MetaKey.LogLevel,
      MetaKey.ServerInfo,
      MetaKey.SubscriptionId,
      MetaKey.ProgressToken,
    ]);
    expect([...reserved].sort()).toEqual([...ours].sort());
  });

  it.each([
    ['io.modelcontextprotocol/protocolVersion', true, true],
    ['dev.mcp/x', true, true],
    ['org.modelcontextprotocol.api/x', true, true],
    ['com.mcp.tools/x', true, true],
    ['com.example.mcp/x', true, false],
    ['progressToken', true, false],
    ['', true, false],
    ['com.example/', true, false],
    ['com.example/-bad', false, false],
    ['1com.example/x', false, false],
    ['com..example/x', false, false],
    ['com.example-/x', false, false],
    ['a/b/c', false, false],
    ['name_with.dots-and_underscores9', true, false],
  ] as const)('%s: valid %s, reserved %s', (key, valid, reserved) => {
    expect(isValidMetaKey(key)).toBe(valid);
    expect(isReservedMetaKey(key)).toBe(reserved);
  });
});

describe('eras', () => {
  it('sorts every revision into its era', () => {
    expect(PROTOCOL_VERSIONS.filter(isLegacyVersion)).toEqual([
      '2024-11-05',
      '2025-03-26',
      '2025-06-18',
      '2025-11-25',
    ]);
    expect(PROTOCOL_VERSIONS.filter(isModernVersion)).toEqual(['2026-07-28']);
    expect(PROTOCOL_VERSIONS.map(eraOf)).toEqual([
      'legacy',
      'legacy',
      'legacy',
      'legacy',
      'modern',
    ]);
    expect(isLegacyVersion('1900-01-01')).toBe(false);
  });

  it('accepts batches only in 2025-03-26, and orders revisions by date', () => {
    expect(PROTOCOL_VERSIONS.filter(acceptsBatches)).toEqual(['2025-03-26']);
    expect(versionAtLeast('2025-06-18', '2025-03-26')).toBe(true);
    expect(versionAtLeast('2024-11-05', '2025-03-26')).toBe(false);
  });
});
