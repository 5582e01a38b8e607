// Log messages from server to client, their levels, and the legacy `logging/setLevel`.
import type { RequestId } from '../jsonrpc.js';
import type { LegacyRequestMetaObject, NotificationMetaObject } from './base.js';

/** Syslog severities (RFC 5424), from `debug` up to `emergency`. */
export type LoggingLevel =
  'debug' | 'info' | 'notice' | 'warning' | 'error' | 'critical' | 'alert' | 'emergency';

/** Params of `notifications/message`. */
export type LoggingMessageNotificationParams = {
  _meta?: NotificationMetaObject;
  level: LoggingLevel;
  /** Which part of the server logged it. */
  logger?: string;
  /** Anything JSON: a string, an object... Never secrets. */
  data: unknown;
};

/**
 * A log message. In 2026-07-28 only sent for a request whose `_meta` set a log level; in the
 * legacy revisions, at or above the level set with `logging/setLevel`.
 */
export type LoggingMessageNotification = {
  jsonrpc: '2.0';
  method: 'notifications/message';
  params: LoggingMessageNotificationParams;
};

/** Legacy only: params of `logging/setLevel`. */
export type SetLevelRequestParams = {
  _meta?: LegacyRequestMetaObject;
  /** The lowest level the client wants to receive. */
  level: LoggingLevel;
};

/** Legacy only: sets the session's log level. 2026-07-28 sets it per request in `_meta`. */
export type SetLevelRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'logging/setLevel';
  params: SetLevelRequestParams;
};
