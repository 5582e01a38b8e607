// Fans out server-side changes (a list changed, a resource was updated) to every connected
// session, which forwards them to the legacy sessions and modern listen streams that asked.
export type ListKind = 'tools' | 'resources' | 'prompts';

export interface ChangeListener {
  listChanged(kind: ListKind): void;
  resourceUpdated(uri: string): void;
}

export class ChangeHub {
  readonly #listeners = new Set<ChangeListener>();
  readonly #dirty = new Set<ListKind>();
  #scheduled = false;

  add(listener: ChangeListener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /**
   * Records a list change; listeners hear about it once per microtask, so registering fifty
   * tools at start-up sends one notification, not fifty.
   */
  listChanged(kind: ListKind): void {
    this.#dirty.add(kind);
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      const kinds = [...this.#dirty];
      this.#dirty.clear();
      for (const listener of this.#listeners) for (const kind of kinds) listener.listChanged(kind);
    });
  }

  resourceUpdated(uri: string): void {
    for (const listener of this.#listeners) listener.resourceUpdated(uri);
  }
}
