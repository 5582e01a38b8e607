// Errors a server handler may throw on purpose, and how each era puts them on the wire.
import { ErrorCode } from '../spec/error-codes.js';
import { ProtocolError } from '../jsonrpc/errors.js';
import type { ClientCapabilities } from '../spec/types/index.js';

/**
 * A tool failed in a way the model should read: the call returns `isError: true` with this
 * message. Anything else a tool throws (other than a `ProtocolError`) becomes an `isError`
 * result with a fixed message, so no internal detail reaches the client.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
}

/**
 * The request needs a client capability the client did not declare (e.g. `ctx.elicit()` for a
 * client without `elicitation`). Modern: -32021 with `data.requiredCapabilities`. Legacy, where
 * that code does not exist: -32600 with the same data.
 */
export class MissingClientCapabilityError extends ProtocolError {
  override readonly name = 'MissingClientCapabilityError';
  readonly requiredCapabilities: ClientCapabilities;

  constructor(requiredCapabilities: ClientCapabilities, what: string) {
    super(ErrorCode.MissingRequiredClientCapability, `The client does not support ${what}`, {
      requiredCapabilities,
    });
    this.requiredCapabilities = requiredCapabilities;
  }

  /** The same error with the legacy code. */
  forLegacy(): ProtocolError {
    return new ProtocolError(ErrorCode.InvalidRequest, this.message, this.data);
  }
}

/** One out-of-band interaction the user must complete before the request can succeed. */
export interface UrlElicitation {
  message: string;
  url: string;
}

/**
 * The request cannot go on until the user completes one or more URL interactions (a sign-in, a
 * payment). 2025-11-25: -32042 with `data.elicitations`. 2026-07-28, where -32042 is gone: the
 * request ends with an `InputRequiredResult` asking for those URL elicitations, and the handler
 * runs again on the retry (by then it should find what the interaction produced). Older legacy
 * revisions, which have no URL elicitation: -32600 naming the URLs.
 */
export class UrlElicitationRequiredError extends ProtocolError {
  override readonly name = 'UrlElicitationRequiredError';
  readonly elicitations: readonly UrlElicitation[];

  constructor(
    elicitations: readonly UrlElicitation[],
    message = 'This request requires the user to visit a URL first',
  ) {
    super(ErrorCode.UrlElicitationRequired, message, {
      elicitations: elicitations.map((e) => ({
        mode: 'url',
        elicitationId: crypto.randomUUID(),
        ...e,
      })),
    });
    this.elicitations = elicitations;
  }

  forLegacy(version: string): ProtocolError {
    if (version >= '2025-11-25') return this;
    return new ProtocolError(
      ErrorCode.InvalidRequest,
      `${this.message}: ${this.elicitations.map((e) => e.url).join(', ')}`,
    );
  }
}
