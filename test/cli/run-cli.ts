// Runs the built `mcpkit` binary (dist/cli/main.js, from `npm run build`) and collects its output.
import { execFile } from 'node:child_process';
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
