/** A fixed one-minute window per key (an address): enough to stop one address flooding conversation creation. */
export class PerMinuteLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perMinute: number,
    private readonly now: () => number,
  ) {}

  /** Counts one use; false when the key has used up this minute's allowance. */
  take(key: string): boolean {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t - w.start >= 60_000) {
      this.windows.set(key, { start: t, count: 1 });
      return true;
    }
    if (w.count >= this.perMinute) return false;
    w.count += 1;
    return true;
  }

  /** Seconds until the key's window ends (for Retry-After). */
  retryAfter(key: string): number {
    const w = this.windows.get(key);
    return w ? Math.max(1, Math.ceil((w.start + 60_000 - this.now()) / 1000)) : 1;
  }

  sweep(): void {
    const t = this.now();
    for (const [k, w] of this.windows) if (t - w.start >= 60_000) this.windows.delete(k);
  }
}
