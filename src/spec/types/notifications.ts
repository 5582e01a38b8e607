// Notifications either side may send about a request: cancellation and progress.
import type { ProgressToken, RequestId } from '../jsonrpc.js';
import type { MetaObject, NotificationMetaObject } from './base.js';

/** Params of `notifications/cancelled` (2026-07-28). */
export type CancelledNotificationParams = {
  _meta?: NotificationMetaObject;
  /** The id of the request to cancel. */
  requestId: RequestId;
  /** Why; may be logged or shown. */
  reason?: string;
};

/**
 * Params of a legacy `notifications/cancelled`. `requestId` is optional in 2025-11-25 only
 * (cancelling a task uses `tasks/cancel`); earlier revisions require it.
 * @see {@link CancelledNotificationParams} for 2026-07-28.
 */
export type LegacyCancelledNotificationParams = {
  _meta?: MetaObject;
  requestId?: RequestId;
  reason?: string;
};

/**
 * The sender no longer wants the result of a request it sent. It may cross the response. In
 * 2026-07-28 the server sends it only to end a `subscriptions/listen` stream on stdio.
 */
export type CancelledNotification = {
  jsonrpc: '2.0';
  method: 'notifications/cancelled';
  params: CancelledNotificationParams;
};

/** Legacy `notifications/cancelled`. @see {@link CancelledNotification}. */
export type LegacyCancelledNotification = {
  jsonrpc: '2.0';
  method: 'notifications/cancelled';
  params: LegacyCancelledNotificationParams;
};

/** Params of `notifications/progress`. */
export type ProgressNotificationParams = {
  _meta?: NotificationMetaObject;
  /** The token from the request's `_meta.progressToken`. */
  progressToken: ProgressToken;
  /** Must grow with every notification; need not be an integer. */
  progress: number;
  /** The value `progress` will reach, if known. */
  total?: number;
  /** What is happening now. Since 2025-03-26. */
  message?: string;
};

/** Progress on a request that asked for it with a progress token. */
export type ProgressNotification = {
  jsonrpc: '2.0';
  method: 'notifications/progress';
  params: ProgressNotificationParams;
};
