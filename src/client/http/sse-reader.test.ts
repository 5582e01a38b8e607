// SSE parsing through eventsource-parser: events split anywhere across chunks, multi-line data,
// ids, retry, comments, CRLF, a size limit, and stopping or aborting a read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LimitExceededError } from '../../jsonrpc/errors.js';
import { readSseEvents, type SseEvent } from './sse-reader.js';

function streamOf(chunks: string[]): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
}

async function collect(chunks: string[], maxEventSize = 1 << 20) {
  const events: SseEvent[] = [];
  const retries: number[] = [];
  const outcome = await readSseEvents(streamOf(chunks), {
    signal: new AbortController().signal,
    maxEventSize,
    onEvent: (event) => void events.push(event),
    onRetry: (ms) => retries.push(ms),
  });
  return { events, retries, outcome };
}

const TEXT =
  ': keep-alive\n' +
  'id: 1\nretry: 1500\ndata: {"a":\ndata: 1}\n\n' +
  'event: message\r\nid: 2\r\ndata: second\r\n\r\n' +
  'id: 3\ndata:\n\n' +
  'data: no id\n\n';

describe('readSseEvents', () => {
  it('reads multi-line data, ids, retry, comments and CRLF', async () => {
    const { events, retries, outcome } = await collect([TEXT]);
    expect(outcome).toBe('ended');
    expect(retries).toEqual([1500]);
    expect(events.map((e) => [e.id, e.event, e.data])).toEqual([
      ['1', undefined, '{"a":\n1}'],
      ['2', 'message', 'second'],
      ['3', undefined, ''],
      [undefined, undefined, 'no id'],
    ]);
  });

  it('gives the same events however the bytes are split', async () => {
    const whole = (await collect([TEXT])).events;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.nat(TEXT.length), { maxLength: 8 }), async (cuts) => {
        const points = [...new Set(cuts)].sort((a, b) => a - b);
        const chunks: string[] = [];
        let from = 0;
        for (const point of [...points, TEXT.length]) {
          chunks.push(TEXT.slice(from, point));
          from = point;
        }
        expect((await collect(chunks)).events).toEqual(whole);
      }),
    );
  });

  it('keeps a multi-byte character split across chunks whole', async () => {
    const bytes = new TextEncoder().encode('data: 世界\n\n');
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.slice(0, 8));
        controller.enqueue(bytes.slice(8));
        controller.close();
      },
    });
    const events: SseEvent[] = [];
    await readSseEvents(body, {
      signal: new AbortController().signal,
      maxEventSize: 100,
      onEvent: (e) => void events.push(e),
    });
    expect(events[0]?.data).toBe('世界');
  });

  it('drops an event the stream cut off before its blank line', async () => {
    const { events } = await collect(['data: done\n\ndata: cut']);
    expect(events.map((e) => e.data)).toEqual(['done']);
  });

  it('fails with LimitExceededError on an oversized event', async () => {
    await expect(collect([`data: ${'x'.repeat(200)}\n\n`], 64)).rejects.toBeInstanceOf(
      LimitExceededError,
    );
  });

  it('stops when a handler says so, and closes the stream', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: 1\n\ndata: 2\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const seen: string[] = [];
    const outcome = await readSseEvents(body, {
      signal: new AbortController().signal,
      maxEventSize: 100,
      onEvent: (e) => {
        seen.push(e.data);
        return true;
      },
    });
    expect(outcome).toBe('stopped');
    expect(seen).toEqual(['1']);
    expect(cancelled).toBe(true);
  });

  it("resolves 'aborted' when the signal fires mid-stream", async () => {
    const controller = new AbortController();
    const body = new ReadableStream<Uint8Array>({ start() {} });
    const reading = readSseEvents(body, {
      signal: controller.signal,
      maxEventSize: 100,
      onEvent: () => {},
    });
    controller.abort();
    await expect(reading).resolves.toBe('aborted');
  });

  it('rejects when the connection breaks', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.error(new TypeError('reset'));
      },
    });
    await expect(
      readSseEvents(body, {
        signal: new AbortController().signal,
        maxEventSize: 10,
        onEvent: () => {},
      }),
    ).rejects.toThrow('reset');
  });
});
