// Building blocks every MCP message shares: JSON values, `_meta` objects, request, notification
// and result bases, identity (Implementation, Icon) and the display-name base.
import type { JsonObject, JsonValue, ProgressToken, RequestId } from '../jsonrpc.js';
import type { ClientCapabilities } from './capabilities.js';
import type { LoggingLevel } from './logging.js';
import type { RelatedTaskMetadata } from './tasks.js';

export type { ProgressToken, RequestId };

/** Any JSON value. The schema's name for {@link JsonValue}. */
export type JSONValue = JsonValue;
/** A JSON object. The schema's name for {@link JsonObject}. */
export type JSONObject = JsonObject;
/** A JSON array. */
export type JSONArray = JsonValue[];

/** An opaque pagination position; only the server that issued it can interpret it. */
export type Cursor = string;

/** Who a message, or a piece of content, is from or meant for. */
export type Role = 'user' | 'assistant';

/**
 * The contents of a `_meta` field. Keys follow the naming rule checked by `isValidMetaKey`;
 * prefixes whose second label is `modelcontextprotocol` or `mcp` are reserved for MCP.
 */
export type MetaObject = { [key: string]: unknown };

/**
 * `_meta` of every 2026-07-28 request: it carries what `initialize` used to negotiate once.
 * Custom keys are allowed beside the reserved ones.
 */
export type RequestMetaObject = {
  /** Asks the receiver for `notifications/progress` tagged with this token. */
  progressToken?: ProgressToken;
  /** The revision this request is written in; over HTTP it must equal `MCP-Protocol-Version`. */
  'io.modelcontextprotocol/protocolVersion': string;
  /** Who is calling; for display and logs only, never for decisions. */
  'io.modelcontextprotocol/clientInfo'?: Implementation;
  /** What the client supports for this request; `{}` means nothing optional. */
  'io.modelcontextprotocol/clientCapabilities': ClientCapabilities;
  /** Opt-in to `notifications/message` for this request, at this level and above. */
  'io.modelcontextprotocol/logLevel'?: LoggingLevel;
  [key: string]: unknown;
};

/** `_meta` of a 2026-07-28 notification. */
export type NotificationMetaObject = {
  /** The `subscriptions/listen` stream this notification was delivered on, if any. */
  'io.modelcontextprotocol/subscriptionId'?: RequestId;
  [key: string]: unknown;
};

/** `_meta` of a 2026-07-28 result. */
export type ResultMetaObject = {
  /** Who answered; for display and logs only, never for decisions. */
  'io.modelcontextprotocol/serverInfo'?: Implementation;
  [key: string]: unknown;
};

/**
 * `_meta` of a legacy (2024-11-05 … 2025-11-25) request. Not a schema name: the legacy schemas
 * spell this object out inline in every params type.
 */
export type LegacyRequestMetaObject = {
  /** Asks the receiver for `notifications/progress` tagged with this token. */
  progressToken?: ProgressToken;
  /** 2025-11-25 tasks: the task this request belongs to. */
  'io.modelcontextprotocol/related-task'?: RelatedTaskMetadata;
  [key: string]: unknown;
};

/** A request without the JSON-RPC envelope. */
export type Request = {
  method: string;
  params?: { [key: string]: unknown };
};

/** A notification without the JSON-RPC envelope. */
export type Notification = {
  method: string;
  params?: { [key: string]: unknown };
};

/** Params every 2026-07-28 request carries: `_meta` is required. */
export type RequestParams = {
  _meta: RequestMetaObject;
};

/**
 * Legacy request params: `_meta` is optional and carries only custom keys and the progress token.
 * @see {@link RequestParams} for 2026-07-28.
 */
export type LegacyRequestParams = {
  _meta?: LegacyRequestMetaObject;
};

/** Params every notification may carry. */
export type NotificationParams = {
  _meta?: NotificationMetaObject;
};

/**
 * How to read a 2026-07-28 result: `complete` (the answer) or `input_required` (an
 * {@link InputRequiredResult}). Open to future values; a missing `resultType` (a legacy server)
 * counts as `complete`.
 */
export type ResultType = 'complete' | 'input_required' | (string & Record<never, never>);

/** Fields every 2026-07-28 result has; any other member is allowed. */
export type Result = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  [key: string]: unknown;
};

/**
 * Legacy result base: no `resultType`.
 * @see {@link Result} for 2026-07-28.
 */
export type LegacyResult = {
  _meta?: MetaObject;
  [key: string]: unknown;
};

/** A result with nothing in it but the common fields. */
export type EmptyResult = Result;
/** Legacy empty result (e.g. the answer to `ping`). */
export type LegacyEmptyResult = LegacyResult;

/** Params of a 2026-07-28 list request. */
export type PaginatedRequestParams = {
  _meta: RequestMetaObject;
  /** Continue after this position, as returned in a previous `nextCursor`. */
  cursor?: Cursor;
};

/** Params of a legacy list request. @see {@link PaginatedRequestParams} for 2026-07-28. */
export type LegacyPaginatedRequestParams = {
  _meta?: LegacyRequestMetaObject;
  cursor?: Cursor;
};

/** Any 2026-07-28 list request. */
export type PaginatedRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params: PaginatedRequestParams;
};

/** Any legacy list request; params may be left out. */
export type LegacyPaginatedRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: string;
  params?: LegacyPaginatedRequestParams;
};

/** Fields of a 2026-07-28 list result. */
export type PaginatedResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  /** Present when more items may follow; pass it back as `cursor`. */
  nextCursor?: Cursor;
};

/** Fields of a legacy list result. */
export type LegacyPaginatedResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
};

/** Who may reuse a cached result: anyone (`public`) or only the same authorization context. */
export type CacheScope = 'public' | 'private';

/** Fields of a 2026-07-28 result the client may cache (list results, reads, discovery). */
export type CacheableResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  /** How long, in milliseconds, the result may be reused; 0 means already stale. */
  ttlMs: number;
  /** Whether a shared cache may serve this result to other authorization contexts. */
  cacheScope: CacheScope;
};

/** An icon a user interface may show; `src` is an http(s) URL or a `data:` URI. */
export type Icon = {
  src: string;
  /** Overrides a missing or generic MIME type of `src`. */
  mimeType?: string;
  /** Sizes as `WxH` (e.g. `48x48`), or `any` for scalable images. */
  sizes?: string[];
  /** The background the icon is drawn for; absent means any. */
  theme?: 'light' | 'dark';
};

/** Base of everything that may carry icons. */
export type Icons = {
  icons?: Icon[];
};

/** Base of everything with a programmatic `name` and an optional display `title`. */
export type BaseMetadata = {
  /** Identifier; also the display name when `title` is absent. */
  name: string;
  /** Human-readable name for user interfaces. */
  title?: string;
};

/**
 * Names and versions a client or server software. `title`, `icons`, `description` and
 * `websiteUrl` appeared in later revisions (2025-06-18, 2025-11-25); older peers send only
 * `name` and `version`.
 */
export type Implementation = {
  name: string;
  title?: string;
  version: string;
  description?: string;
  websiteUrl?: string;
  icons?: Icon[];
};
