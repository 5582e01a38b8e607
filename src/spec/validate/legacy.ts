// The legacy-era validators (2025-11-25 shapes, which also accept 2024-11-05 … 2025-06-18 messages):
// every shape by its schema name, and tables by method name for dispatch, both directions.
import type {
  ClientRequestMethodName,
  NotificationMethodName,
  ServerRequestMethodName,
} from '../methods.js';
import { orAbsent, union } from './combinators.js';
import * as elicitation from './elicitation-schemas.js';
import {
  jsonRpcErrorResponse,
  jsonRpcMessage,
  jsonRpcNotification,
  jsonRpcRequest,
  jsonRpcResultResponse,
} from './envelope.js';
import * as L from './legacy-messages.js';
import * as shapes from './legacy-shapes.js';
import { methodTable, validatorsIn } from './message-shapes.js';
import type { MethodsOf } from './message-shapes.js';
import * as shared from './shared-shapes.js';

type LegacyRequestMethod = ClientRequestMethodName | ServerRequestMethodName;

/** Every 2025-11-25 shape mcpkit checks, under its `$defs` name in the schema. */
export const legacyValidators = {
  ...validatorsIn(shared),
  ...validatorsIn(elicitation),
  ...validatorsIn(shapes),
  ...validatorsIn(L),
  JSONRPCRequest: jsonRpcRequest,
  JSONRPCNotification: jsonRpcNotification,
  JSONRPCResultResponse: jsonRpcResultResponse,
  JSONRPCErrorResponse: jsonRpcErrorResponse,
  JSONRPCResponse: union(jsonRpcResultResponse, jsonRpcErrorResponse),
  JSONRPCMessage: jsonRpcMessage,
};

/**
 * Params of each request, client-to-server and server-to-client; `undefined` stands for absent
 * params where a request may leave them out.
 */
export const legacyRequestParams = methodTable({
  initialize: L.InitializeRequestParams,
  ping: orAbsent(L.RequestParams),
  'tools/list': orAbsent(L.PaginatedRequestParams),
  'tools/call': L.CallToolRequestParams,
  'prompts/list': orAbsent(L.PaginatedRequestParams),
  'prompts/get': L.GetPromptRequestParams,
  'resources/list': orAbsent(L.PaginatedRequestParams),
  'resources/templates/list': orAbsent(L.PaginatedRequestParams),
  'resources/read': L.ReadResourceRequestParams,
  'resources/subscribe': L.SubscribeRequestParams,
  'resources/unsubscribe': L.UnsubscribeRequestParams,
  'completion/complete': L.CompleteRequestParams,
  'logging/setLevel': L.SetLevelRequestParams,
  'tasks/get': L.TaskIdParams,
  'tasks/result': L.TaskIdParams,
  'tasks/cancel': L.TaskIdParams,
  'tasks/list': orAbsent(L.PaginatedRequestParams),
  'sampling/createMessage': shapes.CreateMessageRequestParams,
  'elicitation/create': shapes.ElicitRequestParams,
  'roots/list': orAbsent(L.RequestParams),
} satisfies MethodsOf<LegacyRequestMethod>);

/** Whole request messages, for issues whose paths start at the message (`params.name`). */
export const legacyRequests = methodTable({
  initialize: L.InitializeRequest,
  ping: L.PingRequest,
  'tools/list': L.ListToolsRequest,
  'tools/call': L.CallToolRequest,
  'prompts/list': L.ListPromptsRequest,
  'prompts/get': L.GetPromptRequest,
  'resources/list': L.ListResourcesRequest,
  'resources/templates/list': L.ListResourceTemplatesRequest,
  'resources/read': L.ReadResourceRequest,
  'resources/subscribe': L.SubscribeRequest,
  'resources/unsubscribe': L.UnsubscribeRequest,
  'completion/complete': L.CompleteRequest,
  'logging/setLevel': L.SetLevelRequest,
  'tasks/get': L.GetTaskRequest,
  'tasks/result': L.GetTaskPayloadRequest,
  'tasks/cancel': L.CancelTaskRequest,
  'tasks/list': L.ListTasksRequest,
  'sampling/createMessage': L.CreateMessageRequest,
  'elicitation/create': L.ElicitRequest,
  'roots/list': L.ListRootsRequest,
} satisfies MethodsOf<LegacyRequestMethod>);

/**
 * The result of each request. A request sent with `params.task` (2025-11-25 tasks) is answered
 * with a `CreateTaskResult` instead; check that with `legacyValidators.CreateTaskResult`.
 */
export const legacyResults = methodTable({
  initialize: L.InitializeResult,
  ping: L.EmptyResult,
  'tools/list': L.ListToolsResult,
  'tools/call': L.CallToolResult,
  'prompts/list': L.ListPromptsResult,
  'prompts/get': L.GetPromptResult,
  'resources/list': L.ListResourcesResult,
  'resources/templates/list': L.ListResourceTemplatesResult,
  'resources/read': L.ReadResourceResult,
  'resources/subscribe': L.EmptyResult,
  'resources/unsubscribe': L.EmptyResult,
  'completion/complete': L.CompleteResult,
  'logging/setLevel': L.EmptyResult,
  'tasks/get': L.GetTaskResult,
  'tasks/result': L.GetTaskPayloadResult,
  'tasks/cancel': L.CancelTaskResult,
  'tasks/list': L.ListTasksResult,
  'sampling/createMessage': shapes.CreateMessageResult,
  'elicitation/create': shapes.ElicitResult,
  'roots/list': shapes.ListRootsResult,
} satisfies MethodsOf<LegacyRequestMethod>);

/** Params of each notification, either direction; `undefined` stands for absent params. */
export const legacyNotificationParams = methodTable({
  'notifications/initialized': orAbsent(L.NotificationParams),
  'notifications/cancelled': L.CancelledNotificationParams,
  'notifications/progress': L.ProgressNotificationParams,
  'notifications/message': L.LoggingMessageNotificationParams,
  'notifications/resources/updated': L.ResourceUpdatedNotificationParams,
  'notifications/resources/list_changed': orAbsent(L.NotificationParams),
  'notifications/tools/list_changed': orAbsent(L.NotificationParams),
  'notifications/prompts/list_changed': orAbsent(L.NotificationParams),
  'notifications/roots/list_changed': orAbsent(L.NotificationParams),
  'notifications/elicitation/complete': L.ElicitationCompleteNotificationParams,
  'notifications/tasks/status': L.TaskStatusNotificationParams,
} satisfies MethodsOf<NotificationMethodName>);

export const legacyNotifications = methodTable({
  'notifications/initialized': L.InitializedNotification,
  'notifications/cancelled': L.CancelledNotification,
  'notifications/progress': L.ProgressNotification,
  'notifications/message': L.LoggingMessageNotification,
  'notifications/resources/updated': L.ResourceUpdatedNotification,
  'notifications/resources/list_changed': L.ResourceListChangedNotification,
  'notifications/tools/list_changed': L.ToolListChangedNotification,
  'notifications/prompts/list_changed': L.PromptListChangedNotification,
  'notifications/roots/list_changed': L.RootsListChangedNotification,
  'notifications/elicitation/complete': L.ElicitationCompleteNotification,
  'notifications/tasks/status': L.TaskStatusNotification,
} satisfies MethodsOf<NotificationMethodName>);
