// Reads Server-Sent Events from a response body with `eventsource-parser` (multi-line data, ids,
// `retry`, comments), under a size limit, until the stream ends, a handler stops it, or an abort.
import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import { LimitExceededError } from '../../jsonrpc/errors.js';

export type SseEvent = EventSourceMessage;

export interface SseReadOptions {
  /** Called per event; returning `true` stops reading and closes the stream. */
  onEvent: (event: SseEvent) => boolean | void;
  /** The server's reconnection time, in milliseconds. */
  onRetry?: (ms: number) => void;
  /** Aborting closes the stream; the read then resolves 'aborted'. */
  signal: AbortSignal;
  /** Characters one event (or one unfinished line) may hold. */
  maxEventSize: number;
}

/** How a read finished: the server ended the stream, a handler stopped it, or it was aborted. */
export type SseReadOutcome = 'ended' | 'stopped' | 'aborted';

/**
 * Reads `body` to its end. Rejects when the connection fails mid-stream, or with
 * `LimitExceededError` when an event outgrows `maxEventSize`.
 */
export async function readSseEvents(
  body: ReadableStream<Uint8Array>,
  options: SseReadOptions,
): Promise<SseReadOutcome> {
  const { signal } = options;
  let stopped = false;
  let failure: Error | undefined;
  const parser = createParser({
    maxBufferSize: options.maxEventSize,
    onEvent: (event) => {
      if (stopped || failure !== undefined) return;
      // The parser bounds what it buffers between chunks; an event inside one chunk is checked here.
      if (event.data.length > options.maxEventSize) {
        failure = tooLarge(options.maxEventSize);
        return;
      }
      if (options.onEvent(event) === true) stopped = true;
    },
    onRetry: (ms) => options.onRetry?.(ms),
    onError: (error: ParseError) => {
      // Unknown fields and bad `retry` values are ignored, as EventSource does.
      if (error.type === 'max-buffer-size-exceeded') failure = tooLarge(options.maxEventSize);
    },
  });
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const cancel = (): void => {
    reader.cancel().catch(() => {});
  };
  signal.addEventListener('abort', cancel, { once: true });
  try {
    if (signal.aborted) return 'aborted';
    for (;;) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        if (signal.aborted) return 'aborted';
        throw error;
      }
      if (chunk.done) break;
      parser.feed(decoder.decode(chunk.value, { stream: true }));
      if (failure !== undefined) throw failure;
      if (stopped) return 'stopped';
      if (signal.aborted) return 'aborted';
    }
    if (signal.aborted) return 'aborted';
    // An event the stream cut off before its blank line is dropped, as EventSource drops it.
    parser.feed(decoder.decode());
    return stopped ? 'stopped' : 'ended';
  } finally {
    signal.removeEventListener('abort', cancel);
    if (stopped || failure !== undefined || signal.aborted) cancel();
    else reader.releaseLock();
  }
}

function tooLarge(limit: number): LimitExceededError {
  return new LimitExceededError(`An SSE event is larger than ${limit} characters`);
}
