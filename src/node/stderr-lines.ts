// Turns a child's stderr bytes into lines for listeners, keeping the last few to explain a crash.
import { Emitter } from '../jsonrpc/events.js';
import type { Disposable } from '../jsonrpc/events.js';

const DEFAULT_TAIL_LINES = 20;
/** A line longer than this is cut into pieces, so a server that never writes '\n' stays bounded. */
const MAX_LINE_CHARS = 64 * 1024;
/** Lines quoted in an error are shortened to this. */
const MAX_TAIL_LINE_CHARS = 1000;

export class StderrLines {
  readonly #decoder = new TextDecoder();
  readonly #lines = new Emitter<string>();
  readonly #tail: string[] = [];
  readonly #tailSize: number;
  #partial = '';

  constructor(tailSize = DEFAULT_TAIL_LINES) {
    this.#tailSize = tailSize;
  }

  onLine(listener: (line: string) => void): Disposable {
    return this.#lines.on(listener);
  }

  push(chunk: Uint8Array): void {
    this.#append(this.#decoder.decode(chunk, { stream: true }));
  }

  /** The stream ended: a last line without a newline still counts. */
  end(): void {
    this.#append(this.#decoder.decode());
    if (this.#partial !== '') this.#emit(this.#partial);
    this.#partial = '';
  }

  /** The last lines seen, oldest first, each shortened for quoting. */
  tail(): string[] {
    return [...this.#tail];
  }

  #append(text: string): void {
    let start = 0;
    for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', start)) {
      this.#emit(this.#partial + text.slice(start, newline));
      this.#partial = '';
      start = newline + 1;
    }
    this.#partial += text.slice(start);
    while (this.#partial.length > MAX_LINE_CHARS) {
      this.#emit(this.#partial.slice(0, MAX_LINE_CHARS));
      this.#partial = this.#partial.slice(MAX_LINE_CHARS);
    }
  }

  #emit(rawLine: string): void {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    this.#tail.push(
      line.length > MAX_TAIL_LINE_CHARS ? `${line.slice(0, MAX_TAIL_LINE_CHARS)}…` : line,
    );
    if (this.#tail.length > this.#tailSize) this.#tail.shift();
    this.#lines.emit(line);
  }
}
