// Polls the event streams over HTTP while the socket is down, on the 5 s / 10 s / 30 s schedule.
import { pollDelay } from './poll-schedule'

export class FallbackPoller {
  private timer: ReturnType<typeof setTimeout> | null = null
  private tries = 0
  private startedAt: number | null = null
  /** Changes on every start, so a poll that outlives a stop/start cannot plan a second loop. */
  private generation = 0
  /** Whether the last poll reached the server (null before the first). */
  lastPollOk: boolean | null = null

  constructor(private readonly poll: () => Promise<boolean>, private readonly onChange: () => void = () => {}, private readonly now: () => number = Date.now) {}

  get active(): boolean {
    return this.startedAt !== null
  }

  /** Milliseconds until the next poll after this one: what "polling every N s" says. */
  get intervalMs(): number {
    return pollDelay(Math.max(0, this.tries))
  }

  /** Starts polling (no-op when already polling); the first poll goes out at once, the socket has been down long enough. */
  start(): void {
    if (this.active) return
    this.startedAt = this.now()
    this.generation += 1
    // The immediate poll is not one of the schedule's: after it, 5 s / 10 s / 30 s as before.
    this.tries = -1
    this.lastPollOk = null
    this.plan(0)
    this.onChange()
  }

  /** Stops at once; returns how long it polled (ms). */
  stop(): number {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
    const polledFor = this.startedAt === null ? 0 : this.now() - this.startedAt
    this.startedAt = null
    this.onChange()
    return polledFor
  }

  private plan(delay: number = this.intervalMs): void {
    const generation = this.generation
    this.timer = setTimeout(async () => {
      this.tries += 1
      const ok = await this.poll().catch(() => false)
      if (!this.active || generation !== this.generation) return
      this.lastPollOk = ok
      this.onChange()
      this.plan()
    }, delay)
  }
}
