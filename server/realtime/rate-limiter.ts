// Token bucket: `rate` tokens per second with a burst of `rate` (at least one), allocated lazily.

export class RateLimiter {
  private tokens: number
  private updatedAt: number
  private readonly capacity: number

  constructor(private readonly rate: number, now: number = Date.now()) {
    this.capacity = Math.max(1, rate)
    this.tokens = this.capacity
    this.updatedAt = now
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number = Date.now()): boolean {
    // A clock that steps backwards must not drain the bucket.
    const elapsed = Math.max(0, now - this.updatedAt)
    this.tokens = Math.min(this.capacity, this.tokens + (elapsed / 1000) * this.rate)
    this.updatedAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
