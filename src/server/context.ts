// What every server handler receives besides its arguments. The same object shape in both eras:
// the era only changes how `elicit`, `sample` and `listRoots` reach the client.
import type { RequestId } from '../spec/jsonrpc.js';
import type {
  ClientCapabilities,
  CreateMessageRequestParams,
  CreateMessageResult,
  ElicitRequestFormParams,
  ElicitRequestURLParams,
  ElicitResult,
  Implementation,
  ListRootsResult,
  LoggingLevel,
} from '../spec/types/index.js';
import type { Era, ProtocolVersion } from '../spec/versions.js';

/** Who made the request, when an authorization layer verified it. */
export interface AuthInfo {
  /** A stable identifier of the principal (the token's subject). */
  principal: string;
  scopes?: readonly string[];
  /** Anything else the verifier attached (claims, client id). */
  extra?: Readonly<Record<string, unknown>>;
}

/** What the client said about itself; self-reported, so never a basis for authorization. */
export interface ClientDescription {
  info: Implementation | undefined;
  capabilities: ClientCapabilities;
}

/** Options of one question a handler asks the client. */
export interface InputOptions {
  /**
   * The question's key among a 2026-07-28 `InputRequiredResult`'s `inputRequests`, which the
   * client's answer comes back under; unique within the request. Default `<kind>-<n>` for the
   * n-th question of the run (`elicit-1`, `sample-2`, …). Legacy sessions ignore it.
   */
  key?: string;
}

export interface ServerContext {
  /** Aborted when the client cancels, the connection closes, or the server shuts down. */
  readonly signal: AbortSignal;
  readonly requestId: RequestId;
  readonly era: Era;
  readonly protocolVersion: ProtocolVersion;
  readonly client: ClientDescription;
  readonly auth: AuthInfo | undefined;
  /** The request's `_meta`, as sent. */
  readonly meta: Readonly<Record<string, unknown>> | undefined;
  /** Reports progress, when the client asked for it (otherwise a no-op). */
  progress(progress: number, total?: number, message?: string): void;
  /**
   * Sends a log message to the client, when it asked for that level or a lower one (legacy:
   * `logging/setLevel`; modern: the request's `_meta` log level). A no-op otherwise.
   */
  log(level: LoggingLevel, data: unknown, logger?: string): void;
  /**
   * Asks the user, through the client, to fill in a form or visit a URL. Legacy: a real
   * `elicitation/create` request. Modern: the request ends with an `InputRequiredResult` and
   * the handler runs again on the client's retry, when this call returns the answer — so code
   * before it must be safe to run twice. Throws `MissingClientCapabilityError` when the client
   * cannot elicit (in that mode).
   */
  elicit(
    params: ElicitRequestFormParams | ElicitRequestURLParams,
    options?: InputOptions,
  ): Promise<ElicitResult>;
  /** Asks the client's model for a completion; same two-era behaviour as `elicit`. */
  sample(params: CreateMessageRequestParams, options?: InputOptions): Promise<CreateMessageResult>;
  /** Asks the client for its roots; same two-era behaviour as `elicit`. */
  listRoots(options?: InputOptions): Promise<ListRootsResult>;
}
