// 2026-07-28 request params, results, notifications and errors, and the whole messages around them.
// Every request's `_meta` must carry the protocol version and client capabilities.
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonObject,
  jsonValue,
  literal,
  number,
  object,
  optional,
  record,
  string,
  union,
} from './combinators.js';
import {
  errorObject,
  errorObjectWithData,
  errorResponse,
  notificationMessage,
  requestMessage,
  resultResponse,
} from './message-shapes.js';
import {
  ClientCapabilities,
  InputRequiredResult,
  InputResponses,
  NotificationMetaObject,
  RequestMetaObject,
  ResultMetaObject,
  ServerCapabilities,
  SubscriptionsListenResultMetaObject,
  Tool,
} from './modern-shapes.js';
import {
  BlobResourceContents,
  ContentBlock,
  LoggingLevel,
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

/** A cacheable result as received: its cache hints may be missing (see `cacheable` below). */
export type InboundCacheable<R extends { ttlMs: number; cacheScope: T.CacheScope }> = Omit<
  R,
  'ttlMs' | 'cacheScope'
> &
  Partial<Pick<R, 'ttlMs' | 'cacheScope'>>;

type ResponseTo<R> = { jsonrpc: '2.0'; id: T.RequestId; result: R };

// --- Request params -------------------------------------------------------------------------

const meta = { _meta: RequestMetaObject };
/** What a client adds when it retries a request after an `InputRequiredResult`. */
const retry = { inputResponses: optional(InputResponses), requestState: optional(string) };

export const RequestParams: Validator<T.RequestParams> = object(meta);
export const PaginatedRequestParams: Validator<T.PaginatedRequestParams> = object({
  ...meta,
  cursor: optional(string),
});
export const InputResponseRequestParams: Validator<T.InputResponseRequestParams> = object({
  ...meta,
  ...retry,
});
export const CallToolRequestParams: Validator<T.CallToolRequestParams> = object({
  ...meta,
  name: string,
  arguments: optional(jsonObject),
  ...retry,
});
export const GetPromptRequestParams: Validator<T.GetPromptRequestParams> = object({
  ...meta,
  name: string,
  arguments: optional(record(string)),
  ...retry,
});
export const ResourceRequestParams: Validator<T.ResourceRequestParams> = object({
  ...meta,
  uri: string,
});
export const ReadResourceRequestParams: Validator<T.ReadResourceRequestParams> = object({
  ...meta,
  uri: string,
  ...retry,
});
export const CompleteRequestParams: Validator<T.CompleteRequestParams> = object({
  ...meta,
  ref: discriminated('type', {
    'ref/prompt': PromptReference,
    'ref/resource': ResourceTemplateReference,
  }),
  argument: object({ name: string, value: string }),
  context: optional(object({ arguments: optional(record(string)) })),
});
export const SubscriptionFilter: Validator<T.SubscriptionFilter> = object({
  toolsListChanged: optional(boolean),
  promptsListChanged: optional(boolean),
  resourcesListChanged: optional(boolean),
  resourceSubscriptions: optional(array(string)),
});
export const SubscriptionsListenRequestParams: Validator<T.SubscriptionsListenRequestParams> =
  object({ ...meta, notifications: SubscriptionFilter });

// --- Requests -------------------------------------------------------------------------------

export const DiscoverRequest: Validator<T.DiscoverRequest> = requestMessage(
  'server/discover',
  RequestParams,
);
export const ListToolsRequest: Validator<T.ListToolsRequest> = requestMessage(
  'tools/list',
  PaginatedRequestParams,
);
export const CallToolRequest: Validator<T.CallToolRequest> = requestMessage(
  'tools/call',
  CallToolRequestParams,
);
export const ListPromptsRequest: Validator<T.ListPromptsRequest> = requestMessage(
  'prompts/list',
  PaginatedRequestParams,
);
export const GetPromptRequest: Validator<T.GetPromptRequest> = requestMessage(
  'prompts/get',
  GetPromptRequestParams,
);
export const ListResourcesRequest: Validator<T.ListResourcesRequest> = requestMessage(
  'resources/list',
  PaginatedRequestParams,
);
export const ListResourceTemplatesRequest: Validator<T.ListResourceTemplatesRequest> =
  requestMessage('resources/templates/list', PaginatedRequestParams);
export const ReadResourceRequest: Validator<T.ReadResourceRequest> = requestMessage(
  'resources/read',
  ReadResourceRequestParams,
);
export const CompleteRequest: Validator<T.CompleteRequest> = requestMessage(
  'completion/complete',
  CompleteRequestParams,
);
export const SubscriptionsListenRequest: Validator<T.SubscriptionsListenRequest> = requestMessage(
  'subscriptions/listen',
  SubscriptionsListenRequestParams,
);

export const ClientRequest: Validator<T.ClientRequest> = discriminated('method', {
  'server/discover': DiscoverRequest,
  'tools/list': ListToolsRequest,
  'tools/call': CallToolRequest,
  'prompts/list': ListPromptsRequest,
  'prompts/get': GetPromptRequest,
  'resources/list': ListResourcesRequest,
  'resources/templates/list': ListResourceTemplatesRequest,
  'resources/read': ReadResourceRequest,
  'completion/complete': CompleteRequest,
  'subscriptions/listen': SubscriptionsListenRequest,
});

// --- Results --------------------------------------------------------------------------------

/** A final result says so; `"input_required"` is only for {@link InputRequiredResult}. */
const complete = { _meta: optional(ResultMetaObject), resultType: literal('complete') };
/**
 * Servers MUST send cache hints, but a client SHOULD read a missing `ttlMs` as 0 and a negative
 * one as 0 (caching.mdx), so on the way in they are optional and any integer.
 */
const cacheable = {
  ...complete,
  ttlMs: optional(integer),
  cacheScope: optional(enumOf('public', 'private')),
};
const page = { nextCursor: optional(string) };

export const Result: Validator<T.Result> = object(complete);
export const EmptyResult: Validator<T.EmptyResult> = Result;
export const PaginatedResult: Validator<T.PaginatedResult> = object({ ...complete, ...page });
export const CacheableResult: Validator<InboundCacheable<T.CacheableResult>> = object(cacheable);

export const DiscoverResult: Validator<InboundCacheable<T.DiscoverResult>> = object({
  ...cacheable,
  supportedVersions: array(string),
  capabilities: ServerCapabilities,
  instructions: optional(string),
});
export const ListToolsResult: Validator<InboundCacheable<T.ListToolsResult>> = object({
  ...cacheable,
  ...page,
  tools: array(Tool),
});
export const ListPromptsResult: Validator<InboundCacheable<T.ListPromptsResult>> = object({
  ...cacheable,
  ...page,
  prompts: array(Prompt),
});
export const ListResourcesResult: Validator<InboundCacheable<T.ListResourcesResult>> = object({
  ...cacheable,
  ...page,
  resources: array(Resource),
});
export const ListResourceTemplatesResult: Validator<
  InboundCacheable<T.ListResourceTemplatesResult>
> = object({
  ...cacheable,
  ...page,
  resourceTemplates: array(ResourceTemplate),
});
export const ReadResourceResult: Validator<InboundCacheable<T.ReadResourceResult>> = object({
  ...cacheable,
  contents: array(union(TextResourceContents, BlobResourceContents)),
});
export const CallToolResult: Validator<T.CallToolResult> = object({
  ...complete,
  content: array(ContentBlock),
  structuredContent: optional(jsonValue),
  isError: optional(boolean),
});
export const GetPromptResult: Validator<T.GetPromptResult> = object({
  ...complete,
  description: optional(string),
  messages: array(PromptMessage),
});
export const CompleteResult: Validator<T.CompleteResult> = object({
  ...complete,
  completion: object({
    values: array(string, 100),
    total: optional(integer),
    hasMore: optional(boolean),
  }),
});
export const SubscriptionsListenResult: Validator<T.SubscriptionsListenResult> = object({
  _meta: SubscriptionsListenResultMetaObject,
  resultType: literal('complete'),
});

/** A result of a request that may instead ask for input first (MRTR), told apart by `resultType`. */
function orInputRequired<R extends object>(result: Validator<R>) {
  return discriminated('resultType', { complete: result, input_required: InputRequiredResult });
}

export const CallToolResultOrInput = orInputRequired(CallToolResult);
export const GetPromptResultOrInput = orInputRequired(GetPromptResult);
export const ReadResourceResultOrInput = orInputRequired(ReadResourceResult);

export const DiscoverResultResponse: Validator<ResponseTo<InboundCacheable<T.DiscoverResult>>> =
  resultResponse(DiscoverResult);
export const ListToolsResultResponse: Validator<ResponseTo<InboundCacheable<T.ListToolsResult>>> =
  resultResponse(ListToolsResult);
export const ListPromptsResultResponse: Validator<
  ResponseTo<InboundCacheable<T.ListPromptsResult>>
> = resultResponse(ListPromptsResult);
export const ListResourcesResultResponse: Validator<
  ResponseTo<InboundCacheable<T.ListResourcesResult>>
> = resultResponse(ListResourcesResult);
export const ListResourceTemplatesResultResponse: Validator<
  ResponseTo<InboundCacheable<T.ListResourceTemplatesResult>>
> = resultResponse(ListResourceTemplatesResult);
export const CompleteResultResponse: Validator<T.CompleteResultResponse> =
  resultResponse(CompleteResult);
export const SubscriptionsListenResultResponse: Validator<T.SubscriptionsListenResultResponse> =
  resultResponse(SubscriptionsListenResult);
export const CallToolResultResponse: Validator<T.CallToolResultResponse> =
  resultResponse(CallToolResultOrInput);
export const GetPromptResultResponse: Validator<T.GetPromptResultResponse> =
  resultResponse(GetPromptResultOrInput);
export const ReadResourceResultResponse: Validator<
  ResponseTo<T.InputRequiredResult | InboundCacheable<T.ReadResourceResult>>
> = resultResponse(ReadResourceResultOrInput);

// --- Notifications --------------------------------------------------------------------------

const notificationMeta = { _meta: optional(NotificationMetaObject) };

export const NotificationParams: Validator<T.NotificationParams> = object(notificationMeta);
export const CancelledNotificationParams: Validator<T.CancelledNotificationParams> = object({
  ...notificationMeta,
  requestId: RequestId,
  reason: optional(string),
});
export const ProgressNotificationParams: Validator<T.ProgressNotificationParams> = object({
  ...notificationMeta,
  progressToken: ProgressToken,
  progress: number,
  total: optional(number),
  message: optional(string),
});
export const LoggingMessageNotificationParams: Validator<T.LoggingMessageNotificationParams> =
  object({ ...notificationMeta, level: LoggingLevel, logger: optional(string), data: jsonValue });
export const ResourceUpdatedNotificationParams: Validator<T.ResourceUpdatedNotificationParams> =
  object({ ...notificationMeta, uri: string });
export const SubscriptionsAcknowledgedNotificationParams: Validator<T.SubscriptionsAcknowledgedNotificationParams> =
  object({ ...notificationMeta, notifications: SubscriptionFilter });

export const CancelledNotification: Validator<T.CancelledNotification> = notificationMessage(
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
export const SubscriptionsAcknowledgedNotification: Validator<T.SubscriptionsAcknowledgedNotification> =
  notificationMessage(
    'notifications/subscriptions/acknowledged',
    SubscriptionsAcknowledgedNotificationParams,
  );

export const ClientNotification: Validator<T.ClientNotification> = CancelledNotification;
export const ServerNotification: Validator<T.ServerNotification> = discriminated('method', {
  'notifications/cancelled': CancelledNotification,
  'notifications/progress': ProgressNotification,
  'notifications/message': LoggingMessageNotification,
  'notifications/resources/updated': ResourceUpdatedNotification,
  'notifications/resources/list_changed': ResourceListChangedNotification,
  'notifications/tools/list_changed': ToolListChangedNotification,
  'notifications/prompts/list_changed': PromptListChangedNotification,
  'notifications/subscriptions/acknowledged': SubscriptionsAcknowledgedNotification,
});

// --- Errors ---------------------------------------------------------------------------------

export const ParseError: Validator<T.ParseError> = errorObject(-32700);
export const InvalidRequestError: Validator<T.InvalidRequestError> = errorObject(-32600);
export const MethodNotFoundError: Validator<T.MethodNotFoundError> = errorObject(-32601);
export const InvalidParamsError: Validator<T.InvalidParamsError> = errorObject(-32602);
export const InternalError: Validator<T.InternalError> = errorObject(-32603);
export const HeaderMismatchError: Validator<T.HeaderMismatchError> = errorResponse(
  errorObject(-32020),
);
export const MissingRequiredClientCapabilityError: Validator<T.MissingRequiredClientCapabilityError> =
  errorResponse(errorObjectWithData(-32021, object({ requiredCapabilities: ClientCapabilities })));
export const UnsupportedProtocolVersionError: Validator<T.UnsupportedProtocolVersionError> =
  errorResponse(
    errorObjectWithData(-32022, object({ supported: array(string), requested: string })),
  );
