// The `mcpkit` binary over Streamable HTTP: `mcpkit serve <module> --http 127.0.0.1:0` serves
// the demo server from a module, and the client commands reach it by URL, with headers.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBuild, runCli, startListening, stopListening } from './run-cli.js';

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

describe('mcpkit against a server module served over HTTP', () => {
  it('serve prints a loopback URL', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
  });

  it('inspect reaches it by URL', async () => {
    const run = await runCli(['inspect', url, '--header', 'X-Test: yes'], { NO_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/server: mcpkit-demo 0\.1\.0/);
    expect(run.stdout).toMatch(/ask_model/);
    expect(run.stdout).toMatch(/demo:\/\/logo\s+logo\s+image\/png/);
  });

  it('call, read, prompt and complete', async () => {
    expect(await runCli(['call', url, 'add', 'a=1', 'b=2'])).toMatchObject({
      code: 0,
      stdout: '3\n',
    });
    expect(await runCli(['read', url, 'demo://readme'])).toMatchObject({
      code: 0,
      stdout: 'This is the demo server of mcpkit.\n',
    });
    const binary = await runCli(['read', url, 'demo://logo']);
    expect(binary.stdout).toMatch(/^\[blob demo:\/\/logo: image\/png, \d+ bytes\]\n$/);
    expect(await runCli(['prompt', url, 'greeting'])).toMatchObject({
      code: 0,
      stdout: 'user: Say hello.\n',
    });
    const complete = await runCli([
      'complete',
      url,
      '--template',
      'demo://colour/{name}',
      'name',
      'm',
      '--json',
    ]);
    expect(JSON.parse(complete.stdout).values).toEqual(['magenta']);
  });

  it('refuses sampling: the server gets a missing-capability error', async () => {
    const run = await runCli(['call', url, 'ask_model']);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/sampling/);
  });

  it('a port nobody listens on is a connection error (exit 3)', async () => {
    const closed = await runCli(['discover', 'http://127.0.0.1:9/mcp', '--timeout', '5000']);
    expect(closed.code).toBe(3);
  });
});
