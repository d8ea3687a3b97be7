// One trip being built from its segments, and how a finished trip and a stop are answered.
import type { Stop, Trip } from '../../../../shared/trips'
import type { TrackPoint } from './trip-rules'

/** Rounds to `digits` decimals, for answers that should not carry float noise. */
function rounded(value: number, digits: number): number {
  const scale = 10 ** digits
  return Math.round(value * scale) / scale
}

/** A trip from its first point on: distance and top speed so far, and its newest point. */
export class TripAccumulator {
  km = 0
  maxSpeed: number
  last: TrackPoint

  constructor(readonly start: TrackPoint) {
    this.last = start
    this.maxSpeed = start.speed
  }

  /** Extends the trip to `point`, `km` further. */
  extend(point: TrackPoint, km: number): void {
    this.km += km
    this.last = point
    this.maxSpeed = Math.max(this.maxSpeed, point.speed)
  }

  /** The answer for this trip, ended at its newest point, or under way (`endAt` null) when `open`. */
  toTrip(open: boolean): Trip {
    const seconds = (this.last.at - this.start.at) / 1000
    return {
      startAt: new Date(this.start.at).toISOString(),
      endAt: open ? null : new Date(this.last.at).toISOString(),
      startLat: this.start.lat, startLon: this.start.lon, endLat: this.last.lat, endLon: this.last.lon,
      distanceKm: rounded(this.km, 3),
      durationSeconds: Math.round(seconds),
      maxSpeed: rounded(this.maxSpeed, 1),
      avgSpeed: seconds > 0 ? rounded(this.km / (seconds / 3600), 1) : 0,
    }
  }
}

/** The answer for a stop that began at `start` and ended at `endAt` (ms), or still lasts at `until` when `endAt` is null. */
export function toStop(start: TrackPoint, endAt: number | null, until: number): Stop {
  return {
    startAt: new Date(start.at).toISOString(),
    endAt: endAt === null ? null : new Date(endAt).toISOString(),
    lat: start.lat, lon: start.lon,
    durationSeconds: Math.max(0, Math.round(((endAt ?? until) - start.at) / 1000)),
  }
}
