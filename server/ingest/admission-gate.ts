// A bound on what device ingest holds in memory at once: work is admitted while the total weight in flight
// (queued or being stored) is under the capacity; beyond it a sender waits, in arrival order, and while it
// waits its connection is not read, so a burst stays in the kernel's socket buffers and the devices' own
// memory instead of growing the server's heap.

export class AdmissionGate {
  private used = 0
  // A queue read from `head`: Array.shift() copies the whole array once it is large (tens of thousands of
  // waiting messages under overload), which made every admission O(n).
  private waiters: Array<{ weight: number, admit: () => void }> = []
  private head = 0

  constructor(readonly capacity: number) {}

  /** Weight admitted and not yet left. */
  get inFlight(): number {
    return this.used
  }

  /** Senders waiting for room. */
  get waiting(): number {
    return this.waiters.length - this.head
  }

  /** True when work of weight 1 would have to wait now. */
  get full(): boolean {
    return this.waiting > 0 || !this.fits(1)
  }

  /** Resolves once `weight` is admitted (at once while there is room; alone when heavier than the capacity). */
  enter(weight: number): Promise<void> {
    if (this.waiting === 0 && this.fits(weight)) {
      this.used += weight
      return Promise.resolve()
    }
    return new Promise(resolve => this.waiters.push({ weight, admit: resolve }))
  }

  /** Admits `weight` only if there is room now and nobody waits; false otherwise (for work that may be dropped). */
  tryEnter(weight: number): boolean {
    if (this.waiting > 0 || !this.fits(weight)) return false
    this.used += weight
    return true
  }

  /** Gives `weight` back and admits the waiters that now fit, oldest first. */
  leave(weight: number): void {
    this.used -= weight
    while (this.waiting > 0 && this.fits(this.waiters[this.head]!.weight)) {
      const next = this.waiters[this.head]!
      this.head += 1
      this.used += next.weight
      next.admit()
    }
    // The admitted are dropped once they are most of the array, so compacting costs O(1) per admission.
    if (this.head > 1024 && this.head * 2 > this.waiters.length) {
      this.waiters = this.waiters.slice(this.head)
      this.head = 0
    }
  }

  private fits(weight: number): boolean {
    return this.used === 0 || this.used + weight <= this.capacity
  }
}
