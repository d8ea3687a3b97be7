// Gathers items arriving between two animation frames and hands them over once per frame, keeping
// only the newest item per key, so a burst of batches costs one update and memory stays bounded.

export interface FrameCoalescerOptions<T> {
  /** Which items replace each other (e.g. the vehicle id). */
  key: (item: T) => number | string
  /** True when `next` should replace the kept `current` of the same key. */
  replaces: (current: T, next: T) => boolean
  /** Receives the items of one frame. */
  apply: (items: T[]) => void
  /** Runs the callback at the next frame (requestAnimationFrame in the browser). */
  schedule?: (callback: () => void) => void
}

export class FrameCoalescer<T> {
  private pending = new Map<number | string, T>()
  private scheduled = false
  private disposed = false
  private readonly schedule: (callback: () => void) => void

  constructor(private readonly options: FrameCoalescerOptions<T>) {
    this.schedule = options.schedule ?? (callback => requestAnimationFrame(callback))
  }

  /** Queues items for the next frame. */
  push(items: T[]): void {
    if (this.disposed) return
    for (const item of items) {
      const key = this.options.key(item)
      const current = this.pending.get(key)
      if (current === undefined || this.options.replaces(current, item)) this.pending.set(key, item)
    }
    if (this.pending.size === 0 || this.scheduled) return
    this.scheduled = true
    this.schedule(() => this.flush())
  }

  /** Hands the queued items over now (also what the scheduled frame calls). */
  flush(): void {
    this.scheduled = false
    if (this.disposed || this.pending.size === 0) return
    const items = [...this.pending.values()]
    this.pending.clear()
    this.options.apply(items)
  }

  /** Drops what is queued; a frame already scheduled does nothing. */
  dispose(): void {
    this.disposed = true
    this.pending.clear()
  }
}
