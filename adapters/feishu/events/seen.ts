/**
 * Delivery ids seen recently (event_id, message_id), so a re-pushed event neither runs nor
 * answers twice. Bounded: the oldest go first. Feishu re-pushes for up to about 7 hours.
 */
export class SeenSet {
  private readonly entries = new Map<string, number>();

  constructor(
    private readonly ttlMs = 12 * 3_600_000,
    private readonly max = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const at = this.entries.get(key);
    if (at === undefined) return false;
    if (this.now() - at > this.ttlMs) {
      this.entries.delete(key);
      return false;
    }
    return true;
  }

  add(key: string): void {
    this.entries.delete(key);
    this.entries.set(key, this.now());
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
  }

  delete(key: string): void {
    this.entries.delete(key);
  }
}
