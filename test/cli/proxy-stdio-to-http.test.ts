// `mcpkit proxy --stdio-to-http`: the built binary exposes stdio servers over Streamable HTTP.
// The official SDK clients (v1; v2 legacy and 2026-07-28) run the whole demo-server suite
// (`mcpkit demo` over stdio) through it; the `mcpkit` command and client drive it too; server
// processes are accounted for.
import { execFileSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { StreamableHTTPClientTransport as V1StreamableHttp } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { StreamableHTTPClientTransport as V2StreamableHttp } from '@modelcontextprotocol/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { McpClient } from '../../src/client/index.js';
import type { McpClientOptions } from '../../src/client/index.js';
import { StreamableHttpClientTransport } from '../../src/client/http/index.js';
import { ErrorCode } from '../../src/spec/error-codes.js';
import { everythingServerTests } from '../interop/helpers/everything-server-suite.js';
import { connectV1 } from '../interop/helpers/v1-client.js';
import { connectV2 } from '../interop/helpers/v2-client.js';
import { CLI, requireBuild, runCli, startListening, stopListening } from './run-cli.js';
import type { ListeningCli } from './run-cli.js';

const running = new Set<ChildProcess>();

/** Starts `mcpkit proxy --stdio-to-http 127.0.0.1:0 <extra…>` and waits for its URL. */
async function startProxy(extra: readonly string[]): Promise<ListeningCli> {
  const proxy = await startListening(['proxy', '--stdio-to-http', '127.0.0.1:0', ...extra]);
  running.add(proxy.child);
  return proxy;
}

/** Stops the proxy with SIGTERM; resolves with its exit code. */
function stopProxy(child: ChildProcess): Promise<number | null> {
  running.delete(child);
  return stopListening(child);
}

/** The server processes the proxy has running now (its direct children). */
function serverProcesses(proxy: ChildProcess): number[] {
  try {
    const out = execFileSync('ps', ['-o', 'pid=', '--ppid', String(proxy.pid)], {
      encoding: 'utf8',
    });
    return out
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((pid) => pid > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

async function waitFor(condition: () => boolean, what: string): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const DEMO_SERVER = ['--', process.execPath, CLI, 'demo'];

beforeAll(() => requireBuild());

afterAll(async () => {
  await Promise.all([...running].map((child) => stopProxy(child)));
});

describe('official SDK clients through the proxy to a stdio server', () => {
  let proxy: ListeningCli;
  beforeAll(async () => {
    proxy = await startProxy(DEMO_SERVER);
  });

  describe('@modelcontextprotocol/sdk 1.x, Streamable HTTP', () => {
    everythingServerTests({
      name: 'v1',
      era: 'legacy',
      version: '2025-11-25',
      sdkResourceNotFoundCode: ErrorCode.ResourceNotFound,
      connect: () => connectV1({ transport: new V1StreamableHttp(new URL(proxy.url)), stderr: [] }),
    });
  });

  describe('@modelcontextprotocol/client 2.x, legacy mode', () => {
    everythingServerTests({
      name: 'v2 legacy',
      era: 'legacy',
      version: '2025-11-25',
      sdkResourceNotFoundCode: ErrorCode.InvalidParams,
      connect: () =>
        connectV2(undefined, { transport: new V2StreamableHttp(new URL(proxy.url)), stderr: [] }),
    });
  });

  describe('@modelcontextprotocol/client 2.x, 2026-07-28', () => {
    everythingServerTests({
      name: 'v2 modern',
      era: 'modern',
      version: '2026-07-28',
      sdkResourceNotFoundCode: ErrorCode.InvalidParams,
      connect: () =>
        connectV2(
          { mode: 'auto' },
          { transport: new V2StreamableHttp(new URL(proxy.url)), stderr: [] },
        ),
    });
  });
});

describe('mcpkit through the proxy', () => {
  let proxy: ListeningCli;
  beforeAll(async () => {
    proxy = await startProxy(DEMO_SERVER);
  });

  async function connect(version: NonNullable<McpClientOptions['version']>): Promise<McpClient> {
    const client = new McpClient(
      { name: 'proxy-test', version: '1.0.0' },
      { version, handlers: { elicit: () => ({ action: 'accept', content: { name: 'Ada' } }) } },
    );
    await client.connect(() => new StreamableHttpClientTransport(proxy.url));
    return client;
  }

  it('serves the mcpkit command: inspect, call, and exit 1 for a tool error', async () => {
    const inspect = await runCli(['inspect', '--json', proxy.url]);
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout)).toMatchObject({
      era: 'modern',
      serverInfo: { name: 'mcpkit-demo' },
    });
    expect(await runCli(['call', proxy.url, 'add', 'a=2', 'b=40'])).toMatchObject({
      code: 0,
      stdout: '42\n',
    });
    expect((await runCli(['call', proxy.url, 'fail'])).code).toBe(1);
  });

  it.each(['legacy', 'modern'] as const)(
    'keeps concurrent %s calls apart: each gets its own progress and answer',
    async (era) => {
      const client = await connect(era);
      try {
        expect(client.era).toBe(era);
        const calls = Array.from({ length: 6 }, async (_, index) => {
          const progress: number[] = [];
          const steps = 1 + (index % 3);
          const result = await client.callTool(
            'slow',
            { steps },
            { onProgress: ({ progress: step }) => progress.push(step) },
          );
          return { steps, progress, result };
        });
        for (const { steps, progress, result } of await Promise.all(calls)) {
          expect(result.content).toEqual([{ type: 'text', text: `done after ${steps} steps` }]);
          expect(progress).toEqual(Array.from({ length: steps }, (_, step) => step + 1));
        }
        const asked = await client.callTool('ask_name', {});
        expect(asked.content).toEqual([{ type: 'text', text: 'Hello, Ada!' }]);
      } finally {
        await client.close();
      }
    },
  );

  it('stops a legacy session’s server process when the session ends, and keeps few idle', async () => {
    // Processes ended by the previous test may still be exiting: wait until only idle ones remain.
    await waitFor(() => serverProcesses(proxy.child).length <= 2, 'earlier processes to end');
    const before = serverProcesses(proxy.child).length;
    const clients = await Promise.all([connect('legacy'), connect('legacy'), connect('legacy')]);
    expect(serverProcesses(proxy.child).length).toBeGreaterThanOrEqual(before + 3);
    // close() deletes the session (HTTP DELETE), which ends its process.
    await Promise.all(clients.map((client) => client.close()));
    await waitFor(() => serverProcesses(proxy.child).length <= before, 'processes to end');
    // Modern requests reuse idle processes: at most two are kept between requests.
    const modern = await connect('modern');
    await Promise.all(Array.from({ length: 5 }, () => modern.callTool('slow', { steps: 1 })));
    await modern.close();
    await waitFor(() => serverProcesses(proxy.child).length <= 2, 'idle processes to settle');
  });
});

describe('proxy --stdio-to-http with other servers and failures', () => {
  it('relays a server built with @modelcontextprotocol/sdk: the era probe falls back to legacy', async () => {
    const proxy = await startProxy(['--', process.execPath, 'test/interop/fixtures/v1-server.js']);
    const inspect = await runCli(['inspect', '--json', proxy.url]);
    expect(inspect.code).toBe(0);
    expect(JSON.parse(inspect.stdout)).toMatchObject({
      era: 'legacy',
      serverInfo: { name: 'interop-v1' },
    });
    expect(await runCli(['call', proxy.url, 'add', 'a=1', 'b=2'])).toMatchObject({
      code: 0,
      stdout: '3\n',
    });
    expect(await stopProxy(proxy.child)).toBe(0);
  });

  it('answers with an error when the server cannot start, and keeps serving', async () => {
    const proxy = await startProxy(['--', 'mcpkit-no-such-command']);
    const call = await runCli(['call', proxy.url, 'echo', 'text=hi']);
    expect(call.code).toBe(3);
    expect(call.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(proxy.child.exitCode).toBeNull();
    expect(await stopProxy(proxy.child)).toBe(0);
  });

  it('caps the server processes: past --max-processes, new work gets 503', async () => {
    const proxy = await startProxy(['--max-processes', '1', ...DEMO_SERVER]);
    const session = new McpClient({ name: 'proxy-test', version: '1.0.0' }, { version: 'legacy' });
    await session.connect(() => new StreamableHttpClientTransport(proxy.url));
    try {
      // The session holds the one process: a modern request finds none free.
      const busy = await fetch(proxy.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json, text/event-stream',
          'mcp-protocol-version': '2026-07-28',
          'mcp-method': 'server/discover',
        },
        body: JSON.stringify({
          jsonrpc: '2.0',
          id: 1,
          method: 'server/discover',
          params: {
            _meta: {
              'io.modelcontextprotocol/protocolVersion': '2026-07-28',
              'io.modelcontextprotocol/clientCapabilities': {},
              'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
            },
          },
        }),
      });
      expect(busy.status).toBe(503);
      expect(serverProcesses(proxy.child)).toHaveLength(1);
      // The session itself still works.
      expect((await session.callTool('add', { a: 1, b: 1 })).structuredContent).toEqual({
        sum: 2,
      });
    } finally {
      await session.close();
    }
    // Once the session ended, its process is free for other work again.
    await waitFor(() => serverProcesses(proxy.child).length === 0, 'the process to end');
    expect(await runCli(['call', proxy.url, 'echo', 'text=again'])).toMatchObject({
      code: 0,
      stdout: 'again\n',
    });
    expect(await stopProxy(proxy.child)).toBe(0);
  });

  it('exits 0 on SIGTERM, leaving no server process behind', async () => {
    const proxy = await startProxy(DEMO_SERVER);
    const client = new McpClient({ name: 'proxy-test', version: '1.0.0' }, { version: 'legacy' });
    await client.connect(() => new StreamableHttpClientTransport(proxy.url));
    const processes = serverProcesses(proxy.child);
    expect(processes.length).toBeGreaterThan(0);
    expect(await stopProxy(proxy.child)).toBe(0);
    await client.close().catch(() => {});
    const alive = processes.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });

  it('refuses bad usage with exit 2', async () => {
    const both = await runCli(['proxy', '--stdio-to-http', '0', '--http-to-stdio', 'http://x/']);
    expect(both.code).toBe(2);
    const remote = await runCli(['proxy', '--stdio-to-http', '0', 'http://127.0.0.1:1/mcp']);
    expect(remote).toMatchObject({ code: 2 });
    expect(remote.stderr).toMatch(/needs a stdio server/);
    const header = await runCli(['proxy', '--stdio-to-http', '0', '--header', 'A: b', '--', 'x']);
    expect(header.code).toBe(2);
    const cap = await runCli(['proxy', '--stdio-to-http', '0', '--max-processes', '0', '--', 'x']);
    expect(cap).toMatchObject({ code: 2 });
    expect(cap.stderr).toMatch(/--max-processes must be a whole number/);
    const address = await runCli(['proxy', '--stdio-to-http', 'nowhere', '--', 'x']);
    expect(address).toMatchObject({ code: 2 });
    expect(address.stderr).toMatch(/--stdio-to-http must be \[host:\]port/);
    const help = await runCli(['proxy', '--help']);
    expect(help.stdout).toMatch(/--stdio-to-http/);
  });
});
