// Typed error objects and error responses the schemas name, with the data each one carries.
import type { RequestId } from '../jsonrpc.js';
import type { ClientCapabilities } from './capabilities.js';
import type { LegacyElicitRequestURLParams } from './elicitation.js';
import type { Error } from './envelope.js';

/** -32700: the message was not valid JSON. */
export type ParseError = { code: -32700; message: string; data?: unknown };

/** -32600: the message is not a valid JSON-RPC request. */
export type InvalidRequestError = { code: -32600; message: string; data?: unknown };

/** -32601: no such method, or not available (e.g. the capability is missing). */
export type MethodNotFoundError = { code: -32601; message: string; data?: unknown };

/**
 * -32602: bad params. In MCP also an unknown tool or prompt, bad arguments, a bad cursor, a bad
 * log level, an undeclared elicitation mode, and (2026-07-28) an unknown resource.
 */
export type InvalidParamsError = { code: -32602; message: string; data?: unknown };

/** -32603: the receiver failed unexpectedly. */
export type InternalError = { code: -32603; message: string; data?: unknown };

/**
 * 2026-07-28, -32020: an HTTP header disagrees with the body, or a required header is missing or
 * malformed. HTTP status 400.
 */
export type HeaderMismatchError = {
  jsonrpc: '2.0';
  id?: RequestId;
  error: Error & { code: -32020 };
};

/** `data` of {@link MissingRequiredClientCapabilityError}. */
export type MissingRequiredClientCapabilityErrorData = {
  /** The capabilities the request needs that the client did not declare. */
  requiredCapabilities: ClientCapabilities;
};

/** 2026-07-28, -32021: the request needs client capabilities it did not declare. */
export type MissingRequiredClientCapabilityError = {
  jsonrpc: '2.0';
  id?: RequestId;
  error: Error & { code: -32021; data: MissingRequiredClientCapabilityErrorData };
};

/** `data` of {@link UnsupportedProtocolVersionError}. */
export type UnsupportedProtocolVersionErrorData = {
  /** Revisions the server speaks; the client may retry with one of them. */
  supported: string[];
  /** The revision the request asked for. */
  requested: string;
};

/**
 * 2026-07-28, -32022: the server does not speak the request's protocol version. HTTP status 400.
 */
export type UnsupportedProtocolVersionError = {
  jsonrpc: '2.0';
  id?: RequestId;
  error: Error & { code: -32022; data: UnsupportedProtocolVersionErrorData };
};

/** `data` of {@link URLElicitationRequiredError}. */
export type URLElicitationRequiredErrorData = {
  /** URL elicitations the user must complete before the request can be retried. */
  elicitations: LegacyElicitRequestURLParams[];
  [key: string]: unknown;
};

/** 2025-11-25 only, -32042: the request needs the user to complete URL elicitations first. */
export type URLElicitationRequiredError = {
  jsonrpc: '2.0';
  id?: RequestId;
  error: Error & { code: -32042; data: URLElicitationRequiredErrorData };
};
