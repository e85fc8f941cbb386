/**
 * A map of at most `capacity` entries that forgets the least recently used first: what a worker
 * remembers of the names it met stays the same size however many rows it reads.
 */
export class RecentlyUsed<K, V extends NonNullable<unknown>> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value, which counts as a use. */
  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) this.touch(key, value);
    return value;
  }

  has(key: K): boolean {
    return this.get(key) !== undefined;
  }

  /** Whether the key is kept, which does not count as a use. */
  keeps(key: K): boolean {
    return this.entries.has(key);
  }

  set(key: K, value: V): void {
    this.touch(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** A Map iterates in insertion order: inserted again, the key is the newest. */
  private touch(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
  }
}
