// Prompts and prompt templates: `prompts/list`, `prompts/get`, and the list-changed notification.
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
  Role,
} from './base.js';
import type { ContentBlock } from './content.js';
import type { InputRequiredResult, InputResponses } from './mrtr.js';

/** One argument a prompt template accepts. */
export type PromptArgument = {
  name: string;
  title?: string;
  description?: string;
  /** The argument must be given. */
  required?: boolean;
};

/** A prompt or prompt template the server offers. */
export type Prompt = {
  name: string;
  title?: string;
  description?: string;
  arguments?: PromptArgument[];
  icons?: Icon[];
  _meta?: MetaObject;
};

/**
 * One message of a prompt. Like a sampling message, but it may also embed resources. The blocks
 * allowed depend on the revision, see `ContentBlockIn`.
 */
export type PromptMessage = {
  role: Role;
  content: ContentBlock;
};

/** Lists the server's prompts. */
export type ListPromptsRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'prompts/list';
  params: PaginatedRequestParams;
};

/** Legacy `prompts/list`: params may be left out. @see {@link ListPromptsRequest}. */
export type LegacyListPromptsRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'prompts/list';
  params?: LegacyPaginatedRequestParams;
};

/** One page of prompts, cacheable. */
export type ListPromptsResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  nextCursor?: Cursor;
  ttlMs: number;
  cacheScope: CacheScope;
  prompts: Prompt[];
};

/** Legacy page of prompts. @see {@link ListPromptsResult}. */
export type LegacyListPromptsResult = {
  _meta?: MetaObject;
  nextCursor?: Cursor;
  prompts: Prompt[];
};

/** The response to `prompts/list`. */
export type ListPromptsResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: ListPromptsResult;
};

/** Params of `prompts/get` (2026-07-28). */
export type GetPromptRequestParams = {
  _meta: RequestMetaObject;
  name: string;
  /** Values for the template's arguments. */
  arguments?: { [key: string]: string | undefined };
  /** Answers to the `inputRequests` of a previous {@link InputRequiredResult}, by key. */
  inputResponses?: InputResponses;
  /** Echo of `requestState` from a previous {@link InputRequiredResult}, unchanged. */
  requestState?: string;
};

/** Params of a legacy `prompts/get`. @see {@link GetPromptRequestParams}. */
export type LegacyGetPromptRequestParams = {
  _meta?: LegacyRequestMetaObject;
  name: string;
  arguments?: { [key: string]: string | undefined };
};

/** Gets a prompt, filling in a template's arguments. */
export type GetPromptRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'prompts/get';
  params: GetPromptRequestParams;
};

/** Legacy `prompts/get`. @see {@link GetPromptRequest}. */
export type LegacyGetPromptRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'prompts/get';
  params: LegacyGetPromptRequestParams;
};

/** The prompt's messages. */
export type GetPromptResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  description?: string;
  messages: PromptMessage[];
};

/** Legacy prompt messages. @see {@link GetPromptResult}. */
export type LegacyGetPromptResult = {
  _meta?: MetaObject;
  description?: string;
  messages: PromptMessage[];
};

/** The response to `prompts/get`: the messages, or a request for more input first. */
export type GetPromptResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: InputRequiredResult | GetPromptResult;
};

/** The list of prompts changed. */
export type PromptListChangedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/prompts/list_changed';
  params?: NotificationParams;
};
