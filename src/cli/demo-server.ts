// The server behind `mcpkit demo`: a small server using the main features (tools with progress,
// logging, structured output and elicitation; resources, a template and prompts with completion).
import { McpServer, ToolError } from '../server/index.js';

const COLOURS = ['red', 'green', 'blue', 'cyan', 'magenta', 'yellow'];

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

  server.resource(
    'demo://readme',
    { name: 'readme', description: 'A fixed text resource.', mimeType: 'text/plain' },
    () => 'This is the demo server of mcpkit.',
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
