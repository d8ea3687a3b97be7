// Reconnect attempts with exponential backoff (3 s x 1.5, at most 60 s, no limit), one at a time.

export const FIRST_DELAY_MS = 3000
export const BACKOFF_FACTOR = 1.5
export const MAX_DELAY_MS = 60_000

/** Delay before attempt `n` (1-based). */
export function backoffDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, Math.round(FIRST_DELAY_MS * BACKOFF_FACTOR ** Math.max(0, attempt - 1)))
}

export class ReconnectScheduler {
  private timer: ReturnType<typeof setTimeout> | null = null
  private attemptCount = 0
  private nextAt: number | null = null

  constructor(private readonly connect: () => void, private readonly clock: () => number = Date.now) {}

  /** Attempts made since the last successful connection. */
  get attempts(): number {
    return this.attemptCount
  }

  /** When the pending attempt fires (ms since epoch), or null when none is pending. */
  get nextAttemptAt(): number | null {
    return this.nextAt
  }

  /** Plans the next attempt after the backoff delay; does nothing while one is already planned. */
  scheduleNext(): void {
    if (this.timer) return
    const delay = backoffDelay(this.attemptCount + 1)
    this.nextAt = this.clock() + delay
    this.timer = setTimeout(() => this.attempt(), delay)
  }

  /** Attempts at once (browser back online, tab visible again), replacing a planned attempt. */
  now(): void {
    this.cancel()
    this.attempt()
  }

  /** Connected: the backoff starts over. */
  reset(): void {
    this.cancel()
    this.attemptCount = 0
  }

  private attempt(): void {
    this.timer = null
    this.nextAt = null
    this.attemptCount += 1
    this.connect()
  }

  private cancel(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    this.nextAt = null
  }
}
