// Log levels (RFC 5424 severities, as MCP names them) and the filter both eras apply.
import type { LoggingLevel } from '../spec/types/index.js';

const SEVERITY: Readonly<Record<LoggingLevel, number>> = {
  debug: 0,
  info: 1,
  notice: 2,
  warning: 3,
  error: 4,
  critical: 5,
  alert: 6,
  emergency: 7,
};

export function isLoggingLevel(value: unknown): value is LoggingLevel {
  return typeof value === 'string' && Object.hasOwn(SEVERITY, value);
}

/** Whether a message at `level` passes a threshold (`undefined`: nothing passes). */
export function passesLogThreshold(
  level: LoggingLevel,
  threshold: LoggingLevel | undefined,
): boolean {
  return threshold !== undefined && SEVERITY[level] >= SEVERITY[threshold];
}
