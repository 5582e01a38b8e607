// The `mcpkit` command on a real terminal (a pseudo-terminal from util-linux `script`): colour
// on a TTY and off under NO_COLOR, and elicitation answered interactively at the prompt.
import { spawn } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLI, ROOT, requireBuild } from './run-cli.js';

/** util-linux `script`, on every Debian system: it gives the command a pseudo-terminal. */
const SCRIPT = 'script';
const ESC = '\u001b[';

interface Terminal {
  /** Resolves once the terminal has shown text matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  type(line: string): void;
  exited: Promise<{ code: number | null; screen: string }>;
}

/** Runs `mcpkit <args>` with a pseudo-terminal as its stdin, stdout and stderr. */
function onTerminal(args: readonly string[], env: NodeJS.ProcessEnv = {}): Terminal {
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replace(/'/g, `'\\''`)}'`);
  const child = spawn(SCRIPT, ['-qec', quoted.join(' '), '/dev/null'], {
    cwd: ROOT,
    env: { ...process.env, TERM: 'xterm', NO_COLOR: undefined, FORCE_COLOR: undefined, ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let screen = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    screen += chunk;
    for (const waiter of [...waiters]) {
      if (waiter.pattern.test(screen)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve();
      }
    }
  });
  const exited = new Promise<{ code: number | null; screen: string }>((resolve) =>
    child.once('close', (code) => resolve({ code, screen })),
  );
  return {
    waitFor: (pattern) =>
      pattern.test(screen)
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiters.push({ pattern, resolve })),
    type: (line) => child.stdin.write(`${line}\r`),
    exited,
  };
}

const DEMO = ['--', process.execPath, CLI, 'demo'];

beforeAll(() => requireBuild());

describe('on a terminal', () => {
  it('colours the inspect output, and NO_COLOR turns colour off', async () => {
    const coloured = await onTerminal(['inspect', ...DEMO]).exited;
    expect(coloured.code).toBe(0);
    expect(coloured.screen).toContain('mcpkit-demo');
    expect(coloured.screen).toContain(ESC);
    const plain = await onTerminal(['inspect', ...DEMO], { NO_COLOR: '1' }).exited;
    expect(plain.code).toBe(0);
    expect(plain.screen).toContain('mcpkit-demo');
    expect(plain.screen).not.toContain(ESC);
  });

  it('asks the elicitation at the prompt and sends the typed answer', async () => {
    const terminal = onTerminal(['call', 'ask_name', ...DEMO], { NO_COLOR: '1' });
    await terminal.waitFor(/What is your name\?[\s\S]*Answer\? \[Y\/n\/c\(ancel\)\]/);
    terminal.type('y');
    await terminal.waitFor(/name: /);
    terminal.type('Ada');
    const { code, screen } = await terminal.exited;
    expect(code).toBe(0);
    expect(screen).toContain('Hello, Ada!');
  });

  it('declines when the user says no, and the tool reports it', async () => {
    const terminal = onTerminal(['call', 'ask_name', ...DEMO], { NO_COLOR: '1' });
    await terminal.waitFor(/Answer\? \[Y\/n\/c\(ancel\)\]/);
    terminal.type('n');
    const { code, screen } = await terminal.exited;
    expect(code).toBe(0);
    expect(screen).toContain('The user chose to decline.');
  });
});
