// The spec's remedy for a `HeaderMismatch` on `tools/call` (streamable-http.mdx, "Client
// Behavior"): list the tools again, since their `x-mcp-header` parameters may have changed.
import type { JsonRpcRequest } from '../../spec/jsonrpc.js';
import { discardBody, mediaTypeOf, parseJson, readBodyText } from './http-body.js';
import type { HttpTransportWarning } from './http-client-options.js';
import { readSseEvents } from './sse-reader.js';
import type { ToolHeaderParams } from './tool-header-params.js';

/** Sends one request of the transport's own and resolves with the response message, if any. */
export type AskServer = (request: JsonRpcRequest) => Promise<unknown>;

/**
 * Posts a request with `post` and reads its response (one JSON body, or the matching event of
 * an SSE stream), without the engine seeing any of it. Undefined when there is none.
 */
export async function askOnce(
  post: (request: JsonRpcRequest) => Promise<Response>,
  request: JsonRpcRequest,
  signal: AbortSignal,
  maxBytes: number,
): Promise<unknown> {
  const response = await post(request);
  const type = mediaTypeOf(response);
  if (!response.ok || response.body === null) {
    discardBody(response);
    return undefined;
  }
  if (type === 'application/json') return parseJson(await readBodyText(response, maxBytes));
  if (type !== 'text/event-stream') {
    discardBody(response);
    return undefined;
  }
  let answer: unknown;
  await readSseEvents(response.body, {
    signal,
    maxEventSize: maxBytes,
    onEvent: (event) => {
      const value = parseJson(event.data);
      const id =
        typeof value === 'object' && value !== null ? (value as { id?: unknown }).id : undefined;
      if (id !== request.id) return false;
      answer = value;
      return true;
    },
  });
  return answer;
}

/** Far more pages than a real server has; a server that never ends its list is cut off. */
const MAX_PAGES = 100;
let nextId = 1;

/**
 * Lists every tool with the `_meta` of `call` (its version, identity and capabilities), so
 * `tools` knows the current header parameters. Resolves false when the list could not be read.
 */
export async function relistTools(
  ask: AskServer,
  call: JsonRpcRequest,
  tools: ToolHeaderParams,
  warn: (warning: HttpTransportWarning) => void,
): Promise<boolean> {
  const meta = { ...(call.params?.['_meta'] as Record<string, unknown> | undefined) };
  delete meta['progressToken'];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const params: Record<string, unknown> = { _meta: meta };
    if (cursor !== undefined) params['cursor'] = cursor;
    // String ids never meet the engine's numeric ones.
    const id = `mcpkit-http-tools-list-${nextId++}`;
    const result = resultOf(await ask({ jsonrpc: '2.0', id, method: 'tools/list', params }), id);
    if (result === undefined || !Array.isArray(result['tools'])) return false;
    for (const rejected of tools.learn(result['tools'] as unknown[]).rejected) {
      warn({ kind: 'tool-rejected', tool: rejected.name, reason: rejected.reason });
    }
    const next = result['nextCursor'];
    if (typeof next !== 'string') return true;
    if (seen.has(next)) return false;
    seen.add(next);
    cursor = next;
  }
  return false;
}

function resultOf(response: unknown, id: string): Record<string, unknown> | undefined {
  if (typeof response !== 'object' || response === null) return undefined;
  const { id: answered, result } = response as Record<string, unknown>;
  if (answered !== id || typeof result !== 'object' || result === null) return undefined;
  return result as Record<string, unknown>;
}
