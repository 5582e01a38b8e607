// What the HTTP client knows of each tool's `x-mcp-header` parameters (streamable-http.mdx,
// "Custom Headers from Tool Parameters"): learnt from `tools/list`, used on every `tools/call`.
import { findMcpHeaderParams, type McpHeaderParam } from '../../schema/mcp-header-params.js';
import type { JsonObject } from '../../spec/jsonrpc.js';
import { encodeHeaderValue, headerTextOf } from './header-value-encoding.js';

/** A tool the client must not offer, and why (the spec asks clients to log this). */
export interface RejectedTool {
  name: string;
  reason: string;
}

export interface ToolScreening {
  /** The tools to keep, in their order. */
  accepted: unknown[];
  rejected: RejectedTool[];
}

export class ToolHeaderParams {
  readonly #byTool = new Map<string, readonly McpHeaderParam[]>();

  /**
   * Learns the header parameters of `tools` and returns the ones a client may offer: a tool
   * whose `x-mcp-header` annotations break the spec's rules is left out.
   */
  learn(tools: readonly unknown[]): ToolScreening {
    const accepted: unknown[] = [];
    const rejected: RejectedTool[] = [];
    for (const tool of tools) {
      const name = nameOf(tool);
      const schema = inputSchemaOf(tool);
      if (name === undefined || schema === undefined) {
        // Not a tool this code can judge; the engine's result validation reports it.
        accepted.push(tool);
        continue;
      }
      try {
        this.#byTool.set(name, findMcpHeaderParams(schema));
        accepted.push(tool);
      } catch (error) {
        this.#byTool.delete(name);
        rejected.push({ name, reason: error instanceof Error ? error.message : String(error) });
      }
    }
    return { accepted, rejected };
  }

  /** Forgets everything learnt (a server whose tool list may have changed completely). */
  clear(): void {
    this.#byTool.clear();
  }

  /** Whether `tools/list` told this tool's header parameters (possibly none). */
  knows(tool: string): boolean {
    return this.#byTool.has(tool);
  }

  /**
   * The `Mcp-Param-{name}` headers of a call to `tool` with `args`, values encoded. An argument
   * that is absent, null, or has no header form gets no header.
   */
  headersFor(tool: string, args: unknown): Record<string, string> {
    const headers: Record<string, string> = {};
    for (const param of this.#byTool.get(tool) ?? []) {
      const text = headerTextOf(valueAt(args, param.path));
      if (text !== undefined) headers[`Mcp-Param-${param.name}`] = encodeHeaderValue(text);
    }
    return headers;
  }
}

function nameOf(tool: unknown): string | undefined {
  const name = isObject(tool) ? tool['name'] : undefined;
  return typeof name === 'string' ? name : undefined;
}

function inputSchemaOf(tool: unknown): JsonObject | undefined {
  const schema = isObject(tool) ? tool['inputSchema'] : undefined;
  return isObject(schema) ? (schema as JsonObject) : undefined;
}

function valueAt(value: unknown, path: readonly string[]): unknown {
  let current = value;
  for (const key of path) {
    if (!isObject(current) || !Object.hasOwn(current, key)) return undefined;
    current = current[key];
  }
  return current;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
