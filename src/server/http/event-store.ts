// Where the SSE events of legacy sessions are kept so a client can resume a broken stream with
// `Last-Event-ID` (2025-11-25 transports.mdx, "Resumability and Redelivery"). Pluggable, so several
// server processes can share one (SECURITY d.2); mcpkit ships a bounded in-memory one.
import type { JsonRpcMessage } from '../../spec/jsonrpc.js';

/** What an event carries: a message, a batch (2025-03-26), or null for a stream's priming event. */
export type StoredEvent = JsonRpcMessage | JsonRpcMessage[] | null;

export interface EventStore {
  /**
   * Records an event of stream `streamId` and returns its id: unique across streams, visible
   * ASCII without line breaks, ordered within the stream.
   */
  storeEvent(streamId: string, event: StoredEvent): string | Promise<string>;
  /**
   * Calls `send` for every event of the stream `lastEventId` belongs to that came after it, in
   * order, and returns that stream's id; undefined (and no call) when the id is unknown or its
   * successors are no longer all kept. Only ever that one stream's events (T15).
   */
  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, event: StoredEvent) => void,
  ): string | undefined | Promise<string | undefined>;
  /** Forgets a stream whose session ended. Optional; stores with their own expiry skip it. */
  deleteStream?(streamId: string): void | Promise<void>;
}
