// Tools: their definitions, `tools/list`, `tools/call`, and the list-changed notification.
import type { RequestId } from '../jsonrpc.js';
import type {
  CacheScope,
  Cursor,
  Icon,
  LegacyPaginatedRequestParams,
  LegacyRequestMetaObject,
  MetaObject,
  NotificationParams,
  PaginatedRequestParams,
  RequestMetaObject,
  ResultMetaObject,
  ResultType,
} from './base.js';
import type { ContentBlock } from './content.js';
import type { InputRequiredResult, InputResponses } from './mrtr.js';
import type { TaskMetadata, ToolExecution } from './tasks.js';

/**
 * Hints about how a tool behaves. They are claims by the server, not guarantees: never base
 * a security decision on them when the server is not trusted.
 */
export type ToolAnnotations = {
  /** Display name; `Tool.title` takes precedence. */
  title?: string;
  /** The tool changes nothing in its environment. Default false. */
  readOnlyHint?: boolean;
  /** When not read-only: it may destroy or overwrite, rather than only add. Default true. */
  destructiveHint?: boolean;
  /** When not read-only: repeating a call with the same arguments has no further effect. Default false. */
  idempotentHint?: boolean;
  /** It may reach an open world of outside entities (e.g. the web). Default true. */
  openWorldHint?: boolean;
};

/** A tool the server offers (2026-07-28). */
export type Tool = {
  name: string;
  /** Display name; takes precedence over `annotations.title` and `name`. */
  title?: string;
  /** What the tool does, for the model as much as for people. */
  description?: string;
  /**
   * JSON Schema (2020-12 unless `$schema` says otherwise) of the arguments. The root is always
   * an object schema; any keyword may appear, including `$ref`, `oneOf` and `x-mcp-header`.
   */
  inputSchema: { $schema?: string; type: 'object'; [key: string]: unknown };
  /** JSON Schema of `structuredContent` in the tool's results; any schema, not only objects. */
  outputSchema?: { $schema?: string; [key: string]: unknown };
  annotations?: ToolAnnotations;
  icons?: Icon[];
  _meta?: MetaObject;
};

/**
 * A tool as the legacy revisions describe it: both schemas are object schemas with optional
 * `properties`/`required`, and 2025-11-25 adds `execution` (tasks). `title`, `outputSchema`
 * came in 2025-06-18, `annotations` in 2025-03-26, `icons` in 2025-11-25.
 * @see {@link Tool} for 2026-07-28.
 */
export type LegacyTool = {
  name: string;
  title?: string;
  description?: string;
  inputSchema: {
    $schema?: string;
    type: 'object';
    properties?: { [key: string]: { [key: string]: unknown } | undefined };
    required?: string[];
  };
  outputSchema?: {
    $schema?: string;
    type: 'object';
    properties?: { [key: string]: { [key: string]: unknown } | undefined };
    required?: string[];
  };
  /** 2025-11-25 tasks: whether the tool may, must or must not be called as a task. */
  execution?: ToolExecution;
  annotations?: ToolAnnotations;
  icons?: Icon[];
  _meta?: MetaObject;
};

/** Lists the server's tools. */
export type ListToolsRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tools/list';
  params: PaginatedRequestParams;
};

/** Legacy `tools/list`: params may be left out. @see {@link ListToolsRequest} for 2026-07-28. */
export type LegacyListToolsRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tools/list';
  params?: LegacyPaginatedRequestParams;
};

/** One page of tools, cacheable. */
export type ListToolsResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  nextCursor?: Cursor;
  ttlMs: number;
  cacheScope: CacheScope;
  tools: Tool[];
};

/** Legacy page of tools: no `resultType`, no cache hints. @see {@link ListToolsResult}. */
export type LegacyListToolsResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
  tools: LegacyTool[];
};

/** The response to `tools/list`. */
export type ListToolsResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: ListToolsResult;
};

/** Params of `tools/call` (2026-07-28). */
export type CallToolRequestParams = {
  _meta: RequestMetaObject;
  name: string;
  arguments?: { [key: string]: unknown };
  /** Answers to the `inputRequests` of a previous {@link InputRequiredResult}, by key. */
  inputResponses?: InputResponses;
  /** Echo of `requestState` from a previous {@link InputRequiredResult}, unchanged. */
  requestState?: string;
};

/**
 * Params of a legacy `tools/call`: optional `_meta`; 2025-11-25 may ask for a task with `task`.
 * No `inputResponses`/`requestState` (the server asked with its own requests instead).
 * @see {@link CallToolRequestParams} for 2026-07-28.
 */
export type LegacyCallToolRequestParams = {
  _meta?: LegacyRequestMetaObject;
  name: string;
  arguments?: { [key: string]: unknown };
  /** 2025-11-25 tasks: run the call as a task. */
  task?: TaskMetadata;
};

/** Calls a tool. */
export type CallToolRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tools/call';
  params: CallToolRequestParams;
};

/** Legacy `tools/call`. @see {@link CallToolRequest} for 2026-07-28. */
export type LegacyCallToolRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'tools/call';
  params: LegacyCallToolRequestParams;
};

/**
 * What a tool call produced. Failures of the tool itself belong here with `isError: true`, so the
 * model can see them; unknown tools and similar are protocol errors instead.
 */
export type CallToolResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  content: ContentBlock[];
  /** Any JSON value; must match the tool's `outputSchema` when it has one. */
  structuredContent?: unknown;
  /** The tool failed; absent means false. */
  isError?: boolean;
};

/**
 * Legacy tool result: no `resultType`, `structuredContent` (2025-06-18+) must be an object.
 * The content blocks allowed depend on the revision, see `ContentBlockIn`.
 * @see {@link CallToolResult} for 2026-07-28.
 */
export type LegacyCallToolResult = {
  _meta?: MetaObject;
  content: ContentBlock[];
  structuredContent?: { [key: string]: unknown };
  isError?: boolean;
};

/** The response to `tools/call`: the result, or a request for more input first. */
export type CallToolResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: InputRequiredResult | CallToolResult;
};

/** The list of tools changed. */
export type ToolListChangedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/tools/list_changed';
  params?: NotificationParams;
};
