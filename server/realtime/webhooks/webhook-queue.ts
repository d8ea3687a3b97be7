// The persistent queue of webhook deliveries, behind an interface: the database, or Redis in cluster mode.

/** One request to make: a receiver's URL and the exact body to post (signed at send time). */
export interface Delivery {
  id: string
  url: string
  body: string
  /** Failed attempts so far. */
  attempts: number
  /** Milliseconds since the epoch when it was queued. */
  createdAt: number
}

export interface WebhookQueue {
  /** Stores deliveries durably; resolves once they would survive a restart. */
  enqueue(deliveries: Array<{ url: string, body: string }>, now: number): Promise<void>
  /** Deliveries due at `now`, leased for `leaseMs` so no other node or tick sends them meanwhile. */
  claim(now: number, limit: number, leaseMs: number): Promise<Delivery[]>
  /** Removes a delivery the receiver acknowledged (2xx) or that was given up. */
  remove(id: string): Promise<void>
  /** Records a failed attempt and when to try again. */
  retryAt(id: string, attempts: number, nextAttemptAt: number): Promise<void>
  /** Deliveries waiting (due or not). */
  length(): Promise<number>
}
