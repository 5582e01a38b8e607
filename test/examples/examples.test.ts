// Runs the README's example end to end: a client spawns a stdio server built on mcpkit's engine
// (from the built package), gets progress and a result, an error code, and cancels a call.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

describe('examples', () => {
  it('echo-client talks to echo-server over stdio', async () => {
    const client = fileURLToPath(new URL('../../examples/echo-client.js', import.meta.url));
    const { stdout } = await run(process.execPath, [client], { timeout: 20_000 });
    const lines = stdout.split('\n').filter(Boolean);
    // The server's stderr travels on its own pipe, so its line may land anywhere before the end.
    const stderrLine = '  server stderr: echoed "hello, MCP"';
    expect(lines).toContain(stderrLine);
    expect(lines.filter((line) => line !== stderrLine)).toEqual([
      '  progress 1/3: step 1 of 3',
      '  progress 2/3: step 2 of 3',
      '  progress 3/3: step 3 of 3',
      'echo result: {"text":"hello, MCP"}',
      'bad params: error -32602 (echo needs a string "text")',
      'cancelled call: rejected locally, server told with notifications/cancelled',
      'server shut down',
    ]);
  });
});
