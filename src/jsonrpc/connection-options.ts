// Options of the JSON-RPC engine and of each outgoing request, with the defaults that make
// limits and timeouts on by default.

/** Progress as a `notifications/progress` reports it. */
export interface Progress {
  progress: number;
  total?: number;
  message?: string;
}

export interface RequestOptions {
  /** Cancels the request: the peer gets `notifications/cancelled` and the call rejects. */
  signal?: AbortSignal;
  /** Milliseconds without a response (or progress, see below) before the call rejects. */
  timeout?: number;
  /** Whether a progress notification restarts the timeout. Default true. */
  resetTimeoutOnProgress?: boolean;
  /** Absolute limit in milliseconds, however much progress arrives. */
  maxTotalTimeout?: number;
  /** Called for each progress notification; asking for it sends a progress token. */
  onProgress?: (progress: Progress) => void;
  /** The incoming request this one is made for (routing on per-request streams). */
  relatedRequestId?: string | number;
  /** Called with the request's id as it is sent (to match notifications that name it). */
  onRequestId?: (id: string | number) => void;
}

export interface ConnectionOptions {
  /** Default timeout of outgoing requests in milliseconds. Default 60 000. */
  requestTimeout?: number;
  /** Default absolute limit of outgoing requests in milliseconds. Default 600 000. */
  maxTotalTimeout?: number;
  /** Default for `RequestOptions.resetTimeoutOnProgress`. Default true. */
  resetTimeoutOnProgress?: boolean;
  /** Outgoing requests awaiting a response at once; past it, a call rejects. Default 4096. */
  maxPendingRequests?: number;
  /** Incoming requests whose handlers run at once; more wait in a queue. Default 256. */
  maxConcurrentRequests?: number;
  /** Incoming requests that may wait for a handler slot; past it they get -32603. Default 4096. */
  maxQueuedRequests?: number;
  /** Whether a JSON array (a 2025-03-26 batch) is accepted now. Default: never. */
  acceptBatches?: () => boolean;
}

export const DEFAULT_REQUEST_TIMEOUT = 60_000;
export const DEFAULT_MAX_TOTAL_TIMEOUT = 600_000;
export const DEFAULT_MAX_PENDING_REQUESTS = 4096;
export const DEFAULT_MAX_CONCURRENT_REQUESTS = 256;
export const DEFAULT_MAX_QUEUED_REQUESTS = 4096;
