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
