// A schedule for FrameCoalescer that hands batches over at most once per interval, each time in an animation frame:
// a large fleet reporting at 1 Hz arrives in several batches a second, and each handover re-renders the page and
// redraws the map; once a second shows every vehicle's newest position within a second of its arrival.

export interface PacedFramesOptions {
  /** Least time between two handovers, ms. */
  intervalMs: number
  /** The clock, ms (performance.now in the browser). */
  now?: () => number
  /** Runs the callback after `ms` (setTimeout in the browser). */
  later?: (callback: () => void, ms: number) => void
  /** Runs the callback at the next animation frame (requestAnimationFrame in the browser). */
  frame?: (callback: () => void) => void
}

/** A `schedule(callback)` that runs the callback at the first animation frame at least `intervalMs` after the last run. */
export function pacedFrames(options: PacedFramesOptions): (callback: () => void) => void {
  const now = options.now ?? (() => performance.now())
  const later = options.later ?? ((callback, ms) => { setTimeout(callback, ms) })
  const frame = options.frame ?? (callback => { requestAnimationFrame(callback) })
  let lastRunAt = -Infinity
  const run = (callback: () => void) => frame(() => {
    lastRunAt = now()
    callback()
  })
  return (callback) => {
    const wait = lastRunAt + options.intervalMs - now()
    if (wait <= 0) run(callback)
    else later(() => run(callback), wait)
  }
}
