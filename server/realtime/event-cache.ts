// Last event of each cache channel, replayed to new subscribers until it expires.

interface CachedEvent {
  event: string
  data: string
  expiresAt: number
}

export class EventCache {
  private readonly entries = new Map<string, CachedEvent>()

  constructor(private readonly ttlMs: number) {}

  /** Remembers the newest event of a cache channel. */
  put(channel: string, event: string, data: string, now: number = Date.now()): void {
    this.entries.set(channel, { event, data, expiresAt: now + this.ttlMs })
  }

  /** The cached event, or undefined on a miss (expired entries are dropped). */
  get(channel: string, now: number = Date.now()): { event: string, data: string, ttl: number } | undefined {
    const entry = this.entries.get(channel)
    if (!entry) return undefined
    if (entry.expiresAt <= now) {
      this.entries.delete(channel)
      return undefined
    }
    return { event: entry.event, data: entry.data, ttl: Math.ceil((entry.expiresAt - now) / 1000) }
  }

  /** Drops expired entries; run periodically. */
  prune(now: number = Date.now()): void {
    for (const [channel, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(channel)
  }
}
