// Public entry `mcpkit/server`: the high-level server and what its handlers see.
export { McpServer } from './mcp-server.js';
export type { ConnectOptions, McpServerOptions } from './mcp-server.js';
export type { AuthInfo, ClientDescription, InputOptions, ServerContext } from './context.js';
export { MissingClientCapabilityError, ToolError, UrlElicitationRequiredError } from './errors.js';
export type { UrlElicitation } from './errors.js';
export type { ToolArguments, ToolConfig, ToolHandler, ToolOutput } from './tools.js';
export type {
  ReadOutput,
  ResourceConfig,
  ResourceContents,
  ResourceReader,
  ResourceTemplateConfig,
  TemplateReader,
} from './resources.js';
export type { PromptArguments, PromptConfig, PromptHandler, PromptOutput } from './prompts.js';
export type { Completer, Completers } from './completion.js';
export type { CacheHint, CacheableKind } from './server-core.js';
export type { ServerSession } from './server-session.js';
export { UriTemplate } from './uri-template.js';
export { generateRequestStateSecret, RequestStateCodec } from './request-state/index.js';
export type { RequestStateKey } from './request-state/index.js';
