// The client against mcpkit's own server over the in-memory pair, in each era it can pick.
import { describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import { McpServer } from '../../src/server/index.js';
import { createLinkedTransports } from '../../src/transport/memory.js';

function server(): McpServer {
  const s = new McpServer({ name: 'srv', version: '1' }, { instructions: 'hi' });
  s.tool(
    'add',
    {
      inputSchema: { type: 'object', properties: { a: { type: 'number' }, b: { type: 'number' } } },
      outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
    },
    (a) => ({ structuredContent: { sum: Number(a['a']) + Number(a['b']) } }),
  );
  s.tool('ask', {}, async (_a, ctx) => {
    const r = await ctx.elicit({
      message: 'name?',
      requestedSchema: { type: 'object', properties: { name: { type: 'string' } } },
    });
    return `hello ${String(r.content?.['name'])}`;
  });
  return s;
}

describe.each(['auto', 'legacy', 'modern'] as const)('client, version %s', (version) => {
  it('connects, lists, calls and answers elicitation', async () => {
    const [a, b] = createLinkedTransports();
    await server().connect(b);
    const client = new McpClient(
      { name: 'c', version: '1' },
      { version, handlers: { elicit: () => ({ action: 'accept', content: { name: 'Ada' } }) } },
    );
    await client.connect(a);
    expect(client.era).toBe(version === 'legacy' ? 'legacy' : 'modern');
    expect(client.serverInfo?.name).toBe('srv');
    expect(client.instructions).toBe('hi');
    expect((await client.allTools()).map((t) => t.name)).toEqual(['add', 'ask']);
    const sum = await client.callTool('add', { a: 2, b: 3 });
    expect(sum.structuredContent).toEqual({ sum: 5 });
    const hello = await client.callTool('ask');
    expect(hello.content).toEqual([{ type: 'text', text: 'hello Ada' }]);
    await client.close();
  });
});
