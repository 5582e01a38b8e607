// Trims results to what the negotiated legacy revision defines, so an older client never sees
// a field its revision does not have (structured output before 2025-06-18, icons before
// 2025-11-25, and so on).
import type { LegacyProtocolVersion } from '../spec/versions.js';

type Fields = readonly (readonly [string, LegacyProtocolVersion])[];

/** Fields every listed item may have, and the first revision that has each. */
const COMMON_FIELDS: Fields = [
  ['title', '2025-06-18'],
  ['icons', '2025-11-25'],
  ['_meta', '2025-06-18'],
];

/** Tools also gained annotations and output schemas (resources had annotations from the start). */
const TOOL_FIELDS: Fields = [
  ...COMMON_FIELDS,
  ['annotations', '2025-03-26'],
  ['outputSchema', '2025-06-18'],
];

const LISTS: Readonly<Record<string, readonly [string, Fields]>> = {
  'tools/list': ['tools', TOOL_FIELDS],
  'resources/list': ['resources', COMMON_FIELDS],
  'resources/templates/list': ['resourceTemplates', COMMON_FIELDS],
  'prompts/list': ['prompts', COMMON_FIELDS],
};

function withoutNewer(item: unknown, fields: Fields, version: LegacyProtocolVersion): unknown {
  if (typeof item !== 'object' || item === null) return item;
  let copy: Record<string, unknown> | undefined;
  for (const [field, since] of fields) {
    if (version < since && Object.hasOwn(item, field)) {
      copy ??= { ...(item as Record<string, unknown>) };
      delete copy[field];
    }
  }
  return copy ?? item;
}

export function trimForVersion(
  method: string,
  result: Record<string, unknown>,
  version: LegacyProtocolVersion,
): Record<string, unknown> {
  if (version >= '2025-11-25') return result;
  const list = Object.hasOwn(LISTS, method) ? LISTS[method] : undefined;
  if (list !== undefined && Array.isArray(result[list[0]])) {
    const [key, fields] = list;
    return {
      ...result,
      [key]: (result[key] as unknown[]).map((item) => withoutNewer(item, fields, version)),
    };
  }
  if (
    method === 'tools/call' &&
    version < '2025-06-18' &&
    Object.hasOwn(result, 'structuredContent')
  ) {
    const { structuredContent: _dropped, ...rest } = result;
    return rest;
  }
  return result;
}
