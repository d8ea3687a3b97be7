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

/** Streams the vehicle's positions in [from, to] through detection, telling `listener` what it finds. */
export async function detectTrips(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date, listener: DetectionListener, rules: TripRules = DEFAULT_TRIP_RULES): Promise<void> {
  const detector = new TripDetector(rules, listener)
  for await (const page of positionPages(db, vehicleId, range.from, range.to)) {
    for (const row of page) detector.push(toTrackPoint(row))
  }
  detector.finish(now.getTime(), range.to.getTime() >= now.getTime() - PRESENT_TOLERANCE_MS)
}

/** The vehicle's trips in the range, oldest first. */
export async function vehicleTrips(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date): Promise<Trip[]> {
  const trips: Trip[] = []
  await detectTrips(db, vehicleId, range, now, { trip: trip => trips.push(trip) })
  return trips
}

/** The vehicle's stops in the range, oldest first. */
export async function vehicleStops(db: Database, vehicleId: number, range: { from: Date, to: Date }, now: Date): Promise<Stop[]> {
  const stops: Stop[] = []
  await detectTrips(db, vehicleId, range, now, { stop: stop => stops.push(stop) })
  return stops
}
