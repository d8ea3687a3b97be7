// Gathers items per key for a short interval and hands them over together, so high-rate streams
// reach browsers as one event per interval instead of one per sample.

export class Coalescer<T> {
  private readonly pending = new Map<string, { items: T[], timer: ReturnType<typeof setTimeout> }>()

  constructor(private readonly intervalMs: number, private readonly flush: (key: string, items: T[]) => void) {}

  /** Adds an item; the key's batch is flushed `intervalMs` after its first item. */
  push(key: string, item: T): void {
    const batch = this.pending.get(key)
    if (batch) {
      batch.items.push(item)
      return
    }
    const timer = setTimeout(() => this.flushKey(key), this.intervalMs)
    timer.unref?.()
    this.pending.set(key, { items: [item], timer })
  }

  /** Flushes every pending batch now (shutdown, tests). */
  flushAll(): void {
    for (const key of [...this.pending.keys()]) this.flushKey(key)
  }

  private flushKey(key: string): void {
    const batch = this.pending.get(key)
    if (!batch) return
    clearTimeout(batch.timer)
    this.pending.delete(key)
    this.flush(key, batch.items)
  }
}
