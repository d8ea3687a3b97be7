// Route replay's arithmetic: where the vehicle is at a replay time, and the speeds offered.
import type { VehicleSensors } from '#shared/vehicles'

/** A point of a replayed track (GET /api/vehicles/{v}/track with its stored sensors). */
export interface ReplayPoint {
  lat: number
  lon: number
  speed: number
  course: number
  sensors: VehicleSensors | null
  recordedAt: string
}

/** Replay speeds: track seconds per wall-clock second. */
export const REPLAY_SPEEDS = [1, 2, 5, 10, 30, 60] as const

/** Index of the last point recorded at or before `at` (ms); 0 before the first. Points are in time order. */
export function indexAt(times: readonly number[], at: number): number {
  let low = 0
  let high = times.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if (times[middle]! <= at) low = middle
    else high = middle - 1
  }
  return Math.max(0, low)
}

/** The replay time after `elapsedMs` of wall-clock time at `speed`, held at `end`. */
export function advance(at: number, elapsedMs: number, speed: number, end: number): number {
  return Math.min(end, at + elapsedMs * speed)
}
