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

/**
 * An event with any number of listeners. A listener that throws does not stop the others; the
 * error goes to `onListenerError` (by default it is rethrown asynchronously so it is not lost).
 */
export class Emitter<T> {
  #listeners: Listener<T>[] = [];
  readonly #onListenerError: (error: unknown) => void;

  constructor(onListenerError?: (error: unknown) => void) {
    this.#onListenerError =
      onListenerError ??
      ((error) =>
        queueMicrotask(() => {
          throw error;
        }));
  }

  /** Adds a listener; the returned disposer removes exactly this registration. */
  on(listener: Listener<T>): Disposable {
    // Copy on write, so emitting while a listener (un)registers sees a stable list.
    this.#listeners = [...this.#listeners, listener];
    return disposable(() => {
      const index = this.#listeners.indexOf(listener);
      if (index !== -1) this.#listeners = this.#listeners.toSpliced(index, 1);
    });
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
    this.#listeners = [];
  }
}
