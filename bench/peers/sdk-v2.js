// @ts-check
// The official SDK v2's benchmark server: the echo and add tools via registerTool, transport-free.
import { McpServer } from '@modelcontextprotocol/server';
import { z } from 'zod';

export const name = 'sdk v2';

export function createServer() {
  const server = new McpServer({ name: 'bench-sdk-v2', version: '1.0.0' });
  server.registerTool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => ({
    content: [{ type: 'text', text }],
  }));
  server.registerTool(
    'add',
    { inputSchema: z.object({ a: z.number(), b: z.number() }) },
    ({ a, b }) => ({ content: [{ type: 'text', text: String(a + b) }] }),
  );
  return server;
}
