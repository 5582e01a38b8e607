// The client end of stdio: spawns an MCP server (never through a shell), talks to it over its
// stdin and stdout, and shuts it down as the spec says (close stdin, then SIGTERM, then SIGKILL).
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import type { Readable } from 'node:stream';
import { ConnectionClosedError, UsageError } from '../jsonrpc/errors.js';
import type { Disposable } from '../jsonrpc/events.js';
import type { JsonRpcMessage } from '../spec/jsonrpc.js';
import { LineFramer, serializeMessage } from '../transport/line-framer.js';
import { TransportEvents } from '../jsonrpc/transport-events.js';
import type { Transport } from '../transport/transport.js';
import { MessageStreamWriter } from './message-stream-writer.js';
import { buildServerEnvironment } from './server-environment.js';
import type { ServerEnvironment } from './server-environment.js';
import { StderrLines } from './stderr-lines.js';

export type StdioStderrMode = 'pipe' | 'inherit' | 'ignore';

export interface StdioClientTransportOptions {
  /** The program to run; resolved on `PATH`, never run through a shell. */
  command: string;
  /** Its arguments, passed as they are (no shell quoting or expansion). */
  args?: readonly string[];
  /**
   * Variables to set (or, with `undefined`, remove) in the server's environment, on top of the
   * allowlist `DEFAULT_INHERITED_ENV_VARS` (or of the whole environment with `inheritEnv`).
   */
  env?: ServerEnvironment;
  /** Pass every variable of this process to the server, not just the allowlist. Default false. */
  inheritEnv?: boolean;
  cwd?: string;
  /**
   * The server's stderr. 'pipe' (default): read by the transport, offered as `onStderr` lines
   * and the `stderr` stream, and its last lines quoted when the server dies. 'inherit': shared
   * with this process. 'ignore': discarded.
   */
  stderr?: StdioStderrMode;
  /** Longest incoming line, in bytes. Default 10 MiB (`DEFAULT_MAX_LINE_BYTES`). */
  maxLineBytes?: number;
  /** Outgoing bytes that may wait while the server is not reading. Default 64 MiB. */
  maxQueuedBytes?: number;
  /** How long `close()` waits for the server to exit after closing its stdin. Default 2000 ms. */
  exitTimeoutMs?: number;
  /** How long `close()` then waits after SIGTERM before sending SIGKILL. Default 2000 ms. */
  terminateTimeoutMs?: number;
}

export interface StdioExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Why a stdio transport closed on its own: the server could not start, died, or broke the pipe. */
export class ServerProcessError extends Error {
  override readonly name = 'ServerProcessError';
  /** The exit status, when the process ran and exited. */
  readonly exit: StdioExitStatus | undefined;
  /** The last lines the server wrote to stderr (when it is piped). */
  readonly stderrTail: readonly string[];

  constructor(
    message: string,
    details: { exit?: StdioExitStatus; stderrTail: readonly string[]; cause?: unknown },
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.exit = details.exit;
    this.stderrTail = details.stderrTail;
  }
}

const DEFAULT_EXIT_TIMEOUT_MS = 2000;
const DEFAULT_TERMINATE_TIMEOUT_MS = 2000;
/** After 'exit', how long to wait for the pipes to close (a grandchild may hold them open). */
const PIPE_CLOSE_GRACE_MS = 1000;

type ShutdownReason = 'requested' | 'failure';

/**
 * Spawns the server on `start()`; `start()` rejects when it cannot be started. `onClose` fires
 * exactly once, when the process is gone, with an `error` (a `ServerProcessError`) unless the
 * close was asked for with `close()`.
 */
export class StdioClientTransport extends TransportEvents implements Transport {
  readonly #options: StdioClientTransportOptions;
  readonly #framer: LineFramer;
  readonly #stderrLines = new StderrLines();
  #child: ChildProcess | undefined;
  #writer: MessageStreamWriter | undefined;
  #startPromise: Promise<void> | undefined;
  #spawnError: Error | undefined;
  /** The first thing that broke while the process ran (a pipe error, its stdout ending early). */
  #failure: Error | undefined;
  #exit: StdioExitStatus | undefined;
  #markExited: () => void = () => {};
  readonly #exited = new Promise<void>((resolve) => (this.#markExited = resolve));
  #markFinished: () => void = () => {};
  readonly #finished = new Promise<void>((resolve) => (this.#markFinished = resolve));
  #isFinished = false;
  /** What `onClose` reported, once it fired. */
  #closeInfoError: ServerProcessError | undefined;
  #shutdown: ShutdownReason | undefined;
  #graceTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: StdioClientTransportOptions) {
    super();
    this.#options = options;
    this.#framer = new LineFramer({
      onMessage: (message) => {
        if (this.#shutdown !== 'requested' && !this.#isFinished) this.messageEvents.emit(message);
      },
      onInvalid: (frame) => {
        if (this.#shutdown !== 'requested' && !this.#isFinished) this.invalidEvents.emit(frame);
      },
      ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
    });
  }

  /** True once sending is over: closed, closing, or the server is gone. */
  get closed(): boolean {
    return this.#isFinished || this.#shutdown !== undefined || this.#exit !== undefined;
  }

  /** The server's process id, once spawned. */
  get pid(): number | undefined {
    return this.#child?.pid;
  }

  /**
   * The server's stderr once spawned, with `stderr: 'pipe'`. The transport already reads it
   * (so the server never blocks on a full pipe): add 'data' listeners, do not pipe it elsewhere.
   */
  get stderr(): Readable | null {
    return this.#child?.stderr ?? null;
  }

  /** How the server exited, once it has. */
  get exitStatus(): StdioExitStatus | undefined {
    return this.#exit;
  }

  /** Each line the server writes to stderr (with `stderr: 'pipe'`), without its newline. */
  onStderr(listener: (line: string) => void): Disposable {
    return this.#stderrLines.onLine(listener);
  }

  send(message: JsonRpcMessage | JsonRpcMessage[]): Promise<void> {
    if (this.closed) throw new ConnectionClosedError();
    if (this.#writer === undefined) throw new UsageError('send() called before start()');
    return this.#writer.write(serializeMessage(message));
  }

  /** Spawns the server; resolves once it runs, rejects (and closes) when it cannot start. */
  start(): Promise<void> {
    this.#startPromise ??= this.closed
      ? Promise.reject(new ConnectionClosedError())
      : new Promise<void>((resolve, reject) => this.#spawn(resolve, reject));
    return this.#startPromise;
  }

  /** Closes the server's stdin, waits, then SIGTERM, waits, then SIGKILL; resolves once it exited. */
  close(): Promise<void> {
    this.#beginShutdown('requested');
    return this.#finished;
  }

  [Symbol.asyncDispose](): Promise<void> {
    return this.close();
  }

  #spawn(resolve: () => void, reject: (error: Error) => void): void {
    const { command, args = [], cwd } = this.#options;
    let child: ChildProcess;
    try {
      child = spawn(command, args, {
        shell: false,
        windowsHide: true,
        stdio: ['pipe', 'pipe', this.#options.stderr ?? 'pipe'],
        env: buildServerEnvironment(this.#options.env, this.#options.inheritEnv ?? false),
        ...(cwd === undefined ? {} : { cwd }),
      });
    } catch (error) {
      // Invalid arguments (a NUL byte in the command, say) throw instead of emitting 'error'.
      this.#spawnError = toError(error);
      this.#finish();
      reject(this.#closeInfoError ?? this.#closeError(0));
      return;
    }
    this.#child = child;
    const stdin = child.stdin as NonNullable<ChildProcess['stdin']>;
    const stdout = child.stdout as NonNullable<ChildProcess['stdout']>;
    this.#writer = new MessageStreamWriter(stdin, this.#options.maxQueuedBytes);

    let spawned = false;
    child.once('spawn', () => {
      spawned = true;
      resolve();
    });
    child.on('error', (error) => {
      if (spawned) {
        this.#failure ??= error;
        return;
      }
      this.#spawnError = error;
      this.#finish();
      reject(this.#closeInfoError ?? this.#closeError(0));
    });
    child.once('exit', (code, signal) => this.#onExit({ code, signal }));
    child.once('close', (code: number | null, signal: NodeJS.Signals | null) => {
      this.#onExit({ code, signal });
      this.#finish();
    });
    // A write to a server that already died fails with EPIPE: an event here, never a crash.
    stdin.on('error', (error) => this.#onPipeError('its stdin', error));
    stdout.on('error', (error) => this.#onPipeError('its stdout', error));
    stdout.on('data', (chunk: Buffer) => this.#framer.push(chunk));
    stdout.once('end', () => void this.#onStdoutEnd());
    child.stderr?.on('data', (chunk: Buffer) => this.#stderrLines.push(chunk));
  }

  #onExit(exit: StdioExitStatus): void {
    if (this.#exit !== undefined || this.#isFinished) return;
    this.#exit = exit;
    this.#markExited();
    // 'close' normally follows at once; a grandchild holding the pipes must not keep us open.
    this.#graceTimer = setTimeout(() => this.#finish(), PIPE_CLOSE_GRACE_MS);
  }

  /** A server that closes its output is going away; one that then lingers is shut down. */
  async #onStdoutEnd(): Promise<void> {
    if (await this.#exitsWithin(PIPE_CLOSE_GRACE_MS)) return;
    if (this.#shutdown !== undefined) return;
    this.#failure ??= new Error('it closed its stdout but kept running');
    this.#beginShutdown('failure');
  }

  #onPipeError(pipe: string, error: Error): void {
    if (this.#shutdown === 'requested' || this.#isFinished) return;
    this.#failure ??= new Error(`${pipe} failed: ${error.message}`, { cause: error });
    this.#writer?.release(new ConnectionClosedError('Server pipe failed', { cause: error }));
    this.#beginShutdown('failure');
  }

  #beginShutdown(reason: ShutdownReason): void {
    if (this.#shutdown !== undefined || this.#isFinished) return;
    this.#shutdown = reason;
    const child = this.#child;
    if (child === undefined) {
      this.#finish();
      return;
    }
    if (this.#exit !== undefined) return; // 'close' (or the grace timer) finishes it.
    void this.#escalate(child);
  }

  async #escalate(child: ChildProcess): Promise<void> {
    // Queued messages go out first; then end of input, the spec's graceful shutdown signal.
    this.#writer?.release();
    child.stdin?.end();
    if (await this.#exitsWithin(this.#options.exitTimeoutMs ?? DEFAULT_EXIT_TIMEOUT_MS)) return;
    child.kill('SIGTERM');
    const terminateMs = this.#options.terminateTimeoutMs ?? DEFAULT_TERMINATE_TIMEOUT_MS;
    if (await this.#exitsWithin(terminateMs)) return;
    child.kill('SIGKILL');
  }

  async #exitsWithin(milliseconds: number): Promise<boolean> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<false>((resolve) => {
      timer = setTimeout(() => resolve(false), milliseconds);
    });
    const exited = await Promise.race([this.#exited.then(() => true), timeout]);
    clearTimeout(timer);
    return exited;
  }

  #finish(): void {
    if (this.#isFinished) return;
    this.#isFinished = true;
    clearTimeout(this.#graceTimer);
    this.#markExited();
    const dropped = this.#framer.end();
    this.#stderrLines.end();
    const error = this.#shutdown === 'requested' ? undefined : this.#closeError(dropped);
    this.#closeInfoError = error;
    this.#writer?.release(new ConnectionClosedError('Server process gone', { cause: error }));
    const child = this.#child;
    if (child !== undefined) {
      // Our ends of the pipes: a grandchild that inherited them must not keep this process up.
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
    }
    this.closeEvents.emit(error === undefined ? {} : { error });
    this.#markFinished();
  }

  #closeError(droppedBytes: number): ServerProcessError {
    const name = `MCP server "${this.#options.command}"`;
    const pid = this.#child?.pid === undefined ? '' : ` (pid ${this.#child.pid})`;
    let message: string;
    if (this.#spawnError !== undefined) {
      message = `Could not start ${name}: ${this.#spawnError.message}`;
    } else if (this.#exit === undefined) {
      message = `Lost the connection to ${name}${pid}`;
    } else if (this.#exit.signal !== null) {
      message = `${name}${pid} was killed by ${this.#exit.signal}`;
    } else {
      message = `${name}${pid} exited unexpectedly with code ${String(this.#exit.code)}`;
    }
    if (this.#spawnError === undefined && this.#failure !== undefined) {
      message += ` (${this.#failure.message})`;
    }
    if (droppedBytes > 0) {
      message += `; its output ended inside a message (${droppedBytes} bytes discarded)`;
    }
    const stderrTail = this.#stderrLines.tail();
    if (stderrTail.length > 0) message += `\nLast lines on its stderr:\n${stderrTail.join('\n')}`;
    return new ServerProcessError(message, {
      ...(this.#exit === undefined ? {} : { exit: this.#exit }),
      stderrTail,
      cause: this.#spawnError ?? this.#failure,
    });
  }
}

function toError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}
