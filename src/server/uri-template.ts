// RFC 6570 URI templates for MCP resource templates: the public surface of ./uri-template/.
export { DEFAULT_MAX_URI_LENGTH, UriTemplate, isUriTemplate } from './uri-template/uri-template.js';
export type { UriTemplateOptions } from './uri-template/uri-template.js';
export type {
  UriTemplateScalar,
  UriTemplateValue,
  UriTemplateVariables,
} from './uri-template/expand.js';
export type { UriTemplateMatch, UriTemplateMatchValue } from './uri-template/match-values.js';
export type { UriTemplateSafetyOptions } from './uri-template/match-safety.js';
export { MAX_PREFIX_LENGTH, UriTemplateSyntaxError } from './uri-template/syntax.js';
