// A map that holds no storage while empty. A connection keeps several maps (requests out,
// requests in, handlers) that are empty most of the time, and a server holds thousands of
// connections: an empty `Map` still costs a hash table (~200 bytes), this costs none.

export class SparseMap<K, V> {
  #map: Map<K, V> | undefined;

  get size(): number {
    return this.#map?.size ?? 0;
  }

  get(key: K): V | undefined {
    return this.#map?.get(key);
  }

  has(key: K): boolean {
    return this.#map?.has(key) ?? false;
  }

  set(key: K, value: V): void {
    (this.#map ??= new Map()).set(key, value);
  }

  /** Removes `key`; the storage goes with the last entry. */
  delete(key: K): void {
    const map = this.#map;
    if (map === undefined || !map.delete(key)) return;
    if (map.size === 0) this.#map = undefined;
  }

  /** The values, as a snapshot (the map may change while they are used). */
  values(): V[] {
    return this.#map === undefined ? [] : [...this.#map.values()];
  }

  clear(): void {
    this.#map = undefined;
  }
}
