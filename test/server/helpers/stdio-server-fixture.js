// Test fixture: a dual-era MCP server on stdio, built only from the published entry points
// (`mcpkit/server`, `mcpkit/node`), as a user would write it. It ends when stdin ends.
import { McpServer } from 'mcpkit/server';
import { StdioServerTransport } from 'mcpkit/node';

const server = new McpServer(
  { name: 'stdio-fixture', version: '1.0.0' },
  { instructions: 'A fixture for the stdio tests.' },
);

server.tool(
  'add',
  {
    description: 'Adds two numbers',
    inputSchema: {
      type: 'object',
      properties: { a: { type: 'number' }, b: { type: 'number' } },
      required: ['a', 'b'],
    },
  },
  (args) => String(args.a + args.b),
);

server.tool('confirm', { description: 'Asks the user to confirm' }, async (_args, context) => {
  // Stray console output must not reach stdout, where only protocol messages may go.
  console.log('confirm called in the %s era', context.era);
  const answer = await context.elicit({
    mode: 'form',
    message: 'Go ahead?',
    requestedSchema: { type: 'object', properties: { ok: { type: 'boolean' } }, required: ['ok'] },
  });
  return `${answer.action}:${String(answer.content?.ok)}`;
});

await server.connect(new StdioServerTransport());
