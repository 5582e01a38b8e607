// Resources and resource templates: listing, reading, watching, and their notifications.
import type { RequestId } from '../jsonrpc.js';
import type {
  CacheScope,
  Cursor,
  Icon,
  LegacyPaginatedRequestParams,
  LegacyRequestMetaObject,
  MetaObject,
  NotificationMetaObject,
  NotificationParams,
  PaginatedRequestParams,
  RequestMetaObject,
  ResultMetaObject,
  ResultType,
} from './base.js';
import type { Annotations, BlobResourceContents, TextResourceContents } from './content.js';
import type { InputRequiredResult, InputResponses } from './mrtr.js';

/** A resource the server can read. */
export type Resource = {
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Size of the raw bytes (before base64), if known. */
  size?: number;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: MetaObject;
};

/** A family of resources, addressed by an RFC 6570 URI template. */
export type ResourceTemplate = {
  uriTemplate: string;
  name: string;
  title?: string;
  description?: string;
  /** The MIME type of every resource the template matches, if they share one. */
  mimeType?: string;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: MetaObject;
};

/** Params of a 2026-07-28 request about one resource. */
export type ResourceRequestParams = {
  _meta: RequestMetaObject;
  uri: string;
};

/** Params of a legacy request about one resource. @see {@link ResourceRequestParams}. */
export type LegacyResourceRequestParams = {
  _meta?: LegacyRequestMetaObject;
  uri: string;
};

/** Lists the server's resources. */
export type ListResourcesRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/list';
  params: PaginatedRequestParams;
};

/** Legacy `resources/list`: params may be left out. @see {@link ListResourcesRequest}. */
export type LegacyListResourcesRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/list';
  params?: LegacyPaginatedRequestParams;
};

/** One page of resources, cacheable. */
export type ListResourcesResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  nextCursor?: Cursor;
  ttlMs: number;
  cacheScope: CacheScope;
  resources: Resource[];
};

/** Legacy page of resources. @see {@link ListResourcesResult}. */
export type LegacyListResourcesResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
  resources: Resource[];
};

/** The response to `resources/list`. */
export type ListResourcesResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: ListResourcesResult;
};

/** Lists the server's resource templates. */
export type ListResourceTemplatesRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/templates/list';
  params: PaginatedRequestParams;
};

/** Legacy `resources/templates/list`. @see {@link ListResourceTemplatesRequest}. */
export type LegacyListResourceTemplatesRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/templates/list';
  params?: LegacyPaginatedRequestParams;
};

/** One page of resource templates, cacheable. */
export type ListResourceTemplatesResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  nextCursor?: Cursor;
  ttlMs: number;
  cacheScope: CacheScope;
  resourceTemplates: ResourceTemplate[];
};

/** Legacy page of resource templates. @see {@link ListResourceTemplatesResult}. */
export type LegacyListResourceTemplatesResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
  resourceTemplates: ResourceTemplate[];
};

/** The response to `resources/templates/list`. */
export type ListResourceTemplatesResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: ListResourceTemplatesResult;
};

/** Params of `resources/read` (2026-07-28). */
export type ReadResourceRequestParams = {
  _meta: RequestMetaObject;
  /** Any scheme; the server decides what it means. */
  uri: string;
  /** Answers to the `inputRequests` of a previous {@link InputRequiredResult}, by key. */
  inputResponses?: InputResponses;
  /** Echo of `requestState` from a previous {@link InputRequiredResult}, unchanged. */
  requestState?: string;
};

/** Params of a legacy `resources/read`. @see {@link ReadResourceRequestParams}. */
export type LegacyReadResourceRequestParams = {
  _meta?: LegacyRequestMetaObject;
  uri: string;
};

/** Reads one resource. */
export type ReadResourceRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/read';
  params: ReadResourceRequestParams;
};

/** Legacy `resources/read`. @see {@link ReadResourceRequest}. */
export type LegacyReadResourceRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/read';
  params: LegacyReadResourceRequestParams;
};

/** The contents of a resource (several when the URI names a collection), cacheable. */
export type ReadResourceResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  ttlMs: number;
  cacheScope: CacheScope;
  contents: (TextResourceContents | BlobResourceContents)[];
};

/** Legacy contents of a resource. @see {@link ReadResourceResult}. */
export type LegacyReadResourceResult = {
  _meta?: MetaObject;
  contents: (TextResourceContents | BlobResourceContents)[];
};

/** The response to `resources/read`: the contents, or a request for more input first. */
export type ReadResourceResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: InputRequiredResult | ReadResourceResult;
};

/** Legacy only: params of `resources/subscribe`. */
export type SubscribeRequestParams = LegacyResourceRequestParams;

/**
 * Legacy only: asks for `notifications/resources/updated` about one resource. 2026-07-28 puts
 * the URI in a `subscriptions/listen` filter instead.
 */
export type SubscribeRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/subscribe';
  params: SubscribeRequestParams;
};

/** Legacy only: params of `resources/unsubscribe`. */
export type UnsubscribeRequestParams = LegacyResourceRequestParams;

/** Legacy only: stops `notifications/resources/updated` about one resource. */
export type UnsubscribeRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'resources/unsubscribe';
  params: UnsubscribeRequestParams;
};

/** The list of resources changed. */
export type ResourceListChangedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/resources/list_changed';
  params?: NotificationParams;
};

/** Params of `notifications/resources/updated`. */
export type ResourceUpdatedNotificationParams = {
  _meta?: NotificationMetaObject;
  /** The resource that changed; may be a sub-resource of the one subscribed to. */
  uri: string;
};

/** A watched resource changed; read it again to see how. */
export type ResourceUpdatedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/resources/updated';
  params: ResourceUpdatedNotificationParams;
};
