// Reads Server-Sent Events from a response body, as a client would (WHATWG HTML §9.2.6), one event
// at a time; comments are reported too, so tests can see keep-alives.
export interface ReadEvent {
  id?: string;
  event?: string;
  data?: string;
  retry?: number;
  /** Set for a comment line (`: text`) instead of an event. */
  comment?: string;
}

export class SseReader {
  readonly #reader: ReadableStreamDefaultReader<Uint8Array>;
  readonly #decoder = new TextDecoder();
  readonly #ready: ReadEvent[] = [];
  #buffer = '';
  #current: ReadEvent = {};
  #done = false;

  constructor(body: ReadableStream<Uint8Array> | null) {
    if (body === null) throw new Error('The response has no body');
    this.#reader = body.getReader();
  }

  /** The next event or comment; undefined once the stream has ended. */
  async next(): Promise<ReadEvent | undefined> {
    while (this.#ready.length === 0 && !this.#done) {
      const { done, value } = await this.#reader.read();
      if (done) {
        this.#done = true;
        break;
      }
      this.#push(this.#decoder.decode(value, { stream: true }));
    }
    return this.#ready.shift();
  }

  /** The next event that is not a comment. */
  async nextEvent(): Promise<ReadEvent | undefined> {
    for (;;) {
      const event = await this.next();
      if (event === undefined || event.comment === undefined) return event;
    }
  }

  /** The next event's data as JSON (skipping comments and empty priming events). */
  async nextMessage(): Promise<Record<string, unknown> | undefined> {
    for (;;) {
      const event = await this.nextEvent();
      if (event === undefined) return undefined;
      if (event.data !== undefined && event.data !== '') {
        return JSON.parse(event.data) as Record<string, unknown>;
      }
    }
  }

  /** Every remaining event until the stream ends. */
  async rest(): Promise<ReadEvent[]> {
    const events: ReadEvent[] = [];
    for (;;) {
      const event = await this.next();
      if (event === undefined) return events;
      events.push(event);
    }
  }

  async cancel(): Promise<void> {
    await this.#reader.cancel();
  }

  #push(text: string): void {
    this.#buffer += text;
    for (;;) {
      const match = /\r\n|\r|\n/.exec(this.#buffer);
      if (match === null) return;
      const line = this.#buffer.slice(0, match.index);
      this.#buffer = this.#buffer.slice(match.index + match[0].length);
      this.#line(line);
    }
  }

  #line(line: string): void {
    if (line === '') {
      if (Object.keys(this.#current).length > 0) this.#ready.push(this.#current);
      this.#current = {};
      return;
    }
    if (line.startsWith(':')) {
      this.#ready.push({ comment: line.slice(1).trim() });
      return;
    }
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') {
      this.#current.data =
        this.#current.data === undefined ? value : `${this.#current.data}\n${value}`;
    } else if (field === 'id') this.#current.id = value;
    else if (field === 'event') this.#current.event = value;
    else if (field === 'retry') this.#current.retry = Number(value);
  }
}
