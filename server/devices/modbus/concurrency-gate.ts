// Bounds how many gateway polls run at once over all gateways: a slot is taken for a poll and given back after.

export class ConcurrencyGate {
  private active = 0
  private readonly waiting: Array<() => void> = []

  constructor(private readonly limit: number) {}

  /** Runs `work` once a slot is free. */
  async run<T>(work: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) await new Promise<void>(resolve => this.waiting.push(resolve))
    else this.active++
    try {
      return await work()
    }
    finally {
      const next = this.waiting.shift()
      if (next) next()
      else this.active--
    }
  }
}
