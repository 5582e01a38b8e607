// Runtime validators for inbound MCP messages: the combinator core, the JSON-RPC envelope, and
// the message shapes of both eras with by-method lookup tables.
export {
  Explanation,
  Kind,
  MAX_DEPTH,
  MAX_ISSUES,
  Validator,
  formatIssue,
  formatPath,
} from './validator.js';
export type { Infer, Issue, PathSegment, ValidationResult } from './validator.js';
export {
  anyObject,
  array,
  boolean,
  discriminated,
  enumOf,
  integer,
  jsonObject,
  jsonValue,
  lazy,
  literal,
  number,
  numberWithin,
  object,
  optional,
  orAbsent,
  record,
  refine,
  string,
  union,
} from './combinators.js';
export type { ObjectOf, Optional, Shape } from './combinators.js';
export {
  classifyMessage,
  jsonRpcErrorObject,
  jsonRpcErrorResponse,
  jsonRpcMessage,
  jsonRpcNotification,
  jsonRpcRequest,
  jsonRpcResultResponse,
  messageKind,
  progressToken,
  requestId,
} from './envelope.js';
export type { ClassifiedMessage, MessageKind } from './envelope.js';
export { validatorFor } from './message-shapes.js';
export {
  modernInputRequests,
  modernInputResponses,
  modernNotificationParams,
  modernNotifications,
  modernRequestParams,
  modernRequests,
  modernResults,
  modernValidators,
} from './modern.js';
export {
  legacyNotificationParams,
  legacyNotifications,
  legacyRequestParams,
  legacyRequests,
  legacyResults,
  legacyValidators,
} from './legacy.js';
