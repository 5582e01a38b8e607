// The environment a spawned MCP server gets: an allowlist of harmless parent variables plus what
// the caller passes, so secrets in the client's environment do not leak into it (SECURITY.md T18).

const POSIX_VARIABLES = [
  'HOME',
  'LOGNAME',
  'PATH',
  'SHELL',
  'TERM',
  'USER',
  'LANG',
  'LC_ALL',
  'LC_CTYPE',
  'TMPDIR',
] as const;

const WINDOWS_VARIABLES = [
  'APPDATA',
  'COMSPEC',
  'HOMEDRIVE',
  'HOMEPATH',
  'LOCALAPPDATA',
  'PATH',
  'PATHEXT',
  'PROCESSOR_ARCHITECTURE',
  'PROGRAMFILES',
  'SYSTEMDRIVE',
  'SYSTEMROOT',
  'TEMP',
  'USERNAME',
  'USERPROFILE',
  'WINDIR',
] as const;

/** Parent variables a spawned server sees by default on this platform. */
export const DEFAULT_INHERITED_ENV_VARS: readonly string[] =
  process.platform === 'win32' ? WINDOWS_VARIABLES : POSIX_VARIABLES;

/** Variables to set (a string) or remove (`undefined`) in the server's environment. */
export type ServerEnvironment = Record<string, string | undefined>;

/**
 * The allowlisted variables of this process. A value that starts with `()` is left out: it would
 * be read as a function definition by a bash the server might start.
 */
export function defaultServerEnvironment(): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const name of DEFAULT_INHERITED_ENV_VARS) {
    const value = process.env[name];
    if (value === undefined || value.startsWith('()')) continue;
    environment[name] = value;
  }
  return environment;
}

/**
 * The server's environment: the allowlist (or, with `inheritAll`, every variable of this
 * process), then `overrides` on top.
 */
export function buildServerEnvironment(
  overrides: ServerEnvironment | undefined,
  inheritAll: boolean,
): Record<string, string> {
  // No prototype, so a variable named `__proto__` is just a variable.
  const environment = Object.create(null) as Record<string, string>;
  const base = inheritAll ? process.env : defaultServerEnvironment();
  for (const [name, value] of Object.entries(base)) {
    if (value !== undefined) environment[name] = value;
  }
  for (const [name, value] of Object.entries(overrides ?? {})) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  return environment;
}
