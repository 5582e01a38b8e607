// 2026-07-28 shapes that differ from 2025-11-25: per-request `_meta`, capabilities, tools, and the
// multi round-trip (MRTR) input requests and responses that replace server-to-client requests.
import { MetaKey } from '../meta-keys.js';
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonObject,
  jsonValue,
  literal,
  number,
  object,
  optional,
  record,
  refine,
  string,
  union,
} from './combinators.js';
import { ElicitationContent, ElicitationRequestedSchema } from './elicitation-schemas.js';
import {
  AudioContent,
  ContentBlock,
  ImageContent,
  Implementation,
  LoggingLevel,
  MetaObject,
  ModelPreferences,
  ProgressToken,
  RequestId,
  Role,
  Root,
  TextContent,
  ToolAnnotations,
  ToolChoice,
  Icon,
  ToolUseContent,
} from './shared-shapes.js';
import type { Validator } from './validator.js';

export const JSONValue: Validator<T.JSONValue> = jsonValue;
export const JSONObject: Validator<T.JSONObject> = jsonObject;
export const JSONArray: Validator<T.JSONArray> = array(jsonValue);

/** Only the two values the core protocol defines; extensions (tasks: `"task"`) check theirs first. */
export const ResultType: Validator<T.ResultType> = enumOf('complete', 'input_required');

export const ClientCapabilities: Validator<T.ClientCapabilities> = object({
  experimental: optional(record(jsonObject)),
  roots: optional(jsonObject),
  sampling: optional(object({ context: optional(jsonObject), tools: optional(jsonObject) })),
  elicitation: optional(object({ form: optional(jsonObject), url: optional(jsonObject) })),
  extensions: optional(record(jsonObject)),
});

export const ServerCapabilities: Validator<T.ServerCapabilities> = object({
  experimental: optional(record(jsonObject)),
  logging: optional(jsonObject),
  completions: optional(jsonObject),
  prompts: optional(object({ listChanged: optional(boolean) })),
  resources: optional(object({ subscribe: optional(boolean), listChanged: optional(boolean) })),
  tools: optional(object({ listChanged: optional(boolean) })),
  extensions: optional(record(jsonObject)),
});

/** Every modern request carries its version and capabilities here; both are required. */
export const RequestMetaObject: Validator<T.RequestMetaObject> = object({
  [MetaKey.ProtocolVersion]: string,
  [MetaKey.ClientCapabilities]: ClientCapabilities,
  [MetaKey.ClientInfo]: optional(Implementation),
  [MetaKey.LogLevel]: optional(LoggingLevel),
  progressToken: optional(ProgressToken),
});

export const NotificationMetaObject: Validator<T.NotificationMetaObject> = object({
  [MetaKey.SubscriptionId]: optional(RequestId),
});

export const ResultMetaObject: Validator<T.ResultMetaObject> = object({
  [MetaKey.ServerInfo]: optional(Implementation),
});

export const SubscriptionsListenResultMetaObject: Validator<T.SubscriptionsListenResultMetaObject> =
  object({
    [MetaKey.ServerInfo]: optional(Implementation),
    [MetaKey.SubscriptionId]: RequestId,
  });

export const Tool: Validator<T.Tool> = object({
  name: string,
  title: optional(string),
  description: optional(string),
  inputSchema: object({ $schema: optional(string), type: literal('object') }),
  outputSchema: optional(object({ $schema: optional(string) })),
  annotations: optional(ToolAnnotations),
  icons: optional(array(Icon)),
  _meta: optional(MetaObject),
});

export const ToolResultContent: Validator<T.ToolResultContent> = object({
  type: literal('tool_result'),
  toolUseId: string,
  content: array(ContentBlock),
  structuredContent: optional(jsonValue),
  isError: optional(boolean),
  _meta: optional(MetaObject),
});

export const SamplingMessageContentBlock: Validator<T.SamplingMessageContentBlock> = discriminated(
  'type',
  {
    text: TextContent,
    image: ImageContent,
    audio: AudioContent,
    tool_use: ToolUseContent,
    tool_result: ToolResultContent,
  },
);

const samplingContent = union(SamplingMessageContentBlock, array(SamplingMessageContentBlock));

export const SamplingMessage: Validator<T.SamplingMessage> = object({
  role: Role,
  content: samplingContent,
  _meta: optional(MetaObject),
});

export const CreateMessageRequestParams: Validator<T.CreateMessageRequestParams> = object({
  messages: array(SamplingMessage),
  modelPreferences: optional(ModelPreferences),
  systemPrompt: optional(string),
  includeContext: optional(enumOf('none', 'thisServer', 'allServers')),
  temperature: optional(number),
  maxTokens: integer,
  stopSequences: optional(array(string)),
  metadata: optional(jsonObject),
  tools: optional(array(Tool)),
  toolChoice: optional(ToolChoice),
});

export const CreateMessageRequest: Validator<T.CreateMessageRequest> = object({
  method: literal('sampling/createMessage'),
  params: CreateMessageRequestParams,
});

export const CreateMessageResult: Validator<T.CreateMessageResult> = object({
  model: string,
  stopReason: optional(string),
  role: Role,
  content: samplingContent,
  _meta: optional(MetaObject),
});

export const ElicitRequestFormParams: Validator<T.ElicitRequestFormParams> = object({
  mode: optional(literal('form')),
  message: string,
  requestedSchema: ElicitationRequestedSchema,
});

export const ElicitRequestURLParams: Validator<T.ElicitRequestURLParams> = object({
  mode: literal('url'),
  message: string,
  url: string,
});

/** Form mode is the default: `mode` may be left out for a form. */
export const ElicitRequestParams: Validator<T.ElicitRequestParams> = discriminated(
  'mode',
  { form: ElicitRequestFormParams, url: ElicitRequestURLParams },
  'form',
);

export const ElicitRequest: Validator<T.ElicitRequest> = object({
  method: literal('elicitation/create'),
  params: ElicitRequestParams,
});

export const ElicitResult: Validator<T.ElicitResult> = object({
  action: enumOf('accept', 'decline', 'cancel'),
  content: optional(ElicitationContent),
});

export const ListRootsRequest: Validator<T.ListRootsRequest> = object({
  method: literal('roots/list'),
  params: optional(object({ _meta: optional(MetaObject) })),
});

export const ListRootsResult: Validator<T.ListRootsResult> = object({ roots: array(Root) });

export const InputRequest: Validator<T.InputRequest> = discriminated('method', {
  'sampling/createMessage': CreateMessageRequest,
  'elicitation/create': ElicitRequest,
  'roots/list': ListRootsRequest,
});

export const InputRequests: Validator<T.InputRequests> = record(InputRequest);

export const InputResponse: Validator<T.InputResponse> = union(
  CreateMessageResult,
  ListRootsResult,
  ElicitResult,
);

export const InputResponses: Validator<T.InputResponses> = record(InputResponse);

export const InputRequiredResult: Validator<T.InputRequiredResult> = refine(
  object({
    resultType: literal('input_required'),
    inputRequests: optional(InputRequests),
    requestState: optional(string),
    _meta: optional(ResultMetaObject),
  }),
  (result) => Object.hasOwn(result, 'inputRequests') || Object.hasOwn(result, 'requestState'),
  'an input-required result needs "inputRequests", "requestState" or both',
);
