// Trip and stop detection over a vehicle's stored positions (back-filled ones included: they are stored like any other).
import type { Stop, Trip } from '../../../../shared/trips'
import type { Database } from '../../../db/connection'
import { positionPages } from './position-pages'
import type { StoredPosition } from './position-pages'
import type { DetectionListener } from './trip-detector'
import { TripDetector } from './trip-detector'
import type { TrackPoint, TripRules } from './trip-rules'
import { DEFAULT_TRIP_RULES } from './trip-rules'

/** A range ending this close to now (or later) runs to the present: what is under way is answered as such. */
const PRESENT_TOLERANCE_MS = 60_000

/** A stored position as detection reads it. */
export function toTrackPoint(row: StoredPosition): TrackPoint {
  return {
    at: row.recordedAt.getTime(), lat: row.lat, lon: row.lon, speed: row.speed,
    ignition: typeof row.sensors?.ignition === 'boolean' ? row.sensors.ignition : null, fix: row.satellites !== 0,
  }
}

/**
 * Streams the vehicle's positions in [from, to] through detection; after each page of positions yields what
 * `listen` gathered into the array it is handed (trips, stops, …), so callers can stream their answer too.
 */
export async function* detectTrips<T>(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date, listen: (found: T[]) => DetectionListener, rules: TripRules = DEFAULT_TRIP_RULES): AsyncGenerator<T[]> {
  const found: T[] = []
  const detector = new TripDetector(rules, listen(found))
  for await (const page of positionPages(db, vehicleId, range.from, range.to)) {
    for (const row of page) detector.push(toTrackPoint(row))
    if (found.length > 0) yield found.splice(0)
  }
  detector.finish(now.getTime(), range.to.getTime() >= now.getTime() - PRESENT_TOLERANCE_MS)
  if (found.length > 0) yield found.splice(0)
}

/** The vehicle's trips in the range, page by page, oldest first. */
export function tripPages(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date): AsyncGenerator<Trip[]> {
  return detectTrips<Trip>(db, vehicleId, range, now, found => ({ trip: trip => found.push(trip) }))
}

/** The vehicle's stops in the range, page by page, oldest first. */
export function stopPages(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date): AsyncGenerator<Stop[]> {
  return detectTrips<Stop>(db, vehicleId, range, now, found => ({ stop: stop => found.push(stop) }))
}

/** Every item of every page, for JSON answers (trips and stops are few even when their positions are many). */
export async function allOf<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = []
  for await (const page of pages) all.push(...page)
  return all
}
