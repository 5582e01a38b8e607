// The default event store: events in memory, bounded by count per stream, by stream count and by
// total bytes, oldest dropped first. Enough for one process; a shared store is needed behind a
// load balancer without affinity.
import { UsageError } from '../../jsonrpc/errors.js';
import type { EventStore, StoredEvent } from './event-store.js';

export interface InMemoryEventStoreOptions {
  /** Events kept per stream. Default 1000. */
  maxEventsPerStream?: number;
  /** Streams kept; the least recently written is dropped first. Default 10 000. */
  maxStreams?: number;
  /** Characters of JSON kept in all (about as many bytes). Default 32 Mi. */
  maxTotalBytes?: number;
}

interface StreamLog {
  /** Sequence number of `events[0]`. */
  first: number;
  /** Each event as its JSON text ('' for a priming event). */
  events: string[];
}

export class InMemoryEventStore implements EventStore {
  readonly #maxEventsPerStream: number;
  readonly #maxStreams: number;
  readonly #maxTotalBytes: number;
  /** In least-recently-written order (a Map keeps insertion order; writes re-insert). */
  readonly #streams = new Map<string, StreamLog>();
  #totalBytes = 0;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.#maxEventsPerStream = limit('maxEventsPerStream', options.maxEventsPerStream, 1000);
    this.#maxStreams = limit('maxStreams', options.maxStreams, 10_000);
    this.#maxTotalBytes = limit('maxTotalBytes', options.maxTotalBytes, 32 * 1024 * 1024);
  }

  /** Streams held. */
  get streamCount(): number {
    return this.#streams.size;
  }

  /** Characters of JSON held (about as many bytes). */
  get totalBytes(): number {
    return this.#totalBytes;
  }

  storeEvent(streamId: string, event: StoredEvent): string {
    let log = this.#streams.get(streamId);
    if (log === undefined) log = { first: 0, events: [] };
    else this.#streams.delete(streamId);
    this.#streams.set(streamId, log);
    const text = event === null ? '' : JSON.stringify(event);
    log.events.push(text);
    this.#totalBytes += text.length;
    const sequence = log.first + log.events.length - 1;
    if (log.events.length > this.#maxEventsPerStream) this.#dropOldest(log);
    this.#trim(streamId);
    return `${streamId}_${sequence}`;
  }

  replayEventsAfter(
    lastEventId: string,
    send: (eventId: string, event: StoredEvent) => void,
  ): string | undefined {
    const separator = lastEventId.lastIndexOf('_');
    const streamId = lastEventId.slice(0, separator);
    const sequence = Number(lastEventId.slice(separator + 1));
    const log = separator === -1 ? undefined : this.#streams.get(streamId);
    if (log === undefined || !Number.isSafeInteger(sequence)) return undefined;
    const next = log.first + log.events.length;
    // Unknown (in the future), or events after it were dropped: replaying would leave a gap.
    if (sequence < log.first - 1 || sequence >= next) return undefined;
    for (let n = sequence + 1; n < next; n++) {
      const text = log.events[n - log.first] as string;
      send(`${streamId}_${n}`, text === '' ? null : (JSON.parse(text) as StoredEvent));
    }
    return streamId;
  }

  deleteStream(streamId: string): void {
    const log = this.#streams.get(streamId);
    if (log === undefined) return;
    for (const text of log.events) this.#totalBytes -= text.length;
    this.#streams.delete(streamId);
  }

  #dropOldest(log: StreamLog): void {
    const text = log.events.shift();
    if (text !== undefined) this.#totalBytes -= text.length;
    log.first++;
  }

  /** Drops whole streams, least recently written first, until both global bounds hold. */
  #trim(keep: string): void {
    for (const [streamId, log] of this.#streams) {
      if (this.#streams.size <= this.#maxStreams && this.#totalBytes <= this.#maxTotalBytes) return;
      if (streamId === keep) {
        // The stream just written is the newest; shorten it rather than drop it.
        while (this.#totalBytes > this.#maxTotalBytes && log.events.length > 1)
          this.#dropOldest(log);
        return;
      }
      this.deleteStream(streamId);
    }
  }
}

function limit(name: string, value: number | undefined, fallback: number): number {
  const chosen = value ?? fallback;
  if (!Number.isSafeInteger(chosen) || chosen < 1) {
    throw new UsageError(`${name} must be a positive integer, got ${String(value)}`);
  }
  return chosen;
}
