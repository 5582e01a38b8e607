// The transport contract, defined beside the engine that consumes it (layer 1), re-exported here
// for the transports that implement it.
export type {
  InvalidFrame,
  SendOptions,
  Transport,
  TransportCloseInfo,
} from '../jsonrpc/transport.js';
