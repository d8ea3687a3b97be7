// Whether the simulator keeps its interval: rounds that take longer make it skip slots (see tick-schedule.ts), which
// the log should say (at most once a period) rather than the reports silently thinning out.

export class RoundPace {
  private rounds = 0
  private skipped = 0
  private longestMs = 0
  private since: number

  constructor(private readonly intervalMs: number, private readonly periodMs: number, nowMs: number) {
    this.since = nowMs
  }

  /** Counts a round of `ms` that covered `intervals`; returns a log line once a period when slots were skipped, else null. */
  record(ms: number, intervals: number, nowMs: number): string | null {
    this.rounds += 1
    this.skipped += intervals - 1
    this.longestMs = Math.max(this.longestMs, ms)
    if (nowMs - this.since < this.periodMs) return null
    const line = this.skipped === 0
      ? null
      : `simulator behind: ${this.skipped} of ${this.rounds + this.skipped} rounds skipped in the last ${Math.round((nowMs - this.since) / 1000)} s (rounds took up to ${(this.longestMs / 1000).toFixed(1)} s, interval ${this.intervalMs} ms)`
    this.rounds = 0
    this.skipped = 0
    this.longestMs = 0
    this.since = nowMs
    return line
  }
}
