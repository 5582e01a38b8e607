// `subscriptions/listen` (2026-07-28): one long-lived stream per client for the notifications it
// asks for.
import type { RequestId } from '../jsonrpc.js';
import type {
  Implementation,
  NotificationMetaObject,
  RequestMetaObject,
  ResultType,
} from './base.js';

/** Which notifications to deliver on the stream; nothing else may be sent on it. */
export type SubscriptionFilter = {
  /** `notifications/tools/list_changed`. */
  toolsListChanged?: boolean;
  /** `notifications/prompts/list_changed`. */
  promptsListChanged?: boolean;
  /** `notifications/resources/list_changed`. */
  resourcesListChanged?: boolean;
  /** `notifications/resources/updated` for these URIs. */
  resourceSubscriptions?: string[];
};

/** Params of `subscriptions/listen`. */
export type SubscriptionsListenRequestParams = {
  _meta: RequestMetaObject;
  notifications: SubscriptionFilter;
};

/** Opens the notification stream. It stays open until cancelled. */
export type SubscriptionsListenRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'subscriptions/listen';
  params: SubscriptionsListenRequestParams;
};

/** `_meta` of the listen result: names the subscription. */
export type SubscriptionsListenResultMetaObject = {
  'io.modelcontextprotocol/serverInfo'?: Implementation;
  /** Tags every notification delivered on this stream. */
  'io.modelcontextprotocol/subscriptionId': RequestId;
  [key: string]: unknown;
};

/**
 * Sent only when the server ends the subscription gracefully (e.g. on shutdown); a dropped
 * connection sends nothing.
 */
export type SubscriptionsListenResult = {
  _meta: SubscriptionsListenResultMetaObject;
  resultType: ResultType;
};

/** The response to `subscriptions/listen`. */
export type SubscriptionsListenResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: SubscriptionsListenResult;
};

/** Params of `notifications/subscriptions/acknowledged`. */
export type SubscriptionsAcknowledgedNotificationParams = {
  _meta?: NotificationMetaObject;
  /** The part of the filter the server agreed to serve. */
  notifications: SubscriptionFilter;
};

/**
 * The first message of a subscription: which of the requested notification types the server
 * will actually send.
 */
export type SubscriptionsAcknowledgedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/subscriptions/acknowledged';
  params: SubscriptionsAcknowledgedNotificationParams;
};
