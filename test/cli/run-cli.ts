// Runs the built `mcpkit` binary (dist/cli/main.js, from `npm run build`) and collects its output.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CLI = 'dist/cli/main.js';
/** The demo server as a stdio target: `-- node dist/cli/main.js demo`. */
export const DEMO = ['--', process.execPath, CLI, 'demo'];

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function requireBuild(): void {
  if (!existsSync(`${ROOT}${CLI}`)) throw new Error(`${CLI} is missing: run npm run build first`);
}

export function runCli(args: readonly string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [CLI, ...args],
      { cwd: ROOT, env: { ...process.env, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => {
        const code = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

export interface ListeningCli {
  child: ChildProcess;
  /** The URL the command printed on stderr. */
  url: string;
  /** Everything it wrote to stderr so far. */
  stderr: () => string;
}

/** Starts `mcpkit <args>` (a command that listens) and waits for the URL it prints on stderr. */
export async function startListening(args: readonly string[]): Promise<ListeningCli> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let seen = '';
  child.stderr.setEncoding('utf8');
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: string) => {
      seen += chunk;
      const match = /serving .* at (\S+)/.exec(seen);
      if (match?.[1] !== undefined) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`mcpkit ${args[0]} exited with ${code}: ${seen}`)));
  });
  return { child, url, stderr: () => seen };
}

/** Stops a listening command with SIGTERM; resolves with its exit code. */
export async function stopListening(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}
