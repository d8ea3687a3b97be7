// Keeps the vehicle rows' latest position, sensors and status, moved only by positions newer than it: for a whole
// batch of vehicles at once (one query for who stood still, one UPDATE for every row), not a statement per vehicle.
import { sql } from 'drizzle-orm'
import type { PositionPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import type { VehicleSensors } from '../../../shared/vehicles'
import { vehicles } from '../../db/schema'
import type { IncomingPosition } from './incoming-positions'
import { toPositionPayload } from './position-payload'
import type { LockedVehicle } from './tenant-vehicles'
import { deriveStatus, MOVING_SPEED_KMH, PARKING_AFTER_MS } from './vehicle-status'

/** A vehicle and its positions newer than its stored latest, in time order. */
export interface FreshTrack {
  vehicle: LockedVehicle
  fresh: IncomingPosition[]
}

/** The positions of `points` newer than the vehicle's stored latest (devices resend old points). */
export function newerThanLatest(vehicle: LockedVehicle, points: IncomingPosition[]): IncomingPosition[] {
  const latest = vehicle.lastPositionAt?.getTime() ?? Number.NEGATIVE_INFINITY
  return points.filter(point => point.recordedAt.getTime() > latest)
}

/** Writes the newest point of each track (all newer than their rows') onto the vehicle rows; returns their payloads. */
export async function updateLatest(tx: Database, tracks: FreshTrack[]): Promise<PositionPayload[]> {
  if (tracks.length === 0) return []
  const moved = tracks.map(({ vehicle, fresh }) => {
    const newest = fresh.at(-1)!
    // Devices often send only the sensors that changed; later values win.
    const sensors = fresh.reduce<VehicleSensors>((merged, point) => ({ ...merged, ...point.sensors }), vehicle.sensors)
    const mayPark = newest.satellites !== 0 && newest.speed <= MOVING_SPEED_KMH && sensors.ignition === undefined
    return { vehicle, newest, sensors, mayPark, place: whereItIs(vehicle, fresh) }
  })
  const parked = await stoodStillLong(tx, moved.filter(entry => entry.mayPark).map(entry => ({ vehicleId: entry.vehicle.id, at: entry.newest.recordedAt })))
  const rows = moved.map(({ vehicle, newest, sensors, mayPark, place }) => ({
    vehicle, newest, sensors, place,
    status: deriveStatus({ speed: newest.speed, satellites: newest.satellites, ignition: sensors.ignition, standingLong: mayPark && parked.has(vehicle.id) }),
  }))
  const column = <T>(pick: (row: typeof rows[number]) => T) => sql.param(rows.map(pick))
  await tx.execute(sql`
    UPDATE ${vehicles} SET lat = v.lat, lon = v.lon, speed = v.speed, course = v.course, sensors = v.sensors, last_position_at = v.at, status = v.status
    FROM unnest(${column(row => row.vehicle.id)}::integer[], ${column(row => row.place.lat)}::double precision[], ${column(row => row.place.lon)}::double precision[],
      ${column(row => row.newest.speed)}::double precision[], ${column(row => row.place.course)}::double precision[], ${column(row => JSON.stringify(row.sensors))}::jsonb[],
      ${column(row => row.newest.recordedAt.toISOString())}::timestamptz[], ${column(row => row.status)}::text[]) AS v(id, lat, lon, speed, course, sensors, at, status)
    WHERE ${vehicles.id} = v.id`)
  return rows.map(row => toPositionPayload(row.vehicle.id, { ...row.newest, ...row.place }, row.status))
}

// A point without a fix (satellites 0: trackers send zero coordinates) says nothing about the place:
// the vehicle stays where its last fix put it, in these points or before them.
function whereItIs(vehicle: LockedVehicle, fresh: IncomingPosition[]): { lat: number, lon: number, course: number } {
  const place = fresh.findLast(point => point.satellites !== 0)
  if (!place && vehicle.lat !== null && vehicle.lon !== null) return { lat: vehicle.lat, lon: vehicle.lon, course: vehicle.course ?? 0 }
  const { lat, lon, course } = place ?? fresh.at(-1)!
  return { lat, lon, course }
}

// Parked without an ignition sensor: the stored track (this request's points included) reaches back more than
// 5 minutes before `at` and shows no movement within them. One query for all candidates; returns their ids.
async function stoodStillLong(tx: Database, candidates: Array<{ vehicleId: number, at: Date }>): Promise<Set<number>> {
  if (candidates.length === 0) return new Set()
  const result = await tx.execute(sql`
    SELECT c.id FROM unnest(${sql.param(candidates.map(c => c.vehicleId))}::integer[], ${sql.param(candidates.map(c => c.at.toISOString()))}::timestamptz[],
      ${sql.param(candidates.map(c => new Date(c.at.getTime() - PARKING_AFTER_MS).toISOString()))}::timestamptz[]) AS c(id, at, since)
    WHERE NOT EXISTS (SELECT 1 FROM positions p WHERE p.vehicle_id = c.id AND p.recorded_at >= c.since AND p.recorded_at <= c.at AND p.speed > ${MOVING_SPEED_KMH})
      AND EXISTS (SELECT 1 FROM positions p WHERE p.vehicle_id = c.id AND p.recorded_at < c.since)`)
  return new Set((result as unknown as { rows: Array<{ id: number }> }).rows.map(row => Number(row.id)))
}
