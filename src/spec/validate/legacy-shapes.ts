// 2025-11-25 shapes that differ from 2026-07-28: capabilities (with tasks), tools, sampling and
// elicitation as server-to-client requests, and the experimental tasks. They accept what the older
// legacy revisions send too, since 2025-11-25 only added optional members.
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonObject,
  literal,
  number,
  object,
  optional,
  record,
  string,
  union,
} from './combinators.js';
import { ElicitationContent, ElicitationRequestedSchema } from './elicitation-schemas.js';
import {
  AudioContent,
  ContentBlock,
  Icon,
  ImageContent,
  MetaObject,
  ModelPreferences,
  ProgressToken,
  Role,
  Root,
  TextContent,
  ToolAnnotations,
  ToolChoice,
  ToolUseContent,
} from './shared-shapes.js';
import type { Validator } from './validator.js';

/** `_meta` of a legacy request: any object; `progressToken`, when present, must be an id. */
export const LegacyRequestMetaObject: Validator<T.LegacyRequestMetaObject> = object({
  progressToken: optional(ProgressToken),
});
const requestMeta = { _meta: optional(LegacyRequestMetaObject) };

export const ClientCapabilities: Validator<T.LegacyClientCapabilities> = object({
  experimental: optional(record(jsonObject)),
  roots: optional(object({ listChanged: optional(boolean) })),
  sampling: optional(object({ context: optional(jsonObject), tools: optional(jsonObject) })),
  elicitation: optional(object({ form: optional(jsonObject), url: optional(jsonObject) })),
  tasks: optional(
    object({
      list: optional(jsonObject),
      cancel: optional(jsonObject),
      requests: optional(
        object({
          sampling: optional(object({ createMessage: optional(jsonObject) })),
          elicitation: optional(object({ create: optional(jsonObject) })),
        }),
      ),
    }),
  ),
});

export const ServerCapabilities: Validator<T.LegacyServerCapabilities> = object({
  experimental: optional(record(jsonObject)),
  logging: optional(jsonObject),
  completions: optional(jsonObject),
  prompts: optional(object({ listChanged: optional(boolean) })),
  resources: optional(object({ subscribe: optional(boolean), listChanged: optional(boolean) })),
  tools: optional(object({ listChanged: optional(boolean) })),
  tasks: optional(
    object({
      list: optional(jsonObject),
      cancel: optional(jsonObject),
      requests: optional(object({ tools: optional(object({ call: optional(jsonObject) })) })),
    }),
  ),
});

export const TaskStatus: Validator<T.TaskStatus> = enumOf(
  'working',
  'input_required',
  'completed',
  'failed',
  'cancelled',
);
export const TaskMetadata: Validator<T.TaskMetadata> = object({ ttl: optional(integer) });
export const RelatedTaskMetadata: Validator<T.RelatedTaskMetadata> = object({ taskId: string });
export const ToolExecution: Validator<T.ToolExecution> = object({
  taskSupport: optional(enumOf('forbidden', 'optional', 'required')),
});

/** The members of a task, also spread into results and notifications that are a task. */
export const taskFields = {
  taskId: string,
  status: TaskStatus,
  statusMessage: optional(string),
  createdAt: string,
  lastUpdatedAt: string,
  ttl: union(integer, literal(null)),
  pollInterval: optional(integer),
};
export const Task: Validator<T.Task> = object(taskFields);

/** Legacy tool schemas are objects whose `properties` are objects. */
const toolSchema = object({
  $schema: optional(string),
  type: literal('object'),
  properties: optional(record(jsonObject)),
  required: optional(array(string)),
});

export const Tool: Validator<T.LegacyTool> = object({
  name: string,
  title: optional(string),
  description: optional(string),
  inputSchema: toolSchema,
  outputSchema: optional(toolSchema),
  execution: optional(ToolExecution),
  annotations: optional(ToolAnnotations),
  icons: optional(array(Icon)),
  _meta: optional(MetaObject),
});

export const ToolResultContent: Validator<T.LegacyToolResultContent> = object({
  type: literal('tool_result'),
  toolUseId: string,
  content: array(ContentBlock),
  structuredContent: optional(jsonObject),
  isError: optional(boolean),
  _meta: optional(MetaObject),
});

export const SamplingMessageContentBlock: Validator<T.LegacySamplingMessageContentBlock> =
  discriminated('type', {
    text: TextContent,
    image: ImageContent,
    audio: AudioContent,
    tool_use: ToolUseContent,
    tool_result: ToolResultContent,
  });

const samplingContent = union(SamplingMessageContentBlock, array(SamplingMessageContentBlock));

export const SamplingMessage: Validator<T.LegacySamplingMessage> = object({
  role: Role,
  content: samplingContent,
  _meta: optional(MetaObject),
});

export const CreateMessageRequestParams: Validator<T.LegacyCreateMessageRequestParams> = object({
  ...requestMeta,
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
  task: optional(TaskMetadata),
});

export const CreateMessageResult: Validator<T.LegacyCreateMessageResult> = object({
  model: string,
  stopReason: optional(string),
  role: Role,
  content: samplingContent,
  _meta: optional(MetaObject),
});

export const ElicitRequestFormParams: Validator<T.LegacyElicitRequestFormParams> = object({
  ...requestMeta,
  mode: optional(literal('form')),
  message: string,
  requestedSchema: ElicitationRequestedSchema,
  task: optional(TaskMetadata),
});

export const ElicitRequestURLParams: Validator<T.LegacyElicitRequestURLParams> = object({
  ...requestMeta,
  mode: literal('url'),
  message: string,
  elicitationId: string,
  url: string,
  task: optional(TaskMetadata),
});

/** Form mode is the default (2025-06-18 knew no other), so `mode` may be left out. */
export const ElicitRequestParams: Validator<T.LegacyElicitRequestParams> = discriminated(
  'mode',
  { form: ElicitRequestFormParams, url: ElicitRequestURLParams },
  'form',
);

export const ElicitResult: Validator<T.LegacyElicitResult> = object({
  action: enumOf('accept', 'decline', 'cancel'),
  content: optional(ElicitationContent),
  _meta: optional(MetaObject),
});

export const ListRootsResult: Validator<T.LegacyListRootsResult> = object({
  roots: array(Root),
  _meta: optional(MetaObject),
});
