// Synthetic tracks for the trip tests: a vehicle driving north along a meridian or standing still, one fix per step.
import type { Stop, Trip } from '../../../../../../shared/trips'
import type { Segment } from '../../../../../../server/domain/vehicles/trips/trip-detector'
import { TripDetector } from '../../../../../../server/domain/vehicles/trips/trip-detector'
import type { TrackPoint } from '../../../../../../server/domain/vehicles/trips/trip-rules'
import { DEFAULT_TRIP_RULES } from '../../../../../../server/domain/vehicles/trips/trip-rules'

/** Degrees of latitude per km (a meridian). */
export const DEGREES_PER_KM = 1 / 111.195

export class SyntheticTrack {
  readonly points: TrackPoint[] = []
  constructor(private at: number, private lat = 52, private readonly lon = 5) {}

  /** `seconds` of driving at `speed` km/h, one fix every `step` seconds, ignition as given (null: not reported). */
  drive(seconds: number, speed = 60, ignition: boolean | null = null, step = 10): this {
    for (let t = step; t <= seconds; t += step) {
      this.at += step * 1000
      this.lat += speed * step / 3600 * DEGREES_PER_KM
      this.points.push({ at: this.at, lat: this.lat, lon: this.lon, speed, ignition, fix: true })
    }
    return this
  }

  /** `seconds` standing still, one fix every `step` seconds. */
  stand(seconds: number, ignition: boolean | null = null, step = 10): this {
    return this.drive(seconds, 0, ignition, step)
  }

  /** One fix `seconds` after the last, `km` north (a jump when far and soon); with `stay` the track goes on from there. */
  jump(seconds: number, km: number, speed = 60, stay = false): this {
    this.at += seconds * 1000
    this.points.push({ at: this.at, lat: this.lat + km * DEGREES_PER_KM, lon: this.lon, speed, ignition: null, fix: true })
    if (stay) this.lat += km * DEGREES_PER_KM
    return this
  }

  get lastAt(): number {
    return this.at
  }
}

/** Runs detection over `points` with the default rules; `now` defaults to far after the track (a closed range). */
export function detect(points: TrackPoint[], options: { now?: number, reachesNow?: boolean } = {}): { trips: Trip[], stops: Stop[], segments: Segment[] } {
  const found = { trips: [] as Trip[], stops: [] as Stop[], segments: [] as Segment[] }
  const detector = new TripDetector(DEFAULT_TRIP_RULES, { trip: trip => found.trips.push(trip), stop: stop => found.stops.push(stop), segment: segment => found.segments.push(segment) })
  for (const point of points) detector.push(point)
  detector.finish(options.now ?? Number.MAX_SAFE_INTEGER, options.reachesNow ?? false)
  return found
}
