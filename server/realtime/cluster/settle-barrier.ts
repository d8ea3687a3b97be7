// Barriers a node waits on until its own marker comes back through the bus (RedisBroker.settled()).

export class SettleBarrier {
  private seq = 0
  private readonly waiting = new Map<number, () => void>()

  /** A new barrier: its sequence number (to put in the marker) and the promise its release resolves. */
  open(): { seq: number, released: Promise<void> } {
    const seq = ++this.seq
    return { seq, released: new Promise(resolve => this.waiting.set(seq, resolve)) }
  }

  /** Releases every barrier up to `seq`: the bus keeps one node's messages in order. */
  release(seq: number = Number.POSITIVE_INFINITY): void {
    for (const [waiting, resolve] of this.waiting) {
      if (waiting > seq) continue
      this.waiting.delete(waiting)
      resolve()
    }
  }
}
