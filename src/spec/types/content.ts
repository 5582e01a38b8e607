// Content blocks (text, image, audio, resource links, embedded resources, tool use and results) and
// the resource contents they embed, with the set each revision knows.
import type { ProtocolVersion } from '../versions.js';
import type { Icon, MetaObject, Role } from './base.js';

/** Hints for the client about who a piece of data is for and how much it matters. */
export type Annotations = {
  /** Who the data is meant for; may name both. */
  audience?: Role[];
  /** From 0 (entirely optional) to 1 (effectively required). */
  priority?: number;
  /** When the underlying data last changed, as ISO 8601 (e.g. `2025-01-12T15:00:58Z`). Since 2025-06-18. */
  lastModified?: string;
};

/**
 * 2024-11-05 base of content and resources: an optional `annotations` member (without
 * `lastModified`, which came in 2025-06-18).
 */
export type Annotated = {
  annotations?: {
    audience?: Role[];
    priority?: number;
  };
};

/** Plain text. */
export type TextContent = {
  type: 'text';
  text: string;
  annotations?: Annotations;
  _meta?: MetaObject;
};

/** An image, base64-encoded. */
export type ImageContent = {
  type: 'image';
  /** Base64 of the image bytes. */
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: MetaObject;
};

/** Audio, base64-encoded. Since 2025-03-26. */
export type AudioContent = {
  type: 'audio';
  /** Base64 of the audio bytes. */
  data: string;
  mimeType: string;
  annotations?: Annotations;
  _meta?: MetaObject;
};

/** Fields both kinds of resource contents share. */
export type ResourceContents = {
  /** The URI the contents were read from. */
  uri: string;
  mimeType?: string;
  _meta?: MetaObject;
};

/** Resource contents that are text. */
export type TextResourceContents = {
  uri: string;
  mimeType?: string;
  _meta?: MetaObject;
  text: string;
};

/** Resource contents that are binary, base64-encoded. */
export type BlobResourceContents = {
  uri: string;
  mimeType?: string;
  _meta?: MetaObject;
  /** Base64 of the bytes. */
  blob: string;
};

/**
 * A pointer to a resource the server can read. It need not appear in `resources/list`.
 * Since 2025-06-18.
 */
export type ResourceLink = {
  type: 'resource_link';
  uri: string;
  name: string;
  title?: string;
  description?: string;
  mimeType?: string;
  /** Size of the raw bytes (before base64), if known. */
  size?: number;
  annotations?: Annotations;
  icons?: Icon[];
  _meta?: MetaObject;
};

/** A resource's contents carried inline. */
export type EmbeddedResource = {
  type: 'resource';
  resource: TextResourceContents | BlobResourceContents;
  annotations?: Annotations;
  _meta?: MetaObject;
};

/** Anything a tool result or a prompt message may contain. */
export type ContentBlock =
  TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/**
 * The content blocks a given revision knows: audio came in 2025-03-26, resource links in
 * 2025-06-18. Use it to type what may be sent to a peer speaking `V`.
 */
export type ContentBlockIn<V extends ProtocolVersion> = V extends '2024-11-05'
  ? TextContent | ImageContent | EmbeddedResource
  : V extends '2025-03-26'
    ? TextContent | ImageContent | AudioContent | EmbeddedResource
    : ContentBlock;

/** A model's request to call a tool, inside a sampling message. Since 2025-11-25. */
export type ToolUseContent = {
  type: 'tool_use';
  /** Matches the `toolUseId` of the {@link ToolResultContent} that answers it. */
  id: string;
  name: string;
  input: { [key: string]: unknown };
  _meta?: MetaObject;
};

/** The outcome of a tool use, sent back to the model in a sampling message. */
export type ToolResultContent = {
  type: 'tool_result';
  /** The `id` of the {@link ToolUseContent} this answers. */
  toolUseId: string;
  content: ContentBlock[];
  /** Any JSON value; should match the tool's `outputSchema` when it has one. */
  structuredContent?: unknown;
  isError?: boolean;
  _meta?: MetaObject;
};

/**
 * 2025-11-25 tool result in sampling: `structuredContent`, if present, must be an object.
 * @see {@link ToolResultContent} for 2026-07-28, which allows any JSON value.
 */
export type LegacyToolResultContent = {
  type: 'tool_result';
  toolUseId: string;
  content: ContentBlock[];
  structuredContent?: { [key: string]: unknown };
  isError?: boolean;
  _meta?: MetaObject;
};
