// The default event store: per-stream order, replay of one stream only, and every bound.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../jsonrpc/errors.js';
import type { StoredEvent } from './event-store.js';
import { InMemoryEventStore } from './in-memory-event-store.js';

const note = (n: number): StoredEvent => ({ jsonrpc: '2.0', method: 'n', params: { n } });

function replayed(store: InMemoryEventStore, lastEventId: string): unknown[] | undefined {
  const seen: unknown[] = [];
  const stream = store.replayEventsAfter(lastEventId, (_id, event) => seen.push(event));
  return stream === undefined ? undefined : seen;
}

describe('InMemoryEventStore', () => {
  it('replays the events after an id, of that stream only, in order', () => {
    const store = new InMemoryEventStore();
    const primingA = store.storeEvent('a', null);
    store.storeEvent('b', note(100));
    store.storeEvent('a', note(1));
    const second = store.storeEvent('a', note(2));
    store.storeEvent('b', note(200));
    store.storeEvent('a', note(3));
    expect(replayed(store, primingA)).toEqual([note(1), note(2), note(3)]);
    expect(replayed(store, second)).toEqual([note(3)]);
    expect(store.replayEventsAfter(second, () => {})).toBe('a');
  });

  it('knows nothing of unknown, future or malformed ids', () => {
    const store = new InMemoryEventStore();
    store.storeEvent('a', note(1));
    for (const id of ['nope', 'a_9', 'a_x', 'b_0', '', '_', 'a_-5']) {
      expect(replayed(store, id)).toBeUndefined();
    }
  });

  it('keeps maxEventsPerStream per stream; an id older than that replays nothing (no gaps)', () => {
    const store = new InMemoryEventStore({ maxEventsPerStream: 3 });
    const ids = [1, 2, 3, 4, 5].map((n) => store.storeEvent('a', note(n)));
    expect(replayed(store, ids[0] as string)).toBeUndefined();
    expect(replayed(store, ids[1] as string)).toEqual([note(3), note(4), note(5)]);
  });

  it('drops the least recently written streams past maxStreams', () => {
    const store = new InMemoryEventStore({ maxStreams: 2 });
    const a = store.storeEvent('a', note(1));
    store.storeEvent('b', note(2));
    store.storeEvent('a', note(3));
    store.storeEvent('c', note(4));
    expect(store.streamCount).toBe(2);
    expect(replayed(store, a)).toEqual([note(3)]);
    expect(replayed(store, 'b_0')).toBeUndefined();
  });

  it('stays under maxTotalBytes', () => {
    const store = new InMemoryEventStore({ maxTotalBytes: 1000 });
    for (let i = 0; i < 100; i++) store.storeEvent(`s${i % 7}`, note(i));
    expect(store.totalBytes).toBeLessThanOrEqual(1000);
  });

  it('deleteStream forgets a stream and its bytes', () => {
    const store = new InMemoryEventStore();
    const id = store.storeEvent('a', note(1));
    store.deleteStream('a');
    expect(store.streamCount).toBe(0);
    expect(store.totalBytes).toBe(0);
    expect(replayed(store, id)).toBeUndefined();
  });

  it('refuses bounds that are not positive integers', () => {
    expect(() => new InMemoryEventStore({ maxStreams: 0 })).toThrow(UsageError);
    expect(() => new InMemoryEventStore({ maxTotalBytes: 1.5 })).toThrow(UsageError);
  });
});
