// Keeps the vehicle row's latest position, sensors and status, moved only by positions newer than it.
import { and, eq, gte, gt, lt, lte } from 'drizzle-orm'
import type { PositionPayload } from '../../../shared/events'
import type { Database } from '../../db/connection'
import type { VehicleSensors } from '../../../shared/vehicles'
import { positions, vehicles } from '../../db/schema'
import type { IncomingPosition } from './incoming-positions'
import { toPositionPayload } from './position-payload'
import type { LockedVehicle } from './tenant-vehicles'
import { deriveStatus, MOVING_SPEED_KMH, PARKING_AFTER_MS } from './vehicle-status'

/** The positions of `points` newer than the vehicle's stored latest (devices resend old points). */
export function newerThanLatest(vehicle: LockedVehicle, points: IncomingPosition[]): IncomingPosition[] {
  const latest = vehicle.lastPositionAt?.getTime() ?? Number.NEGATIVE_INFINITY
  return points.filter(point => point.recordedAt.getTime() > latest)
}

/** Writes the newest of `fresh` (time-ordered, all newer than the row's) onto the vehicle row; returns its payload. */
export async function updateLatest(tx: Database, vehicle: LockedVehicle, fresh: IncomingPosition[]): Promise<PositionPayload> {
  const newest = fresh.at(-1)!
  // Devices often send only the sensors that changed; later values win.
  const sensors = fresh.reduce<VehicleSensors>((merged, point) => ({ ...merged, ...point.sensors }), vehicle.sensors)
  const status = deriveStatus({
    speed: newest.speed, satellites: newest.satellites, ignition: sensors.ignition,
    standingLong: newest.satellites !== 0 && newest.speed <= MOVING_SPEED_KMH && sensors.ignition === undefined && await stoodStillLong(tx, vehicle.id, newest.recordedAt),
  })
  const place = whereItIs(vehicle, fresh)
  await tx.update(vehicles).set({
    lat: place.lat, lon: place.lon, speed: newest.speed, course: place.course, sensors, lastPositionAt: newest.recordedAt, status,
  }).where(eq(vehicles.id, vehicle.id))
  return toPositionPayload(vehicle.id, { ...newest, ...place }, status)
}

// A point without a fix (satellites 0: trackers send zero coordinates) says nothing about the place:
// the vehicle stays where its last fix put it, in these points or before them.
function whereItIs(vehicle: LockedVehicle, fresh: IncomingPosition[]): { lat: number, lon: number, course: number } {
  const place = fresh.findLast(point => point.satellites !== 0)
  if (!place && vehicle.lat !== null && vehicle.lon !== null) return { lat: vehicle.lat, lon: vehicle.lon, course: vehicle.course ?? 0 }
  const { lat, lon, course } = place ?? fresh.at(-1)!
  return { lat, lon, course }
}

// Parked without an ignition sensor: the stored track (this request's points included) reaches back
// more than 5 minutes and shows no movement within them.
async function stoodStillLong(tx: Database, vehicleId: number, at: Date): Promise<boolean> {
  const since = new Date(at.getTime() - PARKING_AFTER_MS)
  const [moved] = await tx.select({ id: positions.id }).from(positions)
    .where(and(eq(positions.vehicleId, vehicleId), gte(positions.recordedAt, since), lte(positions.recordedAt, at), gt(positions.speed, MOVING_SPEED_KMH))).limit(1)
  if (moved) return false
  const [older] = await tx.select({ id: positions.id }).from(positions)
    .where(and(eq(positions.vehicleId, vehicleId), lt(positions.recordedAt, since))).limit(1)
  return older !== undefined
}
