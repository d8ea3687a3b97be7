// A bound on what device ingest holds in memory at once: work is admitted while the total weight in flight
// (queued or being stored) is under the capacity; beyond it a sender waits, in arrival order, and while it
// waits its connection is not read, so a burst stays in the kernel's socket buffers and the devices' own
// memory instead of growing the server's heap.

export class AdmissionGate {
  private used = 0
  private readonly waiters: Array<{ weight: number, admit: () => void }> = []

  constructor(readonly capacity: number) {}

  /** Weight admitted and not yet left. */
  get inFlight(): number {
    return this.used
  }

  /** Senders waiting for room. */
  get waiting(): number {
    return this.waiters.length
  }

  /** True when work of weight 1 would have to wait now. */
  get full(): boolean {
    return this.waiters.length > 0 || !this.fits(1)
  }

  /** Resolves once `weight` is admitted (at once while there is room; alone when heavier than the capacity). */
  enter(weight: number): Promise<void> {
    if (this.waiters.length === 0 && this.fits(weight)) {
      this.used += weight
      return Promise.resolve()
    }
    return new Promise(resolve => this.waiters.push({ weight, admit: resolve }))
  }

  /** Admits `weight` only if there is room now and nobody waits; false otherwise (for work that may be dropped). */
  tryEnter(weight: number): boolean {
    if (this.waiters.length > 0 || !this.fits(weight)) return false
    this.used += weight
    return true
  }

  /** Gives `weight` back and admits the waiters that now fit, oldest first. */
  leave(weight: number): void {
    this.used -= weight
    while (this.waiters.length > 0 && this.fits(this.waiters[0]!.weight)) {
      const next = this.waiters.shift()!
      this.used += next.weight
      next.admit()
    }
  }

  private fits(weight: number): boolean {
    return this.used === 0 || this.used + weight <= this.capacity
  }
}
