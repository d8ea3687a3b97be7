// Counts requests per key in one-minute windows, for 429 answers with a Retry-After.

export class FixedWindowLimiter {
  private readonly windows = new Map<string, { start: number, count: number }>()

  constructor(private readonly perMinute: number, private readonly windowMs = 60_000) {}

  /** Counts a request; `retryAfter` (seconds) is set when the key is over its limit. */
  hit(key: string, now: number = Date.now()): { allowed: boolean, retryAfter: number } {
    let window = this.windows.get(key)
    if (!window || now - window.start >= this.windowMs) {
      if (this.windows.size > 10_000) this.forgetStale(now)
      window = { start: now, count: 0 }
      this.windows.set(key, window)
    }
    window.count += 1
    if (window.count <= this.perMinute) return { allowed: true, retryAfter: 0 }
    return { allowed: false, retryAfter: Math.max(1, Math.ceil((window.start + this.windowMs - now) / 1000)) }
  }

  private forgetStale(now: number): void {
    for (const [key, window] of this.windows) if (now - window.start >= this.windowMs) this.windows.delete(key)
  }
}
