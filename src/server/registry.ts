// A named, ordered collection of registrations: the common part of the tool, resource and
// prompt registries. Order is registration order, so lists are deterministic.
import { UsageError } from '../jsonrpc/errors.js';

export class Registry<T> {
  readonly #kind: string;
  readonly #entries = new Map<string, T>();
  readonly #onChange: () => void;
  #snapshot: T[] | undefined;

  constructor(kind: string, onChange: () => void) {
    this.#kind = kind;
    this.#onChange = onChange;
  }

  /** Adds an entry; the returned disposer removes exactly this registration. */
  protected add(name: string, entry: T): () => void {
    if (this.#entries.has(name))
      throw new UsageError(`A ${this.#kind} named "${name}" is already registered`);
    this.#entries.set(name, entry);
    this.#changed();
    let removed = false;
    return () => {
      if (removed || this.#entries.get(name) !== entry) return;
      removed = true;
      this.#entries.delete(name);
      this.#changed();
    };
  }

  get(name: string): T | undefined {
    return this.#entries.get(name);
  }

  /** The entries in registration order; the same array until something changes. */
  values(): readonly T[] {
    this.#snapshot ??= [...this.#entries.values()];
    return this.#snapshot;
  }

  get size(): number {
    return this.#entries.size;
  }

  #changed(): void {
    this.#snapshot = undefined;
    this.#onChange();
  }
}
