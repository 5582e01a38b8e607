// @ts-check
// The one load driver of the stdio suite, the same for every server so that only the servers
// differ: it spawns `node <script>`, writes newline-delimited JSON-RPC to the child's stdin, reads
// its stdout line by line and hands each answer to the request with the same id.
import { spawn } from 'node:child_process';

/** A child that has not answered anything for this long while requests wait is declared hung. */
const HUNG_AFTER_MS = 15_000;
/** How long a child may take to exit after its stdin closes before it is killed. */
const EXIT_GRACE_MS = 3_000;
/** How much of the child's stderr is kept for error messages. */
const STDERR_TAIL_CHARS = 2_000;

/**
 * @typedef {object} Answer
 * @property {string} line  the line as it arrived, without its newline
 * @property {{ id?: unknown, result?: unknown, error?: unknown }} message  the line parsed
 */

/** @typedef {{ resolve: (answer: Answer) => void, reject: (error: Error) => void }} Waiter */

/** Every child still running, so a failing suite can stop them all. */
const live = new Set(/** @type {StdioDriver[]} */ ([]));

export class StdioDriver {
  #spawnedAt;
  #child;
  #nextId = 1;
  /** @type {Map<number, Waiter>} */
  #waiting = new Map();
  #partial = '';
  #stderrTail = '';
  #lastHeardAt = performance.now();
  /** @type {Error | undefined} */
  #failure;
  #exited;
  #watchdog;

  /**
   * Spawns `node <script>`.
   * @param {string} script  absolute path
   * @param {readonly string[]} [nodeArgs]  flags for node, such as `--cpu-prof` when profiling
   */
  constructor(script, nodeArgs = []) {
    this.#spawnedAt = performance.now();
    this.#child = spawn(process.execPath, [...nodeArgs, script], {
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    live.add(this);
    this.#child.stdout.setEncoding('utf8');
    this.#child.stdout.on('data', (/** @type {string} */ chunk) => this.#onData(chunk));
    this.#child.stderr.setEncoding('utf8');
    this.#child.stderr.on('data', (/** @type {string} */ chunk) => {
      this.#stderrTail = (this.#stderrTail + chunk).slice(-STDERR_TAIL_CHARS);
    });
    // A child that dies early must fail the measurement, not leave an EPIPE unhandled.
    this.#child.stdin.on('error', () => {});
    /** @type {() => void} */
    let markExited = () => {};
    this.#exited = new Promise((resolve) => {
      markExited = () => resolve(undefined);
    });
    /** @param {Error} error */
    const gone = (error) => {
      live.delete(this);
      clearInterval(this.#watchdog);
      this.#fail(error);
      markExited();
    };
    this.#child.once('exit', (code, signal) =>
      gone(new Error(`child ${script} exited (code ${code}, signal ${signal})`)),
    );
    // A spawn that failed never exits.
    this.#child.once('error', gone);
    this.#watchdog = setInterval(() => {
      if (this.#waiting.size > 0 && performance.now() - this.#lastHeardAt > HUNG_AFTER_MS) {
        this.#fail(new Error(`child ${script} has not answered for ${HUNG_AFTER_MS} ms`));
      }
    }, 1_000);
    this.#watchdog.unref();
  }

  /** `performance.now()` just before the spawn: where a cold start is measured from. */
  get spawnedAt() {
    return this.#spawnedAt;
  }

  /** The child's process id, for reading its CPU time. */
  get pid() {
    return /** @type {number} */ (this.#child.pid);
  }

  /**
   * Sends a request and resolves with the line that carries the same id.
   * @param {string} method
   * @param {Record<string, unknown>} [params]
   * @returns {Promise<Answer & { sent: string }>}
   */
  async request(method, params) {
    const id = this.#nextId++;
    const sent = JSON.stringify({ jsonrpc: '2.0', id, method, ...(params && { params }) });
    const answer = await new Promise((resolve, reject) => {
      if (this.#failure !== undefined) throw this.#failure;
      // The hang clock starts when something is first awaited, not at the last answer long ago.
      if (this.#waiting.size === 0) this.#lastHeardAt = performance.now();
      this.#waiting.set(id, { resolve, reject });
      this.#child.stdin.write(`${sent}\n`);
    });
    return { ...answer, sent };
  }

  /**
   * Sends a notification (nothing comes back).
   * @param {string} method
   * @param {Record<string, unknown>} [params]
   */
  notify(method, params) {
    if (this.#failure !== undefined) throw this.#failure;
    this.#child.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', method, ...(params && { params }) })}\n`,
    );
  }

  /** Closes the child's stdin (its signal to shut down) and kills it if it lingers. */
  async close() {
    this.#child.stdin.end();
    const timer = setTimeout(() => this.#child.kill('SIGKILL'), EXIT_GRACE_MS);
    await this.#exited;
    clearTimeout(timer);
  }

  /** Kills every child still running (after a failure). */
  static async killAll() {
    await Promise.all(
      [...live].map((driver) => {
        driver.#child.kill('SIGKILL');
        return driver.#exited;
      }),
    );
  }

  /** @param {string} chunk */
  #onData(chunk) {
    this.#lastHeardAt = performance.now();
    const lines = (this.#partial + chunk).split('\n');
    this.#partial = /** @type {string} */ (lines.pop());
    for (const line of lines) this.#onLine(line);
  }

  /** @param {string} line */
  #onLine(line) {
    /** @type {Answer['message']} */
    let message;
    try {
      message = JSON.parse(line);
    } catch {
      this.#fail(new Error(`child wrote a line that is not JSON: ${line.slice(0, 200)}`));
      return;
    }
    const waiter = typeof message.id === 'number' ? this.#waiting.get(message.id) : undefined;
    if (waiter === undefined) {
      // Only answers are expected; a server request or stray notification would be a bug here.
      this.#fail(new Error(`unexpected line from child: ${line.slice(0, 200)}`));
      return;
    }
    this.#waiting.delete(/** @type {number} */ (message.id));
    waiter.resolve({ line, message });
  }

  /** @param {Error} error */
  #fail(error) {
    if (this.#failure !== undefined) return;
    const stderr = this.#stderrTail.trim();
    this.#failure = stderr === '' ? error : new Error(`${error.message}; stderr: ${stderr}`);
    for (const waiter of this.#waiting.values()) waiter.reject(this.#failure);
    this.#waiting.clear();
  }
}
