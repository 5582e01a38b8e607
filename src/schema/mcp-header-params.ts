// The `x-mcp-header` annotations of a tool's input schema (2026-07-28): which arguments are
// mirrored into `Mcp-Param-{name}` HTTP headers, after checking every constraint the spec puts
// on them, so a server refuses a bad tool at registration and a client can drop it.
import type { JsonObject, JsonValue } from '../spec/jsonrpc.js';
import { escapePointer, isPlainObject } from './json-copy.js';
import { SchemaError } from './schema-error.js';
import { isHttpToken } from '../spec/http-token.js';
import {
  COMPOSITION_KEYWORDS,
  SCHEMA_MAP_KEYWORDS,
  SINGLE_SCHEMA_KEYWORDS,
} from './subschema-keywords.js';

export const MCP_HEADER_KEYWORD = 'x-mcp-header';

/** An argument mirrored into the `Mcp-Param-{name}` header. */
export interface McpHeaderParam {
  /** The `{name}` part of the header name, as written in the schema. */
  readonly name: string;
  /** Property names from the arguments object down to the value. */
  readonly path: readonly string[];
  readonly type: 'string' | 'integer' | 'boolean';
}

const HEADER_TYPES = new Set(['string', 'integer', 'boolean']);
/** Far above what a compiled schema allows; a guard for schemas that were never compiled. */
const MAX_DEPTH = 512;

/** Subschemas an annotation may not sit in (only `properties` leads to a parameter). */
const SINGLE = [...SINGLE_SCHEMA_KEYWORDS, 'items'];
const ARRAYS = [...COMPOSITION_KEYWORDS, 'prefixItems', 'items'];
const MAPS = [...SCHEMA_MAP_KEYWORDS.filter((keyword) => keyword !== 'properties'), 'dependencies'];

/**
 * Every `x-mcp-header` parameter of `inputSchema`, in document order. Throws `SchemaError`
 * ('invalid-mcp-header') if one is malformed, duplicated (ignoring case), on a parameter that is
 * not a string, integer or boolean, or not reachable from the root through `properties` alone.
 */
export function findMcpHeaderParams(inputSchema: JsonObject): McpHeaderParam[] {
  const params: McpHeaderParam[] = [];
  const seen = new Map<string, string>();

  const visit = (
    schema: JsonValue | undefined,
    pointer: string,
    path: string[] | null,
    depth = 0,
  ): void => {
    if (!isPlainObject(schema)) return;
    if (depth > MAX_DEPTH) {
      throw new SchemaError('too-large', `the schema is nested too deeply at ${pointer}`);
    }
    const node = schema;
    const name = node[MCP_HEADER_KEYWORD];
    if (name !== undefined) {
      const where = pointer || '/';
      if (path === null || path.length === 0) {
        throw invalid(
          `${where} is not a property reachable from the root through "properties" only`,
        );
      }
      if (typeof name !== 'string' || !isHttpToken(name)) {
        throw invalid(
          `${where}: ${JSON.stringify(name).slice(0, 100)} is not an HTTP header name token`,
        );
      }
      const clash = seen.get(name.toLowerCase());
      if (clash !== undefined) {
        throw invalid(`${where}: "${name}" is also used at ${clash} (names ignore case)`);
      }
      const type = node['type'];
      if (typeof type !== 'string' || !HEADER_TYPES.has(type)) {
        throw invalid(`${where}: the parameter must have "type" string, integer or boolean`);
      }
      seen.set(name.toLowerCase(), where);
      params.push({ name, path, type: type as McpHeaderParam['type'] });
    }
    const properties = node['properties'];
    if (isPlainObject(properties)) {
      for (const [key, child] of Object.entries(properties)) {
        const childPath = path === null ? null : [...path, key];
        visit(child, `${pointer}/properties/${escapePointer(key)}`, childPath, depth + 1);
      }
    }
    // Everything below is somewhere an annotation is not allowed; it is visited to find one.
    for (const keyword of SINGLE) visit(node[keyword], `${pointer}/${keyword}`, null, depth + 1);
    for (const keyword of ARRAYS) {
      const list = node[keyword];
      if (Array.isArray(list))
        list.forEach((item, i) => visit(item, `${pointer}/${keyword}/${i}`, null, depth + 1));
    }
    for (const keyword of MAPS) {
      const map = node[keyword];
      if (!isPlainObject(map)) continue;
      for (const [key, child] of Object.entries(map)) {
        visit(child, `${pointer}/${keyword}/${escapePointer(key)}`, null, depth + 1);
      }
    }
  };

  visit(inputSchema, '', []);
  return params;
}

function invalid(message: string): SchemaError {
  return new SchemaError('invalid-mcp-header', `invalid "${MCP_HEADER_KEYWORD}" at ${message}`);
}
