// `server/discover` (2026-07-28): what a server supports, asked without any handshake.
import type { RequestId } from '../jsonrpc.js';
import type { CacheScope, RequestParams, ResultMetaObject, ResultType } from './base.js';
import type { ServerCapabilities } from './capabilities.js';

/** Asks the server which revisions and features it supports. Servers must answer it. */
export type DiscoverRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'server/discover';
  params: RequestParams;
};

/** What the server supports, cacheable. */
export type DiscoverResult = {
  _meta?: ResultMetaObject;
  resultType: ResultType;
  /** Revisions the server speaks; the client picks one for its requests. */
  supportedVersions: string[];
  capabilities: ServerCapabilities;
  /** How to use the server, e.g. for a system prompt. */
  instructions?: string;
  ttlMs: number;
  cacheScope: CacheScope;
};

/** The response to `server/discover`. */
export type DiscoverResultResponse = {
  jsonrpc: '2.0';
  id: RequestId;
  result: DiscoverResult;
};
