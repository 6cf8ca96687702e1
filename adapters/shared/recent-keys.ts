/**
 * A bounded map of keys that expire — delivery ids seen lately (a platform's retries), message
 * blocks kept for a modal, a person's language. Per process: the core's receipts are what make
 * writes idempotent for good. The oldest go first when it is full.
 */
export class RecentKeys<V = true> {
  private readonly entries = new Map<string, { value: V; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt <= this.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.value;
  }

  set(key: string, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    // Maps keep insertion order: the first key is the oldest.
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  /** True the first time a key is seen within its lifetime. */
  claim(key: string, value: V): boolean {
    if (this.get(key) !== undefined) return false;
    this.set(key, value);
    return true;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
