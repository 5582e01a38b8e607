// Options of the client and of its calls, and the handlers a host registers to answer what a
// server asks (elicitation, sampling, roots).
import type { Progress } from '../jsonrpc/connection-options.js';
import type { ConnectionOptions } from '../jsonrpc/connection-options.js';
import type {
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  ListRootsResult,
  LoggingLevel,
} from '../spec/types/index.js';
import type { ProtocolVersion } from '../spec/versions.js';

/** How the client picks the protocol: detect (default), or pin an era or a version. */
export type VersionChoice = 'auto' | 'legacy' | 'modern' | ProtocolVersion;

/** What a handler receives besides the server's params. */
export interface InputHandlerContext {
  /** Aborted when the request that asked is cancelled or the connection closes. */
  signal: AbortSignal;
}

export interface ClientHandlers {
  /** Answers elicitation (form, and URL when `elicitationModes` includes it). */
  elicit?: (
    params: ElicitRequestFormParams | ElicitRequestURLParams,
    context: InputHandlerContext,
  ) => ElicitResult | Promise<ElicitResult>;
  /** Answers sampling: runs the host's model. */
  sample?: (
    params: CreateMessageRequestParams,
    context: InputHandlerContext,
  ) => CreateMessageResult | Promise<CreateMessageResult>;
  /** Lists the host's roots. */
  listRoots?: (context: InputHandlerContext) => ListRootsResult | Promise<ListRootsResult>;
}

export interface McpClientOptions {
  /** Protocol selection; default 'auto' (probe with `server/discover`, fall back to `initialize`). */
  version?: VersionChoice;
  /** How long the `server/discover` probe waits before deciding the server is legacy. Default 10 s. */
  probeTimeout?: number;
  handlers?: ClientHandlers;
  /** Elicitation modes the host can show. Default `['form']`, plus `'url'` when asked for. */
  elicitationModes?: readonly ('form' | 'url')[];
  /** Whether sampling handlers understand `tools` / `toolChoice` (2025-11-25+). Default false. */
  samplingTools?: boolean;
  /** Modern input rounds (`InputRequiredResult` → retry) per call before giving up. Default 8. */
  maxInputRounds?: number;
  /** Options of the JSON-RPC engine (timeouts, limits). */
  connection?: ConnectionOptions;
}

export interface CallOptions {
  signal?: AbortSignal;
  /** Milliseconds without a response (progress restarts it); default from the engine (60 s). */
  timeout?: number;
  resetTimeoutOnProgress?: boolean;
  maxTotalTimeout?: number;
  onProgress?: (progress: Progress) => void;
}

export type { LoggingLevel };
