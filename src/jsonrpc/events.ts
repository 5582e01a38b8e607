// Disposables and a many-listener event emitter; every registration returns its own disposer.

export interface Disposable {
  dispose(): void;
  [Symbol.dispose](): void;
}

export function disposable(dispose: () => void): Disposable {
  let done = false;
  const once = (): void => {
    if (done) return;
    done = true;
    dispose();
  };
  return { dispose: once, [Symbol.dispose]: once };
}

export type Listener<T> = (event: T) => void;

/** The default for a listener that throws: rethrown asynchronously, so it is not lost. */
function rethrowLater(error: unknown): void {
  queueMicrotask(() => {
    throw error;
  });
}

/** Shared by every emitter without listeners (most of them, most of the time). */
const NO_LISTENERS: readonly never[] = Object.freeze([]);

/**
 * An event with any number of listeners. A listener that throws does not stop the others; the
 * error goes to `onListenerError` (by default it is rethrown asynchronously so it is not lost).
 * Emitters are made by the thousand (several per connection), so an idle one holds no arrays or
 * closures of its own, and a registration is one small object.
 */
export class Emitter<T> {
  #listeners: readonly Listener<T>[] = NO_LISTENERS;
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = rethrowLater) {
    this.#onListenerError = onListenerError;
  }

  /** Adds a listener; the returned disposer removes exactly this registration. */
  on(listener: Listener<T>): Disposable {
    // Copy on write, so emitting while a listener (un)registers sees a stable list; `concat`
    // allocates exactly the length needed.
    this.#listeners = this.#listeners.concat(listener);
    return new Registration(this, listener);
  }

  /** Removes one registration of `listener` (what a registration's `dispose` calls). */
  off(listener: Listener<T>): void {
    const index = this.#listeners.indexOf(listener);
    if (index === -1) return;
    this.#listeners =
      this.#listeners.length === 1 ? NO_LISTENERS : this.#listeners.toSpliced(index, 1);
  }

  /** Adds a listener that runs for the next event only. */
  once(listener: Listener<T>): Disposable {
    const registration = this.on((event) => {
      registration.dispose();
      listener(event);
    });
    return registration;
  }

  emit(event: T): void {
    const listeners = this.#listeners;
    for (let i = 0; i < listeners.length; i++) {
      try {
        (listeners[i] as Listener<T>)(event);
      } catch (error) {
        this.#onListenerError(error);
      }
    }
  }

  get size(): number {
    return this.#listeners.length;
  }

  clear(): void {
    this.#listeners = NO_LISTENERS;
  }
}

/** One `on` registration: removes its listener once, however often it is disposed. */
class Registration<T> implements Disposable {
  #emitter: Emitter<T> | undefined;
  readonly #listener: Listener<T>;

  constructor(emitter: Emitter<T>, listener: Listener<T>) {
    this.#emitter = emitter;
    this.#listener = listener;
  }

  dispose(): void {
    const emitter = this.#emitter;
    if (emitter === undefined) return;
    this.#emitter = undefined;
    emitter.off(this.#listener);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}
