// Refused handshakes per client address: a scanner guessing IMEIs is slowed down and cannot flood the log.

/** Refusals an address may collect per minute before its handshakes are refused unseen. */
export const REFUSALS_PER_MINUTE = 10

export class HandshakeRefusals {
  private readonly windows = new Map<string, { start: number, count: number }>()

  constructor(private readonly perMinute = REFUSALS_PER_MINUTE, private readonly windowMs = 60_000) {}

  /** Whether `address` has used up its refusals of this minute (its handshakes are then refused without a lookup). */
  blocked(address: string, now = Date.now()): boolean {
    const window = this.windows.get(address)
    return window !== undefined && now - window.start < this.windowMs && window.count >= this.perMinute
  }

  /** Counts a refusal; true while it should still be logged (up to the limit within a minute). */
  record(address: string, now = Date.now()): boolean {
    let window = this.windows.get(address)
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.forgetStale(now)
      window = { start: now, count: 0 }
      this.windows.set(address, window)
    }
    window.count += 1
    return window.count <= this.perMinute
  }

  private forgetStale(now: number): void {
    for (const [address, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(address)
  }
}
