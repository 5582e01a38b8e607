// @ts-check
// mcpkit's benchmark server: the echo and add tools, written as mcpkit's README shows, transport-free.
import { McpServer } from 'mcpkit/server';
import { z } from 'zod';

export const name = 'mcpkit';

export function createServer() {
  const server = new McpServer({ name: 'bench-mcpkit', version: '1.0.0' });
  server.tool('echo', { inputSchema: z.object({ text: z.string() }) }, ({ text }) => text);
  server.tool('add', { inputSchema: z.object({ a: z.number(), b: z.number() }) }, ({ a, b }) =>
    String(a + b),
  );
  return server;
}
