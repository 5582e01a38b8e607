// The stdio transports: a real child process for the client side, PassThrough streams for the
// server side.
import { describe, it, expect, afterEach } from 'vitest';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { ConnectionClosedError, LimitExceededError } from '../../src/jsonrpc/errors.js';
import { StdioClientTransport, ServerProcessError } from '../../src/node/stdio-client-transport.js';
import type { StdioClientTransportOptions } from '../../src/node/stdio-client-transport.js';
import { StdioServerTransport } from '../../src/node/stdio-server-transport.js';
import { DEFAULT_INHERITED_ENV_VARS } from '../../src/node/server-environment.js';
import type { Transport, TransportCloseInfo } from '../../src/transport/transport.js';
import type { JsonRpcRequest } from '../../src/spec/jsonrpc.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

const openTransports: StdioClientTransport[] = [];

afterEach(async () => {
  await Promise.all(openTransports.splice(0).map((transport) => transport.close()));
});

function client(
  name: string,
  options: Partial<StdioClientTransportOptions> = {},
  args: string[] = [],
): StdioClientTransport {
  const transport = new StdioClientTransport({
    command: process.execPath,
    args: [fixture(name), ...args],
    ...options,
  });
  openTransports.push(transport);
  return transport;
}

/** Records every close; `closed` resolves with the first. */
function watchClose(transport: Transport): {
  closes: TransportCloseInfo[];
  closed: Promise<TransportCloseInfo>;
} {
  const closes: TransportCloseInfo[] = [];
  const closed = new Promise<TransportCloseInfo>((resolve) =>
    transport.onClose((info) => {
      closes.push(info);
      resolve(info);
    }),
  );
  return { closes, closed };
}

let nextId = 1;
async function request(
  transport: Transport,
  method: string,
  params: Record<string, unknown> = {},
): Promise<Record<string, unknown>> {
  const id = nextId++;
  const response = new Promise<Record<string, unknown>>((resolve) => {
    const registration = transport.onMessage((message) => {
      const reply = message as { id?: unknown; result: Record<string, unknown> };
      if (reply.id !== id) return;
      registration.dispose();
      resolve(reply.result);
    });
  });
  const message: JsonRpcRequest = { jsonrpc: '2.0', id, method, params };
  await transport.send(message);
  return response;
}

const later = (milliseconds: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, milliseconds));

describe('StdioClientTransport', () => {
  it('round-trips requests with a real child, and closes it gracefully via stdin', async () => {
    const transport = client('echo-server.js');
    const { closes } = watchClose(transport);
    await transport.start();
    expect(typeof transport.pid).toBe('number');
    const results = await Promise.all(
      ['a', 'é😀\u2028', 'c'].map((text) => request(transport, 'echo', { text })),
    );
    expect(results).toEqual([
      { echo: { text: 'a' } },
      { echo: { text: 'é😀\u2028' } },
      { echo: { text: 'c' } },
    ]);
    await transport.close();
    expect(transport.exitStatus).toEqual({ code: 0, signal: null });
    expect(closes).toEqual([{}]);
    expect(() => transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(ConnectionClosedError);
  });

  it('closes with an error naming the exit code and quoting stderr when the child crashes', async () => {
    const transport = client('crash-server.js');
    const { closes, closed } = watchClose(transport);
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, method: 'tools/call' });
    const info = await closed;
    expect(info.error).toBeInstanceOf(ServerProcessError);
    expect(info.error?.message).toMatch(/exited unexpectedly with code 3/);
    expect(info.error?.message).toMatch(/fatal: the database is on fire/);
    expect((info.error as ServerProcessError).exit).toEqual({ code: 3, signal: null });
    expect(transport.closed).toBe(true);
    expect(() => transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(ConnectionClosedError);
    await transport.close();
    await later(50);
    expect(closes).toHaveLength(1);
  });

  it('closes with an error when the command does not exist, without an unhandled rejection', async () => {
    const transport = new StdioClientTransport({ command: 'mcpkit-test-no-such-command' });
    const { closes, closed } = watchClose(transport);
    await expect(transport.start()).rejects.toThrow(/ENOENT/);
    const info = await closed;
    expect(info.error).toBeInstanceOf(ServerProcessError);
    expect(info.error?.message).toMatch(/Could not start.*mcpkit-test-no-such-command.*ENOENT/);
    expect(transport.closed).toBe(true);
    await transport.close();
    await later(50);
    expect(closes).toHaveLength(1);
  });

  it('escalates from closing stdin to SIGTERM to SIGKILL, in that order', async () => {
    const transport = client('stubborn-server.js', {
      exitTimeoutMs: 1000,
      terminateTimeoutMs: 1000,
    });
    const stderr: string[] = [];
    transport.onStderr((line) => stderr.push(line));
    const { closes } = watchClose(transport);
    await transport.start();
    await request(transport, 'ping'); // its signal handler is installed by now
    await transport.close();
    expect(stderr).toEqual(['stdin closed', 'got SIGTERM']);
    expect(transport.exitStatus).toEqual({ code: null, signal: 'SIGKILL' });
    expect(closes).toEqual([{}]);
  });

  it('stops at SIGTERM when that is enough', async () => {
    const transport = client(
      'stubborn-server.js',
      { exitTimeoutMs: 1000, terminateTimeoutMs: 10_000 },
      ['--obey-sigterm'],
    );
    const stderr: string[] = [];
    transport.onStderr((line) => stderr.push(line));
    await transport.start();
    await request(transport, 'ping');
    await transport.close();
    expect(stderr).toEqual(['stdin closed', 'got SIGTERM']);
    expect(transport.exitStatus).toEqual({ code: 143, signal: null });
  });

  it('passes only allowlisted variables, plus the ones given, unless told to inherit all', async () => {
    process.env['MCPKIT_TEST_SECRET'] = 'do-not-leak';
    try {
      const isolated = client('echo-server.js', { env: { MCPKIT_TEST_GIVEN: 'given' } });
      await isolated.start();
      expect(await request(isolated, 'env', { name: 'MCPKIT_TEST_SECRET' })).toEqual({
        value: null,
      });
      expect(await request(isolated, 'env', { name: 'MCPKIT_TEST_GIVEN' })).toEqual({
        value: 'given',
      });
      expect(await request(isolated, 'env', { name: 'PATH' })).toEqual({
        value: process.env['PATH'] ?? null,
      });
      expect(DEFAULT_INHERITED_ENV_VARS).not.toContain('MCPKIT_TEST_SECRET');

      const inheriting = client('echo-server.js', { inheritEnv: true });
      await inheriting.start();
      expect(await request(inheriting, 'env', { name: 'MCPKIT_TEST_SECRET' })).toEqual({
        value: 'do-not-leak',
      });
    } finally {
      delete process.env['MCPKIT_TEST_SECRET'];
    }
  });

  it('exposes stderr as lines and as a stream', async () => {
    const transport = client('echo-server.js');
    const lines: string[] = [];
    transport.onStderr((line) => lines.push(line));
    await transport.start();
    const raw: Buffer[] = [];
    transport.stderr?.on('data', (chunk: Buffer) => raw.push(chunk));
    await request(transport, 'log', { lines: ['first', 'second é'] });
    await transport.close();
    expect(lines).toEqual(['first', 'second é']);
    expect(Buffer.concat(raw).toString('utf8')).toBe('first\nsecond é\n');
  });

  it('has no stderr stream when stderr is ignored', async () => {
    const transport = client('echo-server.js', { stderr: 'ignore' });
    await transport.start();
    expect(transport.stderr).toBeNull();
    expect(await request(transport, 'echo', { ok: true })).toEqual({ echo: { ok: true } });
  });

  it('delivers the whole messages of a child that dies mid-line and says the rest was cut', async () => {
    const transport = client('partial-line-server.js');
    const received: unknown[] = [];
    transport.onMessage((message) => received.push(message));
    const { closed } = watchClose(transport);
    await transport.start();
    const info = await closed;
    expect(received).toEqual([{ jsonrpc: '2.0', method: 'whole' }]);
    expect(info.error?.message).toMatch(/code 0/);
    expect(info.error?.message).toMatch(/inside a message \(\d+ bytes discarded\)/);
  });

  it('survives writing to a child that closed its stdin (EPIPE) and reports the exit', async () => {
    const transport = client('closes-stdin-server.js', { exitTimeoutMs: 5000 });
    const lines: string[] = [];
    transport.onStderr((line) => lines.push(line));
    const { closes, closed } = watchClose(transport);
    await transport.start();
    while (lines.length === 0) await later(10);
    const big = { jsonrpc: '2.0' as const, method: 'x', params: { pad: 'x'.repeat(100_000) } };
    const sends: Promise<void>[] = [];
    for (let i = 0; i < 20 && !transport.closed; i++) sends.push(transport.send(big));
    const results = await Promise.allSettled(sends);
    const info = await closed;
    expect(info.error).toBeInstanceOf(ServerProcessError);
    expect(info.error?.message).toMatch(/code 7/);
    expect(info.error?.message).toMatch(/stdin failed: .*EPIPE/);
    expect(
      results.every((result) => result.status === 'fulfilled' || result.reason instanceof Error),
    ).toBe(true);
    expect(closes).toHaveLength(1);
  });

  it('shuts down a child that closes its stdout but keeps running', async () => {
    const transport = client('closes-stdout-server.js', { exitTimeoutMs: 200 });
    const { closed } = watchClose(transport);
    await transport.start();
    const info = await closed;
    expect(info.error?.message).toMatch(
      /killed by SIGTERM \(it closed its stdout but kept running\)/,
    );
    expect(info.error?.message).toMatch(/output closed/);
  });

  it('refuses to send before start', () => {
    const transport = new StdioClientTransport({ command: process.execPath });
    expect(() => transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(/before start/);
  });

  it('closes without spawning when closed before start', async () => {
    const transport = new StdioClientTransport({ command: process.execPath });
    const { closes } = watchClose(transport);
    await transport.close();
    expect(closes).toEqual([{}]);
    expect(transport.pid).toBeUndefined();
    await expect(transport.start()).rejects.toBeInstanceOf(ConnectionClosedError);
  });
});

function serverOver(options: { highWaterMark?: number; maxQueuedBytes?: number } = {}): {
  transport: StdioServerTransport;
  stdin: PassThrough;
  stdout: PassThrough;
  logs: PassThrough;
} {
  const stdin = new PassThrough();
  const stdout = new PassThrough(
    options.highWaterMark === undefined ? {} : { highWaterMark: options.highWaterMark },
  );
  const logs = new PassThrough();
  const transport = new StdioServerTransport({
    stdin,
    stdout,
    consoleTarget: logs,
    ...(options.maxQueuedBytes === undefined ? {} : { maxQueuedBytes: options.maxQueuedBytes }),
  });
  return { transport, stdin, stdout, logs };
}

function readAll(stream: PassThrough): string {
  const chunks: Buffer[] = [];
  for (
    let chunk = stream.read() as Buffer | null;
    chunk !== null;
    chunk = stream.read() as Buffer | null
  ) {
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

describe('StdioServerTransport', () => {
  it('reads newline-delimited messages from stdin, however they are chunked', async () => {
    const { transport, stdin } = serverOver();
    const received: unknown[] = [];
    const invalid: unknown[] = [];
    transport.onMessage((message) => received.push(message));
    transport.onInvalid((frame) => invalid.push(frame));
    await transport.start();
    const bytes = Buffer.from('{"id":1,"x":"é😀"}\r\n\n{"id":2}\nnope\n{"id":3}\n', 'utf8');
    for (let i = 0; i < bytes.length; i += 3) stdin.write(bytes.subarray(i, i + 3));
    await later(10);
    expect(received).toEqual([{ id: 1, x: 'é😀' }, { id: 2 }, { id: 3 }]);
    expect(invalid).toEqual([{ code: -32700, message: expect.any(String) }]);
    await transport.close();
  });

  it('passes large messages through in small writes and rejects lines past maxLineBytes', async () => {
    const stdin = new PassThrough();
    const transport = new StdioServerTransport({
      stdin,
      stdout: new PassThrough(),
      redirectConsole: false,
      maxLineBytes: 300_000,
    });
    const received: unknown[] = [];
    const invalid: { code: number }[] = [];
    transport.onMessage((message) => received.push(message));
    transport.onInvalid((frame) => invalid.push(frame));
    await transport.start();
    const large = { id: 1, blob: 'é'.repeat(100_000) };
    const tooLarge = { id: 2, blob: 'x'.repeat(300_000) };
    const bytes = Buffer.from(
      `${JSON.stringify(large)}\n${JSON.stringify(tooLarge)}\n{"id":3}\n`,
      'utf8',
    );
    for (let i = 0; i < bytes.length; i += 7) stdin.write(bytes.subarray(i, i + 7));
    await new Promise<void>((resolve) => stdin.end(resolve));
    await later(10);
    expect(received).toEqual([large, { id: 3 }]);
    expect(invalid.map((frame) => frame.code)).toEqual([-32600]);
  });

  it('writes one line per message to stdout', async () => {
    const { transport, stdout } = serverOver();
    await transport.start();
    await transport.send({ jsonrpc: '2.0', id: 1, result: { text: 'a\u2028b' } });
    await transport.send([{ jsonrpc: '2.0', method: 'n' }]);
    expect(readAll(stdout)).toBe(
      '{"jsonrpc":"2.0","id":1,"result":{"text":"a\u2028b"}}\n[{"jsonrpc":"2.0","method":"n"}]\n',
    );
    await transport.close();
  });

  it('queues behind backpressure until drain, keeping the order', async () => {
    const { transport, stdout } = serverOver({ highWaterMark: 64 });
    await transport.start();
    const messages = Array.from({ length: 20 }, (_, n) => ({
      jsonrpc: '2.0' as const,
      method: 'n',
      params: { n, pad: 'p'.repeat(50) },
    }));
    const firstLine = `${JSON.stringify(messages[0])}\n`;
    let settled = 0;
    const sends = messages.map((message) =>
      transport.send(message).then(() => {
        settled++;
      }),
    );
    await later(10);
    // Only the first line went to the stream; the rest wait for 'drain'.
    expect(stdout.writableLength).toBe(Buffer.byteLength(firstLine));
    expect(settled).toBe(1);
    const lines: string[] = [];
    let text = '';
    stdout.on('data', (chunk: Buffer) => {
      text += chunk.toString('utf8');
    });
    await Promise.all(sends);
    await later(10);
    lines.push(...text.split('\n').filter((line) => line !== ''));
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(messages);
    await transport.close();
  });

  it('refuses to queue past maxQueuedBytes', async () => {
    const message = { jsonrpc: '2.0' as const, method: 'n', params: { pad: 'p'.repeat(60) } };
    const size = Buffer.byteLength(`${JSON.stringify(message)}\n`);
    // The first line goes to the stream; two more fit in the queue, a third does not.
    const { transport } = serverOver({ highWaterMark: 16, maxQueuedBytes: 2 * size + 10 });
    await transport.start();
    void transport.send(message);
    void transport.send(message);
    void transport.send(message);
    expect(() => transport.send(message)).toThrow(LimitExceededError);
    await transport.close();
  });

  it('closes once when stdin ends, then refuses to send', async () => {
    const { transport, stdin } = serverOver();
    const { closes, closed } = watchClose(transport);
    await transport.start();
    stdin.end();
    expect(await closed).toEqual({});
    await later(10);
    expect(closes).toHaveLength(1);
    expect(transport.closed).toBe(true);
    expect(() => transport.send({ jsonrpc: '2.0', method: 'x' })).toThrow(ConnectionClosedError);
  });

  it('reports a message cut off by the end of stdin', async () => {
    const { transport, stdin } = serverOver();
    const { closed } = watchClose(transport);
    await transport.start();
    stdin.end('{"jsonrpc":"2.0","id":1,');
    expect((await closed).error?.message).toMatch(/inside a message/);
  });

  it('closes with an error when stdout fails, without crashing', async () => {
    const { transport, stdout } = serverOver();
    const { closed } = watchClose(transport);
    await transport.start();
    stdout.destroy(new Error('write EPIPE'));
    expect((await closed).error?.message).toMatch(/EPIPE/);
  });

  it('redirects console output off stdout while running, and restores it on close', async () => {
    const { transport, stdout, logs } = serverOver();
    const original = { log: console.log, info: console.info, debug: console.debug };
    await transport.start();
    expect(console.log).not.toBe(original.log);
    console.log('from a tool');
    console.info('info line');
    console.debug('debug line');
    console.warn('warn line');
    await transport.send({ jsonrpc: '2.0', method: 'n' });
    await transport.close();
    expect(console.log).toBe(original.log);
    expect(console.info).toBe(original.info);
    expect(console.debug).toBe(original.debug);
    expect(readAll(stdout)).toBe('{"jsonrpc":"2.0","method":"n"}\n');
    expect(readAll(logs)).toBe('from a tool\ninfo line\ndebug line\nwarn line\n');
  });

  it('leaves the console alone when asked to', async () => {
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    const original = console.log;
    const transport = new StdioServerTransport({ stdin, stdout, redirectConsole: false });
    await transport.start();
    expect(console.log).toBe(original);
    await transport.close();
  });
});
