// The 2026-07-28 validators: every shape by its schema name, and tables by method name for
// dispatch (params of each request and notification, each result, the MRTR input requests).
import type {
  ClientRequestMethodName,
  NotificationMethodName,
  ServerRequestMethodName,
} from '../methods.js';
import * as elicitation from './elicitation-schemas.js';
import {
  jsonRpcErrorResponse,
  jsonRpcMessage,
  jsonRpcNotification,
  jsonRpcRequest,
  jsonRpcResultResponse,
} from './envelope.js';
import { orAbsent, union } from './combinators.js';
import { methodTable, validatorsIn } from './message-shapes.js';
import type { MethodsOf } from './message-shapes.js';
import * as M from './modern-messages.js';
import * as shapes from './modern-shapes.js';
import * as shared from './shared-shapes.js';

/** Every 2026-07-28 shape mcpkit checks, under its `$defs` name in the schema. */
export const modernValidators = {
  ...validatorsIn(shared),
  ...validatorsIn(elicitation),
  ...validatorsIn(shapes),
  ...validatorsIn(M),
  JSONRPCRequest: jsonRpcRequest,
  JSONRPCNotification: jsonRpcNotification,
  JSONRPCResultResponse: jsonRpcResultResponse,
  JSONRPCErrorResponse: jsonRpcErrorResponse,
  JSONRPCResponse: union(jsonRpcResultResponse, jsonRpcErrorResponse),
  JSONRPCMessage: jsonRpcMessage,
};

/** Params of each request a modern client sends (all required: they carry `_meta`). */
export const modernRequestParams = methodTable({
  'server/discover': M.RequestParams,
  'tools/list': M.PaginatedRequestParams,
  'tools/call': M.CallToolRequestParams,
  'prompts/list': M.PaginatedRequestParams,
  'prompts/get': M.GetPromptRequestParams,
  'resources/list': M.PaginatedRequestParams,
  'resources/templates/list': M.PaginatedRequestParams,
  'resources/read': M.ReadResourceRequestParams,
  'completion/complete': M.CompleteRequestParams,
  'subscriptions/listen': M.SubscriptionsListenRequestParams,
} satisfies MethodsOf<ClientRequestMethodName>);

/** Whole request messages, for issues whose paths start at the message (`params.name`). */
export const modernRequests = methodTable({
  'server/discover': M.DiscoverRequest,
  'tools/list': M.ListToolsRequest,
  'tools/call': M.CallToolRequest,
  'prompts/list': M.ListPromptsRequest,
  'prompts/get': M.GetPromptRequest,
  'resources/list': M.ListResourcesRequest,
  'resources/templates/list': M.ListResourceTemplatesRequest,
  'resources/read': M.ReadResourceRequest,
  'completion/complete': M.CompleteRequest,
  'subscriptions/listen': M.SubscriptionsListenRequest,
} satisfies MethodsOf<ClientRequestMethodName>);

/**
 * The result of each request. `tools/call`, `prompts/get` and `resources/read` may instead
 * answer with an `InputRequiredResult`; `resultType` tells which.
 */
export const modernResults = methodTable({
  'server/discover': M.DiscoverResult,
  'tools/list': M.ListToolsResult,
  'tools/call': M.CallToolResultOrInput,
  'prompts/list': M.ListPromptsResult,
  'prompts/get': M.GetPromptResultOrInput,
  'resources/list': M.ListResourcesResult,
  'resources/templates/list': M.ListResourceTemplatesResult,
  'resources/read': M.ReadResourceResultOrInput,
  'completion/complete': M.CompleteResult,
  'subscriptions/listen': M.SubscriptionsListenResult,
} satisfies MethodsOf<ClientRequestMethodName>);

/** Params of each notification, either direction; `undefined` stands for absent params. */
export const modernNotificationParams = methodTable({
  'notifications/cancelled': M.CancelledNotificationParams,
  'notifications/progress': M.ProgressNotificationParams,
  'notifications/message': M.LoggingMessageNotificationParams,
  'notifications/resources/updated': M.ResourceUpdatedNotificationParams,
  'notifications/resources/list_changed': orAbsent(M.NotificationParams),
  'notifications/tools/list_changed': orAbsent(M.NotificationParams),
  'notifications/prompts/list_changed': orAbsent(M.NotificationParams),
  'notifications/subscriptions/acknowledged': M.SubscriptionsAcknowledgedNotificationParams,
} satisfies MethodsOf<NotificationMethodName>);

export const modernNotifications = methodTable({
  'notifications/cancelled': M.CancelledNotification,
  'notifications/progress': M.ProgressNotification,
  'notifications/message': M.LoggingMessageNotification,
  'notifications/resources/updated': M.ResourceUpdatedNotification,
  'notifications/resources/list_changed': M.ResourceListChangedNotification,
  'notifications/tools/list_changed': M.ToolListChangedNotification,
  'notifications/prompts/list_changed': M.PromptListChangedNotification,
  'notifications/subscriptions/acknowledged': M.SubscriptionsAcknowledgedNotification,
} satisfies MethodsOf<NotificationMethodName>);

/** What a server may ask for inside `InputRequiredResult.inputRequests`, by method. */
export const modernInputRequests = methodTable({
  'sampling/createMessage': shapes.CreateMessageRequest,
  'elicitation/create': shapes.ElicitRequest,
  'roots/list': shapes.ListRootsRequest,
} satisfies MethodsOf<ServerRequestMethodName>);

/** What a client answers in `inputResponses`, by the method of the input request it answers. */
export const modernInputResponses = methodTable({
  'sampling/createMessage': shapes.CreateMessageResult,
  'elicitation/create': shapes.ElicitResult,
  'roots/list': shapes.ListRootsResult,
} satisfies MethodsOf<ServerRequestMethodName>);
