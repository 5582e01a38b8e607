// @ts-check
// The server the official MCP conformance suite (`@modelcontextprotocol/conformance`) tests: the
// tools, resources, prompts and completions its server scenarios name, written with mcpkit's
// public API as any user would, served over Streamable HTTP on 127.0.0.1 (both eras, one URL).
// Run directly, it prints `listening on <url>` once ready; `--port N` picks the port (default: any).
import { McpServer, ToolError } from 'mcpkit/server';
import { serveHttp } from 'mcpkit/node/http';

/** The yes/no question the request-state tools ask. */
/** @type {import('mcpkit/spec').ElicitRequestFormParams} */
const CONFIRMATION = {
  message: 'Please confirm',
  requestedSchema: {
    type: 'object',
    properties: { ok: { type: 'boolean' } },
    required: ['ok'],
  },
};

/**
 * A question with one required text answer, `field`.
 * @param {string} message
 * @param {string} field
 * @returns {import('mcpkit/spec').ElicitRequestFormParams}
 */
function textQuestion(message, field) {
  return {
    message,
    requestedSchema: {
      type: 'object',
      properties: { [field]: { type: 'string' } },
      required: [field],
    },
  };
}

/** A 1×1 PNG. */
const PNG_BASE64 =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

/** A WAV file of a few silent 8-bit mono samples at 8 kHz. */
const WAV_BASE64 = wavBase64(new Uint8Array(16).fill(128), 8000);

const delay = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function createConformanceServer() {
  const server = new McpServer(
    { name: 'mcpkit-conformance', version: '0.1.0' },
    { instructions: 'The server the MCP conformance suite tests mcpkit with.' },
  );
  registerContentTools(server);
  registerInteractionTools(server);
  registerInputRequiredTools(server);
  registerDiagnosticTools(server);
  registerResources(server);
  registerPrompts(server);
  return server;
}

/**
 * Tools whose whole job is to return one kind of content.
 * @param {McpServer} server
 */
function registerContentTools(server) {
  server.tool(
    'test_simple_text',
    { description: 'Returns a simple text response.' },
    () => 'This is a simple text response for testing.',
  );

  server.tool('test_image_content', { description: 'Returns a 1×1 PNG image.' }, () => ({
    content: [{ type: 'image', data: PNG_BASE64, mimeType: 'image/png' }],
  }));

  server.tool('test_audio_content', { description: 'Returns a short WAV clip.' }, () => ({
    content: [{ type: 'audio', data: WAV_BASE64, mimeType: 'audio/wav' }],
  }));

  server.tool('test_embedded_resource', { description: 'Returns an embedded resource.' }, () => ({
    content: [
      {
        type: 'resource',
        resource: {
          uri: 'test://embedded-resource',
          mimeType: 'text/plain',
          text: 'This is an embedded resource content.',
        },
      },
    ],
  }));

  server.tool(
    'test_multiple_content_types',
    { description: 'Returns text, an image and an embedded resource together.' },
    () => ({
      content: [
        { type: 'text', text: 'Multiple content types test:' },
        { type: 'image', data: PNG_BASE64, mimeType: 'image/png' },
        {
          type: 'resource',
          resource: {
            uri: 'test://mixed-content-resource',
            mimeType: 'application/json',
            text: JSON.stringify({ test: 'data', value: 123 }),
          },
        },
      ],
    }),
  );

  server.tool('test_error_handling', { description: 'Always fails (isError result).' }, () => {
    throw new ToolError('This tool intentionally returns an error for testing');
  });

  server.tool(
    'json_schema_2020_12_tool',
    {
      description: 'Tool with JSON Schema 2020-12 features',
      inputSchema: {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'object',
        $defs: {
          address: {
            $anchor: 'addressDef',
            type: 'object',
            properties: { street: { type: 'string' }, city: { type: 'string' } },
          },
        },
        properties: {
          name: { type: 'string' },
          address: { $ref: '#/$defs/address' },
          contactMethod: { type: 'string', enum: ['phone', 'email'] },
          phone: { type: 'string' },
          email: { type: 'string' },
        },
        allOf: [{ anyOf: [{ required: ['phone'] }, { required: ['email'] }] }],
        if: { properties: { contactMethod: { const: 'phone' } }, required: ['contactMethod'] },
        then: { required: ['phone'] },
        else: { required: ['email'] },
        additionalProperties: false,
      },
    },
    (args) => `Received ${JSON.stringify(args)}`,
  );
}

/**
 * Tools that log, report progress, or ask the client something (both eras).
 * @param {McpServer} server
 */
function registerInteractionTools(server) {
  server.tool(
    'test_tool_with_logging',
    { description: 'Sends three info log messages while it runs.' },
    async (_args, ctx) => {
      ctx.log('info', 'Tool execution started');
      await delay(50);
      ctx.log('info', 'Tool processing data');
      await delay(50);
      ctx.log('info', 'Tool execution completed');
      return 'Logging tool finished';
    },
  );

  server.tool(
    'test_tool_with_progress',
    { description: 'Reports progress 0, 50 and 100 of 100.' },
    async (_args, ctx) => {
      ctx.progress(0, 100);
      await delay(50);
      ctx.progress(50, 100);
      await delay(50);
      ctx.progress(100, 100);
      return 'Progress tool finished';
    },
  );

  server.tool(
    'test_sampling',
    {
      description: 'Asks the client’s model to answer a prompt (sampling).',
      inputSchema: {
        type: 'object',
        properties: { prompt: { type: 'string', description: 'The prompt for the model' } },
        required: ['prompt'],
      },
    },
    async (args, ctx) => {
      const reply = await ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: String(args['prompt']) } }],
        maxTokens: 100,
      });
      return `LLM response: ${textOf(reply.content)}`;
    },
  );

  server.tool(
    'test_elicitation',
    {
      description: 'Asks the user for a username and an email address (elicitation).',
      inputSchema: {
        type: 'object',
        properties: { message: { type: 'string', description: 'What to show the user' } },
        required: ['message'],
      },
    },
    async (args, ctx) => {
      const answer = await ctx.elicit({
        message: String(args['message']),
        requestedSchema: {
          type: 'object',
          properties: {
            username: { type: 'string', description: "User's response" },
            email: { type: 'string', description: "User's email address" },
          },
          required: ['username', 'email'],
        },
      });
      return `User response: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
    },
  );

  server.tool(
    'test_elicitation_sep1034_defaults',
    { description: 'Elicits a form whose fields all have defaults (SEP-1034).' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please review and update the form fields with defaults',
        requestedSchema: {
          type: 'object',
          properties: {
            name: { type: 'string', description: 'User name', default: 'John Doe' },
            age: { type: 'integer', description: 'User age', default: 30 },
            score: { type: 'number', description: 'User score', default: 95.5 },
            status: {
              type: 'string',
              description: 'User status',
              enum: ['active', 'inactive', 'pending'],
              default: 'active',
            },
            verified: { type: 'boolean', description: 'Verification status', default: true },
          },
        },
      });
      return elicitationSummary(answer);
    },
  );

  server.tool(
    'test_elicitation_sep1330_enums',
    { description: 'Elicits every kind of enum field (SEP-1330).' },
    async (_args, ctx) => {
      const answer = await ctx.elicit({
        message: 'Please choose from the enum fields',
        requestedSchema: {
          type: 'object',
          properties: {
            untitledSingle: {
              type: 'string',
              description: 'Untitled single-select',
              enum: ['option1', 'option2', 'option3'],
            },
            titledSingle: {
              type: 'string',
              description: 'Titled single-select',
              oneOf: [
                { const: 'value1', title: 'First Option' },
                { const: 'value2', title: 'Second Option' },
                { const: 'value3', title: 'Third Option' },
              ],
            },
            legacyEnum: {
              type: 'string',
              description: 'Legacy titled enum',
              enum: ['opt1', 'opt2', 'opt3'],
              enumNames: ['Option One', 'Option Two', 'Option Three'],
            },
            untitledMulti: {
              type: 'array',
              description: 'Untitled multi-select',
              items: { type: 'string', enum: ['option1', 'option2', 'option3'] },
            },
            titledMulti: {
              type: 'array',
              description: 'Titled multi-select',
              items: {
                anyOf: [
                  { const: 'value1', title: 'First Choice' },
                  { const: 'value2', title: 'Second Choice' },
                  { const: 'value3', title: 'Third Choice' },
                ],
              },
            },
          },
        },
      });
      return elicitationSummary(answer);
    },
  );

  server.tool(
    'test_reconnection',
    { description: 'A call that takes a moment, for stream resumption tests.' },
    async () => {
      await delay(100);
      return 'Reconnection test completed';
    },
  );
}

/**
 * Tools that ask the client through 2026-07-28 multi round-trip requests.
 * @param {McpServer} server
 */
function registerInputRequiredTools(server) {
  server.tool(
    'test_input_required_result_elicitation',
    { description: 'Asks for the user’s name, then greets them.' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(textQuestion('What is your name?', 'name'), {
        key: 'user_name',
      });
      if (answer.action !== 'accept') return `The user chose to ${answer.action}.`;
      return `Hello, ${String(answer.content?.['name'])}!`;
    },
  );

  server.tool(
    'test_input_required_result_sampling',
    { description: 'Asks the client’s model a question.' },
    async (_args, ctx) => {
      const reply = await ctx.sample(
        {
          messages: [
            { role: 'user', content: { type: 'text', text: 'What is the capital of France?' } },
          ],
          maxTokens: 100,
        },
        { key: 'capital_question' },
      );
      return `The model said: ${textOf(reply.content)}`;
    },
  );

  server.tool(
    'test_input_required_result_list_roots',
    { description: 'Lists the client’s roots.' },
    async (_args, ctx) => {
      const { roots } = await ctx.listRoots({ key: 'client_roots' });
      return `Roots: ${roots.map((root) => root.uri).join(', ') || '(none)'}`;
    },
  );

  server.tool(
    'test_input_required_result_request_state',
    { description: 'Asks for a confirmation; the answer comes back through requestState.' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(CONFIRMATION, { key: 'confirm' });
      return `state-ok: the request state was verified (action=${answer.action})`;
    },
  );

  server.tool(
    'test_input_required_result_multiple_inputs',
    { description: 'Asks for a name, a greeting and the roots in one round.' },
    async (_args, ctx) => {
      const [name, greeting, roots] = await Promise.all([
        ctx.elicit(textQuestion('What is your name?', 'name'), { key: 'user_name' }),
        ctx.sample(
          {
            messages: [{ role: 'user', content: { type: 'text', text: 'Generate a greeting' } }],
            maxTokens: 50,
          },
          { key: 'greeting' },
        ),
        ctx.listRoots({ key: 'client_roots' }),
      ]);
      return [
        `name: ${String(name.content?.['name'])}`,
        `greeting: ${textOf(greeting.content)}`,
        `roots: ${roots.roots.map((root) => root.uri).join(', ')}`,
      ].join('\n');
    },
  );

  server.tool(
    'test_input_required_result_multi_round',
    { description: 'Asks two questions, one round after the other.' },
    async (_args, ctx) => {
      const first = await ctx.elicit(textQuestion('Step 1: What is your name?', 'name'), {
        key: 'step1',
      });
      const second = await ctx.elicit(
        textQuestion('Step 2: What is your favorite color?', 'color'),
        { key: 'step2' },
      );
      return `${String(first.content?.['name'])} likes ${String(second.content?.['color'])}`;
    },
  );

  server.tool(
    'test_input_required_result_tampered_state',
    { description: 'Asks for a confirmation; a modified requestState is refused.' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(CONFIRMATION, { key: 'confirm' });
      return `Confirmed (action=${answer.action})`;
    },
  );

  server.tool(
    'test_input_required_result_capabilities',
    { description: 'Asks the client only what its declared capabilities allow.' },
    async (_args, ctx) => {
      const { capabilities } = ctx.client;
      const questions = [];
      if (capabilities.elicitation !== undefined) {
        questions.push(
          ctx.elicit({
            message: 'Anything to add?',
            requestedSchema: { type: 'object', properties: { note: { type: 'string' } } },
          }),
        );
      }
      if (capabilities.sampling !== undefined) {
        questions.push(
          ctx.sample({
            messages: [{ role: 'user', content: { type: 'text', text: 'Say something.' } }],
            maxTokens: 50,
          }),
        );
      }
      if (capabilities.roots !== undefined) questions.push(ctx.listRoots());
      const answers = await Promise.all(questions);
      return `Got ${answers.length} answer(s)`;
    },
  );
}

/**
 * Tools the 2026-07-28 scenarios use to provoke a behaviour of the server itself.
 * @param {McpServer} server
 */
function registerDiagnosticTools(server) {
  server.tool(
    'test_missing_capability',
    { description: 'Needs sampling; refused for a client that did not declare it.' },
    async (_args, ctx) => {
      const reply = await ctx.sample({
        messages: [{ role: 'user', content: { type: 'text', text: 'Hello?' } }],
        maxTokens: 10,
      });
      return textOf(reply.content);
    },
  );

  server.tool(
    'test_streaming_elicitation',
    { description: 'Reports progress, then asks the user a question.' },
    async (_args, ctx) => {
      ctx.progress(1, 2, 'about to ask');
      const answer = await ctx.elicit({
        message: 'Continue?',
        requestedSchema: { type: 'object', properties: { go: { type: 'boolean' } } },
      });
      return `action=${answer.action}`;
    },
  );

  server.tool(
    'test_logging_tool',
    { description: 'Logs at several levels (only where the request asked for logs).' },
    (_args, ctx) => {
      ctx.log('debug', 'a debug message');
      ctx.log('info', 'an info message');
      ctx.log('warning', 'a warning message');
      return 'logged';
    },
  );

  server.tool(
    'test_custom_headers',
    {
      description: 'Echoes an argument that clients mirror into the Mcp-Param-Region header.',
      inputSchema: {
        type: 'object',
        properties: {
          region: { type: 'string', description: 'A region name', 'x-mcp-header': 'Region' },
        },
        required: ['region'],
      },
    },
    (args) => `region: ${String(args['region'])}`,
  );

  // Adding and at once removing an item changes nothing in the end but still tells listeners
  // (one coalesced list_changed), so the lists other scenarios compare stay the same.
  server.tool(
    'test_trigger_tool_change',
    { description: 'Makes the tool list change (listeners hear tools/list_changed).' },
    () => {
      const transient = server.tool(
        'test_transient_tool',
        { description: 'Exists only for a moment.' },
        () => 'gone',
      );
      transient[Symbol.dispose]();
      return 'tool list changed';
    },
  );

  server.tool(
    'test_trigger_prompt_change',
    { description: 'Makes the prompt list change (listeners hear prompts/list_changed).' },
    () => {
      const transient = server.prompt(
        'test_transient_prompt',
        { description: 'Exists only for a moment.' },
        () => ({ messages: [] }),
      );
      transient[Symbol.dispose]();
      return 'prompt list changed';
    },
  );
}

/** @param {McpServer} server */
function registerResources(server) {
  server.resource(
    'test://static-text',
    { name: 'static-text', description: 'A fixed text resource.', mimeType: 'text/plain' },
    (uri) => ({
      contents: [
        { uri, mimeType: 'text/plain', text: 'This is the content of the static text resource.' },
      ],
    }),
  );

  server.resource(
    'test://static-binary',
    { name: 'static-binary', description: 'A fixed PNG image.', mimeType: 'image/png' },
    (uri) => ({ contents: [{ uri, mimeType: 'image/png', blob: PNG_BASE64 }] }),
  );

  server.resource(
    'test://watched-resource',
    {
      name: 'watched-resource',
      description: 'A resource clients may subscribe to.',
      mimeType: 'text/plain',
    },
    (uri) => ({ contents: [{ uri, mimeType: 'text/plain', text: 'Watched resource content.' }] }),
  );

  server.resourceTemplate(
    'test://template/{id}/data',
    {
      name: 'template-data',
      description: 'Data for any id.',
      mimeType: 'application/json',
      complete: { id: (value) => ['123', '456', '789'].filter((id) => id.startsWith(value)) },
    },
    (uri, variables) => {
      const id = String(variables['id']);
      return {
        contents: [
          {
            uri,
            mimeType: 'application/json',
            text: JSON.stringify({ id, templateTest: true, data: `Data for ID: ${id}` }),
          },
        ],
      };
    },
  );
}

/** @param {McpServer} server */
function registerPrompts(server) {
  server.prompt('test_simple_prompt', { description: 'A prompt without arguments.' }, () => ({
    messages: [
      { role: 'user', content: { type: 'text', text: 'This is a simple prompt for testing.' } },
    ],
  }));

  const suggestions = ['paris', 'park', 'party', 'test', 'testing'];
  server.prompt(
    'test_prompt_with_arguments',
    {
      description: 'A prompt with two required arguments.',
      arguments: [
        { name: 'arg1', description: 'First test argument', required: true },
        { name: 'arg2', description: 'Second test argument', required: true },
      ],
      complete: { arg1: (value) => suggestions.filter((word) => word.startsWith(value)) },
    },
    (args) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'text',
            text: `Prompt with arguments: arg1='${args['arg1']}', arg2='${args['arg2']}'`,
          },
        },
      ],
    }),
  );

  server.prompt(
    'test_prompt_with_embedded_resource',
    {
      description: 'A prompt that embeds the resource it is given.',
      arguments: [
        { name: 'resourceUri', description: 'URI of the resource to embed', required: true },
      ],
    },
    (args) => ({
      messages: [
        {
          role: 'user',
          content: {
            type: 'resource',
            resource: {
              uri: String(args['resourceUri']),
              mimeType: 'text/plain',
              text: 'Embedded resource content for testing.',
            },
          },
        },
        {
          role: 'user',
          content: { type: 'text', text: 'Please process the embedded resource above.' },
        },
      ],
    }),
  );

  server.prompt('test_prompt_with_image', { description: 'A prompt with an image.' }, () => ({
    messages: [
      { role: 'user', content: { type: 'image', data: PNG_BASE64, mimeType: 'image/png' } },
      { role: 'user', content: { type: 'text', text: 'Please analyze the image above.' } },
    ],
  }));

  server.prompt(
    'test_input_required_result_prompt',
    { description: 'Asks the user for context before building the prompt.' },
    async (_args, ctx) => {
      const answer = await ctx.elicit(
        textQuestion('What context should the prompt use?', 'context'),
        { key: 'user_context' },
      );
      return {
        messages: [
          {
            role: 'user',
            content: { type: 'text', text: `Context: ${String(answer.content?.['context'])}` },
          },
        ],
      };
    },
  );
}

/** @param {{ type: string, text?: string } | readonly { type: string, text?: string }[]} content */
function textOf(content) {
  const first = Array.isArray(content) ? content[0] : content;
  return first?.type === 'text' ? first.text : '(no text)';
}

/** @param {{ action: string, content?: Record<string, unknown> }} answer */
function elicitationSummary(answer) {
  return `Elicitation completed: action=${answer.action}, content=${JSON.stringify(answer.content ?? {})}`;
}

/**
 * A PCM WAV file (8-bit mono) holding `samples`, base64-encoded.
 * @param {Uint8Array} samples
 * @param {number} sampleRate
 */
function wavBase64(samples, sampleRate) {
  const header = new DataView(new ArrayBuffer(44));
  const ascii = (/** @type {number} */ offset, /** @type {string} */ text) => {
    for (let i = 0; i < text.length; i++) header.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, 'RIFF');
  header.setUint32(4, 36 + samples.length, true);
  ascii(8, 'WAVE');
  ascii(12, 'fmt ');
  header.setUint32(16, 16, true);
  header.setUint16(20, 1, true);
  header.setUint16(22, 1, true);
  header.setUint32(24, sampleRate, true);
  header.setUint32(28, sampleRate, true);
  header.setUint16(32, 1, true);
  header.setUint16(34, 8, true);
  ascii(36, 'data');
  header.setUint32(40, samples.length, true);
  return Buffer.concat([new Uint8Array(header.buffer), samples]).toString('base64');
}

if (
  process.argv[1] !== undefined &&
  import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))
) {
  const portFlag = process.argv.indexOf('--port');
  const port = portFlag === -1 ? 0 : Number(process.argv[portFlag + 1]);
  const server = createConformanceServer();
  // Replies slower than 50 ms (the logging, progress and reconnection tools) come as event
  // streams, so the referee also sees stream priming and resumption at work.
  const handle = await serveHttp(server, { port, streamAfterMs: 50 });
  console.log(`listening on ${handle.url.href}`);
  // Closing ends every session and stream, so nothing is left to keep the process alive.
  const stop = () => void handle.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}
