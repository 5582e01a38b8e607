// Sampling: a server asks the client's model for a completion (`sampling/createMessage`).
import type { RequestId } from '../jsonrpc.js';
import type { JSONObject, LegacyRequestMetaObject, MetaObject, Role } from './base.js';
import type {
  AudioContent,
  ImageContent,
  LegacyToolResultContent,
  TextContent,
  ToolResultContent,
  ToolUseContent,
} from './content.js';
import type { TaskMetadata } from './tasks.js';
import type { LegacyTool, Tool } from './tools.js';

/** What a sampling message may contain. Tool use and results came in 2025-11-25. */
export type SamplingMessageContentBlock =
  TextContent | ImageContent | AudioContent | ToolUseContent | ToolResultContent;

/** 2025-11-25 sampling content: tool results carry object `structuredContent` only. */
export type LegacySamplingMessageContentBlock =
  TextContent | ImageContent | AudioContent | ToolUseContent | LegacyToolResultContent;

/** One message of the conversation sent to, or returned by, the model. */
export type SamplingMessage = {
  role: Role;
  /** One block, or several (2025-11-25+). */
  content: SamplingMessageContentBlock | SamplingMessageContentBlock[];
  _meta?: MetaObject;
};

/**
 * A sampling message in the legacy revisions. Before 2025-11-25 `content` is a single text,
 * image or (2025-03-26+) audio block.
 * @see {@link SamplingMessage} for 2026-07-28.
 */
export type LegacySamplingMessage = {
  role: Role;
  content: LegacySamplingMessageContentBlock | LegacySamplingMessageContentBlock[];
  _meta?: MetaObject;
};

/** A hint for choosing a model: a name, or part of one, possibly mapped to a similar model. */
export type ModelHint = {
  name?: string;
};

/** How the server would like the client to choose a model; the client may ignore it. */
export type ModelPreferences = {
  /** Tried in order; the first match wins. Take precedence over the priorities. */
  hints?: ModelHint[];
  /** 0 to 1: how much low cost matters. */
  costPriority?: number;
  /** 0 to 1: how much low latency matters. */
  speedPriority?: number;
  /** 0 to 1: how much capability matters. */
  intelligencePriority?: number;
};

/** How the model may use the tools it is given. */
export type ToolChoice = {
  /** `auto` (default): model decides; `required`: must use a tool; `none`: must not. */
  mode?: 'auto' | 'required' | 'none';
};

/** Params of `sampling/createMessage` as a 2026-07-28 input request. */
export type CreateMessageRequestParams = {
  messages: SamplingMessage[];
  modelPreferences?: ModelPreferences;
  /** The client may change or drop it. */
  systemPrompt?: string;
  /** Context from MCP servers to add; values other than `none` are deprecated. */
  includeContext?: 'none' | 'thisServer' | 'allServers';
  temperature?: number;
  /** Upper bound on tokens to sample; the client may sample fewer. */
  maxTokens: number;
  stopSequences?: string[];
  /** Provider-specific settings passed through to the model. */
  metadata?: JSONObject;
  /** Tools the model may call; needs the client's `sampling.tools` capability. */
  tools?: Tool[];
  /** Needs the client's `sampling.tools` capability. */
  toolChoice?: ToolChoice;
};

/**
 * Params of a legacy `sampling/createMessage` request. `tools`/`toolChoice` and `task` came in
 * 2025-11-25.
 * @see {@link CreateMessageRequestParams} for 2026-07-28.
 */
export type LegacyCreateMessageRequestParams = {
  _meta?: LegacyRequestMetaObject;
  messages: LegacySamplingMessage[];
  modelPreferences?: ModelPreferences;
  systemPrompt?: string;
  includeContext?: 'none' | 'thisServer' | 'allServers';
  temperature?: number;
  maxTokens: number;
  stopSequences?: string[];
  metadata?: { [key: string]: unknown };
  tools?: LegacyTool[];
  toolChoice?: ToolChoice;
  /** 2025-11-25 tasks: run the sampling as a task. */
  task?: TaskMetadata;
};

/**
 * Asks the client to sample its model. In 2026-07-28 only inside an `InputRequiredResult`, so it
 * has no JSON-RPC envelope.
 */
export type CreateMessageRequest = {
  method: 'sampling/createMessage';
  params: CreateMessageRequestParams;
};

/** Legacy `sampling/createMessage`, a request from server to client. */
export type LegacyCreateMessageRequest = {
  jsonrpc: '2.0';
  id: RequestId;
  method: 'sampling/createMessage';
  params: LegacyCreateMessageRequestParams;
};

/** What the model produced. The user should get to review it before the server sees it. */
export type CreateMessageResult = {
  /** The model that actually answered. */
  model: string;
  /** `endTurn`, `stopSequence`, `maxTokens`, `toolUse`, or a provider's own reason. */
  stopReason?:
    'endTurn' | 'stopSequence' | 'maxTokens' | 'toolUse' | (string & Record<never, never>);
  role: Role;
  content: SamplingMessageContentBlock | SamplingMessageContentBlock[];
  _meta?: MetaObject;
};

/** Legacy sampling result. @see {@link CreateMessageResult} for 2026-07-28. */
export type LegacyCreateMessageResult = {
  model: string;
  stopReason?:
    'endTurn' | 'stopSequence' | 'maxTokens' | 'toolUse' | (string & Record<never, never>);
  role: Role;
  content: LegacySamplingMessageContentBlock | LegacySamplingMessageContentBlock[];
  _meta?: MetaObject;
};
