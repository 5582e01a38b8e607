// @ts-check
// An MCP server that exercises every feature, written with mcpkit's public API: tools (with
// progress, logging, elicitation, sampling, roots, structured output), resources and templates
// with completion, prompts. It serves every revision over stdio; the interop tests drive it
// with the official SDK clients.
import { McpServer, ToolError } from 'mcpkit/server';
import { StdioServerTransport } from 'mcpkit/node';

export function createEverythingServer() {
  const server = new McpServer(
    { name: 'mcpkit-everything', version: '0.1.0' },
    {
      instructions:
        'A test server: every tool, resource and prompt exists to exercise a protocol feature.',
    },
  );

  server.tool(
    'echo',
    {
      description: 'Echoes its text back.',
      inputSchema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] },
    },
    (args) => String(args['text']),
  );

  server.tool(
    'add',
    {
      title: 'Add two numbers',
      description: 'Adds a and b; the sum is also returned as structured content.',
      inputSchema: {
        type: 'object',
        properties: { a: { type: 'number' }, b: { type: 'number' } },
        required: ['a', 'b'],
      },
      outputSchema: { type: 'object', properties: { sum: { type: 'number' } }, required: ['sum'] },
      annotations: { readOnlyHint: true },
    },
    (args) => {
      const sum = Number(args['a']) + Number(args['b']);
      return { content: [{ type: 'text', text: String(sum) }], structuredContent: { sum } };
    },
  );

  server.tool(
    'slow',
    {
      description: 'Counts to `steps`, reporting progress and logging each step.',
      inputSchema: {
        type: 'object',
        properties: { steps: { type: 'integer', minimum: 1, maximum: 20 } },
      },
    },
    async (args, ctx) => {
      const steps = Number(args['steps'] ?? 3);
      for (let step = 1; step <= steps; step++) {
        ctx.progress(step, steps, `step ${step}`);
        ctx.log('info', { step });
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      return `done after ${steps} steps`;
    },
  );

  server.tool('fail', { description: 'Always fails, in a way the model can read.' }, () => {
    throw new ToolError('This tool always fails');
  });

  server.tool(
    'ask_name',
    { description: 'Asks the user for their name (elicitation).' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'What is your name?',
        requestedSchema: {
          type: 'object',
          properties: { name: { type: 'string' } },
          required: ['name'],
        },
      });
      if (answer.action !== 'accept') return `The user chose to ${answer.action}.`;
      return `Hello, ${String(answer.content?.['name'])}!`;
    },
  );

  server.tool(
    'ask_model',
    { description: 'Asks the client’s model a question (sampling).' },
    async (_args, ctx) => {
      const reply = await ctx.sample({
        messages: [
          { role: 'user', content: { type: 'text', text: 'What is the capital of France?' } },
        ],
        maxTokens: 50,
      });
      const content = Array.isArray(reply.content) ? reply.content[0] : reply.content;
      return `The model said: ${content?.type === 'text' ? content.text : '(no text)'}`;
    },
  );

  server.tool('list_roots', { description: 'Lists the client’s roots.' }, async (_args, ctx) => {
    const { roots } = await ctx.listRoots();
    return roots.map((root) => root.uri).join('\n') || '(no roots)';
  });

  server.resource(
    'test://static-text',
    { name: 'static-text', description: 'A fixed text resource.', mimeType: 'text/plain' },
    () => 'This is the content of a static text resource.',
  );

  server.resource(
    'test://static-binary',
    { name: 'static-binary', mimeType: 'image/png' },
    (uri) => ({
      contents: [
        {
          uri,
          mimeType: 'image/png',
          blob: 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
        },
      ],
    }),
  );

  const colours = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow'];
  server.resourceTemplate(
    'test://colour/{name}',
    {
      name: 'colour',
      description: 'A colour by name.',
      mimeType: 'application/json',
      complete: { name: (value) => colours.filter((c) => c.startsWith(value)) },
    },
    (uri, variables) => JSON.stringify({ uri, colour: variables['name'] }),
  );

  server.prompt('greeting', { description: 'A simple greeting.' }, () => ({
    messages: [{ role: 'user', content: { type: 'text', text: 'Say hello.' } }],
  }));

  server.prompt(
    'describe_colour',
    {
      description: 'Asks for a description of a colour.',
      arguments: [{ name: 'colour', description: 'Which colour', required: true }],
      complete: { colour: (value) => colours.filter((c) => c.startsWith(value)) },
    },
    (args) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: `Describe the colour ${args['colour']}.` } },
      ],
    }),
  );

  return server;
}

// Run over stdio when started directly.
if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
) {
  await createEverythingServer().connect(new StdioServerTransport());
}
