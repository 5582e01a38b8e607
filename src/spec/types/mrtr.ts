// Multi-round-trip requests (2026-07-28): a server that needs input answers with
// `InputRequiredResult`; the client retries the request with `inputResponses`.
import type { RequestMetaObject, ResultMetaObject, ResultType } from './base.js';
import type { ElicitRequest, ElicitResult } from './elicitation.js';
import type { ListRootsRequest, ListRootsResult } from './roots.js';
import type { CreateMessageRequest, CreateMessageResult } from './sampling.js';

/** Something the server needs the client to do before it can answer. */
export type InputRequest = CreateMessageRequest | ListRootsRequest | ElicitRequest;

/** The client's answer to one {@link InputRequest}. */
export type InputResponse = CreateMessageResult | ListRootsResult | ElicitResult;

/** Input requests, keyed by identifiers the server chooses. */
export type InputRequests = { [key: string]: InputRequest | undefined };

/** Answers, under the keys of the {@link InputRequests} they answer. */
export type InputResponses = { [key: string]: InputResponse | undefined };

/**
 * "Not yet: answer these first." The client fulfils `inputRequests` and sends the original
 * request again with `inputResponses` and `requestState`. At least one of the two is present.
 */
export type InputRequiredResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  inputRequests?: InputRequests;
  /** Opaque to the client; echoed unchanged in the retry. Servers must protect its integrity. */
  requestState?: string;
};

/** The members a retried request adds to its params. */
export type InputResponseRequestParams = {
  _meta: RequestMetaObject;
  inputResponses?: InputResponses;
  requestState?: string;
};
