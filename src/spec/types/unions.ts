// Every message each side may send, per era: the unions to switch on by `method`.
import type { EmptyResult, LegacyEmptyResult, Result } from './base.js';
import type {
  CompleteRequest,
  CompleteResult,
  LegacyCompleteRequest,
  LegacyCompleteResult,
} from './completion.js';
import type { DiscoverRequest, DiscoverResult } from './discover.js';
import type {
  LegacyElicitRequest,
  LegacyElicitResult,
  ElicitationCompleteNotification,
} from './elicitation.js';
import type {
  InitializeRequest,
  InitializeResult,
  InitializedNotification,
  PingRequest,
} from './lifecycle.js';
import type { LoggingMessageNotification, SetLevelRequest } from './logging.js';
import type { InputRequiredResult } from './mrtr.js';
import type {
  CancelledNotification,
  LegacyCancelledNotification,
  ProgressNotification,
} from './notifications.js';
import type {
  GetPromptRequest,
  GetPromptResult,
  LegacyGetPromptRequest,
  LegacyGetPromptResult,
  LegacyListPromptsRequest,
  LegacyListPromptsResult,
  ListPromptsRequest,
  ListPromptsResult,
  PromptListChangedNotification,
} from './prompts.js';
import type {
  LegacyListResourceTemplatesRequest,
  LegacyListResourceTemplatesResult,
  LegacyListResourcesRequest,
  LegacyListResourcesResult,
  LegacyReadResourceRequest,
  LegacyReadResourceResult,
  ListResourceTemplatesRequest,
  ListResourceTemplatesResult,
  ListResourcesRequest,
  ListResourcesResult,
  ReadResourceRequest,
  ReadResourceResult,
  ResourceListChangedNotification,
  ResourceUpdatedNotification,
  SubscribeRequest,
  UnsubscribeRequest,
} from './resources.js';
import type {
  LegacyListRootsRequest,
  LegacyListRootsResult,
  RootsListChangedNotification,
} from './roots.js';
import type { LegacyCreateMessageRequest, LegacyCreateMessageResult } from './sampling.js';
import type {
  SubscriptionsAcknowledgedNotification,
  SubscriptionsListenRequest,
  SubscriptionsListenResult,
} from './subscriptions.js';
import type {
  CancelTaskRequest,
  CancelTaskResult,
  GetTaskPayloadRequest,
  GetTaskPayloadResult,
  GetTaskRequest,
  GetTaskResult,
  ListTasksRequest,
  ListTasksResult,
  TaskStatusNotification,
} from './tasks.js';
import type {
  CallToolRequest,
  CallToolResult,
  LegacyCallToolRequest,
  LegacyCallToolResult,
  LegacyListToolsRequest,
  LegacyListToolsResult,
  ListToolsRequest,
  ListToolsResult,
  ToolListChangedNotification,
} from './tools.js';

/** Requests a client sends to a 2026-07-28 server. */
export type ClientRequest =
  | DiscoverRequest
  | ListResourcesRequest
  | ListResourceTemplatesRequest
  | ReadResourceRequest
  | SubscriptionsListenRequest
  | ListPromptsRequest
  | GetPromptRequest
  | ListToolsRequest
  | CallToolRequest
  | CompleteRequest;

/** Requests a client sends to a legacy (2025-11-25) server. @see {@link ClientRequest}. */
export type LegacyClientRequest =
  | InitializeRequest
  | PingRequest
  | LegacyListResourcesRequest
  | LegacyListResourceTemplatesRequest
  | LegacyReadResourceRequest
  | SubscribeRequest
  | UnsubscribeRequest
  | LegacyListPromptsRequest
  | LegacyGetPromptRequest
  | LegacyListToolsRequest
  | LegacyCallToolRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | CancelTaskRequest
  | ListTasksRequest
  | SetLevelRequest
  | LegacyCompleteRequest;

/** Notifications a client sends in 2026-07-28: only cancellation. */
export type ClientNotification = CancelledNotification;

/** Notifications a client sends in the legacy revisions. @see {@link ClientNotification}. */
export type LegacyClientNotification =
  | LegacyCancelledNotification
  | InitializedNotification
  | ProgressNotification
  | TaskStatusNotification
  | RootsListChangedNotification;

/**
 * Results a client sends in 2026-07-28. Clients answer no requests any more (input requests are
 * answered inside the retried request), so this is just the base.
 */
export type ClientResult = Result;

/** Results a client sends to a legacy server. @see {@link ClientResult}. */
export type LegacyClientResult =
  | LegacyEmptyResult
  | GetTaskResult
  | GetTaskPayloadResult
  | CancelTaskResult
  | ListTasksResult
  | LegacyCreateMessageResult
  | LegacyListRootsResult
  | LegacyElicitResult;

/**
 * Legacy only: requests a server sends to a client. A 2026-07-28 server sends none; it returns an
 * `InputRequiredResult` instead.
 */
export type ServerRequest =
  | PingRequest
  | GetTaskRequest
  | GetTaskPayloadRequest
  | CancelTaskRequest
  | ListTasksRequest
  | LegacyCreateMessageRequest
  | LegacyListRootsRequest
  | LegacyElicitRequest;

/** Notifications a 2026-07-28 server sends. */
export type ServerNotification =
  | CancelledNotification
  | ProgressNotification
  | ResourceListChangedNotification
  | SubscriptionsAcknowledgedNotification
  | ResourceUpdatedNotification
  | PromptListChangedNotification
  | ToolListChangedNotification
  | LoggingMessageNotification;

/** Notifications a legacy server sends. @see {@link ServerNotification}. */
export type LegacyServerNotification =
  | LegacyCancelledNotification
  | ProgressNotification
  | ResourceListChangedNotification
  | ResourceUpdatedNotification
  | PromptListChangedNotification
  | ToolListChangedNotification
  | TaskStatusNotification
  | LoggingMessageNotification
  | ElicitationCompleteNotification;

/** Results a 2026-07-28 server sends. */
export type ServerResult =
  | EmptyResult
  | InputRequiredResult
  | DiscoverResult
  | ListResourcesResult
  | ListResourceTemplatesResult
  | ReadResourceResult
  | SubscriptionsListenResult
  | ListPromptsResult
  | GetPromptResult
  | ListToolsResult
  | CallToolResult
  | CompleteResult;

/** Results a legacy server sends. @see {@link ServerResult}. */
export type LegacyServerResult =
  | LegacyEmptyResult
  | InitializeResult
  | LegacyListResourcesResult
  | LegacyListResourceTemplatesResult
  | LegacyReadResourceResult
  | LegacyListPromptsResult
  | LegacyGetPromptResult
  | LegacyListToolsResult
  | LegacyCallToolResult
  | GetTaskResult
  | GetTaskPayloadResult
  | CancelTaskResult
  | ListTasksResult
  | LegacyCompleteResult;
