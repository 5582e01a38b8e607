// Prompts and argument completion as a client sees them in both eras: listing, filling in with
// list-form and schema-form arguments, their errors, and completion capped at 100 values.
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { McpServer } from '../../src/server/mcp-server.js';
import {
  closeTestServers,
  connectLegacy,
  connectModern,
  inBothEras,
  testServer,
} from './helpers/era-clients.js';
import type { Json } from './helpers/wire-peer.js';

afterEach(closeTestServers);

const LANGUAGES = Array.from(
  { length: 150 },
  (_, index) => `lang-${String(index).padStart(3, '0')}`,
);

function promptServer(seen: unknown[] = []): McpServer {
  const server = testServer();
  server.prompt(
    'review',
    {
      description: 'Review code',
      arguments: [
        { name: 'code', description: 'The code', required: true },
        { name: 'style', description: 'House style' },
      ],
      complete: {
        style: (value) => ['google', 'airbnb', 'standard'].filter((s) => s.startsWith(value)),
      },
    },
    (args) => {
      seen.push(args);
      return {
        description: 'A review',
        messages: [
          {
            role: 'user',
            content: {
              type: 'text',
              text: `Review (${args['style'] ?? 'any'}): ${String(args['code'])}`,
            },
          },
        ],
      };
    },
  );
  server.prompt(
    'translate',
    {
      argsSchema: z.object({
        text: z.string().describe('What to translate'),
        language: z.enum(['fr', 'de']),
      }),
      complete: {
        language: (value, context) =>
          context.arguments['text'] === 'many'
            ? LANGUAGES
            : ['fr', 'de'].filter((l) => l.startsWith(value)),
      },
    },
    (args) => ({
      messages: [
        { role: 'user', content: { type: 'text', text: `${args.language}: ${args.text}` } },
      ],
    }),
  );
  server.resourceTemplate(
    'file:///repos/{owner}/{repo}',
    {
      complete: {
        owner: () => ['octocat', 'torvalds'],
        repo: (value, context) =>
          context.arguments['owner'] === 'octocat' ? ['hello-world', 'spoon-knife'] : [],
      },
    },
    (uri) => `repo at ${uri}`,
  );
  return server;
}

function messageText(result: Json): string {
  const messages = result['messages'] as { content: { text: string } }[];
  return messages.map((message) => message.content.text).join('\n');
}

describe('prompts/list', () => {
  it('lists prompts with arguments from a list and from a schema, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const prompts = (await client.request('prompts/list'))['prompts'] as Json[];
      expect(prompts.map((prompt) => prompt['name'])).toEqual(['review', 'translate']);
      expect(prompts[0]?.['arguments']).toEqual([
        { name: 'code', description: 'The code', required: true },
        { name: 'style', description: 'House style' },
      ]);
      expect(prompts[1]?.['arguments']).toEqual([
        { name: 'text', description: 'What to translate', required: true },
        { name: 'language', required: true },
      ]);
    });
  });
});

describe('prompts/get', () => {
  it('fills in a list-form prompt with its arguments, in both eras', async () => {
    const seen: unknown[] = [];
    await inBothEras(promptServer(seen), async (client) => {
      const result = await client.request('prompts/get', {
        name: 'review',
        arguments: { code: 'x = 1', style: 'google' },
      });
      expect(result['description']).toBe('A review');
      expect(messageText(result)).toBe('Review (google): x = 1');
      expect(seen.at(-1)).toEqual({ code: 'x = 1', style: 'google' });
    });
  });

  it('fills in a schema-form prompt with validated arguments, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const result = await client.request('prompts/get', {
        name: 'translate',
        arguments: { text: 'hello', language: 'fr' },
      });
      expect(messageText(result)).toBe('fr: hello');
      const invalid = await client.failure('prompts/get', {
        name: 'translate',
        arguments: { text: 'hello', language: 'xx' },
      });
      expect(invalid.code).toBe(-32602);
    });
  });

  it('refuses a missing required argument with -32602, in both eras', async () => {
    const seen: unknown[] = [];
    await inBothEras(promptServer(seen), async (client) => {
      const listForm = await client.failure('prompts/get', {
        name: 'review',
        arguments: { style: 'google' },
      });
      expect(listForm.code).toBe(-32602);
      expect(listForm.message).toContain('code');
      const schemaForm = await client.failure('prompts/get', {
        name: 'translate',
        arguments: { text: 'hello' },
      });
      expect(schemaForm.code).toBe(-32602);
      expect(schemaForm.message).toContain('language');
    });
    expect(seen).toEqual([]);
  });

  it('refuses an unknown prompt with -32602, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const error = await client.failure('prompts/get', { name: 'nope', arguments: {} });
      expect(error.code).toBe(-32602);
    });
  });
});

describe('completion/complete', () => {
  const complete = (ref: Json, name: string, value: string, context?: Json): Json => ({
    ref,
    argument: { name, value },
    ...(context === undefined ? {} : { context: { arguments: context } }),
  });

  it('completes prompt arguments, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const result = await client.request(
        'completion/complete',
        complete({ type: 'ref/prompt', name: 'review' }, 'style', 'a'),
      );
      expect(result['completion']).toEqual({ values: ['airbnb'], total: 1, hasMore: false });
    });
  });

  it('completes template variables using the context of earlier ones, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const ref = { type: 'ref/resource', uri: 'file:///repos/{owner}/{repo}' };
      const owners = await client.request('completion/complete', complete(ref, 'owner', ''));
      expect((owners['completion'] as Json)['values']).toEqual(['octocat', 'torvalds']);
      const repos = await client.request(
        'completion/complete',
        complete(ref, 'repo', '', { owner: 'octocat' }),
      );
      expect((repos['completion'] as Json)['values']).toEqual(['hello-world', 'spoon-knife']);
    });
  });

  it('caps values at 100 with total and hasMore, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const result = await client.request(
        'completion/complete',
        complete({ type: 'ref/prompt', name: 'translate' }, 'language', '', { text: 'many' }),
      );
      const completion = result['completion'] as {
        values: string[];
        total: number;
        hasMore: boolean;
      };
      expect(completion.values).toEqual(LANGUAGES.slice(0, 100));
      expect(completion.total).toBe(150);
      expect(completion.hasMore).toBe(true);
    });
  });

  it('returns no values for an argument without a completer', async () => {
    await inBothEras(promptServer(), async (client) => {
      const result = await client.request(
        'completion/complete',
        complete({ type: 'ref/prompt', name: 'review' }, 'code', 'x'),
      );
      expect((result['completion'] as Json)['values']).toEqual([]);
    });
  });

  it('refuses an unknown prompt or template with -32602, in both eras', async () => {
    await inBothEras(promptServer(), async (client) => {
      const prompt = await client.failure(
        'completion/complete',
        complete({ type: 'ref/prompt', name: 'nope' }, 'x', ''),
      );
      expect(prompt.code).toBe(-32602);
      const template = await client.failure(
        'completion/complete',
        complete({ type: 'ref/resource', uri: 'file:///nope/{x}' }, 'x', ''),
      );
      expect(template.code).toBe(-32602);
    });
  });

  it('works in a 2024-11-05 session, which has no completions capability', async () => {
    const client = await connectLegacy(promptServer(), { version: '2024-11-05' });
    const result = await client.request(
      'completion/complete',
      complete({ type: 'ref/prompt', name: 'review' }, 'style', 'st'),
    );
    expect((result['completion'] as Json)['values']).toEqual(['standard']);
  });

  it('is -32601 for a modern client of a server with nothing to complete', async () => {
    const server = testServer();
    server.tool('t', {}, () => 'x');
    const client = await connectModern(server);
    const error = await client.failure(
      'completion/complete',
      complete({ type: 'ref/prompt', name: 'p' }, 'x', ''),
    );
    expect(error.code).toBe(-32601);
  });
});
