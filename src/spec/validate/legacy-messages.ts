// 2025-11-25 request params, results, notifications and errors, and the whole messages around them,
// both directions (a legacy server also sends requests: ping, sampling, elicitation, roots, tasks).
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  discriminated,
  integer,
  jsonObject,
  jsonValue,
  number,
  object,
  optional,
  record,
  string,
  union,
} from './combinators.js';
import {
  errorObjectWithData,
  errorResponse,
  notificationMessage,
  requestMessage,
} from './message-shapes.js';
import {
  ClientCapabilities,
  CreateMessageRequestParams,
  ElicitRequestParams,
  ElicitRequestURLParams,
  LegacyRequestMetaObject,
  ServerCapabilities,
  Task,
  TaskMetadata,
  Tool,
  taskFields,
} from './legacy-shapes.js';
import {
  BlobResourceContents,
  ContentBlock,
  Implementation,
  LoggingLevel,
  MetaObject,
  ProgressToken,
  Prompt,
  PromptMessage,
  PromptReference,
  RequestId,
  Resource,
  ResourceTemplate,
  ResourceTemplateReference,
  TextResourceContents,
} from './shared-shapes.js';
import type { Validator } from './validator.js';

// --- Request params -------------------------------------------------------------------------

const meta = { _meta: optional(LegacyRequestMetaObject) };

export const RequestParams: Validator<T.LegacyRequestParams> = object(meta);
export const PaginatedRequestParams: Validator<T.LegacyPaginatedRequestParams> = object({
  ...meta,
  cursor: optional(string),
});
export const TaskAugmentedRequestParams: Validator<T.TaskAugmentedRequestParams> = object({
  ...meta,
  task: optional(TaskMetadata),
});
export const InitializeRequestParams: Validator<T.InitializeRequestParams> = object({
  ...meta,
  protocolVersion: string,
  capabilities: ClientCapabilities,
  clientInfo: Implementation,
});
export const CallToolRequestParams: Validator<T.LegacyCallToolRequestParams> = object({
  ...meta,
  name: string,
  arguments: optional(jsonObject),
  task: optional(TaskMetadata),
});
export const GetPromptRequestParams: Validator<T.LegacyGetPromptRequestParams> = object({
  ...meta,
  name: string,
  arguments: optional(record(string)),
});
export const ResourceRequestParams: Validator<T.LegacyResourceRequestParams> = object({
  ...meta,
  uri: string,
});
export const ReadResourceRequestParams: Validator<T.LegacyReadResourceRequestParams> =
  ResourceRequestParams;
export const SubscribeRequestParams: Validator<T.SubscribeRequestParams> = ResourceRequestParams;
export const UnsubscribeRequestParams: Validator<T.UnsubscribeRequestParams> =
  ResourceRequestParams;
export const CompleteRequestParams: Validator<T.LegacyCompleteRequestParams> = object({
  ...meta,
  ref: discriminated('type', {
    'ref/prompt': PromptReference,
    'ref/resource': ResourceTemplateReference,
  }),
  argument: object({ name: string, value: string }),
  context: optional(object({ arguments: optional(record(string)) })),
});
export const SetLevelRequestParams: Validator<T.SetLevelRequestParams> = object({
  ...meta,
  level: LoggingLevel,
});
/** Params of `tasks/get`, `tasks/result` and `tasks/cancel`. */
export const TaskIdParams: Validator<{ taskId: string }> = object({ taskId: string });

// --- Requests -------------------------------------------------------------------------------

export const InitializeRequest: Validator<T.InitializeRequest> = requestMessage(
  'initialize',
  InitializeRequestParams,
);
export const PingRequest: Validator<T.PingRequest> = requestMessage(
  'ping',
  optional(RequestParams),
);
export const ListToolsRequest: Validator<T.LegacyListToolsRequest> = requestMessage(
  'tools/list',
  optional(PaginatedRequestParams),
);
export const CallToolRequest: Validator<T.LegacyCallToolRequest> = requestMessage(
  'tools/call',
  CallToolRequestParams,
);
export const ListPromptsRequest: Validator<T.LegacyListPromptsRequest> = requestMessage(
  'prompts/list',
  optional(PaginatedRequestParams),
);
export const GetPromptRequest: Validator<T.LegacyGetPromptRequest> = requestMessage(
  'prompts/get',
  GetPromptRequestParams,
);
export const ListResourcesRequest: Validator<T.LegacyListResourcesRequest> = requestMessage(
  'resources/list',
  optional(PaginatedRequestParams),
);
export const ListResourceTemplatesRequest: Validator<T.LegacyListResourceTemplatesRequest> =
  requestMessage('resources/templates/list', optional(PaginatedRequestParams));
export const ReadResourceRequest: Validator<T.LegacyReadResourceRequest> = requestMessage(
  'resources/read',
  ReadResourceRequestParams,
);
export const SubscribeRequest: Validator<T.SubscribeRequest> = requestMessage(
  'resources/subscribe',
  SubscribeRequestParams,
);
export const UnsubscribeRequest: Validator<T.UnsubscribeRequest> = requestMessage(
  'resources/unsubscribe',
  UnsubscribeRequestParams,
);
export const CompleteRequest: Validator<T.LegacyCompleteRequest> = requestMessage(
  'completion/complete',
  CompleteRequestParams,
);
export const SetLevelRequest: Validator<T.SetLevelRequest> = requestMessage(
  'logging/setLevel',
  SetLevelRequestParams,
);
export const GetTaskRequest: Validator<T.GetTaskRequest> = requestMessage(
  'tasks/get',
  TaskIdParams,
);
export const GetTaskPayloadRequest: Validator<T.GetTaskPayloadRequest> = requestMessage(
  'tasks/result',
  TaskIdParams,
);
export const CancelTaskRequest: Validator<T.CancelTaskRequest> = requestMessage(
  'tasks/cancel',
  TaskIdParams,
);
export const ListTasksRequest: Validator<T.ListTasksRequest> = requestMessage(
  'tasks/list',
  optional(PaginatedRequestParams),
);
export const CreateMessageRequest: Validator<T.LegacyCreateMessageRequest> = requestMessage(
  'sampling/createMessage',
  CreateMessageRequestParams,
);
export const ElicitRequest: Validator<T.LegacyElicitRequest> = requestMessage(
  'elicitation/create',
  ElicitRequestParams,
);
export const ListRootsRequest: Validator<T.LegacyListRootsRequest> = requestMessage(
  'roots/list',
  optional(RequestParams),
);

export const ClientRequest: Validator<T.LegacyClientRequest> = discriminated('method', {
  initialize: InitializeRequest,
  ping: PingRequest,
  'tools/list': ListToolsRequest,
  'tools/call': CallToolRequest,
  'prompts/list': ListPromptsRequest,
  'prompts/get': GetPromptRequest,
  'resources/list': ListResourcesRequest,
  'resources/templates/list': ListResourceTemplatesRequest,
  'resources/read': ReadResourceRequest,
  'resources/subscribe': SubscribeRequest,
  'resources/unsubscribe': UnsubscribeRequest,
  'completion/complete': CompleteRequest,
  'logging/setLevel': SetLevelRequest,
  'tasks/get': GetTaskRequest,
  'tasks/result': GetTaskPayloadRequest,
  'tasks/cancel': CancelTaskRequest,
  'tasks/list': ListTasksRequest,
});

export const ServerRequest: Validator<T.ServerRequest> = discriminated('method', {
  ping: PingRequest,
  'sampling/createMessage': CreateMessageRequest,
  'elicitation/create': ElicitRequest,
  'roots/list': ListRootsRequest,
  'tasks/get': GetTaskRequest,
  'tasks/result': GetTaskPayloadRequest,
  'tasks/cancel': CancelTaskRequest,
  'tasks/list': ListTasksRequest,
});

// --- Results --------------------------------------------------------------------------------

const base = { _meta: optional(MetaObject) };
const page = { ...base, nextCursor: optional(string) };

export const Result: Validator<T.LegacyResult> = object(base);
export const EmptyResult: Validator<T.LegacyEmptyResult> = Result;
export const PaginatedResult: Validator<T.LegacyPaginatedResult> = object(page);
export const InitializeResult: Validator<T.InitializeResult> = object({
  ...base,
  protocolVersion: string,
  capabilities: ServerCapabilities,
  serverInfo: Implementation,
  instructions: optional(string),
});
export const ListToolsResult: Validator<T.LegacyListToolsResult> = object({
  ...page,
  tools: array(Tool),
});
export const ListPromptsResult: Validator<T.LegacyListPromptsResult> = object({
  ...page,
  prompts: array(Prompt),
});
export const ListResourcesResult: Validator<T.LegacyListResourcesResult> = object({
  ...page,
  resources: array(Resource),
});
export const ListResourceTemplatesResult: Validator<T.LegacyListResourceTemplatesResult> = object({
  ...page,
  resourceTemplates: array(ResourceTemplate),
});
export const ReadResourceResult: Validator<T.LegacyReadResourceResult> = object({
  ...base,
  contents: array(union(TextResourceContents, BlobResourceContents)),
});
export const CallToolResult: Validator<T.LegacyCallToolResult> = object({
  ...base,
  content: array(ContentBlock),
  structuredContent: optional(jsonObject),
  isError: optional(boolean),
});
export const GetPromptResult: Validator<T.LegacyGetPromptResult> = object({
  ...base,
  description: optional(string),
  messages: array(PromptMessage),
});
export const CompleteResult: Validator<T.LegacyCompleteResult> = object({
  ...base,
  completion: object({
    values: array(string),
    total: optional(integer),
    hasMore: optional(boolean),
  }),
});
export const CreateTaskResult: Validator<T.CreateTaskResult> = object({ ...base, task: Task });
export const GetTaskResult: Validator<T.GetTaskResult> = object({ ...base, ...taskFields });
export const CancelTaskResult: Validator<T.CancelTaskResult> = GetTaskResult;
export const GetTaskPayloadResult: Validator<T.GetTaskPayloadResult> = Result;
export const ListTasksResult: Validator<T.ListTasksResult> = object({
  ...page,
  tasks: array(Task),
});

// --- Notifications --------------------------------------------------------------------------

export const NotificationParams: Validator<T.NotificationParams> = object(base);
export const CancelledNotificationParams: Validator<T.LegacyCancelledNotificationParams> = object({
  ...base,
  requestId: optional(RequestId),
  reason: optional(string),
});
export const ProgressNotificationParams: Validator<T.ProgressNotificationParams> = object({
  ...base,
  progressToken: ProgressToken,
  progress: number,
  total: optional(number),
  message: optional(string),
});
export const LoggingMessageNotificationParams: Validator<T.LoggingMessageNotificationParams> =
  object({ ...base, level: LoggingLevel, logger: optional(string), data: jsonValue });
export const ResourceUpdatedNotificationParams: Validator<T.ResourceUpdatedNotificationParams> =
  object({ ...base, uri: string });
export const TaskStatusNotificationParams: Validator<T.TaskStatusNotificationParams> = object({
  ...base,
  ...taskFields,
});
export const ElicitationCompleteNotificationParams: Validator<{ elicitationId: string }> = object({
  elicitationId: string,
});

export const InitializedNotification: Validator<T.InitializedNotification> = notificationMessage(
  'notifications/initialized',
  optional(NotificationParams),
);
export const CancelledNotification: Validator<T.LegacyCancelledNotification> = notificationMessage(
  'notifications/cancelled',
  CancelledNotificationParams,
);
export const ProgressNotification: Validator<T.ProgressNotification> = notificationMessage(
  'notifications/progress',
  ProgressNotificationParams,
);
export const LoggingMessageNotification: Validator<T.LoggingMessageNotification> =
  notificationMessage('notifications/message', LoggingMessageNotificationParams);
export const ResourceUpdatedNotification: Validator<T.ResourceUpdatedNotification> =
  notificationMessage('notifications/resources/updated', ResourceUpdatedNotificationParams);
export const ResourceListChangedNotification: Validator<T.ResourceListChangedNotification> =
  notificationMessage('notifications/resources/list_changed', optional(NotificationParams));
export const ToolListChangedNotification: Validator<T.ToolListChangedNotification> =
  notificationMessage('notifications/tools/list_changed', optional(NotificationParams));
export const PromptListChangedNotification: Validator<T.PromptListChangedNotification> =
  notificationMessage('notifications/prompts/list_changed', optional(NotificationParams));
export const RootsListChangedNotification: Validator<T.RootsListChangedNotification> =
  notificationMessage('notifications/roots/list_changed', optional(NotificationParams));
export const ElicitationCompleteNotification: Validator<T.ElicitationCompleteNotification> =
  notificationMessage('notifications/elicitation/complete', ElicitationCompleteNotificationParams);
export const TaskStatusNotification: Validator<T.TaskStatusNotification> = notificationMessage(
  'notifications/tasks/status',
  TaskStatusNotificationParams,
);

export const ClientNotification: Validator<T.LegacyClientNotification> = discriminated('method', {
  'notifications/initialized': InitializedNotification,
  'notifications/cancelled': CancelledNotification,
  'notifications/progress': ProgressNotification,
  'notifications/roots/list_changed': RootsListChangedNotification,
  'notifications/tasks/status': TaskStatusNotification,
});

export const ServerNotification: Validator<T.LegacyServerNotification> = discriminated('method', {
  'notifications/cancelled': CancelledNotification,
  'notifications/progress': ProgressNotification,
  'notifications/message': LoggingMessageNotification,
  'notifications/resources/updated': ResourceUpdatedNotification,
  'notifications/resources/list_changed': ResourceListChangedNotification,
  'notifications/tools/list_changed': ToolListChangedNotification,
  'notifications/prompts/list_changed': PromptListChangedNotification,
  'notifications/elicitation/complete': ElicitationCompleteNotification,
  'notifications/tasks/status': TaskStatusNotification,
});

// --- Errors ---------------------------------------------------------------------------------

export const URLElicitationRequiredError: Validator<T.URLElicitationRequiredError> = errorResponse(
  errorObjectWithData(-32042, object({ elicitations: array(ElicitRequestURLParams) })),
);
