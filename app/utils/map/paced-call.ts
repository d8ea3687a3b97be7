// Runs an expensive redraw at most once per interval however often it is asked for, and always once more after
// the last request, so nothing asked for is lost. With software WebGL each map redraw of a large fleet costs
// tens of milliseconds of the page's main thread; vehicles report once a second, so one redraw a second is enough.

export interface PacedCallOptions {
  /** The work to run. */
  run: () => void
  /** Least time between two runs, ms. */
  intervalMs: number
  /** The clock, ms (Date.now in the browser). */
  now?: () => number
  /** Runs the callback after `ms` (setTimeout in the browser); returns a handle for `cancel`. */
  later?: (callback: () => void, ms: number) => unknown
  cancel?: (handle: unknown) => void
}

export class PacedCall {
  private lastRunAt = -Infinity
  private timer: unknown = null
  private readonly now: () => number
  private readonly later: (callback: () => void, ms: number) => unknown
  private readonly cancelTimer: (handle: unknown) => void

  constructor(private readonly options: PacedCallOptions) {
    this.now = options.now ?? Date.now
    this.later = options.later ?? ((callback, ms) => setTimeout(callback, ms))
    this.cancelTimer = options.cancel ?? (handle => clearTimeout(handle as ReturnType<typeof setTimeout>))
  }

  /** Asks for a run: now when the last one is an interval old, else once when the interval has passed. */
  request(): void {
    if (this.timer !== null) return
    const wait = this.lastRunAt + this.options.intervalMs - this.now()
    if (wait <= 0) return this.runNow()
    this.timer = this.later(() => this.runNow(), wait)
  }

  /** Runs now, dropping a run that was waiting (e.g. a change the user made must show at once). */
  runNow(): void {
    this.cancel()
    this.lastRunAt = this.now()
    this.options.run()
  }

  /** Drops a run that was waiting. */
  cancel(): void {
    if (this.timer !== null) this.cancelTimer(this.timer)
    this.timer = null
  }
}
