// Where mcpkit's validators are intentionally stricter or looser than the published schemas. Each
// deviation rewrites the schema so Ajv judges as mcpkit does, and names a witness value on which
// the unpatched schema and mcpkit disagree, so the list cannot go stale.
import type { Revision } from './spec-corpus.js';

export type Defs = Record<string, Record<string, unknown>>;

export interface Deviation {
  readonly id: string;
  readonly direction: 'stricter' | 'looser';
  readonly reason: string;
  readonly revisions: readonly Revision[];
  /** Rewrites `$defs` in place; absent when no JSON Schema keyword can express the rule. */
  readonly patch?: (defs: Defs) => void;
  /** Per revision, a value of `typeName` that the unpatched schema and mcpkit judge differently. */
  readonly witnesses: Partial<
    Record<Revision, { readonly typeName: string; readonly value: unknown }>
  >;
}

function properties(def: Record<string, unknown>): Record<string, Record<string, unknown>> {
  return (def['properties'] ?? {}) as Record<string, Record<string, unknown>>;
}

function forbid(def: Record<string, unknown> | undefined, ...keys: string[]): void {
  def!['not'] = { anyOf: keys.map((key) => ({ required: [key] })) };
}

function nest(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

const parseError = { code: -32700, message: 'Parse error' };

export const deviations: readonly Deviation[] = [
  {
    id: 'json-value-admits-null-and-fractions',
    direction: 'looser',
    reason:
      'The TypeScript schema (schema.mdx) types JSONValue as string | number | boolean | null | ' +
      'object | array; the generated JSON Schema lost null and non-integer numbers.',
    revisions: ['2026-07-28'],
    patch: (defs) => {
      const scalar = (defs['JSONValue']!['anyOf'] as Record<string, unknown>[])[2]!;
      scalar['type'] = ['string', 'number', 'boolean', 'null'];
    },
    witnesses: { '2026-07-28': { typeName: 'JSONObject', value: { a: null, b: 1.5 } } },
  },
  {
    id: 'elicited-numbers-may-have-fractions',
    direction: 'looser',
    reason:
      'The TypeScript schema types ElicitResult content values as string | number | boolean | ' +
      'string[], and a NumberSchema field of type "number" asks for one; the generated JSON ' +
      'Schema narrowed number to integer.',
    revisions: ['2025-11-25', '2026-07-28'],
    patch: (defs) => {
      const content = properties(defs['ElicitResult']!)['content']!;
      const values = content['additionalProperties'] as { anyOf: Record<string, unknown>[] };
      values.anyOf[1]!['type'] = ['string', 'number', 'boolean'];
    },
    witnesses: {
      '2025-11-25': {
        typeName: 'ElicitResult',
        value: { action: 'accept', content: { price: 2.5 } },
      },
      '2026-07-28': {
        typeName: 'ElicitResult',
        value: { action: 'accept', content: { price: 2.5 } },
      },
    },
  },
  {
    id: 'result-type-is-complete-or-input-required',
    direction: 'stricter',
    reason:
      'SPEC-MAP / mrtr.mdx: an unknown resultType is invalid, InputRequiredResult is the ' +
      '"input_required" result and every other core result is "complete". Extension values ' +
      '(the tasks extension\'s "task") are for the extension to recognise before core validation.',
    revisions: ['2026-07-28'],
    patch: (defs) => {
      for (const [name, def] of Object.entries(defs)) {
        const props = properties(def);
        if (props['resultType'] === undefined) continue;
        props['resultType'] = {
          const: name === 'InputRequiredResult' ? 'input_required' : 'complete',
        };
      }
      defs['ResultType'] = { enum: ['complete', 'input_required'] };
    },
    witnesses: {
      '2026-07-28': { typeName: 'CallToolResult', value: { resultType: 'task', content: [] } },
    },
  },
  {
    id: 'input-required-result-carries-something',
    direction: 'stricter',
    reason: 'mrtr.mdx: servers MUST include at least one of inputRequests or requestState.',
    revisions: ['2026-07-28'],
    patch: (defs) => {
      defs['InputRequiredResult']!['anyOf'] = [
        { required: ['inputRequests'] },
        { required: ['requestState'] },
      ];
    },
    witnesses: {
      '2026-07-28': { typeName: 'InputRequiredResult', value: { resultType: 'input_required' } },
    },
  },
  {
    id: 'cache-hints-optional-on-the-way-in',
    direction: 'looser',
    reason:
      'caching.mdx: a client SHOULD assume ttlMs 0 when it is absent and treat a negative one ' +
      'as 0, so a received result is not rejected for them (the official ' +
      'ReadResourceResultResponse example omits both hints).',
    revisions: ['2026-07-28'],
    patch: (defs) => {
      for (const def of Object.values(defs)) {
        const ttl = properties(def)['ttlMs'];
        if (ttl === undefined) continue;
        delete ttl['minimum'];
        def['required'] = (def['required'] as string[]).filter(
          (key) => key !== 'ttlMs' && key !== 'cacheScope',
        );
      }
    },
    witnesses: {
      '2026-07-28': { typeName: 'ListToolsResult', value: { resultType: 'complete', tools: [] } },
    },
  },
  {
    id: 'envelope-is-one-kind-only',
    direction: 'stricter',
    reason:
      'A message is a request, a notification, a result or an error, never two: a request or ' +
      'notification carrying result/error, a notification carrying id, or a response carrying ' +
      'both result and error (or a method) is ambiguous and is rejected before dispatch.',
    revisions: ['2025-11-25', '2026-07-28'],
    patch: (defs) => {
      forbid(defs['JSONRPCRequest'], 'result', 'error');
      forbid(defs['JSONRPCNotification'], 'id', 'result', 'error');
      forbid(defs['JSONRPCResultResponse'], 'error', 'method');
      forbid(defs['JSONRPCErrorResponse'], 'result', 'method');
    },
    witnesses: {
      '2025-11-25': {
        typeName: 'JSONRPCResultResponse',
        value: { jsonrpc: '2.0', id: 1, result: {}, error: parseError },
      },
      '2026-07-28': {
        typeName: 'JSONRPCRequest',
        value: { jsonrpc: '2.0', id: 1, method: 'ping', result: {} },
      },
    },
  },
  {
    id: 'envelope-leaves-result-to-the-method',
    direction: 'looser',
    reason:
      'The envelope validators are shared by both eras and check only that result is an ' +
      'object; the method-specific result validator checks its members.',
    revisions: ['2025-11-25', '2026-07-28'],
    patch: (defs) => {
      properties(defs['JSONRPCResultResponse']!)['result'] = { type: 'object' };
    },
    witnesses: {
      '2025-11-25': {
        typeName: 'JSONRPCResultResponse',
        value: { jsonrpc: '2.0', id: 1, result: { _meta: 5 } },
      },
      '2026-07-28': {
        typeName: 'JSONRPCResultResponse',
        value: { jsonrpc: '2.0', id: 1, result: {} },
      },
    },
  },
  {
    id: 'error-response-id-may-be-null',
    direction: 'looser',
    reason:
      'Plain JSON-RPC 2.0 (and MCP before 2025-11-25 made id optional) answers an unreadable ' +
      'request with id: null; mcpkit accepts such error responses from older peers.',
    revisions: ['2025-11-25', '2026-07-28'],
    patch: (defs) => {
      properties(defs['JSONRPCErrorResponse']!)['id'] = {
        anyOf: [{ $ref: '#/$defs/RequestId' }, { type: 'null' }],
      };
    },
    witnesses: {
      '2025-11-25': {
        typeName: 'JSONRPCErrorResponse',
        value: { jsonrpc: '2.0', id: null, error: parseError },
      },
      '2026-07-28': {
        typeName: 'JSONRPCErrorResponse',
        value: { jsonrpc: '2.0', id: null, error: parseError },
      },
    },
  },
  {
    id: 'json-nesting-is-bounded',
    direction: 'stricter',
    reason:
      'SECURITY.md: hostile nesting must fail cleanly, not overflow a stack later; any value ' +
      'nested more than 1000 containers deep is rejected. JSON Schema has no depth keyword, ' +
      'and the mutation tests stay far below that depth.',
    revisions: ['2025-11-25', '2026-07-28'],
    witnesses: {
      '2025-11-25': {
        typeName: 'LoggingMessageNotificationParams',
        value: { level: 'info', data: nest(1001) },
      },
      '2026-07-28': {
        typeName: 'LoggingMessageNotificationParams',
        value: { level: 'info', data: nest(1001) },
      },
    },
  },
];

/** A deep copy of `defs` with every deviation for `revision` applied. */
export function patchedDefs(defs: Record<string, unknown>, revision: Revision): Defs {
  const copy = structuredClone(defs) as Defs;
  for (const deviation of deviations) {
    if (deviation.revisions.includes(revision)) deviation.patch?.(copy);
  }
  return copy;
}
