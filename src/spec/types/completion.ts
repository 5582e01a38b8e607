// Argument completion: `completion/complete` and the references it completes against.
import type { RequestId } from '../jsonrpc.js';
import type {
  LegacyRequestMetaObject,
  MetaObject,
  RequestMetaObject,
  ResultMetaObject,
  ResultType,
} from './base.js';

/** Names a prompt whose argument is being completed. */
export type PromptReference = {
  type: 'ref/prompt';
  name: string;
  title?: string;
};

/** Names a resource template (by its URI template) whose variable is being completed. */
export type ResourceTemplateReference = {
  type: 'ref/resource';
  /** The URI template, or a plain URI. */
  uri: string;
};

/**
 * 2024-11-05 and 2025-03-26 name of {@link ResourceTemplateReference}; the wire shape is the same.
 * @deprecated Use {@link ResourceTemplateReference}.
 */
export type ResourceReference = ResourceTemplateReference;

/** Params of `completion/complete` (2026-07-28). */
export type CompleteRequestParams = {
  _meta: RequestMetaObject;
  ref: PromptReference | ResourceTemplateReference;
  /** The argument being typed, and its partial value. */
  argument: { name: string; value: string };
  /** Values of other arguments already resolved, to narrow the suggestions. Since 2025-06-18. */
  context?: { arguments?: { [key: string]: string | undefined } };
};

/** Params of a legacy `completion/complete`. @see {@link CompleteRequestParams}. */
export type LegacyCompleteRequestParams = {
  _meta?: LegacyRequestMetaObject;
  ref: PromptReference | ResourceTemplateReference;
  argument: { name: string; value: string };
  context?: { arguments?: { [key: string]: string | undefined } };
};

/** Asks for completion suggestions. */
export type CompleteRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'completion/complete';
  params: CompleteRequestParams;
};

/** Legacy `completion/complete`. @see {@link CompleteRequest}. */
export type LegacyCompleteRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'completion/complete';
  params: LegacyCompleteRequestParams;
};

/** Suggestions: at most 100 values, with an optional total and a "more exist" flag. */
export type Completion = {
  /** At most 100 values. */
  values: string[];
  /** How many suggestions exist in all; may exceed `values.length`. */
  total?: number;
  /** More suggestions exist than were sent. */
  hasMore?: boolean;
};

/** The suggestions. */
export type CompleteResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  completion: Completion;
};

/** Legacy suggestions. @see {@link CompleteResult}. */
export type LegacyCompleteResult = {
  _meta?: MetaObject;
  completion: Completion;
};

/** The response to `completion/complete`. */
export type CompleteResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: CompleteResult;
};
