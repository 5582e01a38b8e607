// @ts-check
// tmcp's benchmark server: the echo and add tools with its zod adapter, transport-free.
import { ZodJsonSchemaAdapter } from '@tmcp/adapter-zod';
import { McpServer } from 'tmcp';
import { tool } from 'tmcp/utils';
import { z } from 'zod';

export const name = 'tmcp';

export function createServer() {
  const server = new McpServer(
    { name: 'bench-tmcp', version: '1.0.0', description: 'benchmark server' },
    { adapter: new ZodJsonSchemaAdapter(), capabilities: { tools: {} } },
  );
  server.tool(
    { name: 'echo', description: 'Echoes the text', schema: z.object({ text: z.string() }) },
    ({ text }) => tool.text(text),
  );
  server.tool(
    {
      name: 'add',
      description: 'Adds two numbers',
      schema: z.object({ a: z.number(), b: z.number() }),
    },
    ({ a, b }) => tool.text(String(a + b)),
  );
  return server;
}
