// Validators for the shapes 2025-11-25 and 2026-07-28 define identically: content blocks, resources,
// prompts, identity, annotations. Named as the schemas' `$defs`.
import type * as T from '../types/index.js';
import {
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonObject,
  literal,
  numberWithin,
  object,
  optional,
  string,
  union,
} from './combinators.js';
import { jsonRpcErrorObject, progressToken, requestId } from './envelope.js';
import type { Validator } from './validator.js';

export const RequestId: Validator<T.RequestId> = requestId;
export const ProgressToken: Validator<T.ProgressToken> = progressToken;
export const Cursor: Validator<T.Cursor> = string;
export const Error: Validator<T.Error> = jsonRpcErrorObject;
/** `_meta` where the schema says only "an object"; its members are any JSON. */
export const MetaObject: Validator<T.MetaObject> = jsonObject;

export const Role: Validator<T.Role> = enumOf('assistant', 'user');
export const LoggingLevel: Validator<T.LoggingLevel> = enumOf(
  'debug',
  'info',
  'notice',
  'warning',
  'error',
  'critical',
  'alert',
  'emergency',
);

export const Annotations: Validator<T.Annotations> = object({
  audience: optional(array(Role)),
  priority: optional(numberWithin(0, 1)),
  lastModified: optional(string),
});

export const Icon: Validator<T.Icon> = object({
  src: string,
  mimeType: optional(string),
  sizes: optional(array(string)),
  theme: optional(enumOf('light', 'dark')),
});
export const Icons: Validator<T.Icons> = object({ icons: optional(array(Icon)) });

export const BaseMetadata: Validator<T.BaseMetadata> = object({
  name: string,
  title: optional(string),
});

export const Implementation: Validator<T.Implementation> = object({
  name: string,
  title: optional(string),
  version: string,
  description: optional(string),
  websiteUrl: optional(string),
  icons: optional(array(Icon)),
});

const annotated = { annotations: optional(Annotations), _meta: optional(MetaObject) };

export const TextContent: Validator<T.TextContent> = object({
  type: literal('text'),
  text: string,
  ...annotated,
});

export const ImageContent: Validator<T.ImageContent> = object({
  type: literal('image'),
  data: string,
  mimeType: string,
  ...annotated,
});

export const AudioContent: Validator<T.AudioContent> = object({
  type: literal('audio'),
  data: string,
  mimeType: string,
  ...annotated,
});

const resourceContents = { uri: string, mimeType: optional(string), _meta: optional(MetaObject) };
export const ResourceContents: Validator<T.ResourceContents> = object(resourceContents);
export const TextResourceContents: Validator<T.TextResourceContents> = object({
  ...resourceContents,
  text: string,
});
export const BlobResourceContents: Validator<T.BlobResourceContents> = object({
  ...resourceContents,
  blob: string,
});

export const EmbeddedResource: Validator<T.EmbeddedResource> = object({
  type: literal('resource'),
  resource: union(TextResourceContents, BlobResourceContents),
  ...annotated,
});

/** What `Resource` and `ResourceLink` share. */
const resourceFields = {
  uri: string,
  name: string,
  title: optional(string),
  description: optional(string),
  mimeType: optional(string),
  size: optional(integer),
  icons: optional(array(Icon)),
  ...annotated,
};

export const Resource: Validator<T.Resource> = object(resourceFields);
export const ResourceLink: Validator<T.ResourceLink> = object({
  type: literal('resource_link'),
  ...resourceFields,
});

export const ResourceTemplate: Validator<T.ResourceTemplate> = object({
  uriTemplate: string,
  name: string,
  title: optional(string),
  description: optional(string),
  mimeType: optional(string),
  icons: optional(array(Icon)),
  ...annotated,
});

export const ContentBlock: Validator<T.ContentBlock> = discriminated('type', {
  text: TextContent,
  image: ImageContent,
  audio: AudioContent,
  resource_link: ResourceLink,
  resource: EmbeddedResource,
});

export const ToolUseContent: Validator<T.ToolUseContent> = object({
  type: literal('tool_use'),
  id: string,
  name: string,
  input: jsonObject,
  _meta: optional(MetaObject),
});

export const Root: Validator<T.Root> = object({
  uri: string,
  name: optional(string),
  _meta: optional(MetaObject),
});

export const PromptArgument: Validator<T.PromptArgument> = object({
  name: string,
  title: optional(string),
  description: optional(string),
  required: optional(boolean),
});

export const Prompt: Validator<T.Prompt> = object({
  name: string,
  title: optional(string),
  description: optional(string),
  arguments: optional(array(PromptArgument)),
  icons: optional(array(Icon)),
  _meta: optional(MetaObject),
});

export const PromptMessage: Validator<T.PromptMessage> = object({
  role: Role,
  content: ContentBlock,
});

export const PromptReference: Validator<T.PromptReference> = object({
  type: literal('ref/prompt'),
  name: string,
  title: optional(string),
});

export const ResourceTemplateReference: Validator<T.ResourceTemplateReference> = object({
  type: literal('ref/resource'),
  uri: string,
});

export const ModelHint: Validator<T.ModelHint> = object({ name: optional(string) });

export const ModelPreferences: Validator<T.ModelPreferences> = object({
  hints: optional(array(ModelHint)),
  costPriority: optional(numberWithin(0, 1)),
  speedPriority: optional(numberWithin(0, 1)),
  intelligencePriority: optional(numberWithin(0, 1)),
});

export const ToolChoice: Validator<T.ToolChoice> = object({
  mode: optional(enumOf('auto', 'required', 'none')),
});

export const ToolAnnotations: Validator<T.ToolAnnotations> = object({
  title: optional(string),
  readOnlyHint: optional(boolean),
  destructiveHint: optional(boolean),
  idempotentHint: optional(boolean),
  openWorldHint: optional(boolean),
});
