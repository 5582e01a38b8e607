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

/** Content block types, by the first revision that has each (text, image, resource: all). */
const CONTENT_SINCE: Readonly<Record<string, LegacyProtocolVersion>> = {
  audio: '2025-03-26',
  resource_link: '2025-06-18',
};

/**
 * A content block the revision can carry: newer kinds become a text block that says what was
 * there (a link's URI, an audio clip's type), so the client still learns of it.
 */
function contentForVersion(block: unknown, version: LegacyProtocolVersion): unknown {
  if (typeof block !== 'object' || block === null) return block;
  const { type } = block as { type?: unknown };
  const since =
    typeof type === 'string' && Object.hasOwn(CONTENT_SINCE, type)
      ? CONTENT_SINCE[type]
      : undefined;
  if (since === undefined || version >= since) return block;
  const item = block as Record<string, unknown>;
  if (type === 'resource_link') {
    const label = typeof item['name'] === 'string' ? `${item['name']}: ` : '';
    return { type: 'text', text: `${label}${String(item['uri'])}` };
  }
  const mimeType = typeof item['mimeType'] === 'string' ? item['mimeType'] : 'unknown type';
  return {
    type: 'text',
    text: `[${String(type)} content (${mimeType}) not shown: the client's protocol revision does not support it]`,
  };
}

function trimContent(
  result: Record<string, unknown>,
  version: LegacyProtocolVersion,
): Record<string, unknown> {
  if (Array.isArray(result['content'])) {
    return {
      ...result,
      content: (result['content'] as unknown[]).map((block) => contentForVersion(block, version)),
    };
  }
  if (Array.isArray(result['messages'])) {
    const messages = (result['messages'] as Record<string, unknown>[]).map((message) => ({
      ...message,
      content: contentForVersion(message['content'], version),
    }));
    return { ...result, messages };
  }
  return result;
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
  if ((method === 'tools/call' || method === 'prompts/get') && version < '2025-06-18') {
    const { structuredContent: _dropped, ...rest } = trimContent(result, version);
    return rest;
  }
  return result;
}
