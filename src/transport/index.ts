// Public entry point of `mcpkit/transport`: the Transport contract, newline framing and the
// in-memory pair.
export type { InvalidFrame, Transport, TransportCloseInfo } from './transport.js';
export { DEFAULT_MAX_LINE_BYTES, LineFramer, serializeMessage } from './line-framer.js';
export type { LineFramerOptions } from './line-framer.js';
export { createLinkedTransports } from './memory.js';
export type { LinkedTransport, LinkedTransportsOptions } from './memory.js';
