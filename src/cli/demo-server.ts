// The server behind `mcpkit demo`, also the one the interop and CLI tests drive: it uses every
// feature (tools with progress, logging, structured output, elicitation, sampling and roots; a
// text and a binary resource, a template and prompts with completion).
import { McpServer, ToolError } from '../server/index.js';

const COLOURS = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow'];
/** A 1×1 PNG, base64: the smallest real image, so clients can check its signature. */
const LOGO_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

export function createDemoServer(): McpServer {
  const server = new McpServer(
    { name: 'mcpkit-demo', version: '0.1.0' },
    { instructions: 'A demo server: each tool, resource and prompt shows one protocol feature.' },
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
      // A reply may carry one content block or several; the first one is the answer.
      const first = Array.isArray(reply.content) ? reply.content[0] : reply.content;
      return `The model said: ${first?.type === 'text' ? first.text : '(no text)'}`;
    },
  );

  server.tool('list_roots', { description: 'Lists the client’s roots.' }, async (_args, ctx) => {
    const { roots } = await ctx.listRoots();
    return roots.map((root) => root.uri).join('\n') || '(no roots)';
  });

  server.resource(
    'demo://readme',
    { name: 'readme', description: 'A fixed text resource.', mimeType: 'text/plain' },
    () => 'This is the demo server of mcpkit.',
  );

  server.resource(
    'demo://logo',
    { name: 'logo', description: 'A binary resource: a tiny PNG.', mimeType: 'image/png' },
    (uri) => ({ contents: [{ uri, mimeType: 'image/png', blob: LOGO_PNG }] }),
  );

  server.resourceTemplate(
    'demo://colour/{name}',
    {
      name: 'colour',
      description: 'A colour by name.',
      mimeType: 'application/json',
      complete: { name: (value) => COLOURS.filter((c) => c.startsWith(value)) },
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
      complete: { colour: (value) => COLOURS.filter((c) => c.startsWith(value)) },
    },
    (args) => ({
      messages: [
        {
          role: 'user',
          content: { type: 'text', text: `Describe the colour ${String(args['colour'])}.` },
        },
      ],
    }),
  );

  return server;
}
