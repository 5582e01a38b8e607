// Newline-delimited JSON framing (stdio and any byte stream): byte chunks in, JSON values out,
// correct under any chunking, with a bounded line length.
import { ErrorCode } from '../spec/error-codes.js';
import type { JsonRpcMessage } from '../spec/jsonrpc.js';
import type { InvalidFrame } from './transport.js';

/** The default longest line accepted, in bytes, not counting the line terminator: 10 MiB. */
export const DEFAULT_MAX_LINE_BYTES = 10 * 1024 * 1024;

const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const BOM = [0xef, 0xbb, 0xbf] as const;
/** A buffer that grew past this is dropped once its line is done, so one big line does not pin it. */
const RETAINED_BUFFER_LIMIT = 1024 * 1024;
const INITIAL_BUFFER_BYTES = 4096;

export interface LineFramerOptions {
  /** Called with every parsed JSON value, in stream order. Should not throw. */
  onMessage: (value: unknown) => void;
  /** Called for a line that is not JSON (-32700) or is longer than the limit (-32600). */
  onInvalid: (frame: InvalidFrame) => void;
  /** Longest line accepted, in bytes, without its LF (and CR). Default `DEFAULT_MAX_LINE_BYTES`. */
  maxLineBytes?: number;
}

/**
 * Splits a byte stream into lines on LF and parses each line as JSON. A CR before the LF is
 * tolerated, blank lines are skipped, and a UTF-8 BOM at the very start of the stream is ignored.
 *
 * Lines are split on the 0x0A byte before decoding: that byte never occurs inside a multi-byte
 * UTF-8 sequence, so a character split across chunks is always decoded whole. Partial lines are
 * copied into one growing buffer (amortised O(n), whatever the chunk size); only new bytes are
 * scanned for the newline. A line past the limit is reported once and skipped up to its newline
 * without being buffered. Chunks are not retained after `push` returns.
 */
export class LineFramer {
  readonly #onMessage: (value: unknown) => void;
  readonly #onInvalid: (frame: InvalidFrame) => void;
  readonly #maxLineBytes: number;
  readonly #decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  #buffer = new Uint8Array(0);
  #pendingLength = 0;
  #discarding = false;
  /** Bytes of a possible BOM seen at the start of the stream, or -1 once that is settled. */
  #bomBytesSeen = 0;

  constructor(options: LineFramerOptions) {
    const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    if (!Number.isSafeInteger(maxLineBytes) || maxLineBytes < 1) {
      throw new RangeError(`maxLineBytes must be a positive integer, got ${String(maxLineBytes)}`);
    }
    this.#onMessage = options.onMessage;
    this.#onInvalid = options.onInvalid;
    this.#maxLineBytes = maxLineBytes;
  }

  /** Bytes of the current unterminated line held in memory. */
  get pendingBytes(): number {
    return this.#pendingLength;
  }

  /** Bytes of memory the framer holds for partial lines (its buffer's capacity). */
  get retainedBytes(): number {
    return this.#buffer.byteLength;
  }

  /** Feeds the next chunk of the stream; complete lines are reported before this returns. */
  push(chunk: Uint8Array): void {
    if (this.#bomBytesSeen !== -1) this.#skipBom(chunk);
    else this.#split(chunk);
  }

  #skipBom(chunk: Uint8Array): void {
    const heldBack = this.#bomBytesSeen;
    let matched = heldBack;
    let index = 0;
    while (index < chunk.length && matched < BOM.length && chunk[index] === BOM[matched]) {
      matched++;
      index++;
    }
    if (matched === BOM.length) {
      this.#bomBytesSeen = -1;
      this.#split(chunk.subarray(index));
    } else if (index === chunk.length) {
      this.#bomBytesSeen = matched;
    } else {
      // Not a BOM after all: the bytes held back belong to the first line.
      this.#bomBytesSeen = -1;
      if (heldBack > 0) this.#split(Uint8Array.from(BOM.slice(0, heldBack)));
      this.#split(chunk);
    }
  }

  #split(chunk: Uint8Array): void {
    const length = chunk.length;
    let start = 0;
    while (start < length) {
      const newline = chunk.indexOf(LF, start);
      if (newline === -1) {
        this.#accumulate(chunk, start, length);
        return;
      }
      this.#completeLine(chunk, start, newline);
      start = newline + 1;
    }
  }

  /**
   * The stream ended. An unterminated last line is not a message (the spec delimits every
   * message with a newline): it is dropped, and its length returned so the caller can say so.
   */
  end(): number {
    const heldBack = Math.max(this.#bomBytesSeen, 0);
    const pending = isBlank(this.#buffer, 0, this.#pendingLength) ? 0 : this.#pendingLength;
    const dropped = heldBack + pending;
    this.#bomBytesSeen = -1;
    this.#pendingLength = 0;
    this.#discarding = false;
    this.#buffer = new Uint8Array(0);
    return dropped;
  }

  /** Room a line may take while its terminator has not arrived: the limit and a CR. */
  #pendingLimit(): number {
    return this.#maxLineBytes + 1;
  }

  #accumulate(chunk: Uint8Array, from: number, to: number): void {
    if (this.#discarding) return;
    if (this.#pendingLength + (to - from) > this.#pendingLimit()) {
      this.#startDiscarding();
      return;
    }
    this.#append(chunk, from, to);
  }

  #completeLine(chunk: Uint8Array, from: number, to: number): void {
    if (this.#discarding) {
      // The newline that ends an oversized line: framing resumes after it.
      this.#discarding = false;
      return;
    }
    if (this.#pendingLength === 0) {
      this.#handleLine(chunk.subarray(from, to));
      return;
    }
    if (this.#pendingLength + (to - from) > this.#pendingLimit()) {
      this.#releaseBuffer();
      this.#reportOversized();
      return;
    }
    this.#append(chunk, from, to);
    const line = this.#buffer.subarray(0, this.#pendingLength);
    this.#pendingLength = 0;
    this.#handleLine(line);
    if (this.#buffer.byteLength > RETAINED_BUFFER_LIMIT) this.#releaseBuffer();
  }

  #append(chunk: Uint8Array, from: number, to: number): void {
    const needed = this.#pendingLength + (to - from);
    if (needed > this.#buffer.byteLength) {
      const doubled = Math.max(INITIAL_BUFFER_BYTES, this.#buffer.byteLength * 2);
      const grown = new Uint8Array(Math.max(needed, Math.min(doubled, this.#pendingLimit())));
      grown.set(this.#buffer.subarray(0, this.#pendingLength));
      this.#buffer = grown;
    }
    this.#buffer.set(chunk.subarray(from, to), this.#pendingLength);
    this.#pendingLength = needed;
  }

  #startDiscarding(): void {
    this.#discarding = true;
    this.#releaseBuffer();
    this.#reportOversized();
  }

  #releaseBuffer(): void {
    this.#pendingLength = 0;
    this.#buffer = new Uint8Array(0);
  }

  #reportOversized(): void {
    this.#onInvalid({
      code: ErrorCode.InvalidRequest,
      message: `Message too large: a line exceeded the limit of ${this.#maxLineBytes} bytes`,
    });
  }

  #handleLine(line: Uint8Array): void {
    let end = line.length;
    if (end > 0 && line[end - 1] === CR) end--;
    if (end > this.#maxLineBytes) {
      this.#reportOversized();
      return;
    }
    if (isBlank(line, 0, end)) return;
    let text: string;
    try {
      text = this.#decoder.decode(line.subarray(0, end));
    } catch {
      this.#onInvalid({ code: ErrorCode.ParseError, message: 'Parse error: invalid UTF-8' });
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      this.#onInvalid({ code: ErrorCode.ParseError, message: 'Parse error: invalid JSON' });
      return;
    }
    this.#onMessage(value);
  }
}

function isBlank(bytes: Uint8Array, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const byte = bytes[i];
    if (byte !== SPACE && byte !== TAB && byte !== CR) return false;
  }
  return true;
}

/**
 * One message as a line for the wire. `JSON.stringify` escapes every control character, so the
 * text never holds a raw newline; U+2028 and U+2029 are left as they are (they are not line
 * terminators here). Throws what `JSON.stringify` throws (a cycle, a BigInt).
 */
export function serializeMessage(message: JsonRpcMessage | JsonRpcMessage[]): string {
  return `${JSON.stringify(message)}\n`;
}
