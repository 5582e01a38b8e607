// Caches full lists (tools, resources, templates, prompts) while the server's `ttlMs` says they
// are fresh, and forgets one as soon as its `list_changed` notification arrives.
export type ListName = 'tools' | 'resources' | 'resourceTemplates' | 'prompts';

interface Entry {
  items: readonly unknown[];
  expiresAt: number;
}

export class ListCache {
  readonly #entries = new Map<ListName, Entry>();
  readonly #now: () => number;

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  get(name: ListName): readonly unknown[] | undefined {
    const entry = this.#entries.get(name);
    if (entry === undefined) return undefined;
    if (this.#now() >= entry.expiresAt) {
      this.#entries.delete(name);
      return undefined;
    }
    return entry.items;
  }

  /** Stores a list for `ttlMs` (absent, zero or negative: not at all, per caching.mdx). */
  set(name: ListName, items: readonly unknown[], ttlMs: unknown): void {
    if (typeof ttlMs !== 'number' || !(ttlMs > 0)) {
      this.#entries.delete(name);
      return;
    }
    this.#entries.set(name, { items, expiresAt: this.#now() + ttlMs });
  }

  invalidate(name: ListName): void {
    this.#entries.delete(name);
  }

  clear(): void {
    this.#entries.clear();
  }
}
