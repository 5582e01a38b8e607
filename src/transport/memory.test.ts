// The in-memory linked pair: ordering, asynchronous delivery, start queueing, close propagation.
import { describe, it, expect } from 'vitest';
import { ConnectionClosedError } from '../jsonrpc/errors.js';
import type { JsonRpcNotification } from '../spec/jsonrpc.js';
import { createLinkedTransports } from './memory.js';
import type { TransportCloseInfo } from './transport.js';

const note = (n: number): JsonRpcNotification => ({
  jsonrpc: '2.0',
  method: 'n',
  params: { n },
});

/** Lets every queued microtask (and the ones they queue) run. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

describe('createLinkedTransports', () => {
  it('delivers messages in order, in both directions', async () => {
    const [left, right] = createLinkedTransports();
    const atRight: unknown[] = [];
    const atLeft: unknown[] = [];
    right.onMessage((message) => atRight.push(message));
    left.onMessage((message) => atLeft.push(message));
    await Promise.all([left.start(), right.start()]);
    for (let n = 0; n < 100; n++) left.send(note(n));
    right.send([note(1), note(2)]);
    await settle();
    expect(atRight).toEqual(Array.from({ length: 100 }, (_, n) => note(n)));
    expect(atLeft).toEqual([[note(1), note(2)]]);
  });

  it('never delivers inside the sender’s call stack', async () => {
    const [left, right] = createLinkedTransports();
    const events: string[] = [];
    right.onMessage(() => events.push('received'));
    await right.start();
    left.send(note(1));
    events.push('send returned');
    await settle();
    expect(events).toEqual(['send returned', 'received']);
  });

  it('keeps the order when a listener replies while messages are still arriving', async () => {
    const [left, right] = createLinkedTransports();
    const atLeft: unknown[] = [];
    right.onMessage((message) =>
      right.send({ jsonrpc: '2.0', method: 'echo', params: { message } }),
    );
    left.onMessage((message) => atLeft.push(message));
    await Promise.all([left.start(), right.start()]);
    for (let n = 0; n < 5; n++) left.send(note(n));
    await settle();
    expect(atLeft).toEqual(
      Array.from({ length: 5 }, (_, n) => ({
        jsonrpc: '2.0',
        method: 'echo',
        params: { message: note(n) },
      })),
    );
  });

  it('passes messages by reference unless asked to clone', async () => {
    const sent = note(1);
    for (const clone of [false, true]) {
      const [left, right] = createLinkedTransports({ clone });
      const received: unknown[] = [];
      right.onMessage((message) => received.push(message));
      await right.start();
      left.send(sent);
      await settle();
      expect(received[0]).toEqual(sent);
      expect(received[0] === sent).toBe(!clone);
    }
  });

  it('queues messages sent before the receiver starts and delivers them on start', async () => {
    const [left, right] = createLinkedTransports();
    const received: unknown[] = [];
    right.onMessage((message) => received.push(message));
    left.send(note(1));
    left.send(note(2));
    await settle();
    expect(received).toEqual([]);
    await right.start();
    await right.start();
    await settle();
    expect(received).toEqual([note(1), note(2)]);
  });

  it('closes both sides once each, whichever side closes, and repeated closes are no-ops', async () => {
    for (const closer of [0, 1] as const) {
      const pair = createLinkedTransports();
      const closes: [number, TransportCloseInfo][] = [];
      pair[0].onClose((info) => closes.push([0, info]));
      pair[1].onClose((info) => closes.push([1, info]));
      await Promise.all(pair.map((transport) => transport.start()));
      await pair[closer].close();
      await pair[closer].close();
      await settle();
      await pair[1 - closer]?.close();
      expect(closes.map(([side]) => side).sort()).toEqual([0, 1]);
      expect(closes.every(([, info]) => info.error === undefined)).toBe(true);
      expect(pair.every((transport) => transport.closed)).toBe(true);
    }
  });

  it('delivers what the peer sent before it closed, then closes', async () => {
    const [left, right] = createLinkedTransports();
    const events: unknown[] = [];
    right.onMessage((message) => events.push(message));
    right.onClose(() => events.push('closed'));
    left.send(note(1));
    await left.close();
    expect(right.closed).toBe(true);
    expect(events).toEqual([]);
    await right.start();
    await settle();
    expect(events).toEqual([note(1), 'closed']);
  });

  it('throws ConnectionClosedError on send after either side closed', async () => {
    const [left, right] = createLinkedTransports();
    await Promise.all([left.start(), right.start()]);
    await left.close();
    expect(() => left.send(note(1))).toThrow(ConnectionClosedError);
    expect(() => right.send(note(1))).toThrow(ConnectionClosedError);
  });

  it('drops undelivered messages of a side that closes itself', async () => {
    const [left, right] = createLinkedTransports();
    const received: unknown[] = [];
    right.onMessage((message) => received.push(message));
    await right.start();
    left.send(note(1));
    await right.close();
    await settle();
    expect(received).toEqual([]);
  });

  it('stops delivering when a listener closes the transport mid-stream', async () => {
    const [left, right] = createLinkedTransports();
    const received: unknown[] = [];
    right.onMessage((message) => {
      received.push(message);
      void right.close();
    });
    await right.start();
    left.send(note(1));
    left.send(note(2));
    await settle();
    expect(received).toEqual([note(1)]);
  });
});
