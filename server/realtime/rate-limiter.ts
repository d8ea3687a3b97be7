// Token bucket: `rate` tokens per second with a burst of `rate`, allocated lazily.

export class RateLimiter {
  private tokens: number
  private updatedAt: number

  constructor(private readonly rate: number, now: number = Date.now()) {
    this.tokens = rate
    this.updatedAt = now
  }

  /** Takes one token; false when the bucket is empty. */
  take(now: number = Date.now()): boolean {
    this.tokens = Math.min(this.rate, this.tokens + ((now - this.updatedAt) / 1000) * this.rate)
    this.updatedAt = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}
