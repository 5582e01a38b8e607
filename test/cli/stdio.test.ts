// The `mcpkit` binary end to end over stdio: against its own demo server, a config-file target
// and a server built with @modelcontextprotocol/sdk; exit codes, --json and usage errors.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO, requireBuild, runCli } from './run-cli.js';

beforeAll(requireBuild);

describe('mcpkit against its demo server over stdio', () => {
  it('inspect shows era, version, server, instructions and every list', async () => {
    const run = await runCli(['inspect', ...DEMO], { NO_COLOR: '1' });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/server: mcpkit-demo 0\.1\.0/);
    expect(run.stdout).toMatch(/era: modern/);
    expect(run.stdout).toMatch(/protocol: 2026-07-28/);
    expect(run.stdout).toMatch(/instructions: A demo server/);
    expect(run.stdout).toMatch(/add\s+\{ a: number, b: number \}\s+Adds a and b/);
    expect(run.stdout).toMatch(/slow\s+\{ steps\?: integer \}/);
    expect(run.stdout).toMatch(/demo:\/\/readme\s+readme\s+text\/plain/);
    expect(run.stdout).toMatch(/demo:\/\/logo\s+logo\s+image\/png/);
    expect(run.stdout).toMatch(/demo:\/\/colour\/\{name\}/);
    expect(run.stdout).toMatch(/describe_colour\s+colour\s+Asks/);
    // NO_COLOR (and a pipe) mean no escape sequences at all.
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('inspect --json is one parseable document with the lists', async () => {
    const run = await runCli(['inspect', '--json', ...DEMO]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout);
    expect(document.era).toBe('modern');
    expect(document.serverInfo.name).toBe('mcpkit-demo');
    expect(document.tools.map((tool: { name: string }) => tool.name)).toEqual([
      'echo',
      'add',
      'slow',
      'fail',
      'ask_name',
      'ask_model',
      'list_roots',
    ]);
    expect(document.prompts).toHaveLength(2);
    expect(document.resourceTemplates[0].uriTemplate).toBe('demo://colour/{name}');
  });

  it('call prints the text result; key=value values are JSON when they parse', async () => {
    const echo = await runCli(['call', 'echo', 'text=hello world', ...DEMO]);
    expect(echo).toMatchObject({ code: 0, stdout: 'hello world\n' });
    const add = await runCli(['call', 'add', 'a=2', 'b=40', ...DEMO]);
    expect(add).toMatchObject({ code: 0, stdout: '42\n' });
    const json = await runCli(['call', 'add', '--args', '{"a":1,"b":2}', '--json', ...DEMO]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).structuredContent).toEqual({ sum: 3 });
  });

  it('call shows progress on stderr', async () => {
    const run = await runCli(['call', 'slow', 'steps=2', ...DEMO]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('done after 2 steps\n');
    expect(run.stderr).toContain('progress 2/2 step 2');
    expect(run.stderr).toContain('log info: {"step":2}');
  });

  it('a tool result with isError exits 1; an unknown tool (JSON-RPC -32602) exits 3', async () => {
    const failed = await runCli(['call', 'fail', ...DEMO]);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('This tool always fails');
    const unknown = await runCli(['call', 'no_such_tool', ...DEMO]);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr.trim().split('\n')).toHaveLength(1);
    expect(unknown.stderr).toMatch(/no_such_tool.*-32602/);
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });

  it('elicitation without a terminal is declined', async () => {
    const run = await runCli(['call', 'ask_name', ...DEMO]);
    expect(run).toMatchObject({ code: 0, stdout: 'The user chose to decline.\n' });
  });

  it('shows a sampling request and refuses it: modern, the call fails; legacy, the tool sees -1', async () => {
    const modern = await runCli(['call', 'ask_model', ...DEMO]);
    expect(modern.code).toBe(3);
    expect(modern.stderr).toContain('The server asked the model');
    expect(modern.stderr).toContain('user: What is the capital of France?');
    expect(modern.stderr).toMatch(/User rejected sampling request \(JSON-RPC error -1\)/);
    const v1 = ['--', process.execPath, 'test/interop/fixtures/v1-server.js'];
    const legacy = await runCli(['call', 'ask_model', 'question=Why?', ...v1]);
    expect(legacy.code).toBe(1);
    expect(legacy.stderr).toContain('user: Why?');
    expect(legacy.stdout).toContain('User rejected sampling request');
  });

  it('read, prompt, complete and discover', async () => {
    const read = await runCli(['read', 'demo://colour/red', ...DEMO]);
    expect(read.code).toBe(0);
    expect(JSON.parse(read.stdout)).toEqual({ uri: 'demo://colour/red', colour: 'red' });
    const prompt = await runCli(['prompt', 'describe_colour', 'colour=blue', ...DEMO]);
    expect(prompt).toMatchObject({ code: 0, stdout: 'user: Describe the colour blue.\n' });
    const complete = await runCli([
      'complete',
      '--prompt',
      'describe_colour',
      'colour',
      'g',
      ...DEMO,
    ]);
    expect(complete).toMatchObject({ code: 0, stdout: 'green\n' });
    const template = await runCli([
      'complete',
      '--template',
      'demo://colour/{name}',
      'name',
      'c',
      '--json',
      ...DEMO,
    ]);
    expect(JSON.parse(template.stdout).values).toEqual(['cyan']);
    const discover = await runCli(['discover', '--json', ...DEMO]);
    expect(discover.code).toBe(0);
    expect(JSON.parse(discover.stdout)).toMatchObject({
      era: 'modern',
      protocolVersion: '2026-07-28',
    });
    expect(JSON.parse(discover.stdout).supportedVersions).toContain('2024-11-05');
  });

  it('--verbose prints the JSON-RPC traffic on stderr', async () => {
    const run = await runCli(['call', 'echo', 'text=x', '--verbose', ...DEMO]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/→ \{"jsonrpc":"2\.0".*"method":"tools\/call"/);
    expect(run.stderr).toMatch(/← \{"jsonrpc":"2\.0"/);
  });
});

describe('mcpkit usage errors exit 2', () => {
  it.each([
    [[]],
    [['frobnicate']],
    [['inspect']],
    [['inspect', 'not-a-url']],
    [['call', ...DEMO]],
    [['call', 'echo', 'novalue', ...DEMO]],
    [['inspect', '--no-such-option', ...DEMO]],
    [['inspect', '--timeout', 'soon', ...DEMO]],
    [['complete', 'colour', 'g', ...DEMO]],
    [['serve']],
    [['demo', '--http', 'nonsense:port']],
  ])('%j', async (args) => {
    const run = await runCli(args);
    expect(run.code).toBe(2);
  });

  it('--help on every command exits 0 with examples', async () => {
    for (const command of [
      'inspect',
      'discover',
      'call',
      'read',
      'prompt',
      'complete',
      'demo',
      'serve',
    ]) {
      const run = await runCli([command, '--help']);
      expect(run.code, command).toBe(0);
      expect(run.stdout, command).toMatch(/Usage: mcpkit/);
      expect(run.stdout, command).toMatch(/Examples:/);
    }
  });

  it('a server that cannot be started is a connection error (exit 3), one line', async () => {
    const run = await runCli(['inspect', '--', 'mcpkit-no-such-command-xyz']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('mcpkit with other targets over stdio', () => {
  it('names a server from an mcpServers config file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mcpkit-cli-'));
    const config = join(dir, 'mcp.json');
    writeFileSync(
      config,
      JSON.stringify({
        mcpServers: {
          demo: {
            command: process.execPath,
            args: ['dist/cli/main.js', 'demo'],
            env: { UNUSED: '1' },
          },
        },
      }),
    );
    const run = await runCli(['call', 'demo', 'echo', 'text=from config', '--config', config]);
    expect(run).toMatchObject({ code: 0, stdout: 'from config\n' });
    const missing = await runCli(['inspect', 'other', '--config', config]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('servers: demo');
  });

  it('drives a server built with @modelcontextprotocol/sdk (legacy era)', async () => {
    const v1 = ['--', process.execPath, 'test/interop/fixtures/v1-server.js'];
    const inspect = await runCli(['inspect', '--json', ...v1]);
    expect(inspect.code).toBe(0);
    const document = JSON.parse(inspect.stdout);
    expect(document).toMatchObject({ era: 'legacy', serverInfo: { name: 'interop-v1' } });
    expect(document.tools.map((tool: { name: string }) => tool.name)).toContain('echo');
    const call = await runCli(['call', 'add', 'a=1', 'b=2', ...v1]);
    expect(call).toMatchObject({ code: 0, stdout: '3\n' });
    const read = await runCli(['read', 'colour://red', ...v1]);
    expect(read).toMatchObject({ code: 0, stdout: 'colour red\n' });
  });
});
