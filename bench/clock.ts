// A sub-millisecond wall clock in epoch milliseconds, comparable with Date.now() on the same machine.
import { performance } from 'node:perf_hooks'

/** Milliseconds since the Unix epoch with microsecond resolution (performance.timeOrigin + performance.now()). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now()
}

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise(done => setTimeout(done, Math.max(0, ms)))
}
