/**
 * A map of byte-carrying entries bounded by their total size: past the limit, the entries set
 * longest ago are dropped first. Setting a key again replaces its entry.
 */
export class BoundedCache<V extends { bytes: Uint8Array }> {
  private readonly entries = new Map<string, V>();
  private total = 0;

  constructor(private readonly limitBytes: number) {}

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    this.delete(key);
    while (this.total + value.bytes.length > this.limitBytes && this.entries.size > 0) {
      const oldest = this.entries.keys().next();
      if (oldest.done === true) break;
      this.delete(oldest.value);
    }
    this.entries.set(key, value);
    this.total += value.bytes.length;
  }

  /** The bytes held now. */
  get size(): number {
    return this.total;
  }

  private delete(key: string): void {
    const previous = this.entries.get(key);
    if (previous === undefined) return;
    this.entries.delete(key);
    this.total -= previous.bytes.length;
  }
}

/** One cache per key object (a database), made on first use. */
export function cachePer<V extends { bytes: Uint8Array }>(
  limitBytes: number,
): (owner: object) => BoundedCache<V> {
  const caches = new WeakMap<object, BoundedCache<V>>();
  return (owner) => {
    let cache = caches.get(owner);
    if (cache === undefined) {
      cache = new BoundedCache<V>(limitBytes);
      caches.set(owner, cache);
    }
    return cache;
  };
}
