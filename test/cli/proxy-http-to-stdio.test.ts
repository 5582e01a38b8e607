// `mcpkit proxy --http-to-stdio`: an mcpkit client over stdio reaches a server that `mcpkit serve`
// exposes over Streamable HTTP, through the built binary, in both eras, with progress, logging
// and elicitation crossing the relay in both directions.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import type { McpClientOptions } from '../../src/client/index.js';
import { StdioClientTransport } from '../../src/node/index.js';
import { CLI, ROOT, requireBuild, runCli, startListening, stopListening } from './run-cli.js';

let server: ChildProcess | undefined;
let url = '';

beforeAll(async () => {
  requireBuild();
  const serving = await startListening([
    'serve',
    'test/cli/fixtures/everything-module.js',
    '--http',
    '127.0.0.1:0',
  ]);
  server = serving.child;
  url = serving.url;
});

afterAll(async () => {
  if (server !== undefined) await stopListening(server);
});

/** A client whose stdio server is `mcpkit proxy --http-to-stdio <url>`. */
async function connectThroughProxy(
  version: NonNullable<McpClientOptions['version']>,
): Promise<{ client: McpClient; proxy: StdioClientTransport }> {
  const client = new McpClient(
    { name: 'proxy-test', version: '1.0.0' },
    {
      version,
      handlers: { elicit: () => ({ action: 'accept', content: { name: 'Ada' } }) },
    },
  );
  const proxy = new StdioClientTransport({
    command: process.execPath,
    args: [CLI, 'proxy', '--http-to-stdio', url, '--header', 'X-Test: yes'],
    cwd: ROOT,
    stderr: 'pipe',
  });
  await client.connect(proxy);
  return { client, proxy };
}

describe.each(['legacy', 'modern'] as const)('through the proxy, %s era', (era) => {
  it('negotiates the era, lists and calls tools', async () => {
    const { client } = await connectThroughProxy(era);
    try {
      expect(client.era).toBe(era);
      expect(client.serverInfo?.name).toBe('mcpkit-demo');
      const { items } = await client.listTools();
      expect(items.map((tool) => tool.name)).toEqual(expect.arrayContaining(['add', 'slow']));
      const sum = await client.callTool('add', { a: 2, b: 40 });
      expect(sum.structuredContent).toEqual({ sum: 42 });
    } finally {
      await client.close();
    }
  });

  it('relays progress notifications and the server asking the client (elicitation)', async () => {
    const { client } = await connectThroughProxy(era);
    try {
      const progress: number[] = [];
      const slow = await client.callTool(
        'slow',
        { steps: 2 },
        { onProgress: ({ progress: step }) => progress.push(step) },
      );
      expect(slow.content).toEqual([{ type: 'text', text: 'done after 2 steps' }]);
      expect(progress).toEqual([1, 2]);
      const asked = await client.callTool('ask_name', {});
      expect(asked.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
    } finally {
      await client.close();
    }
  });
});

describe('mcpkit proxy usage', () => {
  it('auto-detects through the proxy (the modern probe passes through)', async () => {
    const { client } = await connectThroughProxy('auto');
    try {
      expect(client.era).toBe('modern');
      expect((await client.callTool('add', { a: 1, b: 2 })).structuredContent).toEqual({ sum: 3 });
    } finally {
      await client.close();
    }
  });

  it('exits 0 by itself once the host closes stdin', async () => {
    const { client, proxy } = await connectThroughProxy('legacy');
    // close() ends stdin, then waits for the exit before resorting to signals.
    await client.close();
    expect(proxy.exitStatus).toEqual({ code: 0, signal: null });
  });

  it('answers unparseable lines and non-messages itself, with id-less errors', async () => {
    const child = spawn(process.execPath, [CLI, 'proxy', '--http-to-stdio', url], {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'ignore'],
    });
    const lines: unknown[] = [];
    const twoLines = new Promise<void>((resolve) => {
      let buffer = '';
      child.stdout.setEncoding('utf8');
      child.stdout.on('data', (chunk: string) => {
        buffer += chunk;
        for (let end = buffer.indexOf('\n'); end !== -1; end = buffer.indexOf('\n')) {
          lines.push(JSON.parse(buffer.slice(0, end)));
          buffer = buffer.slice(end + 1);
        }
        if (lines.length >= 2) resolve();
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.stdin.write('this is not json\n');
    child.stdin.write('42\n');
    await twoLines;
    child.stdin.end();
    expect(await exited).toBe(0);
    expect(lines).toEqual([
      { jsonrpc: '2.0', id: null, error: expect.objectContaining({ code: -32700 }) },
      { jsonrpc: '2.0', id: null, error: expect.objectContaining({ code: -32600 }) },
    ]);
  });

  it('refuses a missing or non-HTTP URL (exit 2) and documents itself', async () => {
    expect((await runCli(['proxy'])).code).toBe(2);
    const bad = await runCli(['proxy', '--http-to-stdio', 'ftp://example.com/mcp']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/http\(s\) URL/);
    const help = await runCli(['proxy', '--help']);
    expect(help).toMatchObject({ code: 0 });
    expect(help.stdout).toMatch(/--http-to-stdio/);
    expect((await runCli(['--help'])).stdout).toMatch(/proxy --http-to-stdio/);
  });
});
