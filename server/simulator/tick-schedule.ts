// When the simulator ticks: on a fixed grid of one interval from its start, so a slow round does not push every
// later one back (the old "wait an interval after each round" drifted to one round per round's duration plus an
// interval). A round that overruns whole intervals skips them rather than running late ones back to back.

/** The next round: when it is due, and how many intervals it covers since the last (more than 1 after skipped ones). */
export interface DueTick {
  dueMs: number
  index: number
  intervals: number
}

export class TickSchedule {
  private last = 0

  constructor(private readonly startMs: number, private readonly intervalMs: number) {}

  /** The first grid point after `nowMs` (a round that ends early waits for its slot; a late one takes the next). */
  next(nowMs: number): DueTick {
    const index = Math.max(this.last + 1, Math.floor((nowMs - this.startMs) / this.intervalMs) + 1)
    const intervals = index - this.last
    this.last = index
    return { dueMs: this.startMs + index * this.intervalMs, index, intervals }
  }
}
