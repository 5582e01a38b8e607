// mcpkit's client over its Streamable HTTP transport (with its HTTP+SSE fallback), recording every
// JSON-RPC message and every HTTP request it makes, for the HTTP interop tests.
import { StreamableHttpClientTransport } from '../../../src/client/http/index.js';
import type { McpClientOptions } from '../../../src/client/index.js';
import { HttpLog } from './http-log.js';
import { connectMcpkit, type McpkitSession } from './mcpkit-client-session.js';

export interface HttpSession extends McpkitSession<StreamableHttpClientTransport> {
  /** Every HTTP request the transport made, in order. */
  readonly http: HttpLog;
}

/**
 * Connects to `url` (`version: 'auto'` unless `options` pins one). Nothing is remembered about the
 * server from one connection to the next, so each test detects the era afresh.
 */
export async function connectOverHttp(
  url: URL,
  options: Omit<McpClientOptions, 'handlers'> = {},
  stderr: string[] = [],
): Promise<HttpSession> {
  const http = new HttpLog();
  const make = (): StreamableHttpClientTransport =>
    new StreamableHttpClientTransport(url, { fetch: http.fetch, eraMemory: false });
  const session = await connectMcpkit(make, options, stderr);
  return { ...session, http };
}
