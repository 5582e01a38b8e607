// The CLI's error type and exit codes: every failure ends as one line on stderr and one of
// these codes, so scripts can tell a usage mistake from a failing tool or a broken server.

/** 0 success, 1 the tool reported `isError`, 2 the command line was wrong, 3 connection/protocol. */
export const ExitCode = {
  Success: 0,
  ToolError: 1,
  Usage: 2,
  Connection: 3,
} as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI explains itself; `exitCode` says which kind it is. */
export class CliError extends Error {
  override readonly name = 'CliError';
  readonly exitCode: ExitCode;

  constructor(exitCode: ExitCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.exitCode = exitCode;
  }
}

export function usageError(message: string): CliError {
  return new CliError(ExitCode.Usage, message);
}
