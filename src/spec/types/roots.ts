// Roots: the directories and files a client lets a server work on (`roots/list`).
import type { RequestId } from '../jsonrpc.js';
import type { LegacyRequestParams, MetaObject, NotificationParams } from './base.js';

/** A directory or file the server may work on. */
export type Root = {
  /** A `file://` URI, for now. */
  uri: string;
  /** Display name. */
  name?: string;
  _meta?: MetaObject;
};

/**
 * Asks the client for its roots. In 2026-07-28 only inside an `InputRequiredResult`, so it has no
 * JSON-RPC envelope.
 */
export type ListRootsRequest = {
  method: 'roots/list';
  params?: { _meta?: MetaObject };
};

/** Legacy `roots/list`, a request from server to client. @see {@link ListRootsRequest}. */
export type LegacyListRootsRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'roots/list';
  params?: LegacyRequestParams;
};

/** The client's roots. */
export type ListRootsResult = {
  roots: Root[];
};

/** Legacy answer to `roots/list`: may carry `_meta`. @see {@link ListRootsResult}. */
export type LegacyListRootsResult = {
  _meta?: MetaObject;
  roots: Root[];
};

/**
 * Legacy only: the client's roots changed. 2026-07-28 has no such notification; servers ask again
 * when they need to.
 */
export type RootsListChangedNotification = {
  jsonrpc: '2.0';
  method: 'notifications/roots/list_changed';
  params?: NotificationParams;
};
